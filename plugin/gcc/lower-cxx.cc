/* lower-cxx.cc — C++: the allocation and deallocation operators (GCC-PLUGIN-FACTS.md
   §2), std::allocator and std::get_temporary_buffer, and exceptions (the
   eh_dispatch of a try block, std::bad_alloc).  Smart pointers are
   lower-smart.cc's, containers lower-containers.cc's.  */

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
      if (strstr (mangled, "nothrow"))
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

/* C++ exceptions.  A statement that may throw (a call; a memory access under
   -fnon-call-exceptions) ends its GIMPLE block, which has an EH edge to a
   landing pad besides its normal successor.  An exception leaves before the
   statement has had any effect: `b = new int` that throws allocated nothing.  So
   such a block is lowered as two: its other statements, with the EH edges, then
   a block of its own (numbered after GCC's) for the throwing statement, with
   the normal successors.

   Which handler an exception reaches: a replaceable `operator new` throws only
   std::bad_alloc (or a class derived from it); nothrow and placement new throw
   nothing and have no EH edge.  A value of the function (c->exc) says which
   exception is in flight: EXC_BAD_ALLOC, or EXC_ANY for anything else.  Every
   block an EH edge enters defines it by an integer PHI (the thrower's kind, or
   the value itself along a `resx` into an outer region, which rethrows the same
   exception), and the `eh_dispatch` of a try block is a switch on it whose
   edges carry the values that can take them (lower_eh_dispatch).  */
enum { EXC_ANY = 0, EXC_BAD_ALLOC = 1 };

/* Whether bb ends with a statement that may throw to a handler or cleanup of
   this function (not a resx: it passes an exception on, doing nothing).  */
bool
ends_in_thrower (basic_block bb)
{
  gimple *last = mr_last_stmt (bb);
  if (!last || gimple_code (last) == GIMPLE_RESX)
    return false;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, bb->succs)
    if (e->flags & EDGE_EH)
      return true;
  return false;
}

/* The exception kind an EH edge carries into its landing pad.  */
mr_opnd
exception_along (lower_ctx *c, edge e)
{
  gimple *last = mr_last_stmt (e->src);
  if (!(e->flags & EDGE_EH) || (last && gimple_code (last) == GIMPLE_RESX))
    return mr_value (c->exc);
  tree fndecl = last && is_gimple_call (last) ? gimple_call_fndecl (last) : NULL_TREE;
  if (fndecl && DECL_IS_REPLACEABLE_OPERATOR_NEW_P (fndecl))
    return mr_const (EXC_BAD_ALLOC);
  return mr_const (EXC_ANY);
}

/* Whether a class is the standard library's class `qualified` (std::bad_alloc),
   by the name the standard gives it.  */
static bool
class_named (tree type, const char *qualified)
{
  tree name = TYPE_NAME (TYPE_MAIN_VARIANT (type));
  return name && strcmp (lang_hooks.decl_printable_name (name, 2), qualified) == 0;
}

/* Whether a class is std::bad_alloc or std::exception, its one base.  */
static bool
is_bad_alloc_or_base (tree type)
{
  return class_named (type, "std::bad_alloc") || class_named (type, "std::exception");
}

/* Whether a class derives from std::bad_alloc (std::bad_array_new_length, or a
   class of the program's): a replaced operator new may throw one.  */
static bool
derives_from_bad_alloc (tree type, int depth)
{
  tree binfo = TYPE_BINFO (TYPE_MAIN_VARIANT (type));
  if (!binfo || depth > 16)
    return false;
  tree base;
  for (unsigned i = 0; BINFO_BASE_ITERATE (binfo, i, base); i++)
    {
      tree bt = BINFO_TYPE (base);
      if (class_named (bt, "std::bad_alloc") || derives_from_bad_alloc (bt, depth + 1))
	return true;
    }
  return false;
}

/* Whether a handler for the types of type_list (NULL: `catch (...)`) catches what
   operator new throws: CATCH_SURELY for `...`, std::bad_alloc and its base
   std::exception; CATCH_MAYBE for a class derived from std::bad_alloc (a replaced
   operator new may throw one); CATCH_NEVER for any other type.  The front end has
   stripped references and qualifiers.  */
enum catch_kind { CATCH_NEVER, CATCH_MAYBE, CATCH_SURELY };

static catch_kind
catches_bad_alloc (tree type_list)
{
  if (!type_list)
    return CATCH_SURELY;
  catch_kind k = CATCH_NEVER;
  for (tree t = type_list; t; t = TREE_CHAIN (t))
    {
      tree type = TREE_VALUE (t);
      if (!type || !TYPE_P (type) || TREE_CODE (type) != RECORD_TYPE)
	continue;
      if (is_bad_alloc_or_base (type))
	return CATCH_SURELY;
      if (derives_from_bad_alloc (type, 0))
	k = CATCH_MAYBE;
    }
  return k;
}

/* The eh_dispatch of a try block: the handlers are tried in order, and an
   exception no handler takes goes on to the outer region.  Any exception may
   take any edge, except what operator new throws: std::bad_alloc takes the first
   handler that surely catches it (or the way out if none does), and the handlers
   before it for classes derived from std::bad_alloc may take it too.  Edge kinds
   are case ranges of c->exc: [EXC_ANY, EXC_BAD_ALLOC] for the edges bad_alloc
   may take, [EXC_ANY, EXC_ANY] for the others.  */
void
lower_eh_dispatch (lower_ctx *c, unsigned bb, geh_dispatch *s, const vec<edge> &map)
{
  eh_region r = get_eh_region_from_number_fn (c->fun, gimple_eh_dispatch_region (s));
  if (!c->exc || !r || r->type != ERT_TRY)
    return;
  auto_vec<basic_block> handlers, taken;	/* taken: by what operator new throws */
  bool caught = false;
  for (eh_catch h = r->u.eh_try.first_catch; h; h = h->next_catch)
    {
      if (!h->label)
	return;
      basic_block dest = label_to_block (c->fun, h->label);
      handlers.safe_push (dest);
      catch_kind k = caught ? CATCH_NEVER : catches_bad_alloc (h->type_list);
      if (k != CATCH_NEVER)
	taken.safe_push (dest);
      caught |= k == CATCH_SURELY;
    }
  mr_block *mb = &c->f->blocks[bb];
  mr_term *t = &mb->term;
  t->kind = MR_TERM_SWITCH;
  t->is_unsigned = false;
  t->lhs = mr_value (c->exc);
  for (unsigned k = 0; k < mb->nsuccs; k++)
    {
      basic_block dest = map[mb->succs[k]]->dest;
      bool handler = handlers.contains (dest);
      bool bad_alloc = handler ? taken.contains (dest) : !caught;
      mr_edge *me = &c->f->edges[mb->succs[k]];
      me->kind = MR_EDGE_CASE;
      me->case_lo = EXC_ANY;
      me->case_hi = bad_alloc ? EXC_BAD_ALLOC : EXC_ANY;
    }
}
