/* lower-containers.cc — C++ standard containers of raw pointers: std::vector<T *>,
   std::deque<T *>, std::list<T *> (std::__cxx11::list), std::map<K, T *> and
   std::unordered_map<K, T *>, when the container is a local variable of the
   function (or, for its loops only, a parameter or a member: OUTER below).
   Their iterators are lower-container-iter.cc's.

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
     A sequence (filled by push_back, insert (pos, p) and the like, so its size
     is known: SIZE) may also be walked by iterators and emptied:

       for (S *q : v)             __for_begin = v.begin ();  STORE *(&it + LEFT) = SIZE
	 delete q;                __for_end = v.end ();      STORE *(&end + LEFT) = 0
				  it != end: a truth on the two LEFTs
				  *it: COPY r = &v + ELEM;  ++it: STORE LEFT = 0

     so the loop runs once if the pointer was put in, never twice, and what its
     body does it does to that pointer (two such loops that delete are a double
     delete).  Every use of an iterator into it must be one this file knows
     (made by begin, end, cbegin, rbegin ..., insert or erase; stepped,
     compared with another into the same container, converted to a
     const_iterator, copied, read through): scan_iterators.  clear (),
     pop_back (), pop_front () and erase (pos) drop the element (a leak if the
     container held the last reference); erase (first, last) may or may not
     remove it, so the element goes out of sight and the size is unknown.
     A map's one put, `m[k] = p`, makes the element if it was not there, so
     its size is known as well (one at least from the put on) and its
     iterators are followed the same way: what they give is the pair
     (`it->second`), placed so that its second is ELEM.
   - ALL: a sequence made empty once and filled only by appends (push_back,
     emplace_back; any number, in loops too), every use known as for ONE,
     and no element taken out but by back () and iterators.  ELEM stands
     for the last pointer put in: a put first puts the one it held out of
     sight (escaped: still an element, not the last), so back () is ELEM, and
     SIZE says only whether it is empty (0 or 1).  Iterators are as for ONE:
     a loop over the elements runs once, on the last pointer put in, which is
     right only if the loop runs over every element: every dereference of an
     iterator must come back to a test of that iterator before anything
     leaves the loop (every_walk_to_the_end: no break, no return).  Two such
     loops that delete are a double delete; the destructor or clear ()
     without one is a leak of the last; pop_front () and erase put it out of
     sight.
   - SEVERAL: a local container filled by a bounded number of puts whose
     positions (a map's constant keys) are known where they are made, every
     element taken out at a constant position or by iterators that walk over
     every element: one slot per position (lower-container-slots.cc).  Tried
     when the container is not ONE; it is then not ALL.
   - MANY: any other local container.  A pointer put in escapes, and so does
     everything the container held (ESCAPE of the container); an element taken out
     at a constant position (v[2], front (), back (), m[k] for a constant k) reads
     a slot of its own, so taking it out twice with nothing put in or removed in
     between gives the same pointer (`delete v[0]; delete v[0];`).  Any other
     member (begin, insert, erase, clear, swap ...) is an unknown call, which
     forgets the slots, and so are the calls on its iterators.

   - OUTER: a container that is a parameter (`std::vector<T *> &v`) or a member
     of what a parameter points to (`this->items_`), whose iterators are all
     known and walk to the end.  What it holds is not known, but only its
     loops are lowered (begin () reads SIZE, a value the engine makes once
     and keeps in the slot), and every element the loops meet is the one
     value ELEM holds: a loop over every element that deletes them leaves a
     second loop over the same container, with no call that may change it in
     between (any other member is an unknown call, which forgets the slots),
     only deleted pointers.

   Any other container (a copy, one reached through other pointers) is left to
   the unknown calls.  */

#include "lower-containers.h"

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

/* The local variable t is the address of: &v, or a copy of it in an SSA name
   (the reference a range-for binds, `__for_range_5 = &v`), or NULL_TREE.  */
static tree
address_of_var (tree t)
{
  for (int depth = 0; depth < 4 && TREE_CODE (t) == SSA_NAME; depth++)
    {
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (!gimple_assign_single_p (def))
	return NULL_TREE;
      t = gimple_assign_rhs1 (def);
    }
  if (TREE_CODE (t) != ADDR_EXPR || !VAR_P (TREE_OPERAND (t, 0)))
    return NULL_TREE;
  return TREE_OPERAND (t, 0);
}

/* The local container variable a call's `this` names (&v), or NULL_TREE.  */
tree
local_container (function *fun, gcall *s, bool *keyed)
{
  if (!gimple_call_num_args (s))
    return NULL_TREE;
  tree var = address_of_var (gimple_call_arg (s, 0));
  if (!var)
    return NULL_TREE;
  if (!auto_var_in_fn_p (var, fun->decl) || !pointer_container_p (TREE_TYPE (var), keyed))
    return NULL_TREE;
  return var;
}

/* The container a call's `this` names when it is no local variable: a
   parameter (`std::vector<T *> &v`) or a member of the object a parameter
   points to (`this->items_`); NULL_TREE otherwise.  The tree is the address,
   compared with operand_equal_p.  */
static tree
outer_container (gcall *s, tree fndecl, bool *keyed)
{
  if (!gimple_call_num_args (s) || !DECL_CONTEXT (fndecl) || !TYPE_P (DECL_CONTEXT (fndecl)))
    return NULL_TREE;
  tree self = gimple_call_arg (s, 0);
  tree type = TREE_TYPE (self);
  /* Through copies (a range-for's `__for_range = v`).  */
  for (int depth = 0; depth < 4 && TREE_CODE (self) == SSA_NAME
		      && !SSA_NAME_IS_DEFAULT_DEF (self); depth++)
    {
      gimple *def = SSA_NAME_DEF_STMT (self);
      if (!gimple_assign_single_p (def))
	return NULL_TREE;
      self = gimple_assign_rhs1 (def);
    }
  if (!POINTER_TYPE_P (type) || !pointer_container_p (TREE_TYPE (type), keyed)
      || TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl)) != TYPE_MAIN_VARIANT (TREE_TYPE (type)))
    return NULL_TREE;
  tree param = self;
  if (TREE_CODE (self) == ADDR_EXPR && TREE_CODE (TREE_OPERAND (self, 0)) == COMPONENT_REF)
    {
      tree base = get_base_address (TREE_OPERAND (self, 0));
      if (!base || TREE_CODE (base) != MEM_REF)
	return NULL_TREE;
      param = TREE_OPERAND (base, 0);
    }
  if (TREE_CODE (param) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF (param)
      || !SSA_NAME_VAR (param) || TREE_CODE (SSA_NAME_VAR (param)) != PARM_DECL)
    return NULL_TREE;
  return self;
}

/* Whether t is the address of a pointer (the `const T &` a put takes).  */
static bool
points_to_pointer (tree t)
{
  tree type = TREE_TYPE (t);
  return (POINTER_TYPE_P (type)) && TREE_CODE (TREE_TYPE (type)) == POINTER_TYPE;
}

/* Whether parameter i of fndecl (`this` is 0) is a reference: `const T &x`,
   not an iterator by value (a range's `T **first`).  */
static bool
reference_param (tree fndecl, unsigned i)
{
  tree args = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
  for (unsigned k = 0; args && k < i; k++)
    args = TREE_CHAIN (args);
  return args && TREE_CODE (TREE_VALUE (args)) == REFERENCE_TYPE;
}

/* Whether t is an object passed by value (an iterator, as insert and erase take
   their positions).  */
static bool
by_value_object (tree t)
{
  return VAR_P (t) && TREE_CODE (TREE_TYPE (t)) == RECORD_TYPE;
}

/* Whether name is one of the members that return an iterator at the start
   (begin) or the end (end) of the elements; *end says which.  */
bool
iterator_member (tree name, bool *end)
{
  static const char *const starts[] = { "begin", "cbegin", "rbegin", "crbegin" };
  static const char *const ends[] = { "end", "cend", "rend", "crend" };
  for (unsigned i = 0; i < 4; i++)
    if (id_equal (name, starts[i]) || id_equal (name, ends[i]))
      {
	*end = id_equal (name, ends[i]);
	return true;
      }
  return false;
}

/* What member fndecl, called as s on a container, does.  */
container_op
container_call_op (gcall *s, tree fndecl, bool keyed)
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
      && reference_param (fndecl, 1)
      && (id_equal (name, "push_back") || id_equal (name, "emplace_back")
	  || id_equal (name, "push_front") || id_equal (name, "emplace_front")))
    return OP_PUT;
  /* insert (pos, x), emplace (pos, x): one element at a position.  */
  if (!keyed && n == 3 && by_value_object (gimple_call_arg (s, 1))
      && points_to_pointer (gimple_call_arg (s, 2)) && reference_param (fndecl, 2)
      && (id_equal (name, "insert") || id_equal (name, "emplace")))
    return OP_PUT;
  bool end;
  if (n == 1 && iterator_member (name, &end))
    return OP_ITER;
  if ((n == 1 && id_equal (name, "clear"))
      || (!keyed && n == 1 && (id_equal (name, "pop_back") || id_equal (name, "pop_front")))
      || (!keyed && id_equal (name, "erase") && (n == 2 || n == 3)
	  && by_value_object (gimple_call_arg (s, 1))
	  && by_value_object (gimple_call_arg (s, n - 1))))
    return OP_REMOVE;
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
int64_t
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

ref_use
taken_reference_use (tree ref, int depth)
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
	  ref_use u = taken_reference_use (lhs, depth + 1);
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
	f.one = f.all = f.several_ok = false;
  return NULL_TREE;
}

container_facts *
container_facts_of (lower_ctx *c, tree var)
{
  for (container_facts &f : c->containers)
    if (f.var == var)
      return &f;
  return NULL;
}

/* The facts of an outer container (its address), or NULL.  */
static container_facts *
facts_of_outer (lower_ctx *c, tree addr)
{
  for (container_facts &f : c->containers)
    if (f.outer && operand_equal_p (f.var, addr, 0))
      return &f;
  return NULL;
}

/* The container whose member call s is (local or outer), or NULL.  */
container_facts *
container_facts_of_call (lower_ctx *c, gcall *s, bool *keyed)
{
  tree fndecl = gimple_call_fndecl (s);
  if (!fndecl)
    return NULL;
  if (tree var = local_container (c->fun, s, keyed))
    return container_facts_of (c, var);
  tree addr = outer_container (s, fndecl, keyed);
  return addr ? facts_of_outer (c, addr) : NULL;
}

/* Whether every use of ssa, a copy of a container's address, is as the
   `this` of a call (judged with the calls) or a further copy.  */
static bool
used_only_as_this (tree ssa, int depth)
{
  imm_use_iterator it;
  gimple *g;
  FOR_EACH_IMM_USE_STMT (g, it, ssa)
    {
      if (is_gimple_debug (g))
	continue;
      if (gimple_assign_single_p (g) && gimple_assign_rhs1 (g) == ssa
	  && TREE_CODE (gimple_assign_lhs (g)) == SSA_NAME && depth < 4
	  && used_only_as_this (gimple_assign_lhs (g), depth + 1))
	continue;
      gcall *call = dyn_cast<gcall *> (g);
      if (!call || !gimple_call_num_args (call) || gimple_call_arg (call, 0) != ssa
	  || gimple_call_lhs (call) == ssa)
	return false;
      for (unsigned i = 1; i < gimple_call_num_args (call); i++)
	if (gimple_call_arg (call, i) == ssa)
	  return false;
    }
  return true;
}

/* Whether argument i of call is handed to a function of the file that releases
   every element of the container there: its summary frees the field ELEM of that
   parameter, which its walks over every element free (summarize-elements.c), and
   stores no pointer into it.  The call is then lowered by that summary, which
   frees the container's ELEM: the pointer put in (ONE), or the last one (ALL).
   A helper that also changes the container (`v.clear ()`, a push_back of
   another pointer: calls it hands the container to) may write the caller's
   memory, so the call escapes the container as any such call does, and what
   it holds afterwards is out of sight.  */
static bool
releases_elements (gcall *call, unsigned i)
{
  tree fndecl = gimple_call_fndecl (call);
  const mr_summary *sum = fndecl ? summary_of (fndecl) : NULL;
  if (!sum || i >= 32 || (sum->stores_through & (1u << i)))
    return false;
  for (unsigned k = 0; k < sum->nfield_stores; k++)
    if (sum->field_stores[k].dst_param == i)
      return false;
  for (unsigned k = 0; k < sum->nout_stores; k++)
    if (sum->out_stores[k].param == i)
      return false;
  for (unsigned k = 0; k < sum->nfield_frees; k++)
    if (sum->field_frees[k].param == i && sum->field_frees[k].off == ELEM)
      return true;
  return false;
}

/* The facts of a container seen first: a local one may be ONE, SEVERAL (and a
   sequence ALL) until a use says otherwise; an outer one (var its address) is
   followed only by its loops.  */
static container_facts *
new_facts (lower_ctx *c, tree var, bool keyed, bool outer)
{
  container_facts f = {};
  f.var = var;
  f.one = !outer;
  f.put_key = NO_KEY;
  f.all = !keyed;
  f.outer = outer;
  f.several_ok = !outer;
  c->containers.push_back (f);
  return &c->containers.back ();
}

/* The variable s empties by `v = {}`, or NULL_TREE: GCC 16 makes an empty
   container so, not by a call of its default constructor (lower.cc lowers it
   as a store that forgets what the container held; the scans count it as the
   make).  */
tree
emptied_container (gimple *s)
{
  return gimple_assign_single_p (s) && TREE_CODE (gimple_assign_rhs1 (s)) == CONSTRUCTOR
	 && CONSTRUCTOR_NELTS (gimple_assign_rhs1 (s)) == 0 ? gimple_assign_lhs (s)
							     : NULL_TREE;
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
	/* Not a member: a helper of the file given the container first, which
	   releases its elements (the addresses' walk below judges the others).  */
	if (var && releases_elements (s, 0))
	  {
	    /* It frees ELEM alone, which SEVERAL's positions are not.  */
	    container_facts *f = container_facts_of (c, var);
	    (f ? f : new_facts (c, var, keyed, false))->several_ok = false;
	    continue;
	  }
	/* An outer container: only the iterators begin and end make.  */
	tree addr = fndecl && !var ? outer_container (s, fndecl, &keyed) : NULL_TREE;
	if (addr)
	  {
	    container_facts *f = facts_of_outer (c, addr);
	    if (!f)
	      f = new_facts (c, addr, keyed, true);
	    tree lhs = gimple_call_lhs (s);
	    if (container_call_op (s, fndecl, keyed) == OP_ITER && lhs)
	      {
		if (iterator_candidate (c, lhs))
		  add_iterator (c, f, lhs);
		else
		  f->all = false;
	      }
	    continue;
	  }
	if (!var)
	  continue;
	container_facts *f = container_facts_of (c, var);
	if (!f)
	  f = new_facts (c, var, keyed, false);
	container_op op = DECL_CONTEXT (fndecl) && TYPE_P (DECL_CONTEXT (fndecl))
			  && TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl))
			     == TYPE_MAIN_VARIANT (TREE_TYPE (var))
			  ? container_call_op (s, fndecl, keyed) : OP_OTHER;
	if (op == OP_PUT)
	  f->pushed = true;
	if (op == OP_ITER || (op == OP_REMOVE && !keyed))
	  f->needs_size = true;
	/* The iterator begin, insert or erase returns.  */
	tree lhs = gimple_call_lhs (s);
	if ((op == OP_ITER || op == OP_PUT || op == OP_REMOVE) && lhs)
	  {
	    if (iterator_candidate (c, lhs))
	      add_iterator (c, f, lhs);
	    else
	      f->one = f->all = f->several_ok = false;
	  }
	if (op == OP_TAKE)
	  {
	    ref_use use = taken_reference_use (gimple_call_lhs (s), 0);
	    int64_t key = id_equal (DECL_NAME (fndecl), "back") ? 0 : constant_key (s, fndecl);
	    /* SEVERAL: every element taken out or put in at a constant
	       position, or a map's key (at most MAX_SLOTS keys).  */
	    if (key == NO_KEY)
	      f->several_ok = false;
	    else if (keyed && !add_key (f, key))
	      f->several_ok = false;
	    if (use == REF_OTHER)
	      op = OP_OTHER;
	    else if (use == REF_WRITTEN)
	      {
		op = OP_PUT;
		f->put_key = constant_key (s, fndecl);
	      }
	  }
	/* SEVERAL: no put at an iterator's position, no erase, one make.  */
	if (op == OP_OTHER || (op == OP_MAKE && in_cycle (c->fun, bb))
	    || (op == OP_PUT && gimple_call_num_args (s) == 3)
	    || (op == OP_REMOVE && id_equal (DECL_NAME (fndecl), "erase")))
	  f->several_ok = false;
	if (op == OP_OTHER || ((op == OP_PUT || op == OP_MAKE) && in_cycle (c->fun, bb)))
	  f->one = false;
	/* ALL: appends only, so back () stays the last one put in, and no
	   element taken out at another position, which may be that one or
	   not (a loop by index that the engine may not enter).  */
	if (op == OP_OTHER || (op == OP_MAKE && in_cycle (c->fun, bb))
	    || (op == OP_PUT && !id_equal (DECL_NAME (fndecl), "push_back")
		&& !id_equal (DECL_NAME (fndecl), "emplace_back"))
	    || (op == OP_TAKE && !id_equal (DECL_NAME (fndecl), "back")))
	  f->all = false;
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
	if (tree emptied = emptied_container (g))
	  if (container_facts *f = container_facts_of (c, emptied))
	    {
	      f->makes++;
	      if (in_cycle (c->fun, bb))
		f->one = f->all = f->several_ok = false;
	      continue;
	    }
	/* A copy of a container's address, only ever a call's `this`.  */
	if (gimple_assign_single_p (g) && TREE_CODE (gimple_assign_lhs (g)) == SSA_NAME
	    && container_facts_of (c, address_of_var (gimple_assign_lhs (g)))
	    && used_only_as_this (gimple_assign_lhs (g), 0))
	  continue;
	/* A member's `this` was judged above.  */
	gcall *call = dyn_cast<gcall *> (g);
	bool keyed;
	if (call)
	  for (unsigned i = gimple_call_fndecl (call)
			    && local_container (c->fun, call, &keyed) ? 1 : 0;
	       i < gimple_call_num_args (call); i++)
	    {
	      /* `delete_all (v)`: a helper that deletes every element.  */
	      tree arg = gimple_call_arg (call, i);
	      if (TREE_CODE (arg) == ADDR_EXPR && container_facts_of (c, TREE_OPERAND (arg, 0))
		  && releases_elements (call, i))
		{
		  container_facts_of (c, TREE_OPERAND (arg, 0))->several_ok = false;
		  continue;
		}
	      walk_tree (gimple_call_arg_ptr (call, i), find_container_address,
			 &c->containers, NULL);
	    }
	else
	  for (unsigned i = 0; i < gimple_num_ops (g); i++)
	    if (gimple_op (g, i))
	      walk_tree (gimple_op_ptr (g, i), find_container_address, &c->containers, NULL);
      }
  scan_iterators (c);
  for (container_facts &f : c->containers)
    {
      if (f.outer)
	{
	  f.all = f.all && every_walk_to_the_end (c, &f);
	  continue;
	}
      /* A map's one put is `m[k] = p`, which makes the element if it was not
	 there: its size is known too.  */
      bool keyed = false;
      pointer_container_p (TREE_TYPE (f.var), &keyed);
      if (f.makes != 1 || f.puts != 1 || (f.needs_size && !f.pushed && !keyed))
	f.one = false;
      if (!f.one && f.several_ok && f.makes == 1 && f.puts >= 1)
	decide_several (c, &f, keyed);
      if (f.several)
	f.all = false;
      f.all = f.all && !f.one && f.makes == 1 && f.puts >= 1 && f.pushed
	      && every_walk_to_the_end (c, &f);
    }
}

/* The address of a container or iterator: &var of a local, an outer
   container's own address tree.  */
static tree
address_of (tree var)
{
  return VAR_P (var) ? build_fold_addr_expr (var) : var;
}

/* Adds STORE *(&var + off) = value (flags MR_EVF_POINTER or MR_EVF_AGGREGATE).  */
void
container_store (lower_ctx *c, unsigned bb, tree var, int64_t off, mr_opnd value,
	    uint32_t flags, mr_loc loc)
{
  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
  st->a = lower_operand (c, bb, address_of (var), loc);
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
void
element_reference (lower_ctx *c, unsigned bb, tree var, int64_t off, tree lhs,
		   mr_loc loc)
{
  mr_opnd base = lower_operand (c, bb, address_of (var), loc);
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = SSA_NAME_VERSION (lhs);
  if (base.kind == MR_OPND_ADDR)
    e->a = mr_addr (base.id, off);
  else
    {
      e->a = base;
      e->off = off;
    }
  e->flags = MR_EVF_POINTER;
}

/* A ONE container's elements removed: by clear (), pop_back (), pop_front ()
   or erase (pos), the element (the only one: a valid position is that one's)
   is dropped, a leak if the container held the last reference; by erase
   (first, last), which may remove it or not, the element is out of sight and
   the size unknown.  */
static void
remove_elements (lower_ctx *c, unsigned bb, gcall *s, tree var, mr_loc loc)
{
  tree lhs = gimple_call_lhs (s);
  if (gimple_call_num_args (s) == 3)
    {
      lose_element (c, bb, var, loc);
      container_store (c, bb, var, ELEM, mr_unknown (), MR_EVF_POINTER, loc);
      container_store (c, bb, var, SIZE, mr_unknown (), 0, loc);
      set_iterator_left (c, bb, lhs, mr_unknown (), loc);
      return;
    }
  container_store (c, bb, var, ELEM, mr_unknown (), MR_EVF_POINTER, loc);
  container_store (c, bb, var, SIZE, mr_const (0), 0, loc);
  set_iterator_left (c, bb, lhs, mr_const (0), loc);
}

/* Elements removed from an ALL container: every slot is forgotten (the
   positions taken out before may hold others now).  clear () and pop_back ()
   remove the last one put in, a leak if the container held the last
   reference; pop_front () and erase may leave it there, so it goes out of
   sight first.  Only clear () says how many are left.  */
static void
remove_from_all (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, tree var, mr_loc loc)
{
  tree name = DECL_NAME (fndecl);
  bool clear = id_equal (name, "clear");
  if (clear || id_equal (name, "pop_back"))
    container_store (c, bb, var, ELEM, mr_unknown (), MR_EVF_POINTER, loc);
  else
    lose_element (c, bb, var, loc);
  container_store (c, bb, var, MR_OFF_UNKNOWN, mr_unknown (), MR_EVF_POINTER, loc);
  if (clear)
    container_store (c, bb, var, SIZE, mr_const (0), 0, loc);
  set_iterator_left (c, bb, gimple_call_lhs (s), mr_unknown (), loc);
}

/* begin () and end () of an outer container whose every iterator is known and
   walks to the end (OUTER in the header); any other member is an unknown call.  */
static bool
lower_outer_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  bool keyed;
  tree addr = outer_container (s, fndecl, &keyed);
  if (!addr || container_call_op (s, fndecl, keyed) != OP_ITER)
    return false;
  if (!c->containers_scanned)
    scan_containers (c);
  container_facts *f = facts_of_outer (c, addr);
  if (!f || !f->all)
    return false;
  bool end;
  iterator_member (DECL_NAME (fndecl), &end);
  tree lhs = gimple_call_lhs (s);
  mr_opnd left = mr_const (0);
  if (!end)
    {
      /* The count of the elements the walk will meet, all of them ELEM: where
	 it is 0, a loop that frees every element freed nothing, as there was
	 none (summarize-elements.c).  */
      left = load_container_integer (c, bb, addr, SIZE, loc);
      mr_event *ld = &c->f->blocks[bb].events[c->f->blocks[bb].nevents - 1];
      ld->flags |= MR_EVF_COUNT;
      ld->b = mr_const (ELEM - SIZE);
    }
  set_iterator_left (c, bb, lhs, left, loc);
  return true;
}

/* A call of a member of a local container of raw pointers, lowered as what it
   does to the container's elements (see the header); false for a call this
   file leaves to the unknown calls.  */
bool
lower_container_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  if (!DECL_IN_SYSTEM_HEADER (fndecl) || !gimple_call_num_args (s))
    return false;
  /* Iterators are known once a member of their container was seen.  */
  if (c->containers_scanned && lower_iterator_call (c, bb, s, fndecl, loc))
    return true;
  if (!DECL_CONTEXT (fndecl) || !TYPE_P (DECL_CONTEXT (fndecl)))
    return false;
  bool keyed;
  tree var = local_container (c->fun, s, &keyed);
  if (!var)
    return lower_outer_call (c, bb, s, fndecl, loc);
  if (TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl)) != TYPE_MAIN_VARIANT (TREE_TYPE (var)))
    return false;
  container_op op = container_call_op (s, fndecl, keyed);
  if (op == OP_OTHER)
    return false;
  if (!c->containers_scanned)
    scan_containers (c);
  container_facts *f = container_facts_of (c, var);
  if (f && f->several && lower_several_call (c, bb, s, fndecl, f, keyed, loc))
    return true;
  bool one = f && f->one;
  bool all = f && f->all;
  tree lhs = gimple_call_lhs (s);
  switch (op)
    {
    case OP_MAKE:
      container_store (c, bb, var, 0, mr_unknown (), MR_EVF_AGGREGATE, loc);
      if ((one && (f->pushed || keyed)) || all)
	container_store (c, bb, var, SIZE, mr_const (0), 0, loc);
      return true;
    case OP_DESTROY:
      /* A ONE container's element is dropped (a leak if it held the last
	 reference), except on the way out by an exception, which is not judged.  */
      if ((one || all) && !bb_has_eh_pred (gimple_bb (s)))
	container_store (c, bb, var, ELEM, mr_unknown (), MR_EVF_POINTER, loc);
      if (one || all)
	container_store (c, bb, var, 0, mr_unknown (), MR_EVF_AGGREGATE, loc);
      else
	{
	  mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	  esc->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
	}
      return true;
    case OP_PUT:
      {
	/* Positional puts (insert, emplace), which return an iterator, are
	   known only in a ONE container.  */
	unsigned n = gimple_call_num_args (s);
	if (n == 3 && !one)
	  return false;
	mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	ld->dst = new_synthetic (c, NULL_TREE);
	ld->a = lower_operand (c, bb, gimple_call_arg (s, n - 1), loc);
	ld->flags = MR_EVF_POINTER;
	if (one)
	  {
	    container_store (c, bb, var, ELEM, mr_value (ld->dst), MR_EVF_POINTER, loc);
	    container_store (c, bb, var, SIZE, mr_const (1), 0, loc);
	    set_iterator_left (c, bb, lhs, mr_const (1), loc);
	    return true;
	  }
	if (all)
	  {
	    /* The one put in before goes out of sight (still an element, but
	       not the last one).  SIZE says only whether it is empty.  */
	    lose_element (c, bb, var, loc);
	    container_store (c, bb, var, ELEM, mr_value (ld->dst), MR_EVF_POINTER, loc);
	    container_store (c, bb, var, SIZE, mr_const (1), 0, loc);
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
	/* ALL: back () is the last one put in.  */
	if (all)
	  {
	    element_reference (c, bb, var, ELEM, lhs, loc);
	    return true;
	  }
	int64_t key = back ? NO_KEY : constant_key (s, fndecl);
	if (one)
	  {
	    /* A map's element is the one put in only at the key it was put at.  */
	    bool same = !keyed || (key != NO_KEY && key == f->put_key);
	    /* The put of a map (`m[k] = p`, its reference written): one
	       element at least from now on, for its iterators.  */
	    bool put = keyed && taken_reference_use (lhs, 0) == REF_WRITTEN;
	    if (put)
	      container_store (c, bb, var, SIZE, mr_const (1), 0, loc);
	    if ((cyclic || !same) && !put)
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
	/* ALL's SIZE says only whether it is empty.  */
	if (((one && f->pushed && (size || empty)) || (all && empty))
	    && lhs && TREE_CODE (lhs) == SSA_NAME)
	  {
	    mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	    ld->dst = size ? SSA_NAME_VERSION (lhs) : new_synthetic (c, NULL_TREE);
	    ld->a = lower_operand (c, bb, build_fold_addr_expr (var), loc);
	    ld->off = SIZE;
	    if (size)
	      return true;
	    set_call_truth (c, bb, lhs, MR_CMP_EQ, mr_value (ld->dst), mr_const (0), loc);
	    return true;
	  }
	/* Reads the container, changes no element: a call given nothing.  */
	lower_reading_call (c, bb, fndecl, lhs, loc);
	return true;
      }
    case OP_ITER:
      {
	if (!one && !all)
	  return false;
	bool end;
	iterator_member (DECL_NAME (fndecl), &end);
	set_iterator_left (c, bb, lhs, end ? mr_const (0)
				     : load_container_integer (c, bb, build_fold_addr_expr (var),
						     SIZE, loc), loc);
	return true;
      }
    case OP_REMOVE:
      if (one)
	remove_elements (c, bb, s, var, loc);
      else if (all)
	remove_from_all (c, bb, s, fndecl, var, loc);
      else
	return false;
      return true;
    default:
      return false;
    }
}
