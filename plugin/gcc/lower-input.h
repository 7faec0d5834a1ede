/* lower-input.h — sizes read from outside the program (CWE-789), between the two
   files that follow them: lower-range.cc follows a size back within a function,
   lower-input-calls.cc across the calls between the unit's functions.  */

#ifndef MR_LOWER_INPUT_H
#define MR_LOWER_INPUT_H

#include "lower-int.h"
#include "../core/summary-db.h"

/* lower-range.cc.  The value read from outside that integer t is computed from
   (wider than 16 bits), or NULL_TREE; the parameter t is computed from, or
   NULL_TREE (or the load of a global: global_ref_p); does edge e leave a test
   bounding v from above?  */
tree input_source (tree t);
tree param_source (tree t);
bool edge_bounds_above (edge e, tree v);
/* The object a pointer or a reference is into (a declaration, or the SSA pointer
   it is based on).  */
tree input_base (tree t);
/* Is ref a global variable or a field of one?  */
bool global_ref_p (tree ref);
/* push_cfun and pop_cfun for a walk into another function of the unit (a callee
   summarized, the setter of a global): its objects written with input are
   gathered once for the unit, not again for each function that asks.  */
void input_push_cfun (function *f);
void input_pop_cfun (void);
/* Bit k: cfun writes input where its pointer or reference parameter k points.  */
uint32_t params_written_with_input (void);

/* lower-input-calls.cc.  Is value v, stored in block bb of cfun, bounded from
   above on its way there (a dominating test on it or on what it is computed
   from, a load of the same place tested with the memory unchanged)?  */
bool value_bounded_before (tree v, basic_block bb);
/* fn's input facts (all zero unless the unit has its body
   in SSA form), for the summary database.  */
void unit_input_facts (tree fn, mr_input_facts *out);
/* Is the result of call (to a function of the unit with its body in sight, or of
   another file by the summary database) read from outside with no bound?  */
bool unit_call_returns_input (gcall *call);
/* Bit k: call (to a function of the unit or of the database) writes input where
   its argument k points (`read_count (&n)` with `fscanf (f, "%zu", out)` inside).  */
uint32_t unit_call_writes_input (gcall *call);
/* After call s was lowered into the events of block bb from index first on: when
   it passes input to a parameter the callee (a function of the unit or of the
   database) takes as an allocation's size with no bound, the call's event carries
   that size.  */
void lower_input_sink_call (lower_ctx *c, unsigned bb, gcall *s, unsigned first,
			    mr_loc loc);

#endif /* MR_LOWER_INPUT_H */
