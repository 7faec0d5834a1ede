/* lower-cxx.cc — C++: the allocation and deallocation operators (GCC-PLUGIN-FACTS.md
   §2), std::allocator and std::get_temporary_buffer.  Exceptions are lower-eh.cc's,
   smart pointers lower-smart.cc's, containers lower-containers.cc's.  */

#include "lower-int.h"

/* C++ allocation and deallocation functions (GCC-PLUGIN-FACTS.md §2): allocating
   new is operator new that is replaceable or malloc-like; placement new (`_ZnwmPv`)
   returns its second argument.  */
bool
lower_cxx_operator (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  if (!DECL_IS_OPERATOR_NEW_P (fndecl) && !DECL_IS_OPERATOR_DELETE_P (fndecl))
    return false;
  const char *mangled = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  tree lhs = gimple_call_lhs (s);
  /* DECL_NAME is "operator new", "operator new []", "operator delete []", ...  */
  bool is_array = strstr (IDENTIFIER_POINTER (DECL_NAME (fndecl)), "[]") != NULL;
  /* A class-specific operator (a static member function) pairs only with the same
     class's other operator: a family of its own.  */
  bool in_class = DECL_CONTEXT (fndecl) && TYPE_P (DECL_CONTEXT (fndecl));
  uint16_t family = in_class ? (is_array ? MR_FAM_CLASS_NEW_ARRAY : MR_FAM_CLASS_NEW)
		    : (is_array ? MR_FAM_NEW_ARRAY : MR_FAM_NEW);
  if (DECL_IS_OPERATOR_NEW_P (fndecl))
    {
      bool placement = gimple_call_num_args (s) == 2
		       && POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (s, 1)))
		       && !strstr (mangled, "nothrow");
      bool allocating = !placement && (DECL_IS_REPLACEABLE_OPERATOR (fndecl)
				       || DECL_IS_MALLOC (fndecl) || in_class);
      if (!allocating)
	{
	  /* Placement new: the result is the storage it was given.  */
	  lower_placement_storage (c, bb, s, loc);
	  if (lhs && TREE_CODE (lhs) == SSA_NAME && gimple_call_num_args (s) == 2)
	    {
	      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	      e->dst = SSA_NAME_VERSION (lhs);
	      e->a = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
	      e->flags = MR_EVF_POINTER;
	    }
	  return true;
	}
      /* ::operator new[] (n * size) called by hand has no check of g++'s.  */
      mr_size *size = NULL;
      if (!gimple_call_from_new_or_delete (s) && gimple_call_num_args (s))
	size = describe_size (c, bb, gimple_call_arg (s, 0), loc);
      /* The size a new-expression computed (with g++'s check) may be input.  */
      if (gimple_call_num_args (s))
	size = describe_input (c, bb, gimple_call_arg (s, 0), loc, size);
      if (size)
	size->allocator = is_array ? "operator new[]" : "operator new";
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
      e->dst = lhs && TREE_CODE (lhs) == SSA_NAME ? SSA_NAME_VERSION (lhs) : 0;
      e->family = family;
      e->size = size;
      if (size && size_is_input (gimple_call_arg (s, 0), 0))
	e->flags |= MR_EVF_SIZE_INPUT;
      e->a = gimple_call_num_args (s) ? lower_operand (c, bb, gimple_call_arg (s, 0), loc)
				      : mr_none ();
      e->flags |= MR_EVF_UNINIT;
      if (operator_new_may_fail (fndecl))
	e->flags |= MR_EVF_MAY_FAIL;
      else if (DECL_IS_REPLACEABLE_OPERATOR (fndecl))
	e->flags |= MR_EVF_NEVER_NULL;	/* throws std::bad_alloc instead */
      return true;
    }
  /* Placement delete (void *, void *), called when a placement new's constructor
     throws, releases nothing.  */
  if (!gimple_call_num_args (s)
      || (gimple_call_num_args (s) == 2
	  && POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (s, 1)))))
    return true;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
  e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
  e->family = family;
  return true;
}

/* std::get_temporary_buffer, whose result is a pair with the pointer first, and
   std::return_temporary_buffer: a family of their own (CERT MEM51-CPP's table;
   std::allocator is lower_std_allocator_call).  */
bool
lower_temporary_buffer (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  tree lhs = gimple_call_lhs (s);
  unsigned nargs = gimple_call_num_args (s);
  if (!DECL_NAME (fndecl) || !DECL_IN_SYSTEM_HEADER (fndecl))
    return false;
  bool get = id_equal (DECL_NAME (fndecl), "get_temporary_buffer");
  if (!get && !id_equal (DECL_NAME (fndecl), "return_temporary_buffer"))
    return false;
  if (!mr_startswith (lang_hooks.decl_printable_name (fndecl, 2), "std::"))
    return false;
  uint16_t family = mr_family_by_name ("std::return_temporary_buffer");
  if (!get)
    {
      if (nargs != 1)
	return false;
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
      e->family = family;
      return true;
    }
  /* The pair lands in memory: its `first` (offset 0) holds the new block.  */
  mr_opnd base;
  int64_t off;
  if (!lhs || !is_memory_ref (lhs) || !decompose_ref (c, lhs, &base, &off)
      || off == MR_OFF_UNKNOWN)
    return false;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = new_synthetic (c, NULL_TREE);
  e->family = family;
  e->a = mr_none ();
  e->flags = MR_EVF_UNINIT;
  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
  st->a = base;
  st->off = off;
  st->b = mr_value (e->dst);
  st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
  return true;
}

/* C++ std::allocator<T>::allocate (n) and deallocate (p, n), and the same members
   of allocator_traits and of libstdc++'s base classes (__new_allocator in GCC 12,
   __gnu_cxx::new_allocator in GCC 11).  Their bodies are in system headers, which
   the pass does not analyse, so they get no summary: they are recognised by class
   and member name.  Argument 0 is the allocator (this, or the traits' first
   parameter); deallocate releases argument 1.  Their memory is a family of its
   own: `delete p` of it is a mismatch.  */
bool
lower_std_allocator_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  tree ctx = DECL_CONTEXT (fndecl);
  if (!DECL_NAME (fndecl) || !ctx || !TYPE_P (ctx) || !TYPE_NAME (ctx)
      || !DECL_IN_SYSTEM_HEADER (fndecl))
    return false;
  tree tn = TYPE_NAME (ctx);
  if (TREE_CODE (tn) == TYPE_DECL)
    tn = DECL_NAME (tn);
  if (!tn || TREE_CODE (tn) != IDENTIFIER_NODE
      || !(id_equal (tn, "allocator") || id_equal (tn, "__new_allocator")
	   || id_equal (tn, "new_allocator") || id_equal (tn, "allocator_traits")))
    return false;
  bool alloc = id_equal (DECL_NAME (fndecl), "allocate");
  if (!alloc && !id_equal (DECL_NAME (fndecl), "deallocate"))
    return false;
  unsigned nargs = gimple_call_num_args (s);
  uint16_t family = mr_family_by_name ("std::allocator::deallocate");
  if (!alloc)
    {
      if (nargs < 2)
	return false;
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
      e->family = family;
      return true;
    }
  tree lhs = gimple_call_lhs (s);
  if (!lhs || TREE_CODE (lhs) != SSA_NAME)
    return false;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = SSA_NAME_VERSION (lhs);
  e->family = family;
  e->a = mr_none ();
  e->flags = MR_EVF_UNINIT | MR_EVF_NEVER_NULL;	/* throws std::bad_alloc */
  return true;
}
