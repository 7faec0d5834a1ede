/* lower-containers.cc — C++ standard containers of raw pointers: std::vector<T *>,
   std::deque<T *>, std::list<T *> (std::__cxx11::list), std::map<K, T *> and
   std::unordered_map<K, T *>, when the container is a local variable of the
   function.

   The pass runs before inlining, so every member of a container is a call into a
   system header, which the pass does not analyse: without this file each is an
   unknown call given the container (and `push_back (p)` an out-parameter &p),
   and what goes in is out of sight.  Here the container is an object whose
   elements are slots the lowering names, past any offset of its real fields
   (only its members read it, and each is lowered here or is an unknown call):

     std::vector<S *> v;          STORE v = (aggregate, nothing known)
     v.push_back (p);             LOAD t = *&p; STORE *(&v + ELEM) = t
     delete p;
     delete v[0];                 COPY r = &v + ELEM; LOAD q = *r; FREE q   double delete

   Which elements a slot stands for is decided once per function for each
   container (scan_containers), precision first:

   - ONE: the container is made empty here (its default constructor, or `v =
     {}`, not in a loop), exactly one statement ever puts a pointer in (not in a loop), and
     every other use of it is a member this file knows (elements taken out by
     operator[], at, front, back; size, empty ...; the destructor).  Then any
     element taken out is that pointer: all of them read the one slot ELEM.
     Taken out inside a loop, which the engine may run more often than the
     container has elements, the element is out of sight instead (escaped) and
     the value is new each time.  A std::map's element is the one put in only
     for the same constant key.  The destructor drops the slot: a pointer only
     the container held is leaked there (a vector does not delete its elements).
   - MANY: any other local container.  A pointer put in escapes, and so does
     everything the container held (ESCAPE of the container); an element taken out
     at a constant position (v[2], front (), back (), m[k] for a constant k) reads
     a slot of its own, so taking it out twice with nothing put in or removed in
     between gives the same pointer (`delete v[0]; delete v[0];`).  Any member
     not known here (begin, erase, clear, swap ...) is an unknown call, which
     forgets the slots.

   A container that is not a local variable (a member, a parameter, one reached
   through a reference) is left to the unknown calls.  */

#include "lower-int.h"

/* The element slots: ELEM for ONE (and SIZE, the number of elements of a
   sequence filled by push_back and the like); for MANY, position k at ELEM + 8 + 8k (k <
   MAX_POS) and back () at ELEM - 8.  Far below MR_OFF_PURE, far above a real
   container's size.  */
static const int64_t ELEM = (int64_t) 1 << 28;
static const int64_t SIZE = ELEM - 16;	/* a ONE sequence's size: 0, then 1 */
static const int64_t MAX_POS = 64;
static const int64_t NO_KEY = INT64_MIN;

/* What a member of a container does to it.  */
enum container_op
{
  OP_OTHER, OP_MAKE, OP_DESTROY, OP_PUT, OP_TAKE, OP_OBSERVE
};

/* The member type `name` (value_type, mapped_type) of a class, or NULL_TREE.  */
static tree
member_type (tree cls, const char *name)
{
  for (tree f = TYPE_FIELDS (cls); f; f = DECL_CHAIN (f))
    if (TREE_CODE (f) == TYPE_DECL && DECL_NAME (f) && id_equal (DECL_NAME (f), name))
      return TREE_TYPE (f);
  return NULL_TREE;
}

/* Whether cls is a standard container of raw pointers this file models, and
   whether it is keyed (a map: elements are found by key, not position).  */
static bool
pointer_container_p (tree cls, bool *keyed)
{
  if (!cls || TREE_CODE (cls) != RECORD_TYPE || !TYPE_NAME (cls))
    return false;
  cls = TYPE_MAIN_VARIANT (cls);
  tree tn = TYPE_NAME (cls);
  if (TREE_CODE (tn) != TYPE_DECL || !DECL_IN_SYSTEM_HEADER (tn) || !DECL_NAME (tn))
    return false;
  tree id = DECL_NAME (tn);
  *keyed = id_equal (id, "map") || id_equal (id, "unordered_map");
  if (!*keyed && !id_equal (id, "vector") && !id_equal (id, "deque")
      && !id_equal (id, "list"))
    return false;
  if (!mr_startswith (lang_hooks.decl_printable_name (tn, 2), "std::"))
    return false;
  tree elem = member_type (cls, *keyed ? "mapped_type" : "value_type");
  return elem && TREE_CODE (elem) == POINTER_TYPE;
}

/* The local container variable a call's `this` names (&v), or NULL_TREE.  */
static tree
local_container (function *fun, gcall *s, bool *keyed)
{
  if (!gimple_call_num_args (s))
    return NULL_TREE;
  tree self = gimple_call_arg (s, 0);
  if (TREE_CODE (self) != ADDR_EXPR || !VAR_P (TREE_OPERAND (self, 0)))
    return NULL_TREE;
  tree var = TREE_OPERAND (self, 0);
  if (!auto_var_in_fn_p (var, fun->decl) || !pointer_container_p (TREE_TYPE (var), keyed))
    return NULL_TREE;
  return var;
}

/* Whether t is the address of a pointer (the `const T &` a put takes).  */
static bool
points_to_pointer (tree t)
{
  tree type = TREE_TYPE (t);
  return (POINTER_TYPE_P (type)) && TREE_CODE (TREE_TYPE (type)) == POINTER_TYPE;
}

/* What member fndecl, called as s on a container, does.  */
static container_op
classify (gcall *s, tree fndecl, bool keyed)
{
  unsigned n = gimple_call_num_args (s);
  if (DECL_CXX_CONSTRUCTOR_P (fndecl))
    return n == 1 ? OP_MAKE : OP_OTHER;
  if (DECL_CXX_DESTRUCTOR_P (fndecl))
    return OP_DESTROY;
  tree name = DECL_NAME (fndecl);
  if (!name)
    return OP_OTHER;
  if (!keyed && n == 2 && points_to_pointer (gimple_call_arg (s, 1))
      && (id_equal (name, "push_back") || id_equal (name, "emplace_back")
	  || id_equal (name, "push_front") || id_equal (name, "emplace_front")))
    return OP_PUT;
  tree lhs = gimple_call_lhs (s);
  if (lhs && TREE_CODE (lhs) == SSA_NAME && points_to_pointer (lhs)
      && (((id_equal (name, "operator[]") || id_equal (name, "at")) && n == 2)
	  || ((id_equal (name, "front") || id_equal (name, "back")) && n == 1 && !keyed)))
    return OP_TAKE;
  if (id_equal (name, "size") || id_equal (name, "empty") || id_equal (name, "capacity")
      || id_equal (name, "max_size") || id_equal (name, "reserve")
      || id_equal (name, "count") || id_equal (name, "contains"))
    return OP_OBSERVE;
  return OP_OTHER;
}

/* The constant position or key an element is taken out at, or NO_KEY: v[2] (by
   value), m[1] (a `const int &` to a temporary the statements before the call
   set to a constant), front () is position 0.  */
static int64_t
constant_key (gcall *s, tree fndecl)
{
  if (id_equal (DECL_NAME (fndecl), "front"))
    return 0;
  if (gimple_call_num_args (s) != 2)
    return NO_KEY;
  tree k = gimple_call_arg (s, 1);
  if (TREE_CODE (k) == INTEGER_CST)
    return tree_fits_shwi_p (k) ? tree_to_shwi (k) : NO_KEY;
  if (TREE_CODE (k) != ADDR_EXPR || !VAR_P (TREE_OPERAND (k, 0))
      || !DECL_ARTIFICIAL (TREE_OPERAND (k, 0)))
    return NO_KEY;
  tree tmp = TREE_OPERAND (k, 0);
  gimple_stmt_iterator gsi = gsi_for_stmt (s);
  for (gsi_prev (&gsi); !gsi_end_p (gsi); gsi_prev (&gsi))
    {
      gimple *g = gsi_stmt (gsi);
      if (is_gimple_debug (g))
	continue;
      if (!is_gimple_assign (g) || gimple_assign_lhs (g) != tmp)
	return NO_KEY;
      tree v = gimple_assign_rhs1 (g);
      return gimple_assign_single_p (g) && TREE_CODE (v) == INTEGER_CST
	     && tree_fits_shwi_p (v) ? tree_to_shwi (v) : NO_KEY;
    }
  return NO_KEY;
}

/* Whether bb lies on a cycle of the CFG (can reach itself).  */
static bool
in_cycle (function *fun, basic_block bb)
{
  auto_sbitmap seen (last_basic_block_for_fn (fun));
  bitmap_clear (seen);
  auto_vec<basic_block> work;
  work.safe_push (bb);
  while (!work.is_empty ())
    {
      basic_block b = work.pop ();
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, b->succs)
	{
	  if (e->dest == bb)
	    return true;
	  if (e->dest->index >= 0 && e->dest != EXIT_BLOCK_PTR_FOR_FN (fun)
	      && !bitmap_bit_p (seen, e->dest->index))
	    {
	      bitmap_set_bit (seen, e->dest->index);
	      work.safe_push (e->dest);
	    }
	}
    }
  return false;
}

/* What the element a take-out returns (a reference to it) is used for: only read
   (`q = *r`), written (`*r = p`: a put), or anything else.  */
enum ref_use { REF_READ, REF_WRITTEN, REF_OTHER };

static ref_use
reference_use (tree ref, int depth)
{
  ref_use use = REF_READ;
  imm_use_iterator it;
  gimple *g;
  FOR_EACH_IMM_USE_STMT (g, it, ref)
    {
      if (is_gimple_debug (g))
	continue;
      tree lhs = is_gimple_assign (g) ? gimple_assign_lhs (g) : NULL_TREE;
      tree rhs = is_gimple_assign (g) && gimple_assign_single_p (g)
		 ? gimple_assign_rhs1 (g) : NULL_TREE;
      /* A copy (`S *&r = v[0];` at -O0): its uses are the reference's.  */
      if (rhs == ref && TREE_CODE (lhs) == SSA_NAME && depth < 4)
	{
	  ref_use u = reference_use (lhs, depth + 1);
	  if (u == REF_OTHER || (u == REF_WRITTEN && use == REF_WRITTEN))
	    use = REF_OTHER;
	  else if (u == REF_WRITTEN)
	    use = REF_WRITTEN;
	  continue;
	}
      if (rhs && TREE_CODE (rhs) == MEM_REF && TREE_OPERAND (rhs, 0) == ref
	  && integer_zerop (TREE_OPERAND (rhs, 1)) && TREE_CODE (lhs) == SSA_NAME)
	continue;
      if (lhs && TREE_CODE (lhs) == MEM_REF && TREE_OPERAND (lhs, 0) == ref
	  && integer_zerop (TREE_OPERAND (lhs, 1)) && rhs && TREE_CODE (rhs) != MEM_REF
	  && use != REF_OTHER)
	{
	  use = REF_WRITTEN;
	  continue;
	}
      use = REF_OTHER;
    }
  return use;
}

/* Walks one operand tree for addresses of local containers used outside a call's
   `this`: such a container is not ONE.  */
static tree
find_container_address (tree *tp, int *walk_subtrees, void *data)
{
  std::vector<container_facts> *all = (std::vector<container_facts> *) data;
  if (TYPE_P (*tp))
    *walk_subtrees = 0;
  else if (TREE_CODE (*tp) == ADDR_EXPR)
    for (container_facts &f : *all)
      if (TREE_OPERAND (*tp, 0) == f.var)
	f.one = false;
  return NULL_TREE;
}

static container_facts *
facts_of (lower_ctx *c, tree var)
{
  for (container_facts &f : c->containers)
    if (f.var == var)
      return &f;
  return NULL;
}

/* Once per function: which local containers are ONE (see the header).  */
static void
scan_containers (lower_ctx *c)
{
  c->containers_scanned = true;
  basic_block bb;
  /* The containers, and the calls on them.  */
  FOR_EACH_BB_FN (bb, c->fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gcall *s = dyn_cast<gcall *> (gsi_stmt (gsi));
	tree fndecl = s ? gimple_call_fndecl (s) : NULL_TREE;
	bool keyed;
	tree var = fndecl ? local_container (c->fun, s, &keyed) : NULL_TREE;
	if (!var)
	  continue;
	container_facts *f = facts_of (c, var);
	if (!f)
	  {
	    c->containers.push_back (container_facts { var, true, false, 0, 0, NO_KEY });
	    f = &c->containers.back ();
	  }
	container_op op = DECL_CONTEXT (fndecl) && TYPE_P (DECL_CONTEXT (fndecl))
			  && TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl))
			     == TYPE_MAIN_VARIANT (TREE_TYPE (var))
			  ? classify (s, fndecl, keyed) : OP_OTHER;
	if (op == OP_PUT)
	  f->pushed = true;
	if (op == OP_TAKE)
	  {
	    ref_use use = reference_use (gimple_call_lhs (s), 0);
	    if (use == REF_OTHER)
	      op = OP_OTHER;
	    else if (use == REF_WRITTEN)
	      {
		op = OP_PUT;
		f->put_key = constant_key (s, fndecl);
	      }
	  }
	if (op == OP_OTHER || ((op == OP_PUT || op == OP_MAKE) && in_cycle (c->fun, bb)))
	  f->one = false;
	f->puts += op == OP_PUT;
	f->makes += op == OP_MAKE;
      }
  if (c->containers.empty ())
    return;
  /* Their addresses anywhere but as a call's `this`.  */
  FOR_EACH_BB_FN (bb, c->fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *g = gsi_stmt (gsi);
	if (is_gimple_debug (g) || gimple_clobber_p (g))
	  continue;
	/* `v = {}`: GCC 16 makes an empty container so, not by a call of its
	   default constructor (lower.cc lowers it as a store that forgets what
	   the container held).  */
	if (gimple_assign_single_p (g)
	    && TREE_CODE (gimple_assign_rhs1 (g)) == CONSTRUCTOR
	    && CONSTRUCTOR_NELTS (gimple_assign_rhs1 (g)) == 0)
	  if (container_facts *f = facts_of (c, gimple_assign_lhs (g)))
	    {
	      f->makes++;
	      if (in_cycle (c->fun, bb))
		f->one = false;
	      continue;
	    }
	/* A member's `this` was judged above.  */
	gcall *call = dyn_cast<gcall *> (g);
	bool keyed;
	if (call)
	  for (unsigned i = gimple_call_fndecl (call)
			    && local_container (c->fun, call, &keyed) ? 1 : 0;
	       i < gimple_call_num_args (call); i++)
	    walk_tree (gimple_call_arg_ptr (call, i), find_container_address,
		       &c->containers, NULL);
	else
	  for (unsigned i = 0; i < gimple_num_ops (g); i++)
	    if (gimple_op (g, i))
	      walk_tree (gimple_op_ptr (g, i), find_container_address, &c->containers, NULL);
      }
  for (container_facts &f : c->containers)
    if (f.makes != 1 || f.puts != 1)
      f.one = false;
}

/* Adds STORE *(&var + off) = value (flags MR_EVF_POINTER or MR_EVF_AGGREGATE).  */
static void
store_into (lower_ctx *c, unsigned bb, tree var, int64_t off, mr_opnd value,
	    uint32_t flags, mr_loc loc)
{
  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
  st->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
  st->off = off;
  st->b = value;
  st->flags = MR_EVF_WRITE | flags;
}

/* LOAD of the element slot ELEM of a ONE container, then ESCAPE of it: taken out
   where the engine cannot say which element it is, the pointer is out of sight.  */
static void
lose_element (lower_ctx *c, unsigned bb, tree var, mr_loc loc)
{
  mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
  ld->dst = new_synthetic (c, NULL_TREE);
  ld->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
  ld->off = ELEM;
  ld->flags = MR_EVF_POINTER;
  mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
  esc->a = mr_value (ld->dst);
}

/* The reference a take-out returns: COPY dst = &var + off.  */
static void
element_reference (lower_ctx *c, unsigned bb, tree var, int64_t off, tree lhs,
		   mr_loc loc)
{
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = SSA_NAME_VERSION (lhs);
  e->a = mr_addr (lower_operand (c, bb, build_fold_addr_expr (var), loc).id, off);
  e->flags = MR_EVF_POINTER;
}

/* A call of a member of a local container of raw pointers, lowered as what it
   does to the container's elements (see the header); false for a call this
   file leaves to the unknown calls.  */
bool
lower_container_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  if (!DECL_IN_SYSTEM_HEADER (fndecl) || !DECL_CONTEXT (fndecl)
      || !TYPE_P (DECL_CONTEXT (fndecl)))
    return false;
  bool keyed;
  tree var = local_container (c->fun, s, &keyed);
  if (!var || TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl)) != TYPE_MAIN_VARIANT (TREE_TYPE (var)))
    return false;
  container_op op = classify (s, fndecl, keyed);
  if (op == OP_OTHER)
    return false;
  if (!c->containers_scanned)
    scan_containers (c);
  container_facts *f = facts_of (c, var);
  bool one = f && f->one;
  tree lhs = gimple_call_lhs (s);
  switch (op)
    {
    case OP_MAKE:
      store_into (c, bb, var, 0, mr_unknown (), MR_EVF_AGGREGATE, loc);
      if (one && f->pushed)
	store_into (c, bb, var, SIZE, mr_const (0), 0, loc);
      return true;
    case OP_DESTROY:
      /* A ONE container's element is dropped (a leak if it held the last
	 reference), except on the way out by an exception, which is not judged.  */
      if (one && !bb_has_eh_pred (gimple_bb (s)))
	store_into (c, bb, var, ELEM, mr_unknown (), MR_EVF_POINTER, loc);
      if (one)
	store_into (c, bb, var, 0, mr_unknown (), MR_EVF_AGGREGATE, loc);
      else
	{
	  mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	  esc->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
	}
      return true;
    case OP_PUT:
      {
	mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	ld->dst = new_synthetic (c, NULL_TREE);
	ld->a = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
	ld->flags = MR_EVF_POINTER;
	if (one)
	  {
	    store_into (c, bb, var, ELEM, mr_value (ld->dst), MR_EVF_POINTER, loc);
	    store_into (c, bb, var, SIZE, mr_const (1), 0, loc);
	    return true;
	  }
	mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	esc->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
	esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	esc->a = mr_value (ld->dst);
	return true;
      }
    case OP_TAKE:
      {
	bool cyclic = in_cycle (c->fun, gimple_bb (s));
	bool back = id_equal (DECL_NAME (fndecl), "back");
	int64_t key = back ? NO_KEY : constant_key (s, fndecl);
	if (one)
	  {
	    /* A map's element is the one put in only at the key it was put at.  */
	    bool same = !keyed || (key != NO_KEY && key == f->put_key);
	    if (cyclic || !same)
	      {
		lose_element (c, bb, var, loc);
		element_reference (c, bb, var, MR_OFF_UNKNOWN, lhs, loc);
	      }
	    else
	      element_reference (c, bb, var, ELEM, lhs, loc);
	    return true;
	  }
	int64_t off = MR_OFF_UNKNOWN;
	if (!cyclic && back)
	  off = ELEM - 8;
	else if (!cyclic && key >= 0 && key < MAX_POS)
	  off = ELEM + 8 + 8 * key;
	element_reference (c, bb, var, off, lhs, loc);
	return true;
      }
    case OP_OBSERVE:
      {
	/* A ONE sequence's size () and empty () read SIZE: empty () is nonzero
	   exactly when it is 0.  */
	bool size = id_equal (DECL_NAME (fndecl), "size");
	bool empty = id_equal (DECL_NAME (fndecl), "empty");
	if (one && f->pushed && lhs && TREE_CODE (lhs) == SSA_NAME && (size || empty))
	  {
	    mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	    ld->dst = size ? SSA_NAME_VERSION (lhs) : new_synthetic (c, NULL_TREE);
	    ld->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
	    ld->off = SIZE;
	    if (size)
	      return true;
	    mr_term cond = {};
	    cond.kind = MR_TERM_COND;
	    cond.op = MR_CMP_EQ;
	    cond.is_unsigned = true;
	    cond.lhs = mr_value (ld->dst);
	    cond.rhs = mr_const (0);
	    mr_func_add_truth (c->f, SSA_NAME_VERSION (lhs), &cond);
	  }
	/* Reads the container, changes no element: a call given nothing.  */
	lower_reading_call (c, bb, fndecl, lhs, loc);
	return true;
      }
    default:
      return false;
    }
}
