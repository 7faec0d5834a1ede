/* analyse.cc — the pipeline every analysed function goes through (analyse.h):
   GIMPLE lowered to memir (lower.cc), the engine run on it (plugin/core/), its
   summary recorded for the calls to it lowered later.  What to report is the
   caller's business: the pass reports everything unless the function is in a cycle
   of calls, the cycle rounds only in their last round, the -flto link only what
   the whole program adds.  */

#include "gcc-common.h"
#include "analyse.h"
#include "options.h"
#include "summary-db.h"

mr_unit_state mr_unit;

void
mr_analyse_function (function *fun, bool dump_ir, mr_analysis *out)
{
  *out = mr_analysis ();
  mr_lower (fun, &out->low);
  if (dump_ir)
    mr_func_dump (out->low.func, stderr);
  mr_analyze (out->low.func, &mr_opts.config, &out->result);
  out->summary_changed = mr_record_summary (fun->decl, &out->result.summary);
  mr_db_note_defined (fun->decl, &out->result.summary);
}

void
mr_analysis_release (mr_analysis *a)
{
  mr_result_free (&a->result);
  mr_lowered_release (&a->low);
}
