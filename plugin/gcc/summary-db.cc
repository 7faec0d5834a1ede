/* summary-db.cc — the summary database's files and its place in a compile
   (summary-db.h).  The text form and the table are the engine's
   (plugin/core/summary-db.c); here: which functions go in, file names, atomic
   writes, reading a directory, the stale check, GCC locations for the other
   files' places.  */

#include "gcc-common.h"
#include "summary-db.h"
#include "lower.h"
#include "lower-input.h"
#include "options.h"
#include "unit.h"
#include "../core/summary-db.h"

#include <algorithm>
#include <dirent.h>
#include <map>
#include <set>
#include <string>
#include <vector>

/* This unit's functions (by assembler name) and the names it looked up.  */
struct defined_fn
{
  mr_summary sum;
  bool never_returns;
  mr_input_facts input;		/* allocator: a string of the knowledge base or a literal */
};
static std::map<std::string, defined_fn> *defined;
static std::set<std::string> *looked_up;

static mr_summary_db *db;
static bool db_loaded;
static bool analysed_any;	/* the pass ran: the front end had no error */

/* The directory read: summaries-read=, else summaries=.  */
static const char *
read_dir (void)
{
  return mr_opts.summaries_read ? mr_opts.summaries_read : mr_opts.summaries;
}

/* The name a symbol has in every translation unit: its assembler name, without
   the '*' of a user's asm label.  */
static std::string
symbol_name (tree decl)
{
  const char *n = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (decl));
  return n[0] == '*' ? n + 1 : n;
}

static std::string
current_dir (void)
{
  char cwd[4096];
  return getcwd (cwd, sizeof cwd) ? cwd : "";
}

/* A file name as the compile saw it, made absolute: the database is read by
   compiles run in other directories.  */
static std::string
absolute (const char *file)
{
  if (file[0] == '/')
    return file;
  return current_dir () + "/" + file;
}

/* The main input file, absolute: the unit's identity in the database.  */
static const std::string &
unit_source (void)
{
  static std::string path;
  if (path.empty ())
    path = absolute (main_input_filename ? main_input_filename : "<stdin>");
  return path;
}

/* The modification time of a file in nanoseconds, or -1 if it is missing.  */
static long long
mtime_of (const char *path)
{
  struct stat st;
  if (stat (path, &st) != 0)
    return -1;
  return (long long) st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

/* DIR/<source's base name>.<hash of its absolute path>.mrs: a compile of the same
   file replaces its file.  */
static std::string
unit_file_name (void)
{
  const std::string &src = unit_source ();
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : src)
    h = (h ^ c) * 0x100000001b3ull;
  size_t slash = src.rfind ('/');
  char hex[20];
  snprintf (hex, sizeof hex, "%016llx", (unsigned long long) h);
  return src.substr (slash == std::string::npos ? 0 : slash + 1) + "." + hex + ".mrs";
}

static bool
read_file (const std::string &path, std::string *out)
{
  FILE *f = fopen (path.c_str (), "rb");
  if (!f)
    return false;
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    out->append (buf, n);
  fclose (f);
  return true;
}

/* Reads every file of the directory but this unit's own, once.  */
static void
load (void)
{
  db_loaded = true;
  db = mr_summary_db_new ();
  const char *dir = read_dir ();
  DIR *d = opendir (dir);
  if (!d)
    {
      inform (UNKNOWN_LOCATION, "memrules: no summaries database at %qs: calls to "
	      "functions of other files are unknown calls (fill it with %<memrules-scan "
	      "--summaries-only%>)", dir);
      return;
    }
  std::vector<std::string> names;
  while (struct dirent *ent = readdir (d))
    {
      size_t len = strlen (ent->d_name);
      if (ent->d_name[0] != '.' && len > 4 && strcmp (ent->d_name + len - 4, ".mrs") == 0)
	names.push_back (ent->d_name);
    }
  closedir (d);
  std::sort (names.begin (), names.end ());
  std::string own = unit_file_name ();
  unsigned other_version = 0, stale = 0, bad = 0;
  std::string first_bad;
  for (const std::string &name : names)
    {
      if (name == own)
	continue;
      std::string path = std::string (dir) + "/" + name, text;
      if (!read_file (path, &text))
	continue;
      mr_db_unit unit;
      unsigned line = 0;
      mr_db_status st = mr_summary_db_parse_unit (text.c_str (), &unit, &line);
      if (st == MR_DB_OK && unit.source == unit_source ())
	continue;		/* this unit, written under another name */
      /* The unit's source changed (or went) since its summaries were written: they
	 may say what the function no longer does.  */
      if (st == MR_DB_OK && mtime_of (unit.source) != unit.mtime)
	{
	  stale++;
	  continue;
	}
      if (st == MR_DB_OK)
	st = mr_summary_db_add (db, text.c_str (), &line);
      if (st == MR_DB_OTHER_VERSION)
	other_version++;
      else if (st == MR_DB_BAD && !bad++)
	first_bad = path + ":" + std::to_string (line);
    }
  if (other_version)
    inform (UNKNOWN_LOCATION, "memrules: %u summaries file(s) in %qs written by another "
	    "version of memrules ignored (fill the database again)", other_version, dir);
  if (stale)
    inform (UNKNOWN_LOCATION, "memrules: %u summaries file(s) in %qs ignored: their "
	    "source changed since (stale; fill the database again)", stale, dir);
  if (bad)
    inform (UNKNOWN_LOCATION, "memrules: %u malformed summaries file(s) in %qs ignored "
	    "(first at %s)", bad, dir, first_bad.c_str ());
}

/* A GCC location for file:line:col of another file.  The front end is done with
   the line table when the pass runs; a map entered after its last one is seen by
   the diagnostics as a main file of its own, as lto1's streamed-in locations are.  */
static location_t
location_in (const char *file, int line, int column)
{
  static std::map<std::string, location_t> *cache;
  if (!file || line <= 0)
    return UNKNOWN_LOCATION;
  if (!cache)
    cache = new std::map<std::string, location_t>;
  std::string key = std::string (file) + ":" + std::to_string (line) + ":"
		    + std::to_string (column);
  auto it = cache->find (key);
  if (it != cache->end ())
    return it->second;
  linemap_add (line_table, LC_RENAME, false, xstrdup (file), line);
  linemap_line_start (line_table, line, column + 1);
  location_t loc = linemap_position_for_column (line_table, column);
  (*cache)[key] = loc;
  return loc;
}

/* A place in another file, named relative to this compile's directory when it is
   under it, as GCC names the files it was given.  */
static void
locate (mr_loc *l)
{
  if (!l->file || l->handle)
    return;
  std::string prefix = current_dir () + "/";
  const char *file = l->file;
  if (strncmp (file, prefix.c_str (), prefix.size ()) == 0)
    file += prefix.size ();
  l->handle = (uint64_t) location_in (file, l->line, l->column);
}

/* fndecl's entry, if the database may be asked about it.  */
static mr_db_entry *
lookup (tree fndecl)
{
  if (in_lto_p || !read_dir () || !fndecl || !TREE_PUBLIC (fndecl)
      || fndecl_built_in_p (fndecl))
    return NULL;
  cgraph_node *node = cgraph_node::get (fndecl);
  if (node && node->ultimate_alias_target ()->definition)
    return NULL;		/* defined here: its own summary or none */
  if (!db_loaded)
    load ();
  std::string name = symbol_name (fndecl);
  if (!looked_up)
    looked_up = new std::set<std::string>;
  looked_up->insert (name);
  return mr_summary_db_get (db, name.c_str ());
}

const mr_summary *
mr_db_summary (tree fndecl)
{
  mr_db_entry *e = lookup (fndecl);
  if (!e || !e->sum.valid)
    return NULL;
  if (!e->located)
    {
      locate (&e->sum.free_loc);
      locate (&e->sum.freed_ret_loc);
      for (unsigned i = 0; i < e->sum.nfield_frees; i++)
	locate (&e->sum.field_frees[i].loc);
      e->located = true;
    }
  return &e->sum;
}

const mr_input_facts *
mr_db_input (tree fndecl)
{
  mr_db_entry *e = lookup (fndecl);
  return e && mr_input_facts_any (&e->input) ? &e->input : NULL;
}

bool
mr_db_never_returns (tree fndecl)
{
  mr_db_entry *e = lookup (fndecl);
  return e && e->never_returns;
}

/* Is decl a symbol other units call by this name and get this body: external
   linkage, not a COMDAT copy each user has, not weak (the linker may pick another)?  */
static bool
exported (tree decl)
{
  return TREE_PUBLIC (decl) && !DECL_EXTERNAL (decl) && !DECL_COMDAT (decl)
	 && !DECL_WEAK (decl);
}

void
mr_db_note_defined (tree fndecl, const mr_summary *sum)
{
  if (!mr_opts.summaries || in_lto_p || mr_unit.unit_view)
    return;
  analysed_any = true;
  if (!defined)
    defined = new std::map<std::string, defined_fn>;
  defined_fn d = { *sum, mr_never_returns (fndecl), mr_input_facts () };
  /* What it does with input (lower-input-calls.cc): the body is in SSA form now.  */
  unit_input_facts (fndecl, &d.input);
  if (exported (fndecl))
    (*defined)[symbol_name (fndecl)] = d;
  /* C++'s complete-object constructors and destructors are aliases of the base
     ones, and callers name them.  */
  if (cgraph_node *node = cgraph_node::get (fndecl))
    {
      ipa_ref *ref;
      for (unsigned i = 0; node->iterate_direct_aliases (i, ref); i++)
	if (exported (ref->referring->decl))
	  (*defined)[symbol_name (ref->referring->decl)] = d;
    }
}

void
mr_db_finish_unit (void *, void *)
{
  /* After an error of the front end the pass did not run: the file would say the
     unit defines nothing.  Errors of the passes (-Werror made of findings) leave
     every summary computed.  */
  if (!mr_opts.summaries || in_lto_p || (seen_error () && !analysed_any))
    return;
  const char *dir = mr_opts.summaries;
  if (mkdir (dir, 0777) != 0 && errno != EEXIST)
    {
      inform (UNKNOWN_LOCATION, "memrules: cannot create the summaries directory %qs: %m",
	      dir);
      return;
    }
  mr_text t = {};
  mr_summary_db_write_unit (&t, unit_source ().c_str (), mtime_of (unit_source ().c_str ()));
  if (defined)
    for (auto &d : *defined)
      {
	mr_summary sum = d.second.sum;
	std::string files[2 + MR_SUMMARY_FIELDS];
	mr_loc *locs[2 + MR_SUMMARY_FIELDS] = { &sum.free_loc, &sum.freed_ret_loc };
	for (unsigned i = 0; i < sum.nfield_frees && i < MR_SUMMARY_FIELDS; i++)
	  locs[2 + i] = &sum.field_frees[i].loc;
	for (unsigned i = 0; i < 2 + MR_SUMMARY_FIELDS; i++)
	  if (locs[i] && locs[i]->file)
	    {
	      files[i] = absolute (locs[i]->file);
	      locs[i]->file = files[i].c_str ();
	    }
	mr_summary_db_write_fn (&t, d.first.c_str (), &sum, d.second.never_returns,
				&d.second.input);
      }
  std::vector<const char *> uses;
  if (looked_up)
    for (const std::string &n : *looked_up)
      uses.push_back (n.c_str ());
  mr_summary_db_write_uses (&t, uses.data (), uses.size ());
  /* Temporary file + rename: a reader under make -j sees the old file or the new
     one, never half of one.  */
  std::string final_path = std::string (dir) + "/" + unit_file_name ();
  std::string tmp = std::string (dir) + "/." + unit_file_name () + ".tmp."
		    + std::to_string ((long) getpid ());
  FILE *f = fopen (tmp.c_str (), "wb");
  bool ok = f && fwrite (t.s, 1, t.n, f) == t.n;
  ok &= f && fclose (f) == 0;
  if (!ok || rename (tmp.c_str (), final_path.c_str ()) != 0)
    {
      inform (UNKNOWN_LOCATION, "memrules: cannot write the summaries file %qs: %m",
	      final_path.c_str ());
      unlink (tmp.c_str ());
    }
  mr_text_free (&t);
}
