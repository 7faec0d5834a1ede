/* lower-new.cc — C++ allocation forms beyond the plain operators (lower-cxx.cc
   recognises those): what a placement new-expression does to the storage it is
   given, and which allocation functions may return NULL.  */

#include "lower-int.h"

/* `new (p) T`: the placement operator new (`_ZnwmPv`, argument 1 the storage)
   returns p, then T's constructor, or the initialiser, writes the object there.
   Building an object in storage already released is a use of it (MEM30-C),
   wherever the object's first write is: a constructor without a body in sight
   writes it out of sight, and `new (p) T` of a trivial T may write nothing at
   all.  So the storage counts as handed to the new-expression, a use of it
   (mr_call.use_mask), before its result is taken; the call changes nothing
   else (MR_EVF_NO_CLOBBER).  */
void
lower_placement_storage (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc)
{
  if (gimple_call_num_args (s) != 2)
    return;
  mr_call *call = new_lowered_call (c, bb, s, "operator new", loc);
  call->use_mask = 1u << 1;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  e->call = call;
  e->flags = MR_EVF_NO_CLOBBER;
}

/* Whether a function type is declared not to throw: `noexcept`, `noexcept
   (true)` or `throw ()`.  The C++ front end keeps a function type's exception
   specification in its first language slot (cp-tree.h: TYPE_RAISES_EXCEPTIONS),
   a TREE_LIST whose value is NULL for those three and whose purpose is NULL
   (`throw ()`) or true (`noexcept`); `noexcept (false)` has false there, a
   dynamic specification a value, a specification not yet instantiated a tree
   of its own.  What the function's body turns out to throw does not count
   (TREE_NOTHROW also says a body that calls only C functions throws nothing).  */
static bool
declared_nothrow (tree fntype)
{
  if (!fntype || !FUNC_OR_METHOD_TYPE_P (fntype))
    return false;
  tree spec = TYPE_LANG_SLOT_1 (fntype);
  return spec && TREE_CODE (spec) == TREE_LIST && !TREE_VALUE (spec)
	 && (!TREE_PURPOSE (spec) || TREE_PURPOSE (spec) == boolean_true_node);
}

/* Whether an allocating operator new may return NULL: a non-throwing one (the
   library's and a program's `operator new (size_t, const std::nothrow_t &)`, or
   any operator new, global or of a class, declared `noexcept`) reports failure
   by returning NULL, which the new-expression checks before constructing and
   leaves to the program afterwards.  A throwing one throws instead: its result
   is never NULL.  */
bool
operator_new_may_fail (tree fndecl)
{
  const char *mangled = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  return strstr (mangled, "nothrow") || declared_nothrow (TREE_TYPE (fndecl));
}
