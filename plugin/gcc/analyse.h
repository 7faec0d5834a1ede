/* analyse.h — one function through the pipeline: lower, analyse, record its summary;
   and what the plugin keeps about the translation unit between functions.  */

#ifndef MR_ANALYSE_H
#define MR_ANALYSE_H

#include "lower.h"

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
   its summary (mr_record_summary: in the view mr_unit_view says).  The pass, the
   rounds over cycles of calls (plugin.cc) and the -flto link (lto.cc) all go through
   here.  */
void mr_analyse_function (function *fun, bool dump_ir, mr_analysis *out);
void mr_analysis_release (mr_analysis *a);

/* What the plugin keeps about the translation unit being compiled (at an -flto
   link: the program) from one function to the next, besides the summaries
   (lower.cc) and the pragma state (suppress.cc).  */
struct mr_unit_state
{
  /* Functions in a cycle of calls (recursion), analysed again once every function
     of the translation unit has been through the pass (plugin.cc).  */
  vec<tree> in_cycles;
  vec<bool> cycle_member;	/* parallel: in a cycle itself, not only above one */

  /* -flto link (lto.cc): the unit (object file data) each function comes from, taken
     before any body is read (get_untransformed_body clears the node's
     lto_file_data); the unit of the function being analysed in its unit's view; the
     source files whose pragmas were read.  */
  hash_map<tree, lto_file_decl_data *> *units;
  lto_file_decl_data *caller_unit;
  std::vector<std::string> pragma_files_read;
};

extern mr_unit_state mr_unit;

#endif /* MR_ANALYSE_H */
