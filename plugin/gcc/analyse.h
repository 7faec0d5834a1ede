/* analyse.h — one function through the pipeline: lower, analyse, record its summary;
   and what the plugin keeps about the translation unit between functions.  */

#ifndef MR_ANALYSE_H
#define MR_ANALYSE_H

#include "lower.h"
#include "unit.h"

#include <string>
#include <vector>

/* A function lowered and analysed, its summary recorded; the caller reports what it
   wants of the findings, then releases it.  */
struct mr_analysis
{
  mr_lowered low;
  mr_result result;
  bool summary_changed;		/* differs from the one recorded before (a cycle's
				   fixpoint, plugin.cc) */
};

/* Lowers fun (cfun), prints its memir on stderr if dump_ir, analyses it and records
   its summary (mr_record_summary: in the view mr_unit.unit_view says).  The pass, the
   rounds over cycles of calls (plugin.cc) and the -flto link (lto.cc) all go through
   here.  */
void mr_analyse_function (function *fun, bool dump_ir, mr_analysis *out);
void mr_analysis_release (mr_analysis *a);


#endif /* MR_ANALYSE_H */
