/* sarif-out.cc — the SARIF log of a translation unit, from the findings report.cc prints.

   report.cc formats each message itself (report.cc, "Messages") and hands GCC the
   finished text; the same text and location go into the log here, through an
   mr_sarif_scope that lives as long as one finding's diagnostics.  Nothing here touches
   GCC's printer or output formats, so the log is the same on every GCC version and
   whatever -fdiagnostics-format says (GCC's own SARIF output, on GCC 13 and later,
   carries the findings too, as any warning with a CWE).

   The log is written at PLUGIN_FINISH, once per translation unit, through
   plugin/core/sarif.c: atomically, to the file or directory sarif= names.  Not in
   lto1 (no translation unit) nor for -E (nothing analysed).  */

#include "gcc-common.h"
#include "options.h"
#include "sarif-out.h"
#include "../core/sarif.h"

#include <string>
#include <vector>

struct mr_recorded
{
  std::string text, file;
  int line, column, end_line, end_column;
};

static mr_sarif_log *sarif_log;

/* LOC as SARIF wants it: the range's start column when it starts on the caret's line,
   and its end (exclusive) when it ends after the start.  */
static mr_recorded
record (location_t loc, const char *text)
{
  mr_recorded r;
  r.text = text;
  expanded_location caret = expand_location (loc);
  expanded_location start = expand_location (get_start (loc));
  expanded_location finish = expand_location (get_finish (loc));
  r.file = caret.file ? caret.file : "";
  r.line = caret.line;
  r.column = caret.column;
  if (start.file == caret.file && start.line == caret.line && start.column > 0
      && start.column <= caret.column)
    r.column = start.column;
  r.end_line = r.end_column = 0;
  if (finish.file == caret.file && finish.line >= caret.line && finish.column > 0
      && (finish.line > caret.line || finish.column >= r.column))
    {
      r.end_line = finish.line;
      r.end_column = finish.column + 1;
    }
  return r;
}

struct mr_sarif_scope::pending
{
  bool error;
  mr_recorded result;
  std::vector<mr_recorded> notes;
};

mr_sarif_scope::mr_sarif_scope (mr_rule rule)
  : m_rule (rule), m_pending (NULL)
{
}

void
mr_sarif_scope::warning (location_t loc, const char *text, bool error)
{
  if (!mr_opts.sarif || m_pending)
    return;
  m_pending = new pending;
  m_pending->error = error;
  m_pending->result = record (loc, text);
}

void
mr_sarif_scope::note (location_t loc, const char *text)
{
  if (m_pending)
    m_pending->notes.push_back (record (loc, text));
}

static mr_sarif_loc
sarif_loc (const mr_recorded &r, bool note)
{
  mr_sarif_loc l = { r.file.c_str (), r.line, r.column, r.end_line, r.end_column,
		     note ? r.text.c_str () : NULL };
  return l;
}

mr_sarif_scope::~mr_sarif_scope ()
{
  if (!m_pending)
    return;
  if (!sarif_log)
    sarif_log = mr_sarif_new (MEMRULES_VERSION, getpwd ());
  std::vector<mr_sarif_loc> notes;
  for (const mr_recorded &n : m_pending->notes)
    notes.push_back (sarif_loc (n, true));
  mr_sarif_loc at = sarif_loc (m_pending->result, false);
  mr_sarif_add (sarif_log, m_rule, m_pending->error, m_pending->result.text.c_str (), &at,
		notes.data (), (unsigned) notes.size ());
  delete m_pending;
}

void
mr_sarif_finish (void *gcc_data, void *user_data)
{
  if (!mr_opts.sarif || in_lto_p || flag_preprocess_only)
    return;
  if (!sarif_log)
    sarif_log = mr_sarif_new (MEMRULES_VERSION, getpwd ());
  /* What names this translation unit's output: the directory form's file name is
     the same each time the unit is compiled, so a rebuild replaces its log.  */
  std::string key = std::string (getpwd ()) + "\n" + (main_input_filename
						       ? main_input_filename : "")
		    + "\n" + (dump_dir_name ? dump_dir_name : "") + "\n"
		    + (dump_base_name ? dump_base_name : "");
  char path[4096];
  if (!mr_sarif_path (mr_opts.sarif, main_input_filename, key.c_str (), (long) getpid (),
		      path, sizeof path))
    {
      error ("SARIF log name too long for %<-fplugin-arg-memrules-sarif=%s%>",
	     mr_opts.sarif);
      return;
    }
  char *text = mr_sarif_json (sarif_log);
  int rc = mr_sarif_write_file (path, text);
  free (text);
  if (rc)
    error ("cannot write SARIF log %qs: %s", path, xstrerror (rc));
  mr_sarif_free (sarif_log);
  sarif_log = NULL;
}
