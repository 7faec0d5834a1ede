/* lower-container-iter.cc — iterators into the containers of raw pointers
   lower-containers.cc models (its header says how): which local variables are
   iterators into which container, whether each use of them is one known here
   (scan_iterators) and whether a loop over them runs over every element
   (every_walk_to_the_end); then the calls on them, lowered by the operator's
   name (operator*, ++, --, ==, !=), which every standard iterator class
   shares whatever the library version:

     it = v.begin ()        STORE *(&it + LEFT) = SIZE of v
     it = v.end ()          STORE *(&it + LEFT) = 0
     ++it                   STORE *(&it + LEFT) = 0
     it != end              a truth: LOAD *(&it + LEFT) != LOAD *(&end + LEFT)
     *it                    COPY r = &v + ELEM
     it->second (a map's)   COPY r = &m + ELEM - 8, the pair whose second is
			    the element  */

#include "lower-containers.h"

/* The container var is an iterator into, or NULL.  */
static container_facts *
iterator_owner (lower_ctx *c, tree var)
{
  if (!var || !VAR_P (var))
    return NULL;
  for (container_facts &f : c->containers)
    for (tree it : f.iterators)
      if (it == var)
	return &f;
  return NULL;
}

/* The container whose iterator t is the address of (&it), or NULL.  */
container_facts *
iterator_address_owner (lower_ctx *c, tree t)
{
  return TREE_CODE (t) == ADDR_EXPR ? iterator_owner (c, TREE_OPERAND (t, 0)) : NULL;
}

/* Whether t is a local variable of the function (not a container) that can
   become an iterator.  */
bool
iterator_candidate (lower_ctx *c, tree t)
{
  return t && VAR_P (t) && auto_var_in_fn_p (t, c->fun->decl)
	 && TREE_CODE (TREE_TYPE (t)) == RECORD_TYPE && !container_facts_of (c, t);
}

/* What call s does to the iterators it is given (lower-containers.h).  */
iterator_op
classify_iterator_call (gcall *s, tree fndecl)
{
  if (!fndecl || !DECL_IN_SYSTEM_HEADER (fndecl))
    return IT_NONE;
  unsigned n = gimple_call_num_args (s);
  /* iterator -> const_iterator, as insert and erase take positions.  */
  if (DECL_CXX_CONSTRUCTOR_P (fndecl))
    return n == 2 ? IT_CONVERT : IT_NONE;
  tree name = DECL_NAME (fndecl);
  if (!name)
    return IT_NONE;
  bool postfix = n == 2 && TREE_CODE (gimple_call_arg (s, 1)) == INTEGER_CST;
  if (n == 1 && (id_equal (name, "operator*") || id_equal (name, "operator->")))
    return IT_DEREF;
  if ((n == 1 || postfix) && id_equal (name, "operator++"))
    return IT_FORWARD;
  if ((n == 1 || postfix) && id_equal (name, "operator--"))
    return IT_BACK;
  if (n == 2 && id_equal (name, "operator=="))
    return IT_EQ;
  if (n == 2 && id_equal (name, "operator!="))
    return IT_NE;
  return IT_NONE;
}

/* Adds var to f's iterators; true if it was not one yet.  */
bool
add_iterator (lower_ctx *c, container_facts *f, tree var)
{
  if (iterator_owner (c, var))
    return false;
  f->iterators.push_back (var);
  return true;
}

/* The iterators made from others: an iterator converted (`const_iterator
   (it)`), copied (`it2 = it`) or returned by a postfix `it++`.  */
static void
derived_iterators (lower_ctx *c)
{
  basic_block bb;
  for (int round = 0; round < 4; round++)
    {
      bool grew = false;
      FOR_EACH_BB_FN (bb, c->fun)
	for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	     gsi_next (&gsi))
	  {
	    gimple *g = gsi_stmt (gsi);
	    if (gimple_assign_single_p (g) && !gimple_clobber_p (g))
	      {
		container_facts *f = iterator_owner (c, gimple_assign_rhs1 (g));
		if (f && iterator_candidate (c, gimple_assign_lhs (g)))
		  grew |= add_iterator (c, f, gimple_assign_lhs (g));
		continue;
	      }
	    gcall *s = dyn_cast<gcall *> (g);
	    if (!s || !gimple_call_num_args (s))
	      continue;
	    iterator_op op = classify_iterator_call (s, gimple_call_fndecl (s));
	    tree from = op == IT_CONVERT ? gimple_call_arg (s, 1) : gimple_call_arg (s, 0);
	    tree to = op == IT_CONVERT ? gimple_call_arg (s, 0) : gimple_call_lhs (s);
	    container_facts *f = iterator_address_owner (c, from);
	    if (!f || (op != IT_CONVERT && op != IT_FORWARD && op != IT_BACK))
	      continue;
	    if (op == IT_CONVERT && TREE_CODE (to) == ADDR_EXPR)
	      to = TREE_OPERAND (to, 0);
	    if (iterator_candidate (c, to))
	      grew |= add_iterator (c, f, to);
	  }
      if (!grew)
	break;
    }
}

/* walk_tree: the owners of the iterators an operand names.  */
struct iterator_walk
{
  lower_ctx *c;
  std::vector<container_facts *> owners;
};

static tree
find_iterator (tree *tp, int *walk_subtrees, void *data)
{
  iterator_walk *w = (iterator_walk *) data;
  if (TYPE_P (*tp))
    *walk_subtrees = 0;
  else if (container_facts *f = iterator_owner (w->c, *tp))
    {
      for (container_facts *o : w->owners)
	if (o == f)
	  return NULL_TREE;
      w->owners.push_back (f);
    }
  return NULL_TREE;
}

/* The mapped pointer's field of what a dereference of an iterator into a map
   returns, a std::pair<const K, T *> (`it->second`, a range-for's `kv.second`),
   or NULL_TREE for a sequence's, whose dereference is the element itself.  */
static tree
mapped_field (tree ref)
{
  tree type = TREE_TYPE (ref);
  if (!POINTER_TYPE_P (type) || TREE_CODE (TREE_TYPE (type)) != RECORD_TYPE)
    return NULL_TREE;
  for (tree f = TYPE_FIELDS (TREE_TYPE (type)); f; f = DECL_CHAIN (f))
    if (TREE_CODE (f) == FIELD_DECL && DECL_NAME (f) && id_equal (DECL_NAME (f), "second")
	&& TREE_CODE (TREE_TYPE (f)) == POINTER_TYPE && tree_fits_shwi_p (byte_position (f)))
      return f;
  return NULL_TREE;
}

/* Whether the pair a map's iterator gives (ref) is only read, a member at a
   time into a value (`q = it->second`, `k = kv.first`).  */
static bool
pair_only_read (tree ref)
{
  imm_use_iterator it;
  gimple *g;
  FOR_EACH_IMM_USE_STMT (g, it, ref)
    {
      if (is_gimple_debug (g))
	continue;
      if (!gimple_assign_single_p (g) || TREE_CODE (gimple_assign_lhs (g)) != SSA_NAME)
	return false;
      tree rhs = gimple_assign_rhs1 (g);
      if (TREE_CODE (rhs) != COMPONENT_REF || TREE_CODE (TREE_OPERAND (rhs, 0)) != MEM_REF
	  || TREE_OPERAND (TREE_OPERAND (rhs, 0), 0) != ref
	  || !integer_zerop (TREE_OPERAND (TREE_OPERAND (rhs, 0), 1)))
	return false;
    }
  return true;
}

/* Whether g, which names iterators into f, uses them only as this file lowers:
   made by a member of f, stepped, compared with one another, read through.  */
static bool
known_iterator_use (lower_ctx *c, gimple *g, container_facts *f)
{
  if (gimple_assign_single_p (g))
    return iterator_owner (c, gimple_assign_lhs (g)) == f
	   && iterator_owner (c, gimple_assign_rhs1 (g)) == f;
  gcall *s = dyn_cast<gcall *> (g);
  tree fndecl = s ? gimple_call_fndecl (s) : NULL_TREE;
  if (!fndecl)
    return false;
  bool keyed;
  if (container_facts_of_call (c, s, &keyed) == f)
    {
      container_op op = container_call_op (s, fndecl, keyed);
      return op == OP_ITER || op == OP_PUT || op == OP_REMOVE;
    }
  iterator_op op = classify_iterator_call (s, fndecl);
  if (op == IT_NONE)
    return false;
  unsigned n = gimple_call_num_args (s);
  for (unsigned i = 0; i < n; i++)
    if (iterator_address_owner (c, gimple_call_arg (s, i)) != f
	&& !(i == 1 && (op == IT_FORWARD || op == IT_BACK)))
      return false;
  tree lhs = gimple_call_lhs (s);
  if (!lhs)
    return true;
  switch (op)
    {
    case IT_DEREF:
      if (TREE_CODE (lhs) != SSA_NAME)
	return false;
      if (mapped_field (lhs))
	return pair_only_read (lhs);
      return taken_reference_use (lhs, 0) == REF_READ;
    case IT_FORWARD:
    case IT_BACK:
      /* `++it` returns it by reference: used, it is an alias the file does
	 not follow; `it++` returns the old position in a variable.  */
      return (TREE_CODE (lhs) == SSA_NAME && has_zero_uses (lhs))
	     || iterator_owner (c, lhs) == f;
    default:
      return TREE_CODE (lhs) == SSA_NAME;
    }
}

/* The iterators into each container, and whether every use of them is known:
   if not, the container is neither ONE nor ALL nor OUTER.  */
void
scan_iterators (lower_ctx *c)
{
  derived_iterators (c);
  basic_block bb;
  FOR_EACH_BB_FN (bb, c->fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *g = gsi_stmt (gsi);
	if (is_gimple_debug (g) || gimple_clobber_p (g))
	  continue;
	iterator_walk w = { c, {} };
	for (unsigned i = 0; i < gimple_num_ops (g); i++)
	  if (gimple_op (g, i))
	    walk_tree (gimple_op_ptr (g, i), find_iterator, &w, NULL);
	if (w.owners.empty ()
	    || (w.owners.size () == 1 && known_iterator_use (c, g, w.owners[0])))
	  continue;
	for (container_facts *f : w.owners)
	  f->one = f->all = f->several_ok = false;
      }
}

/* The statements from gsi on, for runs_to_the_end: 1 if one compares
   iterator it (the test of a loop over the elements), -1 if one makes it anew
   or returns, 0 if none of them.  */
static int
walk_to_the_end (gimple_stmt_iterator gsi, tree it)
{
  for (; !gsi_end_p (gsi); gsi_next (&gsi))
    {
      gimple *g = gsi_stmt (gsi);
      if (is_gimple_debug (g) || gimple_clobber_p (g))
	continue;
      if (gimple_code (g) == GIMPLE_RETURN
	  || (gimple_has_lhs (g) && gimple_get_lhs (g) == it))
	return -1;
      gcall *s = dyn_cast<gcall *> (g);
      if (!s)
	continue;
      iterator_op op = classify_iterator_call (s, gimple_call_fndecl (s));
      for (unsigned i = 0; i < gimple_call_num_args (s); i++)
	{
	  tree arg = gimple_call_arg (s, i);
	  if (TREE_CODE (arg) != ADDR_EXPR || TREE_OPERAND (arg, 0) != it)
	    continue;
	  if (op == IT_EQ || op == IT_NE)
	    return 1;
	  if (op == IT_CONVERT && i == 0)
	    return -1;
	}
    }
  return 0;
}

/* Whether every way on from g, a dereference of iterator it, comes to a
   comparison of it before it is made anew or the function returns: the loop
   g is in ends only at the end of the elements (no `break`, no `return`, no
   dereference outside such a loop), so its body runs on every element, the
   last one put in among them.  Exceptions are not followed.  */
static bool
runs_to_the_end (lower_ctx *c, gimple *g, tree it)
{
  gimple_stmt_iterator gsi = gsi_for_stmt (g);
  gsi_next (&gsi);
  int r = walk_to_the_end (gsi, it);
  if (r)
    return r > 0;
  auto_sbitmap seen (last_basic_block_for_fn (c->fun));
  bitmap_clear (seen);
  auto_vec<basic_block> work;
  work.safe_push (gimple_bb (g));
  bool first = true;
  while (!work.is_empty ())
    {
      basic_block b = work.pop ();
      if (!first)
	{
	  r = walk_to_the_end (gsi_start_bb (b), it);
	  if (r < 0)
	    return false;
	  if (r > 0)
	    continue;
	}
      first = false;
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, b->succs)
	{
	  if (e->flags & EDGE_EH)
	    continue;
	  if (e->dest == EXIT_BLOCK_PTR_FOR_FN (c->fun))
	    return false;
	  if (!bitmap_bit_p (seen, e->dest->index))
	    {
	      bitmap_set_bit (seen, e->dest->index);
	      work.safe_push (e->dest);
	    }
	}
    }
  return true;
}

/* Whether every dereference of an iterator into ALL container f is in a loop
   over all its elements (runs_to_the_end).  */
bool
every_walk_to_the_end (lower_ctx *c, container_facts *f)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, c->fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gcall *s = dyn_cast<gcall *> (gsi_stmt (gsi));
	if (s && classify_iterator_call (s, gimple_call_fndecl (s)) == IT_DEREF
	    && iterator_address_owner (c, gimple_call_arg (s, 0)) == f
	    && !runs_to_the_end (c, s, TREE_OPERAND (gimple_call_arg (s, 0), 0)))
	  return false;
      }
  return true;
}

/* STORE *(&it + LEFT) = value: where an iterator is (LEFT).  */
void
set_iterator_left (lower_ctx *c, unsigned bb, tree it, mr_opnd value, mr_loc loc)
{
  if (it && VAR_P (it))
    container_store (c, bb, it, LEFT, value, 0, loc);
}

/* LOAD of a container's SIZE or an iterator's LEFT, given the address of
   the variable holding it.  */
mr_opnd
load_container_integer (lower_ctx *c, unsigned bb, tree addr, int64_t off, mr_loc loc)
{
  mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
  ld->dst = new_synthetic (c, NULL_TREE);
  ld->a = lower_operand (c, bb, addr, loc);
  ld->off = off;
  return mr_value (ld->dst);
}

/* truth: lhs (a boolean the call returns) is nonzero exactly when a op b.
   lhs is defined as a new value first, so that what a branch learnt of it in a
   loop's earlier iteration is forgotten.  */
void
set_call_truth (lower_ctx *c, unsigned bb, tree lhs, mr_cmp op, mr_opnd a, mr_opnd b,
	   mr_loc loc)
{
  if (!lhs || TREE_CODE (lhs) != SSA_NAME)
    return;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = SSA_NAME_VERSION (lhs);
  e->a = mr_unknown ();
  mr_term cond = {};
  cond.kind = MR_TERM_COND;
  cond.op = op;
  cond.is_unsigned = true;
  cond.lhs = a;
  cond.rhs = b;
  mr_func_add_truth (c->f, SSA_NAME_VERSION (lhs), &cond);
}

/* A call on an iterator into a ONE, ALL or OUTER sequence (scan_iterators
   knows each use): begin () is at the element if there is one (LEFT is
   SIZE), end () past it (0), a step forward reaches the end and a step back
   the element, and every dereference is ELEM.  So a loop over the elements
   runs once on ELEM if there is one, and what its body does to the element it
   does to the pointer ELEM stands for.  */
bool
lower_iterator_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  iterator_op op = classify_iterator_call (s, fndecl);
  if (op == IT_NONE)
    return false;
  tree self = gimple_call_arg (s, 0);
  container_facts *f = iterator_address_owner (c, op == IT_CONVERT
						  ? gimple_call_arg (s, 1) : self);
  if (!f || !(f->one || f->all || f->several))
    return false;
  tree lhs = gimple_call_lhs (s);
  /* SEVERAL: the dereference and the steps name positions
     (lower-container-slots.cc); the comparisons are as below.  */
  if (f->several)
    {
      tree second = op == IT_DEREF && lhs ? mapped_field (lhs) : NULL_TREE;
      int64_t off = second ? tree_to_shwi (byte_position (second)) : 0;
      if (lower_several_iterator (c, bb, s, op, f, off, loc))
	return true;
    }
  switch (op)
    {
    case IT_DEREF:
      /* A map's pair sits so that its mapped pointer is at ELEM.  */
      if (lhs)
	{
	  tree second = mapped_field (lhs);
	  int64_t off = second ? tree_to_shwi (byte_position (second)) : 0;
	  element_reference (c, bb, f->var, ELEM - off, lhs, loc);
	}
      return true;
    case IT_CONVERT:
      set_iterator_left (c, bb, TREE_OPERAND (self, 0),
		    load_container_integer (c, bb, gimple_call_arg (s, 1), LEFT, loc), loc);
      return true;
    case IT_FORWARD:
    case IT_BACK:
      /* `it++` returns where it was.  */
      if (lhs && VAR_P (lhs))
	set_iterator_left (c, bb, lhs, load_container_integer (c, bb, self, LEFT, loc), loc);
      set_iterator_left (c, bb, TREE_OPERAND (self, 0), mr_const (op == IT_BACK), loc);
      return true;
    case IT_EQ:
    case IT_NE:
      {
	mr_opnd a = load_container_integer (c, bb, self, LEFT, loc);
	mr_opnd b = load_container_integer (c, bb, gimple_call_arg (s, 1), LEFT, loc);
	set_call_truth (c, bb, lhs, op == IT_EQ ? MR_CMP_EQ : MR_CMP_NE, a, b, loc);
	return true;
      }
    default:
      return false;
    }
}
