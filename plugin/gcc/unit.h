/* unit.h — what the plugin keeps about the translation unit being compiled (at an
   -flto link: the program), in one place: the glue's per-unit state.  It holds GCC
   trees, so it lives in the glue; the core's part of it (the summaries) is an opaque
   store the glue keys by decl.  */

#ifndef MR_UNIT_H
#define MR_UNIT_H

#include "gcc-common.h"
#include "../core/summaries.h"

#include <string>
#include <vector>

/* What the plugin keeps about the translation unit being compiled (at an -flto
   link: the program) from one function to the next, besides the pragma state
   (suppress.cc).  */
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

  /* The summaries of the functions analysed so far (core/summaries.h, by the decl's
     address; lower.cc), and the functions whose summaries may still change
     (mr_summary_is_provisional): true for the members of a cycle of calls, false
     for the functions above one.  */
  mr_summaries *summaries;
  hash_map<tree, bool> *provisional;
  /* At an -flto link, while a function is analysed as its own unit saw it: the
     functions that unit defined (lto.cc); NULL otherwise (lower.h).  */
  bool (*unit_view) (tree fndecl);
};

extern mr_unit_state mr_unit;

#endif /* MR_UNIT_H */
