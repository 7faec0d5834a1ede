/* lower-class.cc — C++ classes: what a call to a constructor without a body in
   sight does to the object it constructs.

   `T *t = new T (1);` is, in GIMPLE, `_1 = operator new (4); T::T (_1, 1);`.  An
   unknown callee may keep any pointer it is handed, so without this file the new
   object escapes into its own constructor and its leak is lost.  A constructor
   initialises the object it is given; what it could do with the address is
   register it somewhere, and it can do that only in an object it is given (a
   parent, a list, a registry: `Widget (Widget *parent)`) or in a global.  The
   first is seen from its arguments; the second is left out, as GCC's analyzer
   and the Clang analyzer leave it out.  So when no other argument can hold a
   pointer, `this` is written (a fresh object, not uninitialised any more), kept
   in sight (borrowed: what it held before escapes) and, for a local object,
   written as an out-parameter is (what the state knew of its members is
   forgotten).  The other arguments are handed to it as to any unknown callee:
   `Holder (p)` may take p.

   A constructor with a body in sight is called by its summary (core/expand.c),
   which hands every argument over when the body stores a pointer into the
   object (`p_ = nullptr;` is such a store).  The same convention lends it
   `this` when its summary shows it keeps no copy either: it hands `this` to no
   call that may keep it (a registry's `add (this)`) and stores through no
   pointer it was not given (a global `last = this`), and the object is one of
   the function's own: a local, or the object it returns built in the caller's
   return slot (lower.cc, result_pointer), so `Holder h; h.p = new int[4];
   return h;` fills and returns it; so is the one object operator new made for
   it, when the body writes no global either (`Cell *c = new Cell;` lost is a
   leak).  (The elements of `new T[n]`, built in a loop, are still handed over:
   the loops over them are not followed well enough to judge what they hold.)  */

#include "lower-int.h"

/* Whether an argument of this type can receive the address of the object under
   construction: a pointer (or reference) to something writable that can hold a
   pointer: a class, a union, a pointer, void, an array of them.  A pointer to
   const, to a scalar or to a function cannot.  */
static bool
may_hold_address (tree type)
{
  if (!POINTER_TYPE_P (type))
    return false;
  tree to = TREE_TYPE (type);
  while (TREE_CODE (to) == ARRAY_TYPE)
    to = TREE_TYPE (to);
  if (TYPE_READONLY (to) || FUNC_OR_METHOD_TYPE_P (to))
    return false;
  return RECORD_OR_UNION_TYPE_P (to) || POINTER_TYPE_P (to) || VOID_TYPE_P (to);
}

/* For a call s to a constructor fndecl whose body is not in sight (the caller
   knows it has none here): the object it constructs (argument 0, `this`) is
   borrowed and written, not handed over, unless another argument could receive
   its address (see the file's comment).  Sets the bits of argument 0 in call's
   masks.  */
void
lend_constructed_object (gcall *s, tree fndecl, mr_call *call)
{
  if (!DECL_CXX_CONSTRUCTOR_P (fndecl) || !call->nargs
      || !POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (s, 0))) || hands_function (s))
    return;
  for (unsigned i = 1; i < gimple_call_num_args (s); i++)
    if (may_hold_address (TREE_TYPE (gimple_call_arg (s, i))))
      return;
  call->borrow_mask |= 1u;
  call->out_mask |= 1u;
  call->write_mask |= 1u;
}

/* Is `this` of constructor call s the very result of an allocating operator
   new (through copies: `_1 = operator new (8); _2 = _1; T::T (_2);`), one
   object of the heap made for it?  Not placement new (`operator new (size_t,
   void *)` gives back storage the program had), and not an element of
   `new T[n]`, which g++ builds at a moving pointer.  */
static bool
fresh_heap_object (gcall *s)
{
  tree t = ssa_copy_origin (gimple_call_arg (s, 0), 7);
  gcall *made = TREE_CODE (t) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (t)
		? dyn_cast<gcall *> (SSA_NAME_DEF_STMT (t)) : NULL;
  tree fn = made ? gimple_call_fndecl (made) : NULL_TREE;
  if (!fn || !DECL_IS_OPERATOR_NEW_P (fn) || !gimple_call_num_args (made))
    return false;
  for (unsigned j = 1; j < gimple_call_num_args (made); j++)
    {
      tree type = TREE_TYPE (gimple_call_arg (made, j));
      if (POINTER_TYPE_P (type) && VOID_TYPE_P (TREE_TYPE (type)))
	return false;	/* placement */
    }
  return true;
}

/* A call s to a constructor fndecl with a body, expanded from its summary sum
   into the events of block bb from index `first` on: its `this` is lent as
   lend_constructed_object lends it, when the summary shows the body keeps no
   copy of it (see the file's comment) and the object is a local or one
   operator new made for it (`Node *n = new Node;`, whose leak is then seen).
   An object of the heap outlives the constructor's frame, so a `last = this`
   in a global would keep it: it is lent only when the summary lists the
   statics the body writes (none of its calls may write anything) and there
   are none.  */
void
lend_summarized_constructor (lower_ctx *c, unsigned bb, unsigned first, gcall *s,
			     tree fndecl, const mr_summary *sum)
{
  if (!DECL_CXX_CONSTRUCTOR_P (fndecl) || !sum->valid || (sum->uses & 1u)
      || sum->stores_wild)
    return;
  mr_block *blk = &c->f->blocks[bb];
  for (unsigned i = first; i < blk->nevents; i++)
    if (blk->events[i].kind == MR_EV_CALL && blk->events[i].call
	&& (blk->events[i].flags & MR_EVF_SUMMARIZED))
      {
	mr_call *call = blk->events[i].call;
	mr_opnd self = call->nargs ? call->args[0] : mr_none ();
	if ((self.kind == MR_OPND_ADDR && self.num == 0 && self.id < c->f->ndecls
	     && c->f->decls[self.id].kind == MR_DECL_LOCAL)
	    || (self.kind == MR_OPND_VALUE && sum->statics_listed && !sum->nstatic_writes
		&& fresh_heap_object (s)))
	  lend_constructed_object (s, fndecl, call);
	return;
      }
}
