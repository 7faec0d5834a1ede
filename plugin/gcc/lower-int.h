/* lower-int.h — what the files of the lowering share (private to plugin/gcc/lower*.cc):
   the per-function context and the helpers one file defines for the others.

   The lowering of a function, by job:
     lower.cc        the CFG, blocks, statements and assignments; summaries; mr_lower
     lower-cond.cc   conditions and switches
     lower-call.cc   calls, by what the knowledge base, attributes and summaries say
     lower-infer.cc  calls recognised by names: function pointers, infer=names
     lower-cxx.cc    C++: new and delete, std::allocator
     lower-eh.cc     C++: exceptions, which handler each can reach
     lower-class.cc  C++: calls to constructors without a body in sight
     lower-new.cc    C++: placement new's storage
     lower-virtual.cc  C++: virtual calls on objects of a known class
     lower-smart.cc  C++: smart pointers, make_unique/make_shared, std::move
     lower-containers.cc  C++: standard containers of raw pointers
     lower-container-iter.cc  C++: iterators into them (lower-containers.h)
     lower-container-slots.cc  C++: those filled by several puts at known positions
     lower-range.cc  value ranges of trees, the sizes of allocations and accesses
     lower-input-calls.cc  sizes read from input across calls (lower-input.h)
     lower-global.cc which calls leave the unit's integer statics alone  */

#ifndef MR_LOWER_INT_H
#define MR_LOWER_INT_H

#include "gcc-common.h"
#include "lower.h"
#include "unit.h"		/* mr_unit: summaries, provisional ones, the LTO view */
#include "suppress.h"
#include "../core/known.h"
#include "../core/expand.h"
#include "../core/families.h"
#include "../core/infer.h"
#include "../core/words.h"
#include "options.h"

#include <string>
#include <vector>

/* A local standard container of raw pointers (lower-containers.cc): whether it
   holds at most the one pointer put in (one), and what was counted to say so.  */
struct container_facts
{
  tree var;
  bool one;
  bool pushed;			/* the put is a push_back or the like */
  unsigned makes, puts;
  int64_t put_key;		/* a map's constant key of the put, or INT64_MIN */
  bool needs_size;		/* iterated or emptied: one only if pushed */
  bool all;			/* filled only by appends, every use known:
				   ELEM stands for the last pointer put in */
  bool outer;			/* a parameter or a member of one (var is the
				   address): only its loops are followed */
  std::vector<tree> iterators;	/* the local iterators into it */
  /* SEVERAL (lower-containers.cc): filled by a bounded number of puts at
     positions known where they are made; `several_ok` until a use rules it
     out, `several` once decided.  */
  bool several_ok = true, several = false;
  std::vector<int64_t> keys;	/* a map's constant keys, in order: key i at slot i */
  std::vector<std::pair<gimple *, int> > masks;	/* the slots held before a call */
};

/* Per-function lowering context.  */
struct lower_ctx
{
  function *fun;
  mr_func *f;
  mr_lowered *out;
  unsigned next_value;		/* next synthetic value id */
  bool cxx;			/* the function is C++ code */
  mr_loc last_loc;		/* for statements without a location */
  /* Exceptions (lower-eh.cc): GCC block -> the block of its throwing
     statement (0: it has none), and the value telling which exception is in
     flight (0: the function has no EH edges).  */
  unsigned *thrower_block;
  uint32_t exc;
  /* The types the function's throw-expressions throw, and whether it
     rethrows in a handler (lower-eh.cc), once thrown_known; thrown_derived:
     the type may also be a class derived from it (a typed handler's rethrow).  */
  auto_vec<tree> thrown;
  auto_vec<bool> thrown_derived;
  /* Per kind, how it is thrown: NESTED_BY_WITH (std::throw_with_nested, an
     object that also derives from std::nested_exception), NESTED_NOT
     (otherwise), or both.  */
  auto_vec<unsigned char> thrown_nested;
  /* The handlers whose `throw;` rethrows what they caught: each one's copy of
     the exception value at its entry, and the kind an exception of no known
     type becomes there (lower-eh.cc: rethrowing_handler).  */
  auto_vec<eh_catch> rethrowing;
  auto_vec<uint32_t> rethrowing_exc;
  auto_vec<int> rethrowing_as;
  bool rethrown;
  bool thrown_known;
  /* The local containers of raw pointers, scanned on the first call of one.  */
  std::vector<container_facts> containers;
  bool containers_scanned;
  /* Local shared_ptrs, and whether each is the only owner of what it holds
     (lower-smart.cc).  */
  std::vector<std::pair<tree, bool> > shared_owners;
};

/* Integers wide enough for any value range of a 64-bit type and their products
   (lower-range.cc, lower-cond.cc).  */
typedef __int128 mr_i128;

/* lower.cc.  */
bool decompose_ref (lower_ctx *c, tree ref, mr_opnd *base, int64_t *off);
bool is_memory_ref (tree t);
unsigned new_synthetic (lower_ctx *c, tree t);
mr_opnd lower_operand (lower_ctx *c, unsigned bb, tree t, mr_loc loc);
bool is_pointerish (tree t);
void lower_deref (lower_ctx *c, unsigned bb, tree ref, bool write, mr_loc loc);
tree fold_constant (tree t, bool temporaries_only);
tree defined_decl (tree fndecl);
const mr_summary *summary_of (tree fndecl);

/* lower-global.cc.  */
void classify_static (tree var, tree fndecl, mr_decl *d);
bool private_static (tree var);
/* The j-th pointer static fndecl's summary names as parameter MR_PARAM_STATIC + j
   (mr_decl.param), or NULL.  */
tree static_param (tree fndecl, unsigned j);

/* lower-range.cc.  */
mr_size *describe_access (lower_ctx *c, unsigned bb, gimple *s, tree ref, bool store,
                          mr_loc loc);
mr_size *describe_size (lower_ctx *c, unsigned bb, tree size, mr_loc loc);
mr_size *describe_sum (lower_ctx *c, unsigned bb, tree size, mr_loc loc);
bool size_is_input (tree t, int depth);
bool size_is_input_sum (tree t);
mr_size *describe_input (lower_ctx *c, unsigned bb, tree size, mr_loc loc, mr_size *z);
mr_size *describe_alloc_size (lower_ctx *c, unsigned bb, tree size, mr_loc loc);

/* lower-cond.cc.  */
void lower_cond (lower_ctx *c, unsigned bb, gcond *s);
void lower_switch (lower_ctx *c, unsigned bb, gswitch *s);
void classify_switch_edges (lower_ctx *c, basic_block bb, gswitch *s,
                            const vec<edge> &map);
gcall *setjmp_call_at (basic_block bb);
void lower_setjmp_result (lower_ctx *c, basic_block bb, const vec<edge> &map);

/* lower-call.cc.  */
const char *callee_name (tree fndecl);
bool lower_library_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl,
                         const char *name, uint32_t dst, mr_loc loc);
void lower_call (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc);
uint32_t handed_pointers (gcall *s, tree fndecl);
bool hands_function (gcall *s);
mr_call *new_lowered_call (lower_ctx *c, unsigned bb, gcall *s, const char *name,
			   mr_loc loc);
void lower_reading_call (lower_ctx *c, unsigned bb, tree fndecl, tree lhs, mr_loc loc);
void lower_byval_params (lower_ctx *c);
bool byval_param_base (lower_ctx *c, tree decl, mr_opnd *base);

/* lower-infer.cc.  */
tree called_fndecl (gcall *s);
tree function_of_value (tree v);
unsigned callee_parameter (gcall *s);
bool lower_pointer_call (lower_ctx *c, unsigned bb, gcall *s, uint32_t dst, mr_loc loc);
bool lower_named_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl,
                       const char *name, uint32_t dst, mr_loc loc);

/* lower-cxx.cc.  */
bool lower_cxx_operator (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc);
bool lower_temporary_buffer (lower_ctx *c, unsigned bb, gcall *s, tree fndecl,
                             mr_loc loc);
bool lower_std_allocator_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl,
                               mr_loc loc);

/* What SSA name t is a copy or conversion of (`_2 = _1;`, `_4 = (sizetype) _3;`),
   through at most max of them: the first name or tree defined otherwise.  */
static inline tree
ssa_copy_origin (tree t, int max)
{
  for (int i = 0; i < max && TREE_CODE (t) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (t); i++)
    {
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (!is_gimple_assign (def)
	  || (!gimple_assign_ssa_name_copy_p (def)
	      && !CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (def))))
	break;
      t = gimple_assign_rhs1 (def);
    }
  return t;
}

/* lower-eh.cc.  */
bool ends_in_thrower (basic_block bb);
bool builds_thrown_object (edge e);
bool ends_handler (gimple *s);
location_t resx_thrown_at (gimple *resx);
mr_opnd exception_along (lower_ctx *c, edge e);
void lower_eh_dispatch (lower_ctx *c, unsigned bb, geh_dispatch *s, const vec<edge> &map);
void lower_throw_exit (lower_ctx *c, unsigned bb, gimple *s, mr_loc loc);
bool hands_pointers_when_throwing (gimple *s);
void lower_eh_exit (lower_ctx *c, unsigned thrower, unsigned eh_exit);

/* lower-class.cc.  */
void lend_constructed_object (gcall *s, tree fndecl, mr_call *call);
void lend_summarized_constructor (lower_ctx *c, unsigned bb, unsigned first, gcall *s,
				  tree fndecl, const mr_summary *sum);

/* lower-new.cc.  */
void lower_placement_storage (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc);
bool operator_new_may_fail (tree fndecl);

/* lower-virtual.cc.  */
tree virtual_callee (tree ref);
tree virtual_this (gcall *s);

/* lower-smart.cc.  */
bool lower_smart_pointer_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl,
                               mr_loc loc);
bool lower_std_cast (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc);

/* lower-containers.cc.  */
bool lower_container_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc);

#endif /* MR_LOWER_INT_H */
