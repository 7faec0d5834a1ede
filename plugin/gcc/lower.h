/* lower.h — GIMPLE (SSA form, right after the "ssa" pass) to memir.  */

#ifndef MR_LOWER_H
#define MR_LOWER_H

#include "../core/memir.h"
#include "../core/engine.h"
#include "../core/families.h"	/* mr_user_family_name, for report.cc */

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
  bool calls_provisional;	/* calls a function whose summary is provisional (in
				   or above a cycle still being iterated) */
};

/* Whether the pass analyses fndecl's body: not inline code of a system header
   (<new>'s placement operator new, libstdc++), which is not the user's, and not a
   function of an exclude= file, whose findings would all be dropped.  */
bool mr_function_analysed (tree fndecl);

/* Lowers fun; release with mr_lowered_release.  */
void mr_lower (function *fun, mr_lowered *out);
void mr_lowered_release (mr_lowered *l);


/* Remembers what fndecl does to its callers' memory (plugin.cc, after analysing it),
   for the calls to it lowered later in the translation unit.  Returns true if it
   differs from the summary recorded before (a cycle's fixpoint, plugin.cc).  */
bool mr_record_summary (tree fndecl, const mr_summary *sum);

/* Marks fndecl's summary as provisional (yes) or final: it is a member of a cycle
   of calls still being iterated (member), or calls into one.  Its callers are
   analysed again too.  */
void mr_summary_is_provisional (tree fndecl, bool yes, bool member = false);

/* At an -flto link (lto.cc) a function may be lowered as its translation unit saw
   it when compiled: while mr_unit.unit_view (unit.h) is set, only the functions it
   accepts (those of the caller's unit) have a body, a summary or never return,
   summaries are looked up in and recorded into a table of their own ("unit"
   summaries, computed that way), and mr_record_summary writes there.  NULL, as in
   a compile: the whole program's.  */

/* Records a function's unit summary when it is the same as its whole-program one.  */
void mr_record_unit_summary (tree fndecl, const mr_summary *sum);

/* Whether a call to fndecl lowers differently from a caller in the same unit
   (same_unit) or in another, with mr_unit.unit_view set or not.  */
bool mr_unit_view_differs (tree fndecl, bool same_unit);

/* True if fndecl's body, lowered earlier in this translation unit, never returns.  */
bool mr_never_returns (tree fndecl);

/* The tree for a memir value, or NULL_TREE.  */
tree mr_lowered_value_tree (const mr_lowered *l, uint32_t value);

#endif /* MR_LOWER_H */
