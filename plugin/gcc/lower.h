/* lower.h — GIMPLE (SSA form, right after the "ssa" pass) to memir.  */

#ifndef MR_LOWER_H
#define MR_LOWER_H

#include "../core/memir.h"
#include "../core/engine.h"

/* What the reporter needs to name values: the tree behind each memir value.  Values
   below num_ssa are SSA versions; the rest are synthetic values the lowering made for
   addresses such as &s->buf passed as call arguments.  */
struct mr_lowered
{
  mr_func *func;
  function *fun;
  unsigned num_ssa;
  vec<tree> synth;		/* synthetic value num_ssa + i -> its ADDR_EXPR */
  bool recursive;		/* calls a function of the TU that has no summary yet:
				   one of its own cycle of calls */
};

/* Lowers fun; release with mr_lowered_release.  */
void mr_lower (function *fun, mr_lowered *out);
void mr_lowered_release (mr_lowered *l);

/* The deallocator's name of a user family (MR_FAM_USER + i), or NULL.  */
const char *mr_user_family_name (unsigned family);

/* Remembers what fndecl does to its callers' memory (plugin.cc, after analysing it),
   for the calls to it lowered later in the translation unit.  Returns true if it
   differs from the summary recorded before (a cycle's fixpoint, plugin.cc).  */
bool mr_record_summary (tree fndecl, const mr_summary *sum);

/* Marks fndecl's summary as provisional (it is in or calls into a cycle of calls
   still being iterated): its callers are analysed again too.  */
void mr_summary_is_provisional (tree fndecl, bool yes);

/* True if fndecl's body, lowered earlier in this translation unit, never returns.  */
bool mr_never_returns (tree fndecl);

/* The tree for a memir value, or NULL_TREE.  */
tree mr_lowered_value_tree (const mr_lowered *l, uint32_t value);

#endif /* MR_LOWER_H */
