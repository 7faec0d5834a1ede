/* lower-range.cc — value ranges of integer trees and the size descriptions (mr_size)
   of allocations and element accesses: what an allocation's size argument or an
   index is made of, read from its GIMPLE definitions a few statements back (and,
   for the ranges, through the unit: stores, returns, private statics and the
   arguments of private functions).  The checks on them are the rules' (plugin/core/rules/alloc-size-overflow.c,
   zero-alloc.c, uninit-read.c).  */

#include "lower-int.h"
#include "lower-input.h"

static tree strip_widening (tree t, unsigned *bits);

/* A memory reference *(base + i * S) with i a variable (base + i when S is 1),
   through the conversions of i to sizetype: base, i and S.  */
static bool
element_access (tree ref, tree *base, tree *index, uint64_t *scale)
{
  if (TREE_CODE (ref) != MEM_REF || !integer_zerop (TREE_OPERAND (ref, 1))
      || TREE_CODE (TREE_OPERAND (ref, 0)) != SSA_NAME)
    return false;
  gassign *pp = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (TREE_OPERAND (ref, 0)));
  if (!pp || gimple_assign_rhs_code (pp) != POINTER_PLUS_EXPR
      || TREE_CODE (gimple_assign_rhs1 (pp)) != SSA_NAME)
    return false;
  tree off = gimple_assign_rhs2 (pp);
  *scale = 1;
  gassign *mul = TREE_CODE (off) == SSA_NAME ? dyn_cast<gassign *> (SSA_NAME_DEF_STMT (off))
		 : NULL;
  if (mul && gimple_assign_rhs_code (mul) == MULT_EXPR
      && TREE_CODE (gimple_assign_rhs2 (mul)) == INTEGER_CST
      && tree_fits_uhwi_p (gimple_assign_rhs2 (mul)))
    {
      *scale = tree_to_uhwi (gimple_assign_rhs2 (mul));
      off = gimple_assign_rhs1 (mul);
    }
  unsigned bits;
  off = strip_widening (off, &bits);
  if (TREE_CODE (off) != SSA_NAME || !*scale)
    return false;
  *base = gimple_assign_rhs1 (pp);
  *index = off;
  return true;
}

/* Is `store`, an element access base[i], the body of a loop that runs i from 0
   up to a bound and stores on each iteration?  The loop is the one GCC makes of
   `for (i = 0; i < n; i++)`: i = PHI <0, i + 1> in a header that tests i against
   the bound and enters the store's block, which increments i and goes back.  The
   bound (elements [0, bound) are written), or NULL_TREE.  */
static tree
fill_loop_bound (gimple *store, tree index, bool *plus_one)
{
  *plus_one = false;
  gphi *phi = dyn_cast<gphi *> (SSA_NAME_DEF_STMT (index));
  basic_block body = gimple_bb (store);
  if (!phi || gimple_phi_num_args (phi) != 2 || !single_succ_p (body))
    return NULL_TREE;
  basic_block header = gimple_bb (phi);
  if (single_succ (body) != header)
    return NULL_TREE;
  /* One argument 0, the other index + 1 computed in the body.  */
  tree next = NULL_TREE;
  bool zero = false;
  for (unsigned i = 0; i < 2; i++)
    {
      tree a = gimple_phi_arg_def (phi, i);
      gassign *init = TREE_CODE (a) == SSA_NAME ? dyn_cast<gassign *> (SSA_NAME_DEF_STMT (a))
		      : NULL;
      if (integer_zerop (a)
	  || (init && gimple_assign_single_p (init) && integer_zerop (gimple_assign_rhs1 (init))))
	zero = true;
      else
	next = a;
    }
  gassign *inc = next && TREE_CODE (next) == SSA_NAME
		 ? dyn_cast<gassign *> (SSA_NAME_DEF_STMT (next)) : NULL;
  if (!zero || !inc || gimple_bb (inc) != body || gimple_assign_rhs_code (inc) != PLUS_EXPR
      || gimple_assign_rhs1 (inc) != index || !integer_onep (gimple_assign_rhs2 (inc)))
    return NULL_TREE;
  /* The header's test: the edge into the body taken while index < bound.  */
  gcond *cond = safe_dyn_cast<gcond *> (mr_last_stmt (header));
  if (!cond)
    return NULL_TREE;
  edge t = EDGE_SUCC (header, 0), f = EDGE_SUCC (header, 1);
  if (t->flags & EDGE_FALSE_VALUE)
    std::swap (t, f);
  if (t->dest != body && f->dest != body)
    return NULL_TREE;
  enum tree_code code = gimple_cond_code (cond);
  tree lhs = gimple_cond_lhs (cond), rhs = gimple_cond_rhs (cond);
  if (rhs == index)
    {
      std::swap (lhs, rhs);
      code = swap_tree_comparison (code);
    }
  if (lhs != index)
    return NULL_TREE;
  if (f->dest == body)
    code = invert_tree_comparison (code, false);
  if (code == LT_EXPR || code == NE_EXPR)
    return rhs;
  if (code == LE_EXPR && TREE_CODE (rhs) == INTEGER_CST)
    {
      *plus_one = true;
      return rhs;
    }
  return NULL_TREE;
}

/* The element access a LOAD or STORE makes, as an mr_size (MR_SIZE_INDEX for a
   load of base[i], MR_SIZE_FILL for a loop's store to base[i]), or NULL.  */
mr_size *
describe_access (lower_ctx *c, unsigned bb, gimple *s, tree ref, bool store, mr_loc loc)
{
  tree base, index;
  uint64_t scale;
  if (!element_access (ref, &base, &index, &scale))
    return NULL;
  mr_opnd x;
  if (store)
    {
      bool plus_one;
      tree bound = fill_loop_bound (s, index, &plus_one);
      if (!bound)
	return NULL;
      x = lower_operand (c, bb, bound, loc);
      if (plus_one)
	{
	  if (x.kind != MR_OPND_CONST || x.num == INT64_MAX)
	    return NULL;
	  x.num++;
	}
    }
  else
    x = lower_operand (c, bb, index, loc);
  if (x.kind != MR_OPND_VALUE && x.kind != MR_OPND_CONST)
    return NULL;
  mr_size *z = mr_func_new_size (c->f);
  z->flags = store ? MR_SIZE_FILL : MR_SIZE_INDEX;
  z->x = x;
  z->y = lower_operand (c, bb, base, loc);
  z->mul = scale;
  return z;
}

/* Looks through conversions that keep the value; *bits is the width of the
   narrowest type seen (the value fits in it), one less for a signed type.  */
static tree
strip_widening (tree t, unsigned *bits)
{
  *bits = INTEGRAL_TYPE_P (TREE_TYPE (t)) ? TYPE_PRECISION (TREE_TYPE (t))
	  - !TYPE_UNSIGNED (TREE_TYPE (t)) : 64;
  for (int depth = 0; depth < 4 && TREE_CODE (t) == SSA_NAME; depth++)
    {
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (!is_gimple_assign (def) || !CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (def)))
	break;
      tree from = gimple_assign_rhs1 (def);
      if (!INTEGRAL_TYPE_P (TREE_TYPE (from)))
	break;
      unsigned w = TYPE_PRECISION (TREE_TYPE (from)) - !TYPE_UNSIGNED (TREE_TYPE (from));
      if (w < *bits)
	*bits = w;
      t = from;
    }
  return t;
}

/* Static value ranges: what an integer value can be by its own definition, a few
   statements back (no path facts: those are the engine's).  A length or a pointer
   difference is less than the size of an object, and no object is larger than
   the user address space: 2^56 bytes on a 64-bit target (x86-64 with five-level
   paging; AArch64 has 52 bits), PTRDIFF_MAX on a 32-bit one.  Signed values count
   by their positive part where they become sizes (a negative count is another
   bug), as strip_widening does.  */
struct mr_range
{
  mr_i128 lo, hi;
};

static unsigned
object_bits (void)
{
  return POINTER_SIZE >= 64 ? 56 : POINTER_SIZE - 1;
}

static mr_range
type_range (tree type)
{
  unsigned p = TYPE_PRECISION (type) > 64 ? 64 : TYPE_PRECISION (type);
  if (TYPE_UNSIGNED (type) || POINTER_TYPE_P (type))
    return { 0, ((mr_i128) 1 << p) - 1 };
  return { -((mr_i128) 1 << (p - 1)), ((mr_i128) 1 << (p - 1)) - 1 };
}

static bool
range_within (mr_range a, mr_range b)
{
  return a.lo >= b.lo && a.hi <= b.hi;
}

static mr_range range_of (tree t, int depth);

/* The range of an arithmetic result in type `type` from its operands' ranges:
   what wraps around in an unsigned type may be anything; a signed one does not
   overflow (undefined behaviour).  */
static mr_range
range_of_assign (gassign *def, tree type, int depth)
{
  mr_range full = type_range (type);
  enum tree_code code = gimple_assign_rhs_code (def);
  tree a = gimple_assign_rhs1 (def);
  tree b = gimple_num_ops (def) > 2 ? gimple_assign_rhs2 (def) : NULL_TREE;
  if (gimple_assign_single_p (def))
    return TREE_CODE (a) == SSA_NAME || TREE_CODE (a) == INTEGER_CST
	   ? range_of (a, depth + 1) : full;
  if (CONVERT_EXPR_CODE_P (code))
    {
      if (!INTEGRAL_TYPE_P (TREE_TYPE (a)))
	return full;
      mr_range from = range_of (a, depth + 1);
      if (range_within (from, full))
	return from;
      if (TYPE_UNSIGNED (type) && from.hi <= full.hi)
	return { 0, from.hi };	/* the positive part of a signed value */
      return full;
    }
  if (code == POINTER_DIFF_EXPR)
    {
      mr_i128 m = ((mr_i128) 1 << object_bits ()) - 1;
      return { -m, m };
    }
  if (!b || !INTEGRAL_TYPE_P (TREE_TYPE (a)))
    return full;
  mr_range x = range_of (a, depth + 1), y = range_of (b, depth + 1);
  mr_range r = full;
  const mr_i128 big = (mr_i128) 1 << 63;	/* products stay below 2^126 */
  switch (code)
    {
    case PLUS_EXPR:
      r = { x.lo + y.lo, x.hi + y.hi };
      break;
    case MINUS_EXPR:
      r = { x.lo - y.hi, x.hi - y.lo };
      break;
    case MULT_EXPR:
      if (x.lo >= 0 && y.lo >= 0 && x.hi < big && y.hi < big)
	r = { x.lo * y.lo, x.hi * y.hi };
      break;
    case TRUNC_DIV_EXPR:
    case RSHIFT_EXPR:
      if (x.lo >= 0 && y.lo == y.hi && y.lo > 0 && (code == TRUNC_DIV_EXPR || y.lo < 64))
	r = code == TRUNC_DIV_EXPR ? mr_range { x.lo / y.lo, x.hi / y.lo }
	    : mr_range { x.lo >> (int) y.lo, x.hi >> (int) y.lo };
      break;
    case LSHIFT_EXPR:
      if (x.lo >= 0 && y.lo == y.hi && y.lo >= 0 && y.lo < 62 && x.hi < big)
	r = { x.lo << (int) y.lo, x.hi << (int) y.lo };
      break;
    case BIT_AND_EXPR:
      if (x.lo >= 0 || y.lo >= 0)
	r = { 0, x.lo >= 0 && y.lo >= 0 ? MIN (x.hi, y.hi) : x.lo >= 0 ? x.hi : y.hi };
      break;
    case MIN_EXPR:
      r = { MIN (x.lo, y.lo), MIN (x.hi, y.hi) };
      break;
    case MAX_EXPR:
      r = { MAX (x.lo, y.lo), MAX (x.hi, y.hi) };
      break;
    default:
      break;
    }
  if (range_within (r, full))
    return r;
  if (TYPE_UNSIGNED (type))
    return full;
  return { MAX (r.lo, full.lo), MIN (r.hi, full.hi) };
}

/* Ranges through the unit's memory and calls: what a load reads (the values
   stored where it reads, or every value the unit stores in a private static)
   and what a function of the unit returns (the ranges of its returns).  A size
   computed from a constant that went through a pointer, a static or a call
   (`n = 20; *alias`, `count = 20;` in another function, `return 20;`) is that
   constant, not any value of its type.  */

/* A call's callee has its own memory: its loads are not followed (the alias
   oracle answers for cfun).  */
static bool in_callee;

/* The declaration a memory reference reads, through pointers whose value is its
   address (`p = &n; ... *p`), and the bits it reads; NULL_TREE if not known.  */
static tree
ref_extent (tree ref, HOST_WIDE_INT *off, HOST_WIDE_INT *bits)
{
  poly_int64 o, size, max;
  bool reverse;
  tree base = get_ref_base_and_extent (ref, &o, &size, &max, &reverse);
  if (!base || !known_eq (size, max) || !size.is_constant (bits) || !o.is_constant (off))
    return NULL_TREE;
  if (TREE_CODE (base) == MEM_REF && TREE_CODE (TREE_OPERAND (base, 0)) == SSA_NAME)
    {
      tree p = TREE_OPERAND (base, 0);
      for (int depth = 0; depth < 4 && TREE_CODE (p) == SSA_NAME
	   && !SSA_NAME_IS_DEFAULT_DEF (p); depth++)
	{
	  gassign *def = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (p));
	  if (!def || !gimple_assign_single_p (def))
	    return NULL_TREE;
	  p = gimple_assign_rhs1 (def);
	}
      if (!tree_fits_shwi_p (TREE_OPERAND (base, 1)))
	return NULL_TREE;
      *off += tree_to_shwi (TREE_OPERAND (base, 1)) * BITS_PER_UNIT;
      /* What a pointer parameter points to: the caller's object.  */
      if (TREE_CODE (p) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (p))
	return p;
      if (TREE_CODE (p) != ADDR_EXPR || !DECL_P (TREE_OPERAND (p, 0)))
	return NULL_TREE;
      return TREE_OPERAND (p, 0);
    }
  return DECL_P (base) ? base : NULL_TREE;
}

static bool range_stored_by_call (gcall *s, tree decl, HOST_WIDE_INT bits, tree type,
				  int depth, mr_range *out);

/* The range of what load `ref` (of type `type`) reads at memory version vuse:
   the union of the values the stores that reach it put there.  False if some
   path brings anything else (a call, a store that may overlap, the entry).  */
static bool
stored_range (tree ref, tree vuse, tree type, int depth, int *budget, mr_range *out)
{
  HOST_WIDE_INT off, bits;
  tree decl = ref_extent (ref, &off, &bits);
  if (!decl)
    return false;
  while (--*budget >= 0 && vuse && TREE_CODE (vuse) == SSA_NAME)
    {
      if (SSA_NAME_IS_DEFAULT_DEF (vuse))
	return false;
      gimple *def = SSA_NAME_DEF_STMT (vuse);
      if (gphi *phi = dyn_cast<gphi *> (def))
	{
	  /* (A loop's join is not walked around again: the budget ends it.)  */
	  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	    {
	      mr_range a;
	      if (!stored_range (ref, gimple_phi_arg_def (phi, i), type, depth, budget, &a))
		return false;
	      *out = i ? mr_range { MIN (out->lo, a.lo), MAX (out->hi, a.hi) } : a;
	    }
	  return gimple_phi_num_args (phi) > 0;
	}
      HOST_WIDE_INT o, b;
      if (gimple_assign_single_p (def)
	  && ref_extent (gimple_assign_lhs (def), &o, &b) == decl)
	{
	  if (o >= off + bits || off >= o + b)
	    {
	      vuse = gimple_vuse (def);
	      continue;
	    }
	  tree v = gimple_assign_rhs1 (def);
	  if (o != off || b != bits || !INTEGRAL_TYPE_P (TREE_TYPE (v))
	      || TYPE_PRECISION (TREE_TYPE (v)) != TYPE_PRECISION (type))
	    return false;
	  *out = range_of (v, depth + 1);
	  return range_within (*out, type_range (type));
	}
      gcall *call = dyn_cast<gcall *> (def);
      if (call && DECL_P (decl) && off == 0 && !in_callee)
	return range_stored_by_call (call, decl, bits, type, depth, out);
      if (stmt_may_clobber_ref_p (def, ref))
	return false;
      vuse = gimple_vuse (def);
    }
  return false;
}

/* The range of what call s (to a function of the unit in SSA form) leaves in
   local `decl`, whose address it is given (`set_width (&w)`, a C++ reference
   parameter): the union over the callee's returns of what it stored through that
   parameter, if every return is reached by such a store.  */
static bool
range_stored_by_call (gcall *s, tree decl, HOST_WIDE_INT bits, tree type, int depth,
		      mr_range *out)
{
  tree fn = gimple_call_fndecl (s);
  if (!fn || fn == current_function_decl || !gimple_has_body_p (fn) || DECL_WEAK (fn)
      || is_global_var (decl) || depth > 4)
    return false;
  function *f = DECL_STRUCT_FUNCTION (fn);
  if (!f || !f->cfg || !gimple_in_ssa_p (f))
    return false;
  /* The one argument that is decl's address: the parameter it becomes.  */
  tree parm = NULL_TREE, a = DECL_ARGUMENTS (fn);
  for (unsigned i = 0; i < gimple_call_num_args (s); i++, a = a ? DECL_CHAIN (a) : a)
    {
      tree arg = gimple_call_arg (s, i);
      if (TREE_CODE (arg) == ADDR_EXPR && TREE_OPERAND (arg, 0) == decl)
	{
	  if (parm || !a)
	    return false;
	  parm = a;
	}
    }
  tree p = parm ? ssa_default_def (f, parm) : NULL_TREE;
  if (!p || !POINTER_TYPE_P (TREE_TYPE (p)))
    return false;
  tree ref = fold_build2 (MEM_REF, type, p, build_int_cst (TREE_TYPE (p), 0));
  bool any = false, known = true;
  push_cfun (f);
  in_callee = true;
  basic_block bb;
  FOR_EACH_BB_FN (bb, f)
    if (greturn *ret = safe_dyn_cast<greturn *> (mr_last_stmt (bb)))
      {
	mr_range r;
	int budget = 16;
	HOST_WIDE_INT o, b;
	if (ref_extent (ref, &o, &b) != p || b != bits
	    || !stored_range (ref, gimple_vuse (ret), type, depth + 1, &budget, &r))
	  {
	    known = false;
	    break;
	  }
	*out = any ? mr_range { MIN (out->lo, r.lo), MAX (out->hi, r.hi) } : r;
	any = true;
      }
  in_callee = false;
  pop_cfun ();
  return known && any;
}

/* The range of value v stored by statement `store`: in a function still outside
   SSA form (a caller, analysed after this one), a variable is what the last
   assignment of its block before the store gave it, if that is a constant.  */
static bool
stored_value_range (gimple *store, tree v, int depth, mr_range *out)
{
  if (TREE_CODE (v) == INTEGER_CST || TREE_CODE (v) == SSA_NAME)
    {
      *out = range_of (v, depth + 1);
      return true;
    }
  if (!VAR_P (v) || TREE_ADDRESSABLE (v) || is_global_var (v) || !gimple_bb (store))
    return false;
  gimple_stmt_iterator gsi = gsi_for_stmt (store);
  for (gsi_prev (&gsi); !gsi_end_p (gsi); gsi_prev (&gsi))
    {
      gimple *g = gsi_stmt (gsi);
      if (gimple_assign_single_p (g) && gimple_assign_lhs (g) == v)
	{
	  tree c = gimple_assign_rhs1 (g);
	  if (TREE_CODE (c) != INTEGER_CST)
	    return false;
	  *out = range_of (c, depth + 1);
	  return true;
	}
      /* (A call's result or an asm may set it.)  */
      if (!is_gimple_debug (g) && !gimple_assign_single_p (g)
	  && !(is_gimple_assign (g) && gimple_assign_lhs (g) != v))
	return false;
    }
  return false;
}

/* The values private static var may hold: its initializer and what every store
   of the unit puts there (each the whole variable).  Kept per variable.  */
static hash_map<tree, mr_range> *static_ranges;

static bool
static_range (tree var, mr_range *out)
{
  if (!INTEGRAL_TYPE_P (TREE_TYPE (var)) || !private_static (var))
    return false;
  if (!static_ranges)
    static_ranges = new hash_map<tree, mr_range>;
  if (mr_range *r = static_ranges->get (var))
    {
      *out = *r;
      return true;
    }
  mr_range full = type_range (TREE_TYPE (var)), r = { 0, 0 };
  tree init = DECL_INITIAL (var);
  if (init && TREE_CODE (init) == INTEGER_CST)
    r = range_of (init, 0);
  else if (init)
    r = full;
  /* (While a store's value is walked, the variable is taken as anything.)  */
  static_ranges->put (var, full);
  varpool_node *node = varpool_node::get (var);
  ipa_ref *ref;
  bool saved = in_callee;
  in_callee = true;
  for (unsigned i = 0; node->iterate_referring (i, ref) && !range_within (full, r); i++)
    {
      if (ref->use != IPA_REF_STORE)
	continue;
      gassign *st = ref->stmt ? dyn_cast<gassign *> (ref->stmt) : NULL;
      mr_range a;
      if (!st || !gimple_assign_single_p (st) || gimple_assign_lhs (st) != var
	  || !stored_value_range (st, gimple_assign_rhs1 (st), 2, &a))
	a = full;
      r = { MIN (r.lo, a.lo), MAX (r.hi, a.hi) };
    }
  in_callee = saved;
  static_ranges->put (var, r);
  *out = r;
  return true;
}

/* Is every use of variable `fp` of function `f` a call through it (and the
   store of the function's address, `store`)?  Adds the range of argument k of
   each call to *r; false if anything else uses it or an argument is unknown.  */
static bool
calls_through (function *f, tree fp, gimple *store, unsigned k, int depth, mr_range *r)
{
  if (TREE_CODE (fp) == SSA_NAME)
    {
      imm_use_iterator it;
      use_operand_p use;
      FOR_EACH_IMM_USE_FAST (use, it, fp)
	{
	  gcall *call = dyn_cast<gcall *> (USE_STMT (use));
	  mr_range a;
	  if (is_gimple_debug (USE_STMT (use)))
	    continue;
	  if (!call || gimple_call_fn (call) != fp || k >= gimple_call_num_args (call)
	      || !stored_value_range (call, gimple_call_arg (call, k), depth, &a))
	    return false;
	  *r = { MIN (r->lo, a.lo), MAX (r->hi, a.hi) };
	}
      return true;
    }
  if (!VAR_P (fp) || TREE_ADDRESSABLE (fp) || is_global_var (fp) || !f || !f->cfg)
    return false;
  basic_block bb;
  FOR_EACH_BB_FN (bb, f)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *g = gsi_stmt (gsi);
	if (g == store || is_gimple_debug (g))
	  continue;
	bool uses = false;
	for (unsigned i = 0; i < gimple_num_ops (g) && !uses; i++)
	  uses = gimple_op (g, i) && walk_tree_without_duplicates
	    (gimple_op_ptr (g, i),
	     [] (tree *tp, int *, void *data) { return *tp == (tree) data ? *tp : NULL_TREE; },
	     fp);
	if (!uses)
	  continue;
	gcall *call = dyn_cast<gcall *> (g);
	mr_range a;
	if (!call || gimple_call_fn (call) != fp || k >= gimple_call_num_args (call)
	    || gimple_call_lhs (call) == fp
	    || !stored_value_range (call, gimple_call_arg (call, k), depth, &a))
	  return false;
	for (unsigned i = 0; i < gimple_call_num_args (call); i++)
	  if (gimple_call_arg (call, i) == fp)
	    return false;
	*r = { MIN (r->lo, a.lo), MAX (r->hi, a.hi) };
      }
  return true;
}

/* The values parameter k of private function fn may receive: the union of what
   its calls pass, when every use of fn is a call or its address stored in a local
   function pointer only called (`void (*f) (size_t) = sink; f (20);`).  Kept per
   parameter.  */
static hash_map<tree, mr_range> *param_ranges;

static bool
param_range (tree parm, int depth, mr_range *out)
{
  tree fn = DECL_CONTEXT (parm);
  if (!fn || TREE_CODE (fn) != FUNCTION_DECL || TREE_PUBLIC (fn) || DECL_EXTERNAL (fn)
      || !INTEGRAL_TYPE_P (TREE_TYPE (parm)))
    return false;
  cgraph_node *node = cgraph_node::get (fn);
  if (!node || node->alias || node->externally_visible || node->thunk)
    return false;
  if (!param_ranges)
    param_ranges = new hash_map<tree, mr_range>;
  if (mr_range *r = param_ranges->get (parm))
    {
      *out = *r;
      return true;
    }
  unsigned k = 0;
  for (tree a = DECL_ARGUMENTS (fn); a && a != parm; a = DECL_CHAIN (a))
    k++;
  mr_range full = type_range (TREE_TYPE (parm));
  mr_range r = { full.hi, full.lo };	/* empty: each use widens it */
  /* (While the calls are walked, the parameter is taken as anything.)  */
  param_ranges->put (parm, full);
  bool saved = in_callee, known = true;
  in_callee = true;
  for (cgraph_edge *e = node->callers; e && known; e = e->next_caller)
    {
      mr_range a;
      known = e->call_stmt && k < gimple_call_num_args (e->call_stmt)
	      && stored_value_range (e->call_stmt, gimple_call_arg (e->call_stmt, k),
				     depth, &a);
      if (known)
	r = { MIN (r.lo, a.lo), MAX (r.hi, a.hi) };
    }
  ipa_ref *ref;
  for (unsigned i = 0; known && node->iterate_referring (i, ref); i++)
    {
      gassign *st = ref->stmt ? dyn_cast<gassign *> (ref->stmt) : NULL;
      cgraph_node *in = dyn_cast<cgraph_node *> (ref->referring);
      known = ref->use == IPA_REF_ADDR && st && gimple_assign_single_p (st) && in
	      && TREE_CODE (gimple_assign_rhs1 (st)) == ADDR_EXPR
	      && TREE_OPERAND (gimple_assign_rhs1 (st), 0) == fn
	      && calls_through (DECL_STRUCT_FUNCTION (in->decl), gimple_assign_lhs (st),
				st, k, depth, &r);
    }
  in_callee = saved;
  known = known && r.lo <= r.hi && range_within (r, full);
  if (!known)
    r = full;
  param_ranges->put (parm, r);
  *out = r;
  return known;
}

/* The range of what a function of the unit (in SSA form) returns.  Kept per
   function (as first computed: a deeper question may have seen less).  */
static hash_map<tree, mr_range> *return_ranges;

static bool
returned_range (tree fn, int depth, mr_range *out)
{
  if (!fn || TREE_CODE (fn) != FUNCTION_DECL || fn == current_function_decl
      || !gimple_has_body_p (fn) || DECL_WEAK (fn)
      || !INTEGRAL_TYPE_P (TREE_TYPE (TREE_TYPE (fn))))
    return false;
  function *f = DECL_STRUCT_FUNCTION (fn);
  if (!f || !f->cfg || !gimple_in_ssa_p (f))
    return false;
  if (!return_ranges)
    return_ranges = new hash_map<tree, mr_range>;
  if (mr_range *r = return_ranges->get (fn))
    {
      *out = *r;
      return true;
    }
  mr_range full = type_range (TREE_TYPE (TREE_TYPE (fn)));
  return_ranges->put (fn, full);	/* (a cycle: anything) */
  bool saved = in_callee, any = false;
  in_callee = true;
  basic_block bb;
  FOR_EACH_BB_FN (bb, f)
    if (greturn *ret = safe_dyn_cast<greturn *> (mr_last_stmt (bb)))
      {
	tree v = gimple_return_retval (ret);
	if (!v || !INTEGRAL_TYPE_P (TREE_TYPE (v)))
	  {
	    any = false;
	    break;
	  }
	mr_range a = range_of (v, depth + 2);
	*out = any ? mr_range { MIN (out->lo, a.lo), MAX (out->hi, a.hi) } : a;
	any = true;
      }
  in_callee = saved;
  if (!any || !range_within (*out, full))
    *out = full;
  return_ranges->put (fn, *out);
  return true;
}

static mr_range
range_of (tree t, int depth)
{
  if (TREE_CODE (t) == INTEGER_CST)
    {
      if (tree_fits_shwi_p (t))
	return { tree_to_shwi (t), tree_to_shwi (t) };
      if (tree_fits_uhwi_p (t))
	return { (mr_i128) tree_to_uhwi (t), (mr_i128) tree_to_uhwi (t) };
    }
  tree type = TREE_TYPE (t);
  mr_range full = type_range (type);
  if (TREE_CODE (t) != SSA_NAME || !INTEGRAL_TYPE_P (type) || depth > 6)
    return full;
  if (SSA_NAME_IS_DEFAULT_DEF (t))
    {
      mr_range r;
      if (SSA_NAME_VAR (t) && TREE_CODE (SSA_NAME_VAR (t)) == PARM_DECL
	  && param_range (SSA_NAME_VAR (t), depth, &r) && range_within (r, full))
	return r;
      return full;
    }
  gimple *def = SSA_NAME_DEF_STMT (t);
  if (gphi *phi = dyn_cast<gphi *> (def))
    {
      if (gimple_phi_num_args (phi) > 8)
	return full;		/* a few joins at most: this runs per size */
      mr_range r = { 0, -1 };
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	{
	  mr_range a = range_of (gimple_phi_arg_def (phi, i), depth + 2);
	  r = i ? mr_range { MIN (r.lo, a.lo), MAX (r.hi, a.hi) } : a;
	}
      return gimple_phi_num_args (phi) ? r : full;
    }
  /* The length of a string is less than the size of its object.  */
  if (gcall *call = dyn_cast<gcall *> (def))
    {
      tree fn = gimple_call_fndecl (call);
      if (fn && (fndecl_built_in_p (fn, BUILT_IN_STRLEN)
		 || fndecl_built_in_p (fn, BUILT_IN_STRNLEN)))
	return { 0, ((mr_i128) 1 << object_bits ()) - 2 };
      mr_range r;
      if (returned_range (fn, depth, &r) && range_within (r, full))
	return r;
      return full;
    }
  if (gassign *as = dyn_cast<gassign *> (def))
    {
      tree a = gimple_assign_rhs1 (as);
      if (gimple_assign_single_p (as) && is_memory_ref (a))
	{
	  mr_range r;
	  int budget = 16;
	  if (!in_callee && stored_range (a, gimple_vuse (as), type, depth, &budget, &r))
	    return r;
	  if (static_range (a, &r) && range_within (r, full))
	    return r;
	  return full;
	}
      return range_of_assign (as, type, depth);
    }
  return full;
}

/* The number of bits the positive part of range r needs (at least 1).  */
static unsigned
range_bits (mr_range r)
{
  unsigned bits = 1;
  while (bits < 127 && r.hi >= ((mr_i128) 1 << bits))
    bits++;
  return bits;
}

/* A size argument computed by a multiplication with a variable factor, as
   (x + add) * mul [* y] (mr_size), or NULL when it is anything else.  */
/* The product is checked after the fact: `if (n != 0 && total / n != size)`.  */
static bool
divided_later (tree product)
{
  imm_use_iterator it;
  use_operand_p use;
  FOR_EACH_IMM_USE_FAST (use, it, product)
    {
      gimple *u = USE_STMT (use);
      if (is_gimple_assign (u) && gimple_assign_rhs_code (u) == TRUNC_DIV_EXPR
	  && gimple_assign_rhs1 (u) == product)
	return true;
    }
  return false;
}

mr_size *
describe_size (lower_ctx *c, unsigned bb, tree size, mr_loc loc)
{
  unsigned bits;
  tree t = strip_widening (size, &bits);
  if (TREE_CODE (t) != SSA_NAME)
    return NULL;
  gimple *def = SSA_NAME_DEF_STMT (t);
  /* `n * 2 + 1` computed in a type narrower than the size's: the product wraps
     there, whatever is added to it after.  */
  if (is_gimple_assign (def) && gimple_assign_rhs_code (def) == PLUS_EXPR
      && TREE_CODE (gimple_assign_rhs2 (def)) == INTEGER_CST
      && TREE_CODE (gimple_assign_rhs1 (def)) == SSA_NAME
      && TYPE_PRECISION (TREE_TYPE (t)) < TYPE_PRECISION (TREE_TYPE (size)))
    {
      t = gimple_assign_rhs1 (def);
      def = SSA_NAME_DEF_STMT (t);
    }
  if (!is_gimple_assign (def) || gimple_assign_rhs_code (def) != MULT_EXPR
      || divided_later (t))
    return NULL;
  mr_size *z = mr_func_new_size (c->f);
  tree ptype = TREE_TYPE (t);
  z->product_bits = TYPE_PRECISION (ptype) - !TYPE_UNSIGNED (ptype);
  tree ops[2] = { gimple_assign_rhs1 (def), gimple_assign_rhs2 (def) };
  for (int i = 0; i < 2; i++)
    {
      tree op = ops[i];
      if (TREE_CODE (op) == INTEGER_CST)
	{
	  if (!tree_fits_uhwi_p (op))
	    return NULL;
	  z->mul *= tree_to_uhwi (op);
	  continue;
	}
      unsigned w;
      tree v = strip_widening (op, &w);
      int64_t add = 0;
      gimple *vd = TREE_CODE (v) == SSA_NAME ? SSA_NAME_DEF_STMT (v) : NULL;
      if (vd && is_gimple_assign (vd) && gimple_assign_rhs_code (vd) == PLUS_EXPR
	  && TREE_CODE (gimple_assign_rhs2 (vd)) == INTEGER_CST
	  && tree_fits_shwi_p (gimple_assign_rhs2 (vd)))
	{
	  add = tree_to_shwi (gimple_assign_rhs2 (vd));
	  unsigned w2;
	  v = strip_widening (gimple_assign_rhs1 (vd), &w2);
	  /* x + c is one bit wider than x at most.  */
	  w = w2 + 1 < w ? w2 + 1 : w;
	}
      /* A sum of two values computed in a type narrower than the size's
	 (`count + extra`, `old + n` in int): each is bounded on its own, and
	 the sum may wrap in its type before it is widened.  */
      gimple *sd = TREE_CODE (v) == SSA_NAME ? SSA_NAME_DEF_STMT (v) : NULL;
      if (z->x.kind == MR_OPND_NONE && sd && is_gimple_assign (sd)
	  && gimple_assign_rhs_code (sd) == PLUS_EXPR
	  && TYPE_PRECISION (TREE_TYPE (v)) < TYPE_PRECISION (TREE_TYPE (size))
	  && TREE_CODE (gimple_assign_rhs1 (sd)) == SSA_NAME
	  && TREE_CODE (gimple_assign_rhs2 (sd)) == SSA_NAME)
	{
	  tree type = TREE_TYPE (v);
	  unsigned w1, w2;
	  tree a = strip_widening (gimple_assign_rhs1 (sd), &w1);
	  tree b = strip_widening (gimple_assign_rhs2 (sd), &w2);
	  w1 = MIN (w1, range_bits (range_of (a, 0)));
	  w2 = MIN (w2, range_bits (range_of (b, 0)));
	  z->x = lower_operand (c, bb, a, loc), z->x_bits = w1;
	  z->x2 = lower_operand (c, bb, b, loc), z->x2_bits = w2;
	  z->add = add;
	  z->sum_bits = TYPE_PRECISION (type) - !TYPE_UNSIGNED (type);
	  continue;
	}
      /* What v's own definition bounds it by (a length, a masked value, ...).  */
      unsigned rb = range_bits (range_of (v, 0));
      if (rb < w)
	w = rb;
      mr_opnd o = lower_operand (c, bb, v, loc);
      if (z->x.kind == MR_OPND_NONE)
	z->x = o, z->add = add, z->x_bits = w;
      else if (add == 0)
	z->y = o, z->y_bits = w;
      else
	return NULL;
    }
  return z->x.kind == MR_OPND_NONE ? NULL : z;
}

/* A size argument computed by an addition, as x [+ y] + add (mr_size with
   MR_SIZE_SUM), or NULL: the engine decides from its terms' ranges whether it can
   be 0 (realloc (p, size + 16) after a guard against wrap-around).  Nested
   additions in the same type are flattened; one in a narrower type may wrap
   around there and is a term of its own.  */
mr_size *
describe_sum (lower_ctx *c, unsigned bb, tree size, mr_loc loc)
{
  unsigned bits;
  tree t = strip_widening (size, &bits);
  if (TREE_CODE (t) != SSA_NAME || !INTEGRAL_TYPE_P (TREE_TYPE (t)))
    return NULL;
  gimple *def = SSA_NAME_DEF_STMT (t);
  if (!is_gimple_assign (def) || gimple_assign_rhs_code (def) != PLUS_EXPR)
    return NULL;
  tree type = TREE_TYPE (t);
  tree work[6];
  unsigned nwork = 0;
  work[nwork++] = gimple_assign_rhs1 (def);
  work[nwork++] = gimple_assign_rhs2 (def);
  mr_size *z = mr_func_new_size (c->f);
  z->flags = MR_SIZE_SUM | (TYPE_UNSIGNED (type) ? 0 : MR_SIZE_SIGNED);
  z->product_bits = TYPE_PRECISION (type) - !TYPE_UNSIGNED (type);
  z->mul = 1;
  for (unsigned i = 0; i < nwork; i++)
    {
      tree op = work[i];
      if (TREE_CODE (op) == INTEGER_CST)
	{
	  z->add += wi::to_wide (op).to_shwi ();
	  continue;
	}
      unsigned w;
      tree v = strip_widening (op, &w);
      gimple *vd = TREE_CODE (v) == SSA_NAME ? SSA_NAME_DEF_STMT (v) : NULL;
      if (vd && is_gimple_assign (vd) && gimple_assign_rhs_code (vd) == PLUS_EXPR
	  && TYPE_PRECISION (TREE_TYPE (v)) == TYPE_PRECISION (type)
	  && TYPE_UNSIGNED (TREE_TYPE (v)) == TYPE_UNSIGNED (type) && nwork + 2 <= 6)
	{
	  work[nwork++] = gimple_assign_rhs1 (vd);
	  work[nwork++] = gimple_assign_rhs2 (vd);
	  continue;
	}
      mr_range r = range_of (v, 0);	/* (a walk of v's definitions: once) */
      unsigned rb = range_bits (r);
      if (rb < w)
	w = rb;
      bool nonneg = TYPE_UNSIGNED (TREE_TYPE (v)) || r.lo >= 0;
      mr_opnd o = lower_operand (c, bb, v, loc);
      if (z->x.kind == MR_OPND_NONE)
	{
	  z->x = o, z->x_bits = w;
	  z->flags |= nonneg ? MR_SIZE_X_NONNEG : 0;
	}
      else if (z->y.kind == MR_OPND_NONE)
	{
	  z->y = o, z->y_bits = w;
	  z->flags |= nonneg ? MR_SIZE_Y_NONNEG : 0;
	}
      else
	return NULL;
    }
  return z->x.kind == MR_OPND_NONE ? NULL : z;
}

/* Are x and y the same value, or two reads of the same place (`b->len` read
   once for a test and again for a size)?  */
static bool
same_value (tree x, tree y)
{
  if (x == y)
    return true;
  if (TREE_CODE (x) != SSA_NAME || TREE_CODE (y) != SSA_NAME)
    return false;
  gassign *dx = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (x));
  gassign *dy = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (y));
  return dx && dy && gimple_assign_single_p (dx) && gimple_assign_single_p (dy)
	 && is_memory_ref (gimple_assign_rhs1 (dx))
	 && operand_equal_p (gimple_assign_rhs1 (dx), gimple_assign_rhs1 (dy), 0);
}

/* Does the function compare a and b anywhere (`if (used < n)`)?  Then it knew
   which is larger where it subtracts them.  */
static bool
compared_somewhere (tree a, tree b)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    if (gcond *cond = safe_dyn_cast<gcond *> (mr_last_stmt (bb)))
      {
	tree l = gimple_cond_lhs (cond), r = gimple_cond_rhs (cond);
	if ((same_value (l, a) && same_value (r, b)) || (same_value (l, b) && same_value (r, a)))
	  return true;
      }
  return false;
}

/* Does a size come from outside the function's own arithmetic: a parameter, a
   value loaded from memory or returned by a call, possibly widened, plus a
   constant, multiplied, or (computed in a type narrower than the size's, so that
   it wraps before it is widened) plus another such value?  Sizes the function
   computes itself (a loop counter, a PHI of doublings) are bounded by what
   computed them, and taken as such.  size_bits is the width of the size.  */
static bool
input_walk (tree t, int depth, unsigned size_bits)
{
  unsigned bits;
  if (depth > 4)
    return false;
  t = strip_widening (t, &bits);
  if (TREE_CODE (t) != SSA_NAME)
    return false;
  if (SSA_NAME_IS_DEFAULT_DEF (t))
    return TREE_CODE (SSA_NAME_VAR (t)) == PARM_DECL;
  gimple *def = SSA_NAME_DEF_STMT (t);
  if (is_gimple_call (def))
    return true;
  if (!is_gimple_assign (def))
    return false;
  enum tree_code code = gimple_assign_rhs_code (def);
  if (gimple_assign_single_p (def))
    return is_memory_ref (gimple_assign_rhs1 (def))
	   || (TREE_CODE (gimple_assign_rhs1 (def)) == SSA_NAME
	       && input_walk (gimple_assign_rhs1 (def), depth + 1, size_bits));
  tree a = gimple_assign_rhs1 (def), b = gimple_assign_rhs2 (def);
  if (code == PLUS_EXPR && TREE_CODE (b) == INTEGER_CST)
    return input_walk (a, depth + 1, size_bits);
  if (code == MULT_EXPR
      || (code == PLUS_EXPR && TYPE_PRECISION (TREE_TYPE (t)) < size_bits))
    return input_walk (a, depth + 1, size_bits) || input_walk (b, depth + 1, size_bits);
  return false;
}

bool
size_is_input (tree t, int depth)
{
  return input_walk (t, depth, TYPE_PRECISION (TREE_TYPE (t)));
}

/* Is size t, as a whole, a sum of two values from outside the function (0 when
   both are) or a difference of two values the function never compares (0 when
   they are equal)?  For realloc (p, 0).  */
bool
size_is_input_sum (tree t)
{
  unsigned bits;
  t = strip_widening (t, &bits);
  gassign *def = TREE_CODE (t) == SSA_NAME ? dyn_cast<gassign *> (SSA_NAME_DEF_STMT (t))
		 : NULL;
  if (!def || (gimple_assign_rhs_code (def) != PLUS_EXPR
	       && gimple_assign_rhs_code (def) != MINUS_EXPR))
    return false;
  tree a = gimple_assign_rhs1 (def), b = gimple_assign_rhs2 (def);
  if (TREE_CODE (b) != SSA_NAME)
    return false;
  bool input = size_is_input (a, 1) || size_is_input (b, 1);
  if (gimple_assign_rhs_code (def) == MINUS_EXPR)
    return input && !compared_somewhere (a, b);
  return input;
}

/* Sizes read from outside the program (CWE-789): a size computed from a value an
   input function produced (inputs.def: read into memory, parsed from input text,
   returned by rand or a byte-order conversion) is described by that value
   (mr_size.input), which rules/tainted-allocation-size.c asks the path's facts
   about: a guard on it (`if (n > MAX) fail;`) bounds the allocation.  What is
   followed is the function's own data flow: a value read into a local or a
   buffer of the function, loaded back (the engine's slots give two loads of one
   place the same facts), converted or computed with.  */

/* The object a pointer or a reference is into: a declaration, or the SSA pointer
   it is based on (through constant and variable offsets and conversions).  */
tree
input_base (tree t)
{
  for (int depth = 0; depth < 6 && t; depth++)
    {
      if (TREE_CODE (t) == ADDR_EXPR)
	t = TREE_OPERAND (t, 0);
      if (handled_component_p (t) || TREE_CODE (t) == MEM_REF
	  || TREE_CODE (t) == TARGET_MEM_REF)
	{
	  t = get_base_address (t);
	  if (t && (TREE_CODE (t) == MEM_REF || TREE_CODE (t) == TARGET_MEM_REF))
	    t = TREE_OPERAND (t, 0);
	  continue;
	}
      if (DECL_P (t))
	return t;
      if (TREE_CODE (t) != SSA_NAME)
	return NULL_TREE;
      gassign *def = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (t));
      if (!def || SSA_NAME_IS_DEFAULT_DEF (t))
	return t;
      enum tree_code code = gimple_assign_rhs_code (def);
      if (code == POINTER_PLUS_EXPR || CONVERT_EXPR_CODE_P (code)
	  || code == ADDR_EXPR || (code == SSA_NAME && gimple_assign_single_p (def)))
	t = gimple_assign_rhs1 (def);
      else
	return t;
    }
  return NULL_TREE;
}

/* The objects the input functions of cfun write (WRITES), and those cfun stores a
   value read from outside into (`n = atoi (buf);` for an n whose address is
   taken, `u.a = n;` read back as `u.b`, `*ref = n;` with ref = &n), gathered on
   the first question about cfun: most functions never ask.  Like the input
   functions' writes, a store counts wherever it is: the path's facts on the value
   loaded back decide whether it is bounded.

   Each function's objects are gathered once: those of the function being
   lowered in input_objects (gathered again when another is lowered: its body
   changes in the passes after), those of the other functions the walks look
   into (callees summarized, setters of globals: past their own passes, their
   bodies stay as they are while the unit is analysed) kept for the unit in
   other_objects.  input_push_cfun tells them apart.  */
static function *input_fun;
static auto_vec<tree> input_objects;
static hash_map<function *, vec<tree> > *other_objects;
static int other_depth;		/* input_push_cfun's nesting */
static function *lowered_fun;	/* cfun when the nesting began */
/* The function whose objects are being gathered, and the list so far: a question
   asked while gathering (a store's value) sees what was gathered; one about a
   callee (lower-input-calls.cc summarizes it on the way) gathers its own.  */
static function *gathering_fun;
static vec<tree> *gathering;

static tree input_value (tree t, int *budget, bool params = false);

/* Gathers the objects of cfun written with input (input_objects' comment).  */
static void
gather_input_objects (vec<tree> *objects)
{
  /* The input functions' writes first, then the stores (whose values may be
     loaded from what those wrote).  */
  for (int stores = 0; stores < 2; stores++)
    {
      basic_block bb;
      FOR_EACH_BB_FN (bb, cfun)
	for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
	  {
	    gimple *stmt = gsi_stmt (gsi);
	    if (stores)
	      {
		if (!gimple_assign_single_p (stmt)
		    || !is_memory_ref (gimple_assign_lhs (stmt))
		    || TREE_CODE (gimple_assign_rhs1 (stmt)) != SSA_NAME)
		  continue;
		int budget = 8;
		tree b = input_value (gimple_assign_rhs1 (stmt), &budget)
			 ? input_base (gimple_assign_lhs (stmt)) : NULL_TREE;
		if (b)
		  objects->safe_push (b);
		continue;
	      }
	    gcall *call = dyn_cast<gcall *> (stmt);
	    const mr_input *in
	      = call ? mr_input_lookup (callee_name (gimple_call_fndecl (call))) : NULL;
	    /* A function of the unit that writes input where its pointer (or
	       reference) parameter points: `read_count (&n)`.  */
	    if (call && !in)
	      {
		uint32_t w = unit_call_writes_input (call);
		for (unsigned i = 0; w && i < gimple_call_num_args (call) && i < 32; i++)
		  if (w & (1u << i))
		    if (tree b = input_base (gimple_call_arg (call, i)))
		      objects->safe_push (b);
		continue;
	      }
	    if (!in || in->how != MR_INPUT_WRITES)
	      continue;
	    for (unsigned i = in->arg; i < gimple_call_num_args (call); i++)
	      if (tree b = input_base (gimple_call_arg (call, i)))
		objects->safe_push (b);
	  }
    }
}

void
input_push_cfun (function *f)
{
  if (!other_depth++)
    lowered_fun = cfun;
  push_cfun (f);
}

void
input_pop_cfun (void)
{
  pop_cfun ();
  other_depth--;
}

/* The objects of cfun, gathered on the first question about it (a function
   asked about while another is gathered gathers its own).  The vector may move
   when another function's are gathered: not to be held across a walk.  */
static const vec<tree> &
objects_of_cfun (void)
{
  bool other = other_depth && cfun != lowered_fun;
  if (other && other_objects)
    if (vec<tree> *known = other_objects->get (cfun))
      return *known;
  if (!other && input_fun == cfun)
    return input_objects;
  function *outer_fun = gathering_fun;
  vec<tree> *outer = gathering;
  auto_vec<tree> objects;
  gathering_fun = cfun;
  gathering = &objects;
  gather_input_objects (&objects);
  gathering_fun = outer_fun;
  gathering = outer;
  if (other)
    {
      if (!other_objects)
	other_objects = new hash_map<function *, vec<tree> >;
      other_objects->put (cfun, objects.copy ());
      return *other_objects->get (cfun);
    }
  input_fun = cfun;
  input_objects.truncate (0);
  input_objects.safe_splice (objects);
  return input_objects;
}

static bool memory_holds_input (tree ref, tree vuse, int *budget,
				auto_vec<gimple *> &joins, bool setter = false);

static bool call_writes_input_to (gimple *s, tree base);

/* The integer place pointer argument a points at, as a memory reference (`&cfg->n`
   gives cfg->n), or NULL_TREE (the whole object, or not known).  */
static tree
pointee_place (tree a)
{
  if (TREE_CODE (a) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (a))
    if (gassign *def = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (a)))
      if (gimple_assign_rhs_code (def) == ADDR_EXPR)
	a = gimple_assign_rhs1 (def);
  if (TREE_CODE (a) != ADDR_EXPR)
    return NULL_TREE;
  tree ref = TREE_OPERAND (a, 0);
  return is_memory_ref (ref) && INTEGRAL_TYPE_P (TREE_TYPE (ref)) ? ref : NULL_TREE;
}

/* The integer places inside what pointer parameter p points at that cfun writes
   input into (an input function given `&p->n`, a store of input to `p->n`), in
   *places; false if one is not such a place (the whole structure, an element at a
   variable index, ...).  */
static bool
input_places (tree p, auto_vec<tree> *places)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *s = gsi_stmt (gsi);
	if (gcall *call = dyn_cast<gcall *> (s))
	  {
	    if (!call_writes_input_to (call, p))
	      continue;
	    for (unsigned i = 0; i < gimple_call_num_args (call); i++)
	      {
		tree a = gimple_call_arg (call, i);
		if (input_base (a) != p)
		  continue;
		tree place = pointee_place (a);
		if (!place)
		  return false;
		places->safe_push (place);
	      }
	    continue;
	  }
	if (!gimple_assign_single_p (s) || !is_memory_ref (gimple_assign_lhs (s))
	    || TREE_CODE (gimple_assign_rhs1 (s)) != SSA_NAME
	    || input_base (gimple_assign_lhs (s)) != p)
	  continue;
	int budget = 8;
	if (!input_value (gimple_assign_rhs1 (s), &budget))
	  continue;
	tree lhs = gimple_assign_lhs (s);
	if (TREE_CODE (lhs) != COMPONENT_REF || !INTEGRAL_TYPE_P (TREE_TYPE (lhs)))
	  return false;
	places->safe_push (lhs);
      }
  return true;
}

/* Can the memory one of refs[0 .. n-1] reads hold input at some return of
   cfun, by the memory walk from each return (memory_holds_input; `setter`: its
   setter form)?  */
static bool
holds_input_at_a_return (const tree *refs, unsigned n, bool setter)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    if (greturn *ret = safe_dyn_cast<greturn *> (mr_last_stmt (bb)))
      for (unsigned i = 0; i < n; i++)
	{
	  auto_vec<gimple *> joins;
	  int steps = 32;
	  if (memory_holds_input (refs[i], gimple_vuse (ret), &steps, joins, setter))
	    return true;
	}
  return false;
}

/* Does what pointer parameter p (its default definition) points at still hold
   input on some return of cfun, by the memory walk (a clamp in the function,
   `if (*out > MAX) *out = MAX;`, bounds it there)?  In a structure, each integer
   field written with input is walked so (`fscanf (f, "%zu", &cfg->n); if (cfg->n
   > MAX) cfg->n = MAX;`); a structure written otherwise (whole, by `fread`) is
   taken to hold input.  */
static bool
input_at_return (tree p)
{
  if (!POINTER_TYPE_P (TREE_TYPE (p)))
    return true;
  auto_vec<tree> places;
  if (INTEGRAL_TYPE_P (TREE_TYPE (TREE_TYPE (p))))
    places.safe_push (build_simple_mem_ref (p));
  else if (!input_places (p, &places) || places.is_empty ())
    return true;
  return holds_input_at_a_return (places.address (), places.length (), false);
}

/* The parameters of cfun (bit k: parameter k) through which it writes input:
   pointers (or references) whose pointee an input function or a store of input
   writes (`fscanf (f, "%zu", out)`, `*out = atoi (text)`) and still holds it
   when the function returns.  */
uint32_t
params_written_with_input (void)
{
  /* (A copy: the walks below may gather other functions' objects.)  */
  auto_vec<tree> objects;
  objects.safe_splice (objects_of_cfun ());
  uint32_t bits = 0;
  for (tree b : objects)
    if (TREE_CODE (b) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (b) && SSA_NAME_VAR (b)
	&& TREE_CODE (SSA_NAME_VAR (b)) == PARM_DECL && input_at_return (b))
      {
	int k = 0;
	for (tree a = DECL_ARGUMENTS (current_function_decl); a; a = DECL_CHAIN (a), k++)
	  if (a == SSA_NAME_VAR (b) && k < 32)
	    bits |= 1u << k;
      }
  return bits;
}

static bool
written_by_input (tree base)
{
  if (!base)
    return false;
  if (gathering_fun == cfun)
    {
      for (tree b : *gathering)
	if (b == base)
	  return true;
      return false;
    }
  for (tree b : objects_of_cfun ())
    if (b == base)
      return true;
  return false;
}

/* Is text pointer p input: a buffer an input function wrote, the environment
   (getenv), or main's argv?  */
static bool
input_text (tree p)
{
  tree base = input_base (p);
  if (!base)
    return false;
  if (written_by_input (base))
    return true;
  if (TREE_CODE (base) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (base))
    return false;
  gimple *def = SSA_NAME_DEF_STMT (base);
  if (gcall *call = dyn_cast<gcall *> (def))
    {
      const mr_input *in = mr_input_lookup (callee_name (gimple_call_fndecl (call)));
      return in && in->how != MR_INPUT_PARSES;	/* getenv; fgets returns its buffer */
    }
  /* argv[i] of main: a load through main's second parameter.  */
  if (gimple_assign_single_p (def) && is_memory_ref (gimple_assign_rhs1 (def)))
    {
      tree from = input_base (gimple_assign_rhs1 (def));
      return from && TREE_CODE (from) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (from)
	     && SSA_NAME_VAR (from) && TREE_CODE (SSA_NAME_VAR (from)) == PARM_DECL
	     && MAIN_NAME_P (DECL_NAME (current_function_decl))
	     && DECL_ARGUMENTS (current_function_decl)
	     && DECL_CHAIN (DECL_ARGUMENTS (current_function_decl)) == SSA_NAME_VAR (from);
    }
  return false;
}

/* Values of at most this many bits are bounded by their type: a 16-bit length
   field cannot ask for much.  */
static const unsigned input_small_bits = 16;

/* Does edge e leave a test that bounds v from above (`if (n > MAX) n = MAX;`:
   the edge that keeps n is the false edge of n > MAX)?  */
bool
edge_bounds_above (edge e, tree v)
{
  gcond *cond = safe_dyn_cast<gcond *> (mr_last_stmt (e->src));
  if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
    return false;
  enum tree_code code = gimple_cond_code (cond);
  tree lhs = gimple_cond_lhs (cond), rhs = gimple_cond_rhs (cond);
  if (rhs == v)
    {
      std::swap (lhs, rhs);
      code = swap_tree_comparison (code);
    }
  if (lhs != v || TREE_CODE (rhs) != INTEGER_CST)
    return false;
  /* A bound above 2^56, the largest object a 64-bit address space holds, is an
     overflow check (g++'s `n <= SIZE_MAX / sizeof (T)` before new T[n]), not a
     maximum: rules/tainted-allocation-size.c judges the path's facts alike.  */
  if (!wi::fits_shwi_p (wi::to_widest (rhs))
      || wi::to_widest (rhs) > wi::lshift (widest_int (1), 56))
    return false;
  if (e->flags & EDGE_FALSE_VALUE)
    code = invert_tree_comparison (code, false);
  return code == LT_EXPR || code == LE_EXPR || code == EQ_EXPR;
}

/* Memory clamps.  A value loaded from memory an input function wrote is input
   unless every store that reaches the load puts something else there: the
   function's memory SSA (the virtual operands, built with the SSA form the pass
   runs after) is walked back from the load to the stores and joins that reach it.
   A join's argument that arrives from a test bounding a load of the same place
   from above, the memory unchanged since (`if (n > MAX) n = MAX;` with n's address
   taken, `if (h.len > MAX) h.len = MAX;` on a struct read by recv), brings a
   bounded value; a store of a constant or of a value that is not input brings
   none.  Anything else (the input function's write, a call, a store through a
   pointer that may alias) is input, as before the walk.  */

/* Does edge e leave a test bounding from above a load of `ref` that read memory
   version `vuse`?  */
static bool
edge_bounds_load (edge e, tree ref, tree vuse)
{
  gcond *cond = safe_dyn_cast<gcond *> (mr_last_stmt (e->src));
  if (!cond)
    return false;
  for (int side = 0; side < 2; side++)
    {
      tree v = side ? gimple_cond_rhs (cond) : gimple_cond_lhs (cond);
      if (TREE_CODE (v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (v))
	continue;
      gassign *load = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (v));
      if (load && gimple_assign_single_p (load) && gimple_vuse (load) == vuse
	  && operand_equal_p (gimple_assign_rhs1 (load), ref, 0)
	  && edge_bounds_above (e, v))
	return true;
    }
  return false;
}

/* Does call statement s write input where an argument pointing into `base`
   points: an input function's (`fscanf (f, "%zu", &want)`) or a function of the
   unit (or of the database) that writes input through that parameter?  */
static bool
call_writes_input_to (gimple *s, tree base)
{
  gcall *call = dyn_cast<gcall *> (s);
  if (!call || gimple_call_internal_p (call))
    return false;
  const mr_input *in = mr_input_lookup (callee_name (gimple_call_fndecl (call)));
  if (in && in->how != MR_INPUT_WRITES)
    return false;
  uint32_t w = in ? ~0u : unit_call_writes_input (call);
  for (unsigned i = in ? in->arg : 0; w && i < gimple_call_num_args (call); i++)
    if ((i >= 32 || (w & (1u << i))) && input_base (gimple_call_arg (call, i)) == base)
      return true;
  return false;
}

/* Can the memory `ref` reads at version `vuse` hold input?  *budget counts the
   statements and joins visited; `joins` the joins on the walk (a loop's join seen
   again brings nothing new).  With `setter`, the walk judges what a function
   that writes the global `ref` leaves there for the other functions
   (global_holds_input): the entry brings what was there before (the other
   stores, judged on their own), a call brings input only if it writes input
   there, and a stored input value bounded on its way to the store (a dominating
   test) is no input.  */
static bool
memory_holds_input (tree ref, tree vuse, int *budget, auto_vec<gimple *> &joins,
		    bool setter)
{
  while (--*budget >= 0 && vuse && TREE_CODE (vuse) == SSA_NAME)
    {
      if (SSA_NAME_IS_DEFAULT_DEF (vuse))
	return !setter;		/* what the caller left there: not known */
      gimple *def = SSA_NAME_DEF_STMT (vuse);
      if (gphi *phi = dyn_cast<gphi *> (def))
	{
	  if (joins.contains (phi))
	    return false;
	  if (joins.length () >= 8)
	    return true;
	  joins.safe_push (phi);
	  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	    {
	      tree arg = gimple_phi_arg_def (phi, i);
	      if (!edge_bounds_load (gimple_phi_arg_edge (phi, i), ref, arg)
		  && memory_holds_input (ref, arg, budget, joins, setter))
		return true;
	    }
	  return false;
	}
      if (gimple_assign_single_p (def) && operand_equal_p (gimple_assign_lhs (def), ref, 0))
	{
	  tree v = gimple_assign_rhs1 (def);
	  if (TREE_CODE (v) == INTEGER_CST)
	    return false;
	  int values = 8;
	  if (TREE_CODE (v) != SSA_NAME)
	    return !setter;
	  return input_value (v, &values)
		 && !(setter && value_bounded_before (v, gimple_bb (def)));
	}
      /* (A clobber ends a local's life: it brings no value, to it or to what
	 a pointer the oracle cannot tell from it points at.)  */
      if (!gimple_clobber_p (def) && stmt_may_clobber_ref_p (def, ref)
	  && (!setter || call_writes_input_to (def, input_base (ref))))
	return true;
      vuse = gimple_vuse (def);
    }
  return !setter;
}

/* Globals read as sizes in a function other than the one that reads input into
   them (`static size_t want; void parse (FILE *f) { fscanf (f, "%zu", &want); }
   void build (void) { buf = malloc (want); }`): a global (or a field of one) is
   input wherever it is read if some function of the unit leaves input in it when
   it returns: an input function or a store of input writes it (the objects
   gathered for that function), and the memory walk from one of its returns, in
   its setter form, finds that input unclamped (`if (want > MAX) want = MAX;`
   bounds it, as does a store of a value a dominating test bounds).  A function
   still outside SSA form (analysed later: no memory SSA to walk) is judged by its
   statements alone: an input function (or a writer of the unit) is given the
   global's address, and no test in it bounds a load of the global from above
   (a clamp or a check anywhere: no claim).  Kept per variable; a structure's
   fields are not told apart (any field written with input: the structure holds
   input, as for a parameter).  */
static hash_map<tree, bool> *global_inputs;

/* Is t a load of (a field of) global var?  */
static bool
loads_from (tree t, tree var)
{
  if (TREE_CODE (t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (t))
    return false;
  gassign *def = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (t));
  return def && gimple_assign_single_p (def) && is_memory_ref (gimple_assign_rhs1 (def))
	 && input_base (gimple_assign_rhs1 (def)) == var;
}

/* cfun, outside SSA form: does an input function write var, with no test
   bounding a load of var from above anywhere?  */
static bool
writes_input_unbounded (tree var)
{
  bool written = false;
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *s = gsi_stmt (gsi);
	if (is_gimple_call (s) && call_writes_input_to (s, var))
	  written = true;
	gcond *cond = dyn_cast<gcond *> (s);
	if (!cond)
	  continue;
	for (int side = 0; side < 2; side++)
	  {
	    tree v = side ? gimple_cond_rhs (cond) : gimple_cond_lhs (cond);
	    edge e;
	    edge_iterator ei;
	    if (loads_from (v, var))
	      FOR_EACH_EDGE (e, ei, bb->succs)
		if (edge_bounds_above (e, v))
		  return false;
	  }
      }
  return written;
}

/* Does function f leave input in global var at one of its returns?  */
static bool
leaves_input (function *f, tree var)
{
  input_push_cfun (f);
  bool input = false;
  if (!gimple_in_ssa_p (f))
    input = writes_input_unbounded (var);
  else if (written_by_input (var))
    input = !INTEGRAL_TYPE_P (TREE_TYPE (var)) || holds_input_at_a_return (&var, 1, true);
  input_pop_cfun ();
  return input;
}

static bool
global_holds_input (tree var)
{
  if (!var || !VAR_P (var) || !is_global_var (var))
    return false;
  varpool_node *node = varpool_node::get (var);
  if (!node)
    return false;
  if (!global_inputs)
    global_inputs = new hash_map<tree, bool>;
  if (bool *known = global_inputs->get (var))
    return *known;
  global_inputs->put (var, false);	/* asked again on the way: no claim */
  bool input = false, complete = true;
  auto_vec<function *> seen;
  ipa_ref *ref;
  for (unsigned i = 0; !input && node->iterate_referring (i, ref); i++)
    {
      cgraph_node *user = dyn_cast<cgraph_node *> (ref->referring);
      function *f = user ? DECL_STRUCT_FUNCTION (user->decl) : NULL;
      if ((ref->use != IPA_REF_STORE && ref->use != IPA_REF_ADDR) || !f
	  || seen.contains (f))
	continue;
      seen.safe_push (f);
      if (!f->cfg)
	complete = false;
      else
	input = leaves_input (f, var);
    }
  if (input || complete)
    *global_inputs->get (var) = input;
  else
    global_inputs->remove (var);
  return input;
}

/* Is ref a global variable or a field of one (the same tree in every function
   of the unit)?  */
bool
global_ref_p (tree ref)
{
  while (TREE_CODE (ref) == COMPONENT_REF)
    ref = TREE_OPERAND (ref, 0);
  return VAR_P (ref) && is_global_var (ref);
}

/* The value read from outside the program that integer t is computed from, or
   NULL_TREE.  Through a PHI, the PHI itself: on the paths where a constant
   arrives it is that constant, which bounds it; an argument that arrives from a
   test bounding it (a clamp) is not input any more.  *budget is the number of
   definitions the walk may still visit (it runs per allocation).  With `params`,
   the walk looks for a parameter instead (its default definition, what a caller
   passes: lower-input-calls.cc) or a load of a global (what a caller stored
   there), through the same arithmetic and joins.  */
static tree
input_value (tree t, int *budget, bool params)
{
  if (--*budget < 0 || TREE_CODE (t) != SSA_NAME || !INTEGRAL_TYPE_P (TREE_TYPE (t)))
    return NULL_TREE;
  if (SSA_NAME_IS_DEFAULT_DEF (t))
    return params && SSA_NAME_VAR (t) && TREE_CODE (SSA_NAME_VAR (t)) == PARM_DECL
	   ? t : NULL_TREE;
  gimple *def = SSA_NAME_DEF_STMT (t);
  if (params && !is_a<gphi *> (def) && !is_a<gassign *> (def))
    return NULL_TREE;
  if (gcall *call = dyn_cast<gcall *> (def))
    {
      tree fn = gimple_call_fndecl (call);
      if (fn && (fndecl_built_in_p (fn, BUILT_IN_BSWAP32)
		 || fndecl_built_in_p (fn, BUILT_IN_BSWAP64)))
	return t;
      const mr_input *in = mr_input_lookup (callee_name (fn));
      if (!in)
	return unit_call_returns_input (call) ? t : NULL_TREE;
      if (in->how == MR_INPUT_WRITES)
	return NULL_TREE;
      if (in->how == MR_INPUT_PARSES)
	return in->arg < gimple_call_num_args (call)
	       && input_text (gimple_call_arg (call, in->arg)) ? t : NULL_TREE;
      return t;
    }
  if (gphi *phi = dyn_cast<gphi *> (def))
    {
      if (gimple_phi_num_args (phi) > 8)
	return NULL_TREE;
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	{
	  tree a = gimple_phi_arg_def (phi, i);
	  /* (The edges out of a `do { ... break; } while (0)` bring the same
	     value many times: it is walked once, or the budget goes on it.)  */
	  bool seen = false;
	  for (unsigned j = 0; j < i && !seen; j++)
	    seen = gimple_phi_arg_def (phi, j) == a
		   && !edge_bounds_above (gimple_phi_arg_edge (phi, j), a);
	  if (!seen && input_value (a, budget, params)
	      && !edge_bounds_above (gimple_phi_arg_edge (phi, i), a))
	    return t;
	}
      return NULL_TREE;
    }
  gassign *as = dyn_cast<gassign *> (def);
  if (!as)
    return NULL_TREE;
  tree a = gimple_assign_rhs1 (as);
  if (gimple_assign_single_p (as))
    {
      if (is_memory_ref (a))
	{
	  /* A global (or a field of one) is what its callers stored there:
	     lower-input-calls.cc asks them.  */
	  if (params)
	    return global_ref_p (a) ? t : NULL_TREE;
	  /* (Not while cfun's objects are gathered: a store's value walk there
	     would ask about every global it meets.)  */
	  tree base = input_base (a);
	  if (!written_by_input (base)
	      && (gathering_fun == cfun || !global_holds_input (base)))
	    return NULL_TREE;
	  auto_vec<gimple *> joins;
	  int steps = 32;
	  return memory_holds_input (a, gimple_vuse (as), &steps, joins) ? t : NULL_TREE;
	}
      return input_value (a, budget, params);
    }
  enum tree_code code = gimple_assign_rhs_code (as);
  if (CONVERT_EXPR_CODE_P (code))
    return TYPE_PRECISION (TREE_TYPE (t)) > input_small_bits
	   ? input_value (a, budget, params) : NULL_TREE;
  switch (code)
    {
    case PLUS_EXPR:
    case MINUS_EXPR:
    case MULT_EXPR:
    case LSHIFT_EXPR:
    case BIT_IOR_EXPR:
    case BIT_XOR_EXPR:
      {
	tree v = input_value (a, budget, params);
	if (!v && gimple_num_ops (as) > 2)
	  v = input_value (gimple_assign_rhs2 (as), budget, params);
	return v;
      }
    case TRUNC_DIV_EXPR:
    case RSHIFT_EXPR:
    case BIT_AND_EXPR:
    case MIN_EXPR:
      /* What bounds the value statically (a mask, a minimum) ends it.  */
      return range_bits (range_of (t, 0)) > input_small_bits
	     ? input_value (a, budget, params) : NULL_TREE;
    default:
      return NULL_TREE;
    }
}

/* The value read from outside the program that integer t is computed from, wider
   than input_small_bits, or NULL_TREE.  */
tree
input_source (tree t)
{
  int budget = 24;
  tree v = input_value (t, &budget);
  return v && range_bits (range_of (v, 0)) > input_small_bits ? v : NULL_TREE;
}

/* The parameter (its default definition) or the load of a global integer t is
   computed from with no bound on the way in the walk's sense, or NULL_TREE.  */
tree
param_source (tree t)
{
  int budget = 24;
  tree v = input_value (t, &budget, true);
  return v && TYPE_PRECISION (TREE_TYPE (v)) > input_small_bits ? v : NULL_TREE;
}

/* Adds to size description z (or a new one) the input value `size` is computed
   from, if any; returns z.  */
mr_size *
describe_input (lower_ctx *c, unsigned bb, tree size, mr_loc loc, mr_size *z)
{
  int budget = 24;
  tree v = input_value (size, &budget);
  if (!v || range_bits (range_of (v, 0)) <= input_small_bits)
    return z;
  if (!z)
    z = mr_func_new_size (c->f);
  z->input = lower_operand (c, bb, v, loc);
  return z;
}

/* The description of an allocation's size argument: a product, else a sum, and
   the input it comes from.  */
mr_size *
describe_alloc_size (lower_ctx *c, unsigned bb, tree size, mr_loc loc)
{
  mr_size *z = describe_size (c, bb, size, loc);
  if (!z)
    z = describe_sum (c, bb, size, loc);
  return describe_input (c, bb, size, loc, z);
}
