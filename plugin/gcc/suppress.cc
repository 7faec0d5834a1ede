/* suppress.cc — per-file pragma state, exclude= globs, and the verdict for a finding.

   GCC parses the whole translation unit before the first function reaches our pass
   (GCC-PLUGIN-FACTS.md §4), so by the time a finding is reported every `#pragma
   memrules` of the file has been seen.  Suppression is therefore a lookup by location,
   not a "current state" flag: each pragma leaves a snapshot (line, mode of every
   rule) in the table of its own file, and a finding at line L of file F takes the
   last snapshot of F at or before L.  Files are kept apart, so a pragma in a header
   applies to that header only, and a header's findings are not affected by pragmas of
   the file that includes it.

   Which location: a finding's location may be a macro expansion.  Its rule is
   suppressed if it is ignored at the expansion point (the line the user wrote the
   macro on) or at the spelling location (the line in the macro's definition); its
   severity comes from the expansion point.  Notes do not decide anything: a note is
   shown when its warning is, wherever it points.  */

#include "gcc-common.h"
#include "options.h"
#include "suppress.h"
#include "../core/pragma.h"

#include <fnmatch.h>
#include <string>
#include <vector>

struct mr_snapshot
{
  int line;
  unsigned char mode[MR_RULE_COUNT];
};

struct mr_file_pragmas
{
  std::string file;
  std::vector<mr_snapshot> snaps;	/* in the order the pragmas were seen */
  std::vector<mr_snapshot> stack;	/* push saves the current modes here */
  mr_snapshot cur;
};

static std::vector<mr_file_pragmas> files;

static mr_file_pragmas *
file_pragmas (const char *file, bool create)
{
  for (auto &f : files)
    if (f.file == file)
      return &f;
  if (!create)
    return NULL;
  files.emplace_back ();
  files.back ().file = file;
  memset (&files.back ().cur, 0, sizeof (mr_snapshot));
  return &files.back ();
}

static void
record (mr_file_pragmas *f, int line)
{
  f->cur.line = line;
  f->snaps.push_back (f->cur);
}

void
mr_suppress_set (const char *file, int line, const bool rules[MR_RULE_COUNT],
		 enum mr_mode mode)
{
  mr_file_pragmas *f = file_pragmas (file, true);
  for (int r = 0; r < MR_RULE_COUNT; r++)
    if (rules[r])
      f->cur.mode[r] = (unsigned char) mode;
  record (f, line);
}

bool
mr_suppress_apply (const char *file, int line, const mr_pragma *p)
{
  switch (p->verb)
    {
    case MR_PRAGMA_PUSH:
      mr_suppress_push (file, line);
      break;
    case MR_PRAGMA_POP:
      return mr_suppress_pop (file, line);
    case MR_PRAGMA_IGNORE:
    case MR_PRAGMA_WARN:
    case MR_PRAGMA_ERROR:
      mr_suppress_set (file, line, p->rules,
		       p->verb == MR_PRAGMA_IGNORE ? MR_MODE_IGNORE
		       : p->verb == MR_PRAGMA_WARN ? MR_MODE_WARN : MR_MODE_ERROR);
      break;
    case MR_PRAGMA_NONE:
      break;
    }
  return true;
}

void
mr_suppress_push (const char *file, int line)
{
  mr_file_pragmas *f = file_pragmas (file, true);
  f->stack.push_back (f->cur);
  (void) line;
}

bool
mr_suppress_pop (const char *file, int line)
{
  mr_file_pragmas *f = file_pragmas (file, false);
  if (!f || f->stack.empty ())
    return false;
  f->cur = f->stack.back ();
  f->stack.pop_back ();
  record (f, line);
  return true;
}

/* The pragma mode of RULE at FILE:LINE.  A file included twice without a guard
   records its pragmas twice; both passes leave the same snapshots, so taking the
   last one with the greatest line at or before LINE is right either way.  */
static enum mr_mode
mode_at (mr_rule rule, const char *file, int line)
{
  if (!file)
    return MR_MODE_DEFAULT;
  mr_file_pragmas *f = file_pragmas (file, false);
  if (!f)
    return MR_MODE_DEFAULT;
  const mr_snapshot *best = NULL;
  for (const auto &s : f->snaps)
    if (s.line <= line && (!best || s.line >= best->line))
      best = &s;
  return best ? (enum mr_mode) best->mode[rule] : MR_MODE_DEFAULT;
}

/* Globs are matched against the file name as GCC has it (as given on the command
   line or found on the include path) and against its absolute, symlink-free form;
   without FNM_PATHNAME, so '*' matches '/' too.  Results are cached per name.  */
bool
mr_file_excluded (const char *file)
{
  static std::vector<std::pair<std::string, bool> > cache;
  if (!file || mr_opts.nexclude == 0)
    return false;
  for (const auto &c : cache)
    if (c.first == file)
      return c.second;
  char *abs = lrealpath (file);
  bool hit = false;
  for (unsigned i = 0; i < mr_opts.nexclude && !hit; i++)
    hit = fnmatch (mr_opts.exclude[i], file, 0) == 0
	  || (abs && fnmatch (mr_opts.exclude[i], abs, 0) == 0);
  free (abs);
  cache.emplace_back (file, hit);
  return hit;
}

struct mr_verdict
mr_verdict_at (mr_rule rule, location_t loc)
{
  struct mr_verdict v = { false, false, false };
  location_t user = linemap_resolve_location (line_table, loc,
					      LRK_MACRO_EXPANSION_POINT, NULL);
  location_t spelt = linemap_resolve_location (line_table, loc,
					       LRK_SPELLING_LOCATION, NULL);
  expanded_location u = expand_location (user), s = expand_location (spelt);
  enum mr_mode mode = mode_at (rule, u.file, u.line);
  if (mode == MR_MODE_IGNORE || mode_at (rule, s.file, s.line) == MR_MODE_IGNORE
      || mr_file_excluded (u.file) || mr_file_excluded (s.file))
    {
      v.suppressed = true;
      return v;
    }
  v.set_werror = true;
  if (mode == MR_MODE_ERROR)
    v.werror = true;
  else if (mode == MR_MODE_WARN)
    v.werror = false;
  else if (mr_opts.error_rule[rule] || mr_opts.werror == MR_WERROR_YES)
    v.werror = true;
  else if (mr_opts.werror == MR_WERROR_NO)
    v.werror = false;
  else
    v.set_werror = false;
  return v;
}

mr_severity_scope::mr_severity_scope (const struct mr_verdict &v)
  : m_saved (mr_werror_requested ())
{
  if (v.set_werror)
    mr_set_werror_requested (v.werror);
}

mr_severity_scope::~mr_severity_scope ()
{
  mr_set_werror_requested (m_saved);
}
