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
#include <unistd.h>

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

/* One finding's result: the warning and its notes.  */
struct mr_sarif_scope_result
{
  bool error;
  mr_recorded result;
  std::vector<mr_recorded> notes;
};

struct mr_sarif_scope::pending : mr_sarif_scope_result
{
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

/* A finding's result into the log.  */
static void
add_pending (mr_rule rule, const mr_sarif_scope_result &p)
{
  if (!sarif_log)
    sarif_log = mr_sarif_new (MEMRULES_VERSION, getpwd ());
  std::vector<mr_sarif_loc> notes;
  for (const mr_recorded &n : p.notes)
    notes.push_back (sarif_loc (n, true));
  mr_sarif_loc at = sarif_loc (p.result, false);
  mr_sarif_add (sarif_log, rule, p.error, p.result.text.c_str (), &at, notes.data (),
		(unsigned) notes.size ());
}

/* Where a child process sends its results (mr_sarif_forward), or -1.  */
static int forward_fd = -1;

void
mr_sarif_forward (int fd)
{
  forward_fd = fd;
}

/* One recorded location as a line of numbers and the lengths of its two
   strings, then the strings.  */
static void
send_recorded (FILE *out, const mr_recorded &r)
{
  fprintf (out, "%d %d %d %d %zu %zu\n", r.line, r.column, r.end_line, r.end_column,
	   r.file.size (), r.text.size ());
  fwrite (r.file.data (), 1, r.file.size (), out);
  fwrite (r.text.data (), 1, r.text.size (), out);
}

static bool
receive_string (FILE *in, size_t n, std::string *s)
{
  s->resize (n);
  return n == 0 || fread (&(*s)[0], 1, n, in) == n;
}

static bool
receive_recorded (FILE *in, mr_recorded *r)
{
  size_t nfile, ntext;
  if (fscanf (in, "%d %d %d %d %zu %zu", &r->line, &r->column, &r->end_line,
	      &r->end_column, &nfile, &ntext) != 6 || fgetc (in) != '\n')
    return false;
  return receive_string (in, nfile, &r->file) && receive_string (in, ntext, &r->text);
}

void
mr_sarif_receive (int fd)
{
  FILE *in = fdopen (fd, "r");
  if (!in)
    return;
  int rule, error;
  unsigned nnotes;
  while (fscanf (in, "R %d %d %u", &rule, &error, &nnotes) == 3 && fgetc (in) == '\n'
	 && rule >= 0 && rule < MR_RULE_COUNT)
    {
      mr_sarif_scope_result p;
      p.error = error != 0;
      bool ok = receive_recorded (in, &p.result);
      for (unsigned i = 0; ok && i < nnotes; i++)
	{
	  mr_recorded n;
	  ok = receive_recorded (in, &n);
	  p.notes.push_back (n);
	}
      if (!ok)
	break;
      add_pending ((mr_rule) rule, p);
    }
  fclose (in);
}

mr_sarif_scope::~mr_sarif_scope ()
{
  if (!m_pending)
    return;
  if (forward_fd >= 0)
    {
      /* In a child process: to the compiler, which keeps the log.  */
      FILE *out = fdopen (dup (forward_fd), "w");
      if (out)
	{
	  fprintf (out, "R %d %d %zu\n", (int) m_rule, m_pending->error ? 1 : 0,
		   m_pending->notes.size ());
	  send_recorded (out, m_pending->result);
	  for (const mr_recorded &n : m_pending->notes)
	    send_recorded (out, n);
	  fclose (out);
	}
    }
  else
    add_pending (m_rule, *m_pending);
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
