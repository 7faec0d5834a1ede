/* lower-container-slots.cc — SEVERAL: a local container of raw pointers
   (lower-containers.cc's header says which, and the other kinds) filled by a
   bounded number of puts whose positions are known where they are made: every
   put is a push_back, emplace_back, push_front or emplace_front, or `v[k] = p`
   / `m[k] = p` at a constant k, and every element taken out is at a constant
   position (v[k], at (k), front (), back ()) or by iterators that walk over
   every element.  Each position (a map's each constant key, in key order) is
   a slot of its own, at most MAX_SLOTS of them:

     std::vector<S *> v;      STORE v = (aggregate); SIZE = 0
     v.push_back (a);         LOAD t = *&a; STORE *(&v + POS (0)) = t; SIZE = 1
     v.push_back (b);         LOAD t = *&b; STORE *(&v + POS (1)) = t; SIZE = 2
     delete v[1];             COPY r = &v + POS (1); LOAD q = *r; FREE q
     for (S *q : v)           begin (): LEFT = 2, and the queue of the
       delete q;                iterator, slots of its own: POS (0) = the
				element at POS (0), POS (1) = POS (1)'s
			      end (): LEFT = 0
			      *it: COPY r = &it + POS (0)
			      ++it: LEFT = LEFT - 1, the queue shifted down

   Which slots are held before each call on the container (a mask) is found
   once per function by a forward walk over the CFG (slot_masks): a make
   empties it, a push_back adds the next position, a pop_back drops the last,
   clear () all of them.  A call the paths reach with different masks (a put
   in a loop, or after a branch that put on one side only), beyond MAX_SLOTS,
   or not reached at all, makes the container something else (ALL, MANY:
   lower-containers.cc, as before this file), except the calls that do not
   need the positions (the destructor, clear (), size (), end ()).

   The queue is how a loop meets every element although the engine does not
   count iterations: each step makes the next element the first, so the
   dereference, a statement of fixed offsets, names it.  The engine keeps
   apart the states of iterations that did different things (one more
   element deleted), so each runs on its own element; LEFT is exact in them,
   and the loop ends after the last.  A loop whose iterations it joins
   forgets the queue (the states differ there) and runs on unknown
   pointers, never on an element again: the queue only shortens, and the
   container's own slots are not touched by its iterators.  Every
   dereference must be in a loop over every element (every_walk_to_the_end:
   no break, no return), as for ALL; a step back (`--it`) is not followed.  */

#include "lower-containers.h"

/* The masks: slots held, or these.  */
static const int UNSEEN = -2;	/* no path reaches the call yet */
static const int VARYING = -1;	/* the paths differ, or the positions are lost */

/* The slot of position (or key order) k.  */
static int64_t
pos_slot (int k)
{
  return ELEM + 8 + 8 * (int64_t) k;
}

/* Whether a mask holds positions 0 to n - 1 exactly, and its n.  */
static bool
dense (int mask, int *n)
{
  *n = __builtin_popcount (mask);
  return mask >= 0 && mask == (1 << *n) - 1;
}

/* Adds a map's constant key to f's keys, kept in order; false past
   MAX_SLOTS keys.  */
bool
add_key (container_facts *f, int64_t key)
{
  std::vector<int64_t>::iterator at = f->keys.begin ();
  while (at != f->keys.end () && *at < key)
    ++at;
  if (at != f->keys.end () && *at == key)
    return true;
  if (f->keys.size () >= (size_t) MAX_SLOTS)
    return false;
  f->keys.insert (at, key);
  return true;
}

/* The slot index of a map's key, or -1.  */
static int
key_index (container_facts *f, int64_t key)
{
  for (size_t i = 0; i < f->keys.size (); i++)
    if (f->keys[i] == key)
      return (int) i;
  return -1;
}

/* The position call s (a member taking an element out or putting one by
   reference) names: back () the last one held, a map's key its index; -1 if
   none is known.  */
static int
taken_position (container_facts *f, gcall *s, tree fndecl, bool keyed, int mask)
{
  if (keyed)
    {
      int64_t key = constant_key (s, fndecl);
      return key == NO_KEY ? -1 : key_index (f, key);
    }
  int n;
  if (id_equal (DECL_NAME (fndecl), "back"))
    return dense (mask, &n) && n > 0 ? n - 1 : -1;
  int64_t k = constant_key (s, fndecl);
  return k >= 0 && k < MAX_SLOTS ? (int) k : -1;
}

/* Whether a map's member s makes the element its key names when it is not
   there: operator[], not at ().  */
static bool
makes_element (tree fndecl, bool keyed)
{
  return keyed && id_equal (DECL_NAME (fndecl), "operator[]");
}

/* The slots held after member call s of container f, given those before.  */
static int
slot_transfer (container_facts *f, gcall *s, tree fndecl, bool keyed, int mask)
{
  container_op op = container_call_op (s, fndecl, keyed);
  tree name = DECL_NAME (fndecl);
  int n;
  switch (op)
    {
    case OP_MAKE:
      return 0;
    case OP_PUT:
      if (!dense (mask, &n) || n >= MAX_SLOTS || gimple_call_num_args (s) != 2)
	return VARYING;
      return mask | (1 << n);
    case OP_TAKE:
      {
	if (mask < 0)
	  return mask;
	int k = taken_position (f, s, fndecl, keyed, mask);
	if (makes_element (fndecl, keyed))
	  return k < 0 ? VARYING : mask | (1 << k);
	/* `v[k] = p` must name an element there.  */
	if (taken_reference_use (gimple_call_lhs (s), 0) == REF_WRITTEN
	    && (k < 0 || !(mask & (1 << k))))
	  return VARYING;
	return mask;
      }
    case OP_REMOVE:
      if (id_equal (name, "clear"))
	return 0;
      if (!keyed && (id_equal (name, "pop_back") || id_equal (name, "pop_front"))
	  && dense (mask, &n) && n > 0)
	return (1 << (n - 1)) - 1;
      return VARYING;
    default:
      return mask;
    }
}

/* Whether call s is one on container f: a member (*keyed set), or a call on
   an iterator into it (*it_op set).  */
static bool
call_of (lower_ctx *c, container_facts *f, gcall *s, bool *keyed, iterator_op *it_op)
{
  tree fndecl = gimple_call_fndecl (s);
  *it_op = IT_NONE;
  if (!fndecl)
    return false;
  if (local_container (c->fun, s, keyed) == f->var)
    return DECL_CONTEXT (fndecl) && TYPE_P (DECL_CONTEXT (fndecl))
	   && TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl)) == TYPE_MAIN_VARIANT (TREE_TYPE (f->var));
  *it_op = classify_iterator_call (s, fndecl);
  if (*it_op == IT_NONE || !gimple_call_num_args (s))
    return false;
  tree from = *it_op == IT_CONVERT ? gimple_call_arg (s, 1) : gimple_call_arg (s, 0);
  return iterator_address_owner (c, from) == f;
}

/* Where two paths meet.  */
static int
meet (int a, int b)
{
  if (a == UNSEEN)
    return b;
  if (b == UNSEEN || a == b)
    return a;
  return VARYING;
}

/* The slots held at the end of block bb, given those at its start; with
   record, the mask before each call on f is kept in f->masks.  */
static int
walk_block (lower_ctx *c, container_facts *f, basic_block bb, int mask, bool record)
{
  for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
    {
      gimple *g = gsi_stmt (gsi);
      if (emptied_container (g) == f->var)
	{
	  mask = 0;
	  continue;
	}
      gcall *s = dyn_cast<gcall *> (g);
      bool keyed;
      iterator_op it_op;
      if (!s || !call_of (c, f, s, &keyed, &it_op))
	continue;
      if (record)
	f->masks.push_back (std::make_pair ((gimple *) s, mask));
      if (it_op == IT_NONE)
	mask = slot_transfer (f, s, gimple_call_fndecl (s), keyed, mask);
    }
  return mask;
}

/* The forward walk: the mask at the start of each block, to a fixpoint (each
   block's mask only rises, UNSEEN, a mask, VARYING), then the masks before
   each call recorded.  Exception edges are not followed: a put that throws
   put nothing, and the destructor on that way out drops nothing (as for the
   other kinds).  False if the walk did not settle.  */
static bool
slot_masks (lower_ctx *c, container_facts *f)
{
  std::vector<int> in (last_basic_block_for_fn (c->fun), UNSEEN);
  basic_block bb;
  bool changed = true;
  for (int round = 0; changed; round++)
    {
      if (round > 16)
	return false;
      changed = false;
      FOR_EACH_BB_FN (bb, c->fun)
	{
	  int out = walk_block (c, f, bb, in[bb->index], false);
	  edge e;
	  edge_iterator ei;
	  FOR_EACH_EDGE (e, ei, bb->succs)
	    {
	      if ((e->flags & (EDGE_EH | EDGE_ABNORMAL))
		  || e->dest == EXIT_BLOCK_PTR_FOR_FN (c->fun))
		continue;
	      int m = meet (in[e->dest->index], out);
	      if (m != in[e->dest->index])
		{
		  in[e->dest->index] = m;
		  changed = true;
		}
	    }
	}
    }
  f->masks.clear ();
  FOR_EACH_BB_FN (bb, c->fun)
    walk_block (c, f, bb, in[bb->index], true);
  return true;
}

/* Whether call s, reached with the slots mask, can be lowered: the calls that
   name positions need one mask on every path.  */
static bool
known_enough (lower_ctx *c, container_facts *f, gcall *s, int mask)
{
  if (mask >= 0)
    return true;
  bool keyed;
  iterator_op it_op;
  call_of (c, f, s, &keyed, &it_op);
  if (it_op != IT_NONE)
    return it_op != IT_DEREF && it_op != IT_FORWARD && it_op != IT_BACK;
  tree fndecl = gimple_call_fndecl (s);
  bool end;
  switch (container_call_op (s, fndecl, keyed))
    {
    case OP_MAKE:
    case OP_DESTROY:
    case OP_OBSERVE:
      return true;
    case OP_REMOVE:
      return id_equal (DECL_NAME (fndecl), "clear");
    case OP_ITER:
      return iterator_member (DECL_NAME (fndecl), &end) && end;
    default:
      return false;
    }
}

/* Whether container f (not ONE, filled by puts that lower-containers.cc's
   scan found all known) is SEVERAL: every call that names a position is
   reached with one mask, and every dereference of an iterator is in a loop
   over every element.  */
void
decide_several (lower_ctx *c, container_facts *f, bool keyed)
{
  if (keyed && f->keys.empty ())
    return;
  if (!slot_masks (c, f))
    return;
  for (const std::pair<gimple *, int> &m : f->masks)
    {
      gcall *s = as_a<gcall *> (m.first);
      if (!known_enough (c, f, s, m.second))
	return;
      if (classify_iterator_call (s, gimple_call_fndecl (s)) == IT_BACK
	  && iterator_address_owner (c, gimple_call_arg (s, 0)) == f)
	return;
      /* A put or a removal must leave positions known (no ninth, no pop_back
	 of nothing, no `v[k] = p` past the end).  */
      bool member_keyed;
      iterator_op it_op;
      call_of (c, f, s, &member_keyed, &it_op);
      tree fndecl = gimple_call_fndecl (s);
      container_op op = container_call_op (s, fndecl, member_keyed);
      if (it_op == IT_NONE && (op == OP_PUT || op == OP_TAKE || op == OP_REMOVE)
	  && slot_transfer (f, s, fndecl, member_keyed, m.second) < 0)
	return;
    }
  if (!every_walk_to_the_end (c, f))
    return;
  f->several = true;
}

/* The slots held before call s (VARYING if it was not recorded).  */
static int
mask_before (container_facts *f, gimple *s)
{
  for (const std::pair<gimple *, int> &m : f->masks)
    if (m.first == s)
      return m.second;
  return VARYING;
}

/* LOAD of slot k, a pointer.  */
static mr_opnd
load_slot (lower_ctx *c, unsigned bb, tree var, int k, mr_loc loc)
{
  mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
  ld->dst = new_synthetic (c, NULL_TREE);
  ld->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
  ld->off = pos_slot (k);
  ld->flags = MR_EVF_POINTER;
  return mr_value (ld->dst);
}

/* Drops the slots of mask (every slot if VARYING): a pointer only the
   container held is leaked there.  */
static void
drop_slots (lower_ctx *c, unsigned bb, tree var, int mask, mr_loc loc)
{
  for (int k = 0; k < MAX_SLOTS; k++)
    if (mask < 0 || (mask & (1 << k)))
      container_store (c, bb, var, pos_slot (k), mr_unknown (), MR_EVF_POINTER, loc);
}

/* Moves the elements of slots 0 to n - 1 one place up (push_front) or down
   (pop_front, whose slot 0 was dropped).  */
static void
shift_slots (lower_ctx *c, unsigned bb, tree var, int n, bool up, mr_loc loc)
{
  if (up)
    for (int k = n - 1; k >= 0; k--)
      container_store (c, bb, var, pos_slot (k + 1), load_slot (c, bb, var, k, loc),
		       MR_EVF_POINTER, loc);
  else
    {
      for (int k = 1; k < n; k++)
	container_store (c, bb, var, pos_slot (k - 1), load_slot (c, bb, var, k, loc),
			 MR_EVF_POINTER, loc);
      if (n > 0)
	container_store (c, bb, var, pos_slot (n - 1), mr_unknown (), MR_EVF_POINTER, loc);
    }
}

/* A member call on a SEVERAL container (the header); false leaves it to
   lower-containers.cc's lowering of any container.  */
bool
lower_several_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, container_facts *f,
		    bool keyed, mr_loc loc)
{
  tree var = f->var, name = DECL_NAME (fndecl), lhs = gimple_call_lhs (s);
  int mask = mask_before (f, s), after = slot_transfer (f, s, fndecl, keyed, mask);
  int n = mask >= 0 ? __builtin_popcount (mask) : 0;
  switch (container_call_op (s, fndecl, keyed))
    {
    case OP_MAKE:
      container_store (c, bb, var, 0, mr_unknown (), MR_EVF_AGGREGATE, loc);
      container_store (c, bb, var, SIZE, mr_const (0), 0, loc);
      return true;
    case OP_DESTROY:
      if (!bb_has_eh_pred (gimple_bb (s)))
	drop_slots (c, bb, var, mask, loc);
      container_store (c, bb, var, 0, mr_unknown (), MR_EVF_AGGREGATE, loc);
      return true;
    case OP_PUT:
      {
	mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	ld->dst = new_synthetic (c, NULL_TREE);
	ld->a = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
	ld->flags = MR_EVF_POINTER;
	bool front = id_equal (name, "push_front") || id_equal (name, "emplace_front");
	if (front)
	  shift_slots (c, bb, var, n, true, loc);
	container_store (c, bb, var, pos_slot (front ? 0 : n), mr_value (ld->dst),
			 MR_EVF_POINTER, loc);
	container_store (c, bb, var, SIZE, mr_const (n + 1), 0, loc);
	return true;
      }
    case OP_TAKE:
      {
	int k = taken_position (f, s, fndecl, keyed, mask);
	/* A map's operator[] makes the element, NULL, if it was not there.  */
	if (makes_element (fndecl, keyed) && k >= 0 && mask >= 0 && !(mask & (1 << k)))
	  {
	    container_store (c, bb, var, pos_slot (k), mr_const (0), MR_EVF_POINTER, loc);
	    container_store (c, bb, var, SIZE, mr_const (__builtin_popcount (after)), 0, loc);
	  }
	bool held = k >= 0 && after >= 0 && (after & (1 << k));
	element_reference (c, bb, var, held ? pos_slot (k) : MR_OFF_UNKNOWN, lhs, loc);
	return true;
      }
    case OP_OBSERVE:
      if ((id_equal (name, "size") || id_equal (name, "empty"))
	  && lhs && TREE_CODE (lhs) == SSA_NAME)
	{
	  bool size = id_equal (name, "size");
	  mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	  ld->dst = size ? SSA_NAME_VERSION (lhs) : new_synthetic (c, NULL_TREE);
	  ld->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
	  ld->off = SIZE;
	  if (!size)
	    set_call_truth (c, bb, lhs, MR_CMP_EQ, mr_value (ld->dst), mr_const (0), loc);
	  return true;
	}
      return false;
    case OP_ITER:
      {
	/* An iterator's queue: the elements from it to the end, in the order
	   it meets them (rbegin's backwards), in slots of its own.  */
	bool end;
	iterator_member (name, &end);
	set_iterator_left (c, bb, lhs, mr_const (end ? 0 : n), loc);
	if (!lhs || !VAR_P (lhs))
	  return true;
	int held[MAX_SLOTS], m = 0;
	for (int k = 0; k < MAX_SLOTS && !end; k++)
	  if (mask & (1 << k))
	    held[m++] = k;
	bool back = IDENTIFIER_POINTER (name)[0] == 'r' || IDENTIFIER_POINTER (name)[1] == 'r';
	for (int i = 0; i < MAX_SLOTS; i++)
	  container_store (c, bb, lhs, pos_slot (i),
			   i < m ? load_slot (c, bb, var, held[back ? m - 1 - i : i], loc)
				 : mr_unknown (), MR_EVF_POINTER, loc);
	return true;
      }
    case OP_REMOVE:
      if (id_equal (name, "clear"))
	drop_slots (c, bb, var, mask, loc);
      else if (id_equal (name, "pop_back"))
	drop_slots (c, bb, var, 1 << (n - 1), loc);
      else
	{
	  drop_slots (c, bb, var, 1, loc);
	  shift_slots (c, bb, var, n, false, loc);
	}
      container_store (c, bb, var, SIZE, mr_const (__builtin_popcount (after)), 0, loc);
      return true;
    default:
      return false;
    }
}

/* Copies the queue of iterator `from` (and its LEFT) into iterator `to`, both
   given as addresses (&it): a postfix step's result, a conversion.  */
static void
copy_queue (lower_ctx *c, unsigned bb, tree from, tree to, mr_loc loc)
{
  if (TREE_CODE (from) != ADDR_EXPR || TREE_CODE (to) != ADDR_EXPR)
    return;
  tree src = TREE_OPERAND (from, 0), dst = TREE_OPERAND (to, 0);
  set_iterator_left (c, bb, dst, load_container_integer (c, bb, from, LEFT, loc), loc);
  for (int k = 0; k < MAX_SLOTS; k++)
    container_store (c, bb, dst, pos_slot (k), load_slot (c, bb, src, k, loc),
		     MR_EVF_POINTER, loc);
}

/* A step forward of an iterator into a SEVERAL container that holds n
   elements: LEFT one less, and its queue one shorter (the element it was at
   drops out, the next is first).  */
static void
step (lower_ctx *c, unsigned bb, gcall *s, int n, mr_loc loc)
{
  tree self = gimple_call_arg (s, 0), lhs = gimple_call_lhs (s);
  tree it = TREE_OPERAND (self, 0);
  /* `it++` returns where it was.  */
  if (lhs && VAR_P (lhs))
    copy_queue (c, bb, self, build_fold_addr_expr (lhs), loc);
  mr_opnd left = load_container_integer (c, bb, self, LEFT, loc);
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = new_synthetic (c, NULL_TREE);
  e->a = left;
  e->b = mr_const (-1);
  e->off = -64;
  e->flags = MR_EVF_INT_STEP;
  set_iterator_left (c, bb, it, mr_value (e->dst), loc);
  shift_slots (c, bb, it, n, false, loc);
}

/* A call on an iterator into a SEVERAL container: a dereference names the
   first of its queue (pair_off before it: a map's pair, whose second is the
   element), a step shortens the queue, a conversion copies it; false for
   the comparisons, lowered as for the other kinds.  */
bool
lower_several_iterator (lower_ctx *c, unsigned bb, gcall *s, iterator_op op,
			container_facts *f, int64_t pair_off, mr_loc loc)
{
  int mask = mask_before (f, s);
  tree self = gimple_call_arg (s, 0);
  switch (op)
    {
    case IT_DEREF:
      if (tree lhs = gimple_call_lhs (s))
	element_reference (c, bb, TREE_OPERAND (self, 0), pos_slot (0) - pair_off, lhs, loc);
      return true;
    case IT_FORWARD:
      if (mask < 0)
	return false;
      step (c, bb, s, __builtin_popcount (mask), loc);
      return true;
    case IT_CONVERT:
      copy_queue (c, bb, gimple_call_arg (s, 1), self, loc);
      return true;
    default:
      return false;
    }
}
