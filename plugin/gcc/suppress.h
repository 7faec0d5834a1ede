/* suppress.h — whether a finding is shown, and as a warning or an error.

   Three sources decide, most specific first: the `#pragma memrules` state of the file
   at the finding's line (pragmas.cc records it here), the exclude= globs, and the
   error= / werror= arguments (options.h).  */

#ifndef MR_SUPPRESS_H
#define MR_SUPPRESS_H

#include "../core/engine.h"

/* What a pragma sets a rule to.  */
enum mr_mode
{
  MR_MODE_DEFAULT,		/* as the command line says */
  MR_MODE_IGNORE,		/* not reported */
  MR_MODE_WARN,			/* a warning, even under -Werror or error= */
  MR_MODE_ERROR			/* an error, even without -Werror */
};

/* Pragma state, per file and line.  FILE is the name GCC's line map gives the file
   (expand_location), LINE the pragma's line.  */
void mr_suppress_set (const char *file, int line, const bool rules[MR_RULE_COUNT],
		      enum mr_mode mode);
void mr_suppress_push (const char *file, int line);
/* False when there was no push to pop in this file.  */
bool mr_suppress_pop (const char *file, int line);
/* Records a parsed `#pragma memrules` (core/pragma.h) at FILE:LINE, for the front end
   and the LTO re-read alike; false for a pop without a push in this file.  */
struct mr_pragma;
bool mr_suppress_apply (const char *file, int line, const struct mr_pragma *p);

/* True if FILE matches an exclude= glob.  */
bool mr_file_excluded (const char *file);

struct mr_verdict
{
  bool suppressed;		/* not reported at all */
  bool set_werror;		/* if true, werror is what -Werror must be taken to be */
  bool werror;
};

/* The verdict for a finding of RULE at LOC.  */
struct mr_verdict mr_verdict_at (mr_rule rule, location_t loc);

/* Sets what -Werror is for the diagnostics of one finding, and puts it back when it
   goes out of scope (report.cc declares one around its warning).  GCC's -Werror is the
   diagnostic context's warning_as_error_requested: set, it turns every option-0
   warning into an error (kind "error", counted in werrorcount, so the compile fails);
   clear, the warning stays a warning whatever the command line said
   (GCC-PLUGIN-FACTS.md §3).  */
class mr_severity_scope
{
public:
  explicit mr_severity_scope (const struct mr_verdict &v);
  ~mr_severity_scope ();
private:
  bool m_saved;
};

#endif /* MR_SUPPRESS_H */
