/* sarif-out.cc — the SARIF log of a translation unit, as GCC printed its findings.

   The message of a finding is formatted by report.cc's warning_meta call, in the
   wording of each rule; rather than rebuilding it, we take it from GCC while it is
   printed.  GCC's diagnostic_report_diagnostic () first formats the message with
   pp_format () into the printer's current "chunk array" (the text split into
   pieces), then calls the context's starter (diagnostic_starter: the "file:line:col:
   warning: " prefix in text mode, nothing in JSON mode), then pp_output_formatted_text
   () prints the chunks and frees them.  So, while an mr_sarif_scope is alive, our own
   starter reads the chunks (the message exactly as it will print, in any output
   format), strips colour escapes, notes the diagnostic's kind and location, and calls
   the starter it replaced.  The first diagnostic captured is the warning (or the
   error it became under -Werror or error=); the rest are its notes.

   The log is written at PLUGIN_FINISH, once per translation unit, through
   plugin/core/sarif.c: atomically, to the file or directory sarif= names.  Not in
   lto1 (no translation unit) nor for -E (nothing analysed).  */

#include "gcc-common.h"
#include "options.h"
#include "sarif-out.h"
#include "../core/sarif.h"

#include <string>
#include <vector>

struct mr_captured
{
  diagnostic_t kind;
  std::string text, file;
  int line, column, end_line, end_column;
};

static diagnostic_starter_fn saved_starter;
static std::vector<mr_captured> captured;
static mr_sarif_log *sarif_log;

/* TEXT without terminal escapes: SGR colours (ESC [ ... m) and OSC 8 links (ESC ] ...
   ESC \ or BEL), which GCC adds with -fdiagnostics-color / -urls.  */
static std::string
strip_escapes (const std::string &text)
{
  std::string out;
  for (size_t i = 0; i < text.size (); i++)
    {
      if (text[i] != '\033' || i + 1 >= text.size ())
	{
	  out += text[i];
	  continue;
	}
      if (text[i + 1] == '[')
	{
	  i += 2;
	  while (i < text.size () && !(text[i] >= 0x40 && text[i] <= 0x7e))
	    i++;
	}
      else if (text[i + 1] == ']')
	{
	  for (i += 2; i < text.size (); i++)
	    if (text[i] == '\a')
	      break;
	    else if (text[i] == '\033' && i + 1 < text.size () && text[i + 1] == '\\')
	      {
		i++;
		break;
	      }
	}
      else
	i++;
    }
  return out;
}

/* Our diagnostic_starter: records the diagnostic, then prints as before.  */
static void
capture_starter (diagnostic_context *dc, diagnostic_info *d)
{
  mr_captured c;
  c.kind = d->kind;
  const chunk_info *chunks = pp_buffer (dc->printer)->cur_chunk_array;
  for (const char *const *a = chunks ? chunks->args : NULL; a && *a; a++)
    c.text += *a;
  c.text = strip_escapes (c.text);
  location_t loc = diagnostic_location (d);
  expanded_location caret = expand_location (loc);
  expanded_location start = expand_location (get_start (loc));
  expanded_location finish = expand_location (get_finish (loc));
  c.file = caret.file ? caret.file : "";
  c.line = caret.line;
  c.column = caret.column;
  if (start.file == caret.file && start.line == caret.line && start.column > 0
      && start.column <= caret.column)
    c.column = start.column;
  c.end_line = c.end_column = 0;
  if (finish.file == caret.file && finish.line >= caret.line && finish.column > 0
      && (finish.line > caret.line || finish.column >= c.column))
    {
      c.end_line = finish.line;
      c.end_column = finish.column + 1;
    }
  captured.push_back (c);
  saved_starter (dc, d);
}

mr_sarif_scope::mr_sarif_scope (mr_rule rule)
  : m_active (mr_opts.sarif != NULL), m_rule (rule)
{
  if (!m_active)
    return;
  captured.clear ();
  saved_starter = diagnostic_starter (global_dc);
  diagnostic_starter (global_dc) = capture_starter;
}

static mr_sarif_loc
sarif_loc (const mr_captured &c, bool note)
{
  mr_sarif_loc l = { c.file.c_str (), c.line, c.column, c.end_line, c.end_column,
		     note ? c.text.c_str () : NULL };
  return l;
}

mr_sarif_scope::~mr_sarif_scope ()
{
  if (!m_active)
    return;
  diagnostic_starter (global_dc) = saved_starter;
  if (captured.empty ()
      || (captured[0].kind != DK_WARNING && captured[0].kind != DK_ERROR))
    return;
  if (!sarif_log)
    sarif_log = mr_sarif_new (MEMRULES_VERSION, getpwd ());
  std::vector<mr_sarif_loc> notes;
  for (size_t i = 1; i < captured.size (); i++)
    if (captured[i].kind == DK_NOTE)
      notes.push_back (sarif_loc (captured[i], true));
  mr_sarif_loc at = sarif_loc (captured[0], false);
  mr_sarif_add (sarif_log, m_rule, captured[0].kind == DK_ERROR, captured[0].text.c_str (),
		&at, notes.data (), (unsigned) notes.size ());
  captured.clear ();
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
