/* lower.cc — lowering one GIMPLE function to memir (plugin/core/memir.h).

   The pass runs right after GCC's "ssa" pass, so:
   - locals whose address is never taken are SSA names: `p_8 = malloc (16)`,
     parameters are default definitions `p_2(D)`, joins are PHIs;
   - everything else lives in memory: locals whose address is taken (`p.0_2 = p`),
     struct fields (`_1 = s_3(D)->buf`), globals.  Those become LOAD/STORE events on an
     access path (base pointer or named object + constant byte offset), which is how
     the engine follows `s->buf` and `im->clip->list` across different SSA loads;
   - casts and pointer arithmetic are separate assignments: COPY events with an offset.
   Nothing here changes the IR: the pass only reads it.  */

#include "gcc-common.h"
#include "lower.h"
#include "suppress.h"
#include "../core/known.h"
#include "../core/families.h"
#include "../core/infer.h"
#include "../core/summaries.h"
#include "options.h"

#include <string>
#include <vector>

/* Per-function lowering context.  */
struct lower_ctx
{
  function *fun;
  mr_func *f;
  mr_lowered *out;
  unsigned next_value;		/* next synthetic value id */
  bool cxx;			/* the function is C++ code */
  mr_loc last_loc;		/* for statements without a location */
  /* Exceptions (lower_eh_dispatch): GCC block -> the block of its throwing
     statement (0: it has none), and the value telling which exception is in
     flight (0: the function has no EH edges).  */
  unsigned *thrower_block;
  uint32_t exc;
};

static mr_loc
make_loc (lower_ctx *c, location_t loc)
{
  if (loc == UNKNOWN_LOCATION)
    return c->last_loc;
  expanded_location x = expand_location (loc);
  mr_loc m = { (uint64_t) loc, x.file, x.line, x.column };
  c->last_loc = m;
  return m;
}

static bool
fits_offset (const poly_int64 &p, int64_t *out)
{
  HOST_WIDE_INT v;
  if (!p.is_constant (&v))
    return false;
  *out = v;
  return true;
}

/* The memir decl for a named object (local, static, literal, function).  */
static uint32_t
decl_index (lower_ctx *c, tree decl)
{
  mr_decl_kind kind;
  const char *name = NULL;
  uint32_t uid;
  if (TREE_CODE (decl) == STRING_CST)
    {
      kind = MR_DECL_LITERAL;
      name = "string literal";
      uid = 0x80000000u | (uint32_t) (TREE_HASH (decl) & 0x7fffffff);
    }
  else
    {
      if (TREE_CODE (decl) == FUNCTION_DECL)
	kind = MR_DECL_FUNCTION;
      else if (VAR_P (decl) && (TREE_STATIC (decl) || DECL_EXTERNAL (decl)))
	kind = MR_DECL_STATIC;
      else
	kind = MR_DECL_LOCAL;
      if (DECL_P (decl) && DECL_NAME (decl))
	name = IDENTIFIER_POINTER (DECL_NAME (decl));
      uid = DECL_P (decl) ? DECL_UID (decl) : 0;
    }
  return mr_func_decl (c->f, name, kind, uid);
}

/* Decomposes a memory reference into base pointer (VALUE or ADDR) + byte offset.
   Returns false when the base is not something the engine can name.  */
static bool
decompose_ref (lower_ctx *c, tree ref, mr_opnd *base, int64_t *off)
{
  poly_int64 bitpos, bitsize, maxsize;
  bool reverse;
  tree b = get_ref_base_and_extent (ref, &bitpos, &bitsize, &maxsize, &reverse);
  int64_t bits;
  bool known = fits_offset (bitpos, &bits) && known_size_p (maxsize)
	       && known_eq (maxsize, bitsize);
  *off = known ? bits / BITS_PER_UNIT : MR_OFF_UNKNOWN;
  if (TREE_CODE (b) == MEM_REF)
    {
      tree ptr = TREE_OPERAND (b, 0);
      if (known)
	{
	  poly_int64 moff;
	  HOST_WIDE_INT mo;
	  if (mem_ref_offset (b).to_shwi (&moff) && moff.is_constant (&mo))
	    *off += mo;
	  else
	    *off = MR_OFF_UNKNOWN;
	}
      if (TREE_CODE (ptr) == SSA_NAME)
	{
	  *base = mr_value (SSA_NAME_VERSION (ptr));
	  return true;
	}
      if (TREE_CODE (ptr) == ADDR_EXPR && DECL_P (TREE_OPERAND (ptr, 0)))
	{
	  *base = mr_addr (decl_index (c, TREE_OPERAND (ptr, 0)), 0);
	  return true;
	}
      return false;
    }
  if (TREE_CODE (b) == TARGET_MEM_REF)
    {
      tree ptr = TMR_BASE (b);
      *off = MR_OFF_UNKNOWN;
      if (ptr && TREE_CODE (ptr) == SSA_NAME)
	{
	  *base = mr_value (SSA_NAME_VERSION (ptr));
	  return true;
	}
      return false;
    }
  if (DECL_P (b) && TREE_CODE (b) != FUNCTION_DECL)
    {
      *base = mr_addr (decl_index (c, b), 0);
      return true;
    }
  return false;
}

static bool
is_memory_ref (tree t)
{
  return handled_component_p (t) || TREE_CODE (t) == MEM_REF
	 || TREE_CODE (t) == TARGET_MEM_REF
	 || (VAR_P (t) && !is_gimple_reg (t))
	 || TREE_CODE (t) == PARM_DECL || TREE_CODE (t) == RESULT_DECL;
}

/* A reference reads or writes through a pointer only when its base is a MEM_REF.  */
static bool
ref_derefs_pointer (tree ref)
{
  tree b = get_base_address (ref);
  return b && (TREE_CODE (b) == MEM_REF || TREE_CODE (b) == TARGET_MEM_REF)
	 && TREE_CODE (TREE_OPERAND (b, 0)) == SSA_NAME;
}

static unsigned
new_synthetic (lower_ctx *c, tree t)
{
  c->out->synth.safe_push (t);
  return c->next_value++;
}

/* A register operand (or an address) as a memir operand.  An address inside
   memory reachable from a pointer, such as &s->buf, becomes a synthetic value
   defined by a COPY with the offset, emitted into block bb.  */
static mr_opnd
lower_operand (lower_ctx *c, unsigned bb, tree t, mr_loc loc)
{
  if (!t)
    return mr_none ();
  switch (TREE_CODE (t))
    {
    case SSA_NAME:
      return mr_value (SSA_NAME_VERSION (t));
    case INTEGER_CST:
      if (tree_fits_shwi_p (t))
	return mr_const (tree_to_shwi (t));
      if (tree_fits_uhwi_p (t))
	return mr_const ((int64_t) tree_to_uhwi (t));
      return mr_unknown ();
    case ADDR_EXPR:
      {
	tree obj = TREE_OPERAND (t, 0);
	if (TREE_CODE (obj) == STRING_CST || DECL_P (obj))
	  return mr_addr (decl_index (c, obj), 0);
	mr_opnd base;
	int64_t off;
	if (!decompose_ref (c, obj, &base, &off))
	  return mr_unknown ();
	/* &arr[i] of a named object: a pointer into it at an offset the engine does
	   not know, still into it (a store through it may change any of its slots).  */
	if (base.kind == MR_OPND_ADDR)
	  return mr_addr (base.id, off == MR_OFF_UNKNOWN ? off : base.num + off);
	mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	e->dst = new_synthetic (c, t);
	e->a = base;
	e->off = off;
	e->flags = MR_EVF_POINTER;
	return mr_value (e->dst);
      }
    default:
      return mr_unknown ();
    }
}

static bool
is_pointerish (tree t)
{
  return t && (POINTER_TYPE_P (TREE_TYPE (t)) || TREE_CODE (TREE_TYPE (t)) == REFERENCE_TYPE);
}

/* DEREF events for every memory reference in an operand that goes through a pointer.  */
static void
lower_deref (lower_ctx *c, unsigned bb, tree ref, bool write, mr_loc loc)
{
  if (!ref || !is_memory_ref (ref) || !ref_derefs_pointer (ref))
    return;
  mr_opnd base;
  int64_t off;
  if (!decompose_ref (c, ref, &base, &off))
    return;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_DEREF, loc);
  e->a = base;
  e->off = off;
  e->flags = write ? MR_EVF_WRITE : 0;
}

/* The integer constant an SSA name is defined to (`x = CONSTANT`), or t itself.
   Integer copies are not events (mr_func_resolve follows values only), so this is
   the constant folding the lowering does itself.  With `temporaries_only`, only a
   name the compiler made (no variable, or an artificial one) is folded: a user's
   `int err = 0;` stands for code that may set it (the CERT examples leave that
   code out), a compiler's flag is exactly what it says.  */
static tree
fold_constant (tree t, bool temporaries_only)
{
  if (TREE_CODE (t) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (t)
      && !POINTER_TYPE_P (TREE_TYPE (t))
      && (!temporaries_only || !SSA_NAME_VAR (t) || DECL_ARTIFICIAL (SSA_NAME_VAR (t))))
    {
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (is_gimple_assign (def) && gimple_assign_single_p (def)
	  && TREE_CODE (gimple_assign_rhs1 (def)) == INTEGER_CST)
	return gimple_assign_rhs1 (def);
    }
  return t;
}

/* A PHI argument: a constant flag set on one path (`freed = 1`) reaches the PHI as
   the value.  */
static mr_opnd
lower_phi_arg (lower_ctx *c, tree arg)
{
  arg = fold_constant (arg, false);
  if (TREE_CODE (arg) == ADDR_EXPR)
    {
      tree obj = TREE_OPERAND (arg, 0);
      if (TREE_CODE (obj) == STRING_CST || DECL_P (obj))
	return mr_addr (decl_index (c, obj), 0);
      /* &s.f or &arr[i] of a named object: no COPY can be emitted for a PHI
	 argument, and none is needed.  */
      mr_opnd base;
      int64_t off;
      if (decompose_ref (c, obj, &base, &off) && base.kind == MR_OPND_ADDR)
	return mr_addr (base.id, off == MR_OFF_UNKNOWN ? off : base.num + off);
      return mr_unknown ();
    }
  return lower_operand (c, 0, arg, c->last_loc);
}

/* The array cookie of C++ `delete[] a`: for a type with a destructor, g++ reads
   the element count stored just before the array, `_4 = a + -8; _5 = *_4;`, before
   calling the destructors and operator delete[].  That read belongs to the delete
   expression; a second delete[] must be reported as a double delete, not as a read
   of freed memory.  */
static bool
is_array_cookie_read (tree ref)
{
  if (TREE_CODE (ref) != MEM_REF || !integer_zerop (TREE_OPERAND (ref, 1))
      || TYPE_MAIN_VARIANT (TREE_TYPE (ref)) != sizetype)
    return false;
  tree ptr = TREE_OPERAND (ref, 0);
  if (TREE_CODE (ptr) != SSA_NAME)
    return false;
  gimple *def = SSA_NAME_DEF_STMT (ptr);
  if (!is_gimple_assign (def) || gimple_assign_rhs_code (def) != POINTER_PLUS_EXPR)
    return false;
  tree off = gimple_assign_rhs2 (def);
  return TREE_CODE (off) == INTEGER_CST
	 && (int64_t) TREE_INT_CST_LOW (off) == -(int64_t) tree_to_shwi (TYPE_SIZE_UNIT (sizetype));
}

/* Appends the byte offsets of the pointer fields of a record type (nested
   records included) to *offs; false if there are too many or some offset is not a
   constant.  */
static bool
pointer_field_offsets (tree type, int64_t base, vec<int64_t> *offs, int depth)
{
  if (depth > 3)
    return false;
  for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
    {
      if (TREE_CODE (f) != FIELD_DECL)
	continue;
      tree ft = TREE_TYPE (f);
      if (!POINTER_TYPE_P (ft) && !RECORD_OR_UNION_TYPE_P (ft)
	  && TREE_CODE (ft) != ARRAY_TYPE)
	continue;
      if (TREE_CODE (ft) == ARRAY_TYPE || TREE_CODE (ft) == UNION_TYPE
	  || !tree_fits_shwi_p (byte_position (f)))
	return false;		/* pointers the copy cannot list one by one */
      int64_t at = base + tree_to_shwi (byte_position (f));
      if (POINTER_TYPE_P (ft))
	{
	  if (offs->length () >= 8)
	    return false;
	  offs->safe_push (at);
	}
      else if (!pointer_field_offsets (ft, at, offs, depth + 1))
	return false;
    }
  return true;
}

/* `d = s;` of a struct into a local variable (the copy an implicit copy constructor
   makes: a C++ class holding an owning pointer copied by value): each pointer field
   is copied, so both copies hold the same pointers.  Returns false (the caller
   makes the copy an escape) unless the destination is a local variable and every
   pointer field is at a known place.  */
static bool
lower_struct_copy (lower_ctx *c, unsigned bb, tree lhs, tree rhs, mr_loc loc)
{
  tree type = TREE_TYPE (lhs);
  if (TREE_CODE (type) != RECORD_TYPE || !VAR_P (lhs)
      || !auto_var_in_fn_p (lhs, c->fun->decl))
    return false;
  auto_vec<int64_t> offs;
  if (!pointer_field_offsets (type, 0, &offs, 0))
    return false;
  mr_opnd from, to;
  int64_t from_off, to_off;
  if (!decompose_ref (c, rhs, &from, &from_off) || !decompose_ref (c, lhs, &to, &to_off)
      || from_off == MR_OFF_UNKNOWN || to_off == MR_OFF_UNKNOWN)
    return false;
  lower_deref (c, bb, rhs, false, loc);
  for (int64_t off : offs)
    {
      mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
      ld->dst = new_synthetic (c, NULL_TREE);
      ld->a = from;
      ld->off = from_off + off;
      ld->flags = MR_EVF_POINTER;
      mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
      st->a = to;
      st->off = to_off + off;
      st->b = mr_value (ld->dst);
      st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
    }
  return true;
}

/* Is integer value t converted to a pointer somewhere?  */
static bool
integer_used_as_pointer (tree t)
{
  if (!INTEGRAL_TYPE_P (TREE_TYPE (t)) || TYPE_PRECISION (TREE_TYPE (t)) != POINTER_SIZE)
    return false;
  imm_use_iterator it;
  use_operand_p use;
  FOR_EACH_IMM_USE_FAST (use, it, t)
    {
      gimple *u = USE_STMT (use);
      if (is_gimple_assign (u) && CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (u))
	  && POINTER_TYPE_P (TREE_TYPE (gimple_assign_lhs (u))))
	return true;
    }
  return false;
}

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
static mr_size *
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

/* Is t a pointer converted to an integer?  */
static bool
pointer_as_integer (tree t)
{
  gimple *def = SSA_NAME_DEF_STMT (t);
  return is_gimple_assign (def) && CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (def))
	 && POINTER_TYPE_P (TREE_TYPE (gimple_assign_rhs1 (def)));
}

/* flag = IMAGPART_EXPR <.MUL_OVERFLOW (a, b)>: the overflow flag GCC makes of
   __builtin_mul_overflow and of a guard `SIZE_MAX / a < b`.  Recorded for the
   engine: where flag is 0, a * b fits the result's type.  */
static void
lower_overflow_flag (lower_ctx *c, tree flag, tree cplx)
{
  if (TREE_CODE (cplx) != SSA_NAME || TREE_CODE (flag) != SSA_NAME)
    return;
  gcall *call = dyn_cast<gcall *> (SSA_NAME_DEF_STMT (cplx));
  if (!call || !gimple_call_internal_p (call, IFN_MUL_OVERFLOW))
    return;
  tree a = gimple_call_arg (call, 0), b = gimple_call_arg (call, 1);
  tree type = TREE_TYPE (TREE_TYPE (cplx));
  if (TREE_CODE (a) != SSA_NAME || TREE_CODE (b) != SSA_NAME || !INTEGRAL_TYPE_P (type)
      || !tree_fits_uhwi_p (TYPE_MAX_VALUE (type)))
    return;
  mr_func_add_quot (c->f, SSA_NAME_VERSION (flag), SSA_NAME_VERSION (a), SSA_NAME_VERSION (b),
		    tree_to_uhwi (TYPE_MAX_VALUE (type)));
}

static void
lower_assign (lower_ctx *c, unsigned bb, gassign *s, mr_loc loc)
{
  tree lhs = gimple_assign_lhs (s);
  tree rhs1 = gimple_assign_rhs1 (s);
  enum tree_code code = gimple_assign_rhs_code (s);

  if (gimple_clobber_p (s))
    return;

  if (TREE_CODE (lhs) == SSA_NAME)
    {
      bool ptr = is_pointerish (lhs);
      if (gimple_assign_single_p (s))
	{
	  if (TREE_CODE (rhs1) == IMAGPART_EXPR)
	    {
	      lower_overflow_flag (c, lhs, TREE_OPERAND (rhs1, 0));
	      return;
	    }
	  if (is_memory_ref (rhs1))
	    {
	      if (c->cxx && is_array_cookie_read (rhs1))
		return;
	      mr_opnd base;
	      int64_t off;
	      if (!decompose_ref (c, rhs1, &base, &off))
		return;
	      mr_size *access = describe_access (c, bb, s, rhs1, false, loc);
	      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	      e->dst = SSA_NAME_VERSION (lhs);
	      e->a = base;
	      e->off = off;
	      e->flags = ptr ? MR_EVF_POINTER : 0;
	      e->size = access;
	      /* The member read (its DECL_UID in b), for check-double-free.c.  */
	      if (TREE_CODE (rhs1) == COMPONENT_REF)
		e->b = mr_const (DECL_UID (TREE_OPERAND (rhs1, 1)));
	      return;
	    }
	  if (TREE_CODE (rhs1) == SSA_NAME || (ptr && (TREE_CODE (rhs1) == INTEGER_CST
						       || TREE_CODE (rhs1) == ADDR_EXPR)))
	    {
	      mr_opnd src = lower_operand (c, bb, rhs1, loc);
	      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	      e->dst = SSA_NAME_VERSION (lhs);
	      e->a = src;
	      e->flags = ptr ? MR_EVF_POINTER : 0;
	    }
	  return;
	}
      if (CONVERT_EXPR_CODE_P (code) || code == VIEW_CONVERT_EXPR)
	{
	  /* Only conversions that keep the value: pointer <-> pointer, and integers
	     that do not narrow, are copies.  */
	  tree from = TREE_TYPE (rhs1), to = TREE_TYPE (lhs);
	  bool keeps = (POINTER_TYPE_P (from) && POINTER_TYPE_P (to))
		       || (INTEGRAL_TYPE_P (from) && INTEGRAL_TYPE_P (to)
			   && TYPE_PRECISION (to) >= TYPE_PRECISION (from)
			   && (TYPE_UNSIGNED (from) == TYPE_UNSIGNED (to)
			       || (TYPE_UNSIGNED (from)
				   && TYPE_PRECISION (to) > TYPE_PRECISION (from))))
		       || (POINTER_TYPE_P (to) && INTEGRAL_TYPE_P (from)
			   && TYPE_PRECISION (from) >= TYPE_PRECISION (to))
		       || (INTEGRAL_TYPE_P (to) && POINTER_TYPE_P (from)
			   && TYPE_PRECISION (to) >= TYPE_PRECISION (from));
	  if (keeps && (TREE_CODE (rhs1) == SSA_NAME || TREE_CODE (rhs1) == INTEGER_CST))
	    {
	      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	      e->dst = SSA_NAME_VERSION (lhs);
	      e->a = lower_operand (c, bb, rhs1, loc);
	      e->flags = ptr ? MR_EVF_POINTER : 0;
	    }
	  /* A signed count made a size, (size_t) n: the same value when n >= 0, which
	     the engine's facts may say (for (i = 0; i < (size_t) n; i++)).  */
	  else if (TREE_CODE (rhs1) == SSA_NAME && INTEGRAL_TYPE_P (from) && INTEGRAL_TYPE_P (to)
		   && !TYPE_UNSIGNED (from) && TYPE_UNSIGNED (to)
		   && TYPE_PRECISION (to) >= TYPE_PRECISION (from)
		   && TYPE_PRECISION (from) <= 64)
	    {
	      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	      e->dst = SSA_NAME_VERSION (lhs);
	      e->a = lower_phi_arg (c, rhs1);	/* n = 20 folded */
	      e->off = TYPE_PRECISION (from);
	      e->flags = MR_EVF_CONVERT;
	    }
	  return;
	}
      /* Tagged pointers: an aligned pointer's integer value with a tag in its low
	 bits, `(uintptr_t) p | 1`, is p + 1; with its low bits cleared,
	 `(uintptr_t) p & ~3`, it is p (the tag, if any, removed).  */
      tree mask = gimple_num_ops (s) > 2 ? gimple_assign_rhs2 (s) : NULL_TREE;
      if ((code == BIT_AND_EXPR || code == BIT_IOR_EXPR) && TREE_CODE (rhs1) == SSA_NAME
	  && INTEGRAL_TYPE_P (TREE_TYPE (lhs))
	  && TYPE_PRECISION (TREE_TYPE (lhs)) == POINTER_SIZE
	  && TREE_CODE (mask) == INTEGER_CST
	  && (integer_used_as_pointer (lhs) || pointer_as_integer (rhs1))
	  && wi::ltu_p (code == BIT_AND_EXPR ? wide_int (wi::bit_not (wi::to_wide (mask)))
			: wide_int (wi::to_wide (mask)), 64))
	{
	  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	  e->dst = SSA_NAME_VERSION (lhs);
	  e->a = lower_operand (c, bb, rhs1, loc);
	  if (code == BIT_IOR_EXPR)
	    e->off = (int64_t) TREE_INT_CST_LOW (mask);
	  /* (p | 1) & ~3, through casts: p.  */
	  tree t = rhs1;
	  for (int depth = 0; code == BIT_AND_EXPR && depth < 4 && TREE_CODE (t) == SSA_NAME;
	       depth++)
	    {
	      gimple *def = SSA_NAME_DEF_STMT (t);
	      if (!is_gimple_assign (def))
		break;
	      enum tree_code dc = gimple_assign_rhs_code (def);
	      tree tag = gimple_num_ops (def) > 2 ? gimple_assign_rhs2 (def) : NULL_TREE;
	      if (CONVERT_EXPR_CODE_P (dc))
		t = gimple_assign_rhs1 (def);
	      else
		{
		  if (dc == BIT_IOR_EXPR && TREE_CODE (tag) == INTEGER_CST
		      && TREE_CODE (gimple_assign_rhs1 (def)) == SSA_NAME
		      && wi::ltu_p (wi::to_wide (tag), 64)
		      && (wi::to_wide (tag).to_uhwi () & TREE_INT_CST_LOW (mask)) == 0)
		    e->a = lower_operand (c, bb, gimple_assign_rhs1 (def), loc);
		  break;
		}
	    }
	  return;
	}
      if (code == POINTER_PLUS_EXPR)
	{
	  tree rhs2 = gimple_assign_rhs2 (s);
	  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	  e->dst = SSA_NAME_VERSION (lhs);
	  e->a = lower_operand (c, bb, rhs1, loc);
	  e->flags = MR_EVF_POINTER;
	  e->off = MR_OFF_UNKNOWN;
	  if (TREE_CODE (rhs2) == INTEGER_CST)
	    e->off = (int64_t) TREE_INT_CST_LOW (rhs2);
	  return;
	}
      /* q = C / n, for guards against overflow: s <= q says s * n <= C.  */
      if (code == TRUNC_DIV_EXPR && TREE_CODE (rhs1) == INTEGER_CST
	  && tree_fits_uhwi_p (rhs1) && TREE_CODE (gimple_assign_rhs2 (s)) == SSA_NAME)
	mr_func_add_quot (c->f, SSA_NAME_VERSION (lhs),
			  SSA_NAME_VERSION (gimple_assign_rhs2 (s)), 0, tree_to_uhwi (rhs1));
      /* Integer arithmetic the lowering does not follow, made into a pointer
	 (`(char *) (addr - 8)`): a new unknown value each time it is computed, not
	 the same object on every iteration of a loop.  */
      if (integer_used_as_pointer (lhs))
	{
	  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
	  e->dst = SSA_NAME_VERSION (lhs);
	  e->a = mr_unknown ();
	}
      return;
    }

  /* A store: *(base + off) = rhs.  */
  if (is_memory_ref (lhs))
    {
      mr_opnd base;
      int64_t off;
      if (gimple_assign_single_p (s) && is_memory_ref (rhs1)
	  && lower_struct_copy (c, bb, lhs, rhs1, loc))
	return;
      if (gimple_assign_single_p (s) && is_memory_ref (rhs1))
	{
	  /* An aggregate copy reads its source, and what the source holds now has a
	     second holder the engine does not follow (`return b;` copies b into the
	     return value): it escapes.  */
	  lower_deref (c, bb, rhs1, false, loc);
	  mr_opnd from;
	  int64_t from_off;
	  if (!is_gimple_reg_type (TREE_TYPE (rhs1)) && decompose_ref (c, rhs1, &from, &from_off))
	    {
	      mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	      esc->a = from;
	    }
	}
      if (!decompose_ref (c, lhs, &base, &off))
	return;
      mr_size *access = describe_access (c, bb, s, lhs, true, loc);
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
      e->size = access;
      e->a = base;
      e->off = off;
      e->b = gimple_assign_single_p (s) && !is_memory_ref (rhs1)
	     ? lower_operand (c, bb, rhs1, loc) : mr_unknown ();
      e->flags = MR_EVF_WRITE | (is_pointerish (lhs) ? MR_EVF_POINTER : 0);
      if (!is_gimple_reg_type (TREE_TYPE (lhs)))
	e->flags |= MR_EVF_AGGREGATE;
    }
}

/* The name a call is known by: builtins by their library name, other functions by
   their assembler name (C linkage names match the library; C++ mangled names do not,
   so a C++ function that happens to be called `free` is not taken for free).  */
static const char *
callee_name (tree fndecl)
{
  if (!fndecl)
    return NULL;
  if (fndecl_built_in_p (fndecl, BUILT_IN_NORMAL))
    {
      const char *n = IDENTIFIER_POINTER (DECL_NAME (fndecl));
      if (strncmp (n, "__builtin_", 10) == 0)
	return n + 10;
      return n;
    }
  if (!TREE_PUBLIC (fndecl) || !DECL_FILE_SCOPE_P (fndecl))
    return IDENTIFIER_POINTER (DECL_NAME (fndecl));
  const char *n = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  if (n[0] == '*')
    n++;
  /* glibc's headers redirect some functions to the version of a newer standard by an
     asm label: scanf to __isoc99_scanf (C99 and later), strtol to __isoc23_strtol
     (C23: GCC 15's default dialect, glibc 2.38 and later).  Same function, same
     knowledge.  */
  if (strncmp (n, "__isoc99_", 9) == 0 || strncmp (n, "__isoc23_", 9) == 0)
    n += 9;
  return n;
}

/* Families beyond the C library's and C++'s, by the name of their deallocator:
   user allocators (__attribute__ ((malloc (dealloc, n)))), the shipped knowledge
   base (libs.def) and families files.  Memory of such a family has family
   MR_FAM_USER + i, so mixing it with free is a mismatch.  */
static vec<const char *> family_names;

static uint16_t
family_by_name (const char *name)
{
  if (strcmp (name, "free") == 0)
    return MR_FAM_MALLOC;
  for (unsigned i = 0; i < family_names.length (); i++)
    if (strcmp (family_names[i], name) == 0)
      return MR_FAM_USER + i;
  if (family_names.length () >= MR_FAM_UNCERTAIN - 1 - MR_FAM_USER)
    return MR_FAM_NONE;
  family_names.safe_push (xstrdup (name));
  return MR_FAM_USER + family_names.length () - 1;
}

static uint16_t
family_of_deallocator (tree dealloc)
{
  if (fndecl_built_in_p (dealloc, BUILT_IN_FREE) || !DECL_NAME (dealloc))
    return MR_FAM_MALLOC;
  return family_by_name (IDENTIFIER_POINTER (DECL_NAME (dealloc)));
}

const char *
mr_user_family_name (unsigned family)
{
  family &= ~MR_FAM_UNCERTAIN;
  unsigned i = family - MR_FAM_USER;
  if (family < MR_FAM_USER || i >= family_names.length ())
    return NULL;
  return family_names[i];
}

/* Deallocators of things that are not memory to this plugin: glibc declares
   fopen, popen, opendir, newlocale ... with __attribute__ ((malloc (fclose))) and
   the like.  Streams and directories are resources of another kind (FIO42-C).  */
static bool
is_resource_deallocator (tree fndecl)
{
  static const char *const names[] = {
    "fclose", "pclose", "closedir", "freelocale", "endmntent", "globfree", "regfree",
    "freeaddrinfo", "freeifaddrs", "close", "iconv_close"
  };
  if (!DECL_NAME (fndecl))
    return false;
  for (const char *n : names)
    if (id_equal (DECL_NAME (fndecl), n))
      return true;
  return false;
}

/* __attribute__ ((returns_nonnull)).  */
static bool
returns_nonnull_p (tree fndecl)
{
  return lookup_attribute ("returns_nonnull", TYPE_ATTRIBUTES (TREE_TYPE (fndecl)))
	 || lookup_attribute ("returns_nonnull", DECL_ATTRIBUTES (fndecl));
}

/* A function a families file says never returns (`noreturn fatal`): a project's
   error handler defined in another file and not declared noreturn.  */
static bool
declared_noreturn (tree fndecl)
{
  const mr_lib *lib = mr_lib_lookup (callee_name (fndecl));
  return lib && lib->kind == MR_LIB_NORETURN;
}

/* The deallocator an allocator names with __attribute__ ((malloc (dealloc, n))).  */
static tree
attribute_deallocator (tree fndecl)
{
  for (tree a = lookup_attribute ("malloc", DECL_ATTRIBUTES (fndecl)); a;
       a = lookup_attribute ("malloc", TREE_CHAIN (a)))
    {
      tree args = TREE_VALUE (a);
      if (!args)
	continue;
      tree d = TREE_VALUE (args);
      if (d && TREE_CODE (d) == ADDR_EXPR)
	d = TREE_OPERAND (d, 0);
      if (d && TREE_CODE (d) == FUNCTION_DECL)
	return is_resource_deallocator (d) ? NULL_TREE : d;
    }
  return NULL_TREE;
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
typedef __int128 mr_i128;

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
  if (TREE_CODE (t) != SSA_NAME || !INTEGRAL_TYPE_P (type) || depth > 6
      || SSA_NAME_IS_DEFAULT_DEF (t))
    return full;
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
      return full;
    }
  if (gassign *as = dyn_cast<gassign *> (def))
    return range_of_assign (as, type, depth);
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

static mr_size *
describe_size (lower_ctx *c, unsigned bb, tree size, mr_loc loc)
{
  unsigned bits;
  tree t = strip_widening (size, &bits);
  if (TREE_CODE (t) != SSA_NAME)
    return NULL;
  gimple *def = SSA_NAME_DEF_STMT (t);
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
static mr_size *
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

/* Does a size come from outside the function's own arithmetic: a parameter, a
   value loaded from memory or returned by a call, possibly widened, plus a
   constant, or multiplied?  Sizes the function computes itself (a loop counter, a
   PHI of doublings) are bounded by what computed them, and taken as such.  */
static bool
size_is_input (tree t, int depth)
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
	       && size_is_input (gimple_assign_rhs1 (def), depth + 1));
  if (code == PLUS_EXPR && TREE_CODE (gimple_assign_rhs2 (def)) == INTEGER_CST)
    return size_is_input (gimple_assign_rhs1 (def), depth + 1);
  if (code == MULT_EXPR)
    return size_is_input (gimple_assign_rhs1 (def), depth + 1)
	   || size_is_input (gimple_assign_rhs2 (def), depth + 1);
  return false;
}

/* p = realloc (p, n): the result replaces the pointer realloc was given (its
   argument argno), either the same variable or the same memory location (s->buf =
   realloc (s->buf, n)), before anything tests it.  */
static bool
realloc_overwrites_arg (gcall *s, unsigned argno)
{
  if (argno >= gimple_call_num_args (s))
    return false;
  tree lhs = gimple_call_lhs (s), arg = gimple_call_arg (s, argno);
  if (!lhs || TREE_CODE (lhs) != SSA_NAME || TREE_CODE (arg) != SSA_NAME)
    return false;
  if (SSA_NAME_VAR (lhs) && SSA_NAME_VAR (lhs) == SSA_NAME_VAR (arg))
    return true;
  gimple *def = SSA_NAME_DEF_STMT (arg);
  if (!is_gimple_assign (def) || !gimple_assign_single_p (def)
      || !is_memory_ref (gimple_assign_rhs1 (def)))
    return false;
  tree from = gimple_assign_rhs1 (def);
  imm_use_iterator it;
  use_operand_p use;
  FOR_EACH_IMM_USE_FAST (use, it, lhs)
    {
      gimple *u = USE_STMT (use);
      /* Stored right away, not after a check of the result.  */
      if (is_gimple_assign (u) && gimple_assign_single_p (u)
	  && gimple_bb (u) == gimple_bb (s) && gimple_assign_rhs1 (u) == lhs
	  && operand_equal_p (gimple_assign_lhs (u), from, 0))
	return true;
    }
  return false;
}

/* C++ allocation and deallocation functions (GCC-PLUGIN-FACTS.md §2): allocating
   new is operator new that is replaceable or malloc-like; placement new (`_ZnwmPv`)
   returns its second argument.  */
static bool
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
	{
	  size = describe_size (c, bb, gimple_call_arg (s, 0), loc);
	  if (size)
	    size->allocator = is_array ? "operator new[]" : "operator new";
	}
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

static const mr_summary *summary_of (tree fndecl);
static tree defined_decl (tree fndecl);

/* Functions whose summaries may still change (mr_summary_is_provisional): true for
   the members of a cycle of calls, false for the functions above one.  */
static hash_map<tree, bool> *provisional;

void
mr_summary_is_provisional (tree fndecl, bool yes, bool member)
{
  if (!provisional)
    provisional = new hash_map<tree, bool>;
  if (yes)
    provisional->put (fndecl, member);
  else
    provisional->remove (fndecl);
}

/* std::get_temporary_buffer, whose result is a pair with the pointer first, and
   std::return_temporary_buffer: a family of their own (CERT MEM51-CPP's table;
   std::allocator is lower_std_allocator_call).  */
static bool
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
  uint16_t family = family_by_name ("std::return_temporary_buffer");
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

/* The family std::unique_ptr<T> or std::shared_ptr<T> with the default deleter
   will free with: MR_FAM_NEW (`delete`), MR_FAM_NEW_ARRAY for T[], or MR_FAM_NONE
   for any other class or a custom deleter.  *unique says which of the two.  The
   class's identifier is checked first (cheap: this runs for calls of every C++
   function); the template arguments are read from its printable name, which
   leaves out default ones: "std::unique_ptr<S>", "std::unique_ptr<S []>",
   "std::unique_ptr<S, D>".  */
static uint16_t
default_deleter_family (tree cls, bool *unique)
{
  if (!cls || !TYPE_P (cls) || !TYPE_NAME (cls))
    return MR_FAM_NONE;
  tree id = TYPE_NAME (cls);
  if (TREE_CODE (id) == TYPE_DECL)
    id = DECL_NAME (id);
  if (!id || TREE_CODE (id) != IDENTIFIER_NODE)
    return MR_FAM_NONE;
  *unique = id_equal (id, "unique_ptr");
  if (!*unique && !id_equal (id, "shared_ptr"))
    return MR_FAM_NONE;
  const char *name = lang_hooks.decl_printable_name (TYPE_NAME (cls), 2);
  const char *prefix = *unique ? "std::unique_ptr<" : "std::shared_ptr<";
  if (!mr_startswith (name, prefix))
    return MR_FAM_NONE;
  const char *args = name + strlen (prefix);
  /* One template argument: no comma at depth 0.  */
  int depth = 0;
  const char *end = args;
  for (; *end && !(depth == 0 && *end == '>'); end++)
    {
      if (*end == '<' || *end == '(')
	depth++;
      else if (*end == '>' || *end == ')')
	depth--;
      else if (*end == ',' && depth == 0)
	return MR_FAM_NONE;
    }
  if (!*end)
    return MR_FAM_NONE;
  bool array = end - args >= 2 && end[-1] == ']' && end[-2] == '[';
  return array ? MR_FAM_NEW_ARRAY : MR_FAM_NEW;
}

/* The constructor of a smart pointer from a raw pointer (T *), not the copy or
   move constructor, whose parameter is a reference passed as a pointer.  */
static bool
raw_pointer_constructor_p (gcall *s, tree fndecl)
{
  if (!DECL_CXX_CONSTRUCTOR_P (fndecl) || gimple_call_num_args (s) != 2
      || !POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (s, 1))))
    return false;
  tree parms = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
  tree second = parms && TREE_CHAIN (parms) ? TREE_VALUE (TREE_CHAIN (parms)) : NULL_TREE;
  return second && TREE_CODE (second) == POINTER_TYPE;
}

/* std::unique_ptr<T> with the default deleter, modelled as what it is: an object
   holding the pointer at offset 0 (libstdc++'s layout: sizeof (unique_ptr<T>) is
   that of T *).  Its constructor from a pointer checks the pointer (hand-over) and
   stores it; get () loads it; release () loads it and stores NULL, handing it back
   to the caller; the destructor loads it and deletes it (delete[] for T[]).  Any
   other member (reset, swap, a move, operator=) is an unknown call on the object:
   what it holds is out of sight from then on.  A unique_ptr that is not a local
   variable, and a shared_ptr, only get the hand-over check, after which what they
   were given is out of sight (a reference count, a member's owner).  */
static bool
lower_smart_pointer_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  if (!DECL_NAME (fndecl) || !DECL_IN_SYSTEM_HEADER (fndecl) || !gimple_call_num_args (s))
    return false;
  bool unique;
  tree cls = DECL_CONTEXT (fndecl);
  uint16_t family = default_deleter_family (cls, &unique);
  if (family == MR_FAM_NONE)
    return false;
  bool ctor = raw_pointer_constructor_p (s, fndecl);
  /* Only a unique_ptr that is a local variable of the function: one returned (the
     return slot), a member or a heap object holds its pointer out of sight.  */
  tree self_tree = gimple_call_arg (s, 0);
  tree size = TYPE_SIZE_UNIT (cls);
  bool modelled = unique && size && tree_fits_uhwi_p (size)
		  && tree_to_uhwi (size) == sizeof (void *)
		  && TREE_CODE (self_tree) == ADDR_EXPR && VAR_P (TREE_OPERAND (self_tree, 0))
		  && auto_var_in_fn_p (TREE_OPERAND (self_tree, 0), c->fun->decl);
  if (!modelled)
    {
      if (ctor)
	{
	  mr_event *h = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
	  h->a = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
	  h->family = family;
	  h->flags = MR_EVF_HANDOVER;
	  mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	  esc->a = h->a;
	}
      return false;		/* and the call is an unknown call */
    }
  mr_opnd self = lower_operand (c, bb, self_tree, loc);
  if (ctor)
    {
      mr_event *h = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      h->a = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
      h->family = family;
      h->flags = MR_EVF_HANDOVER;
      mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
      st->a = self;
      st->b = h->a;
      st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
      return true;
    }
  bool get = id_equal (DECL_NAME (fndecl), "get");
  bool release = id_equal (DECL_NAME (fndecl), "release");
  bool dtor = DECL_CXX_DESTRUCTOR_P (fndecl);
  if (!get && !release && !dtor)
    return false;
  tree lhs = gimple_call_lhs (s);
  mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
  ld->dst = lhs && TREE_CODE (lhs) == SSA_NAME ? SSA_NAME_VERSION (lhs)
	    : new_synthetic (c, NULL_TREE);
  ld->a = self;
  ld->flags = MR_EVF_POINTER;
  if (dtor)
    {
      mr_event *fr = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      fr->a = mr_value (ld->dst);
      fr->family = family;
      fr->flags = MR_EVF_DTOR;
      fr->via = mr_func_strdup (c->f, lang_hooks.decl_printable_name (TYPE_NAME (cls), 2));
    }
  if (release || dtor)
    {
      /* After the delete: the slot no longer holds anything to lose.  */
      mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
      st->a = self;
      st->b = mr_const (0);
      st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
    }
  return true;
}

/* A function of the knowledge base or a families file (families.h): g_malloc,
   sqlite3_free, xmlFreeDoc, apr_palloc ...  Its arguments are handed to it first
   (an unknown call's effects), then the allocation or release happens.  fndecl is
   its declaration (NULL through a pointer): `returns_nonnull` there says it never
   returns NULL, whatever the entry says.  */
static bool
lower_library_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, const char *name,
		    uint32_t dst, mr_loc loc)
{
  const mr_lib *lib = mr_lib_lookup (name);
  if (!lib || lib->kind == MR_LIB_NORETURN)
    return false;
  bool may_fail = (lib->flags & MR_LIB_MAY_FAIL) && !(fndecl && returns_nonnull_p (fndecl));
  unsigned nargs = gimple_call_num_args (s);
  /* Stores through an argument (lower_library_out_call); allocates only when
     handed NULL (realpath (p, buf) returns buf).  */
  if (lib->kind == MR_LIB_OUT
      || ((lib->flags & MR_LIB_IF_NULL_ARG)
	  && !(lib->arg < nargs && integer_zerop (gimple_call_arg (s, lib->arg)))))
    return false;
  uint16_t family = lib->kind == MR_LIB_POOL ? (uint16_t) MR_FAM_POOL : family_by_name (lib->family);
  if ((lib->kind == MR_LIB_FREE || lib->kind == MR_LIB_REALLOC) && lib->arg >= nargs)
    return false;
  if (lib->kind == MR_LIB_FREE)
    {
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, lib->arg), loc);
      e->family = family;
      return true;
    }
  if (lib->kind == MR_LIB_REALLOC)
    {
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_REALLOC, loc);
      e->dst = dst;
      e->a = lower_operand (c, bb, gimple_call_arg (s, lib->arg), loc);
      e->b = lib->arg + 1 < nargs ? lower_operand (c, bb, gimple_call_arg (s, lib->arg + 1), loc)
				  : mr_unknown ();
      e->family = family;
      /* xrealloc and g_realloc do not return when out of memory: no failure
	 path.  One that may fail loses p in `p = sqlite3_realloc (p, n)`.  */
      e->flags = may_fail ? MR_EVF_MAY_FAIL | (realloc_overwrites_arg (s, lib->arg)
					       ? MR_EVF_SAME_VAR : 0) : 0;
      e->via = mr_func_strdup (c->f, name);
      return true;
    }
  /* ALLOC or POOL: the arguments go to an ordinary call first (a constructor may
     keep or read them), then the result is fresh memory.  */
  mr_call *call = mr_func_new_call (c->f, name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = lower_operand (c, bb, gimple_call_arg (s, i), loc);
  mr_event *ce = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  ce->call = call;
  if (!dst)
    return true;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = dst;
  e->family = family;
  e->a = mr_none ();
  /* g_malloc and the like abort rather than return NULL.  */
  e->flags = may_fail ? MR_EVF_MAY_FAIL : MR_EVF_NEVER_NULL;
  return true;
}

/* The field of *ptr at byte offset off that holds a pointer, or NULL_TREE.  */
static tree
pointer_field_at (tree ptr, int64_t off)
{
  if (!POINTER_TYPE_P (TREE_TYPE (ptr)))
    return NULL_TREE;
  tree type = TREE_TYPE (TREE_TYPE (ptr));
  if (!RECORD_OR_UNION_TYPE_P (type))
    return NULL_TREE;
  for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
    if (TREE_CODE (f) == FIELD_DECL && POINTER_TYPE_P (TREE_TYPE (f))
	&& tree_fits_shwi_p (byte_position (f)) && tree_to_shwi (byte_position (f)) == off)
      return f;
  return NULL_TREE;
}

/* A summarized callee frees the pointer at *(argument + off): the caller loads it
   (a value named like the field, `c.p_` or `x->buf`) and frees it, in the
   callee's name.  The load checks nothing: the callee may test for NULL first.  */
static void
lower_field_free (lower_ctx *c, unsigned bb, gcall *s, const mr_field_free *ff,
		  const char *name, mr_loc loc)
{
  if (ff->param >= gimple_call_num_args (s))
    return;
  tree arg = gimple_call_arg (s, ff->param);
  mr_opnd base = lower_operand (c, bb, arg, loc);
  if (base.kind != MR_OPND_VALUE && base.kind != MR_OPND_ADDR)
    return;
  tree field = pointer_field_at (arg, ff->off);
  tree ref = field ? build3 (COMPONENT_REF, TREE_TYPE (field),
			     build_simple_mem_ref (arg), field, NULL_TREE)
		   : NULL_TREE;
  mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
  ld->dst = new_synthetic (c, ref);
  ld->a = base;
  ld->off = ff->off;
  ld->flags = MR_EVF_POINTER | MR_EVF_SUMMARIZED;
  mr_event *fr = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
  fr->a = mr_value (ld->dst);
  fr->family = ff->family;
  fr->via = mr_func_strdup (c->f, name);
  fr->via_loc = ff->loc;
}

/* An argument a returned copy can be made of: a value or a named object's address
   (anything else would leave the result unbound, not fresh).  */
static bool
copyable_arg (mr_opnd a)
{
  return a.kind == MR_OPND_VALUE || a.kind == MR_OPND_ADDR;
}

/* dst = the argument a call returns (memcpy's destination, a summarized function's
   `return dst;`), at byte offset off: a copy, so the result and the argument are
   one object to every rule.  */
static void
lower_returned_arg (lower_ctx *c, unsigned bb, uint32_t dst, mr_opnd arg, int64_t off,
		    mr_loc loc)
{
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = dst;
  e->a = arg;
  e->off = off;
  e->flags = MR_EVF_POINTER;
}

/* A call to a function analysed earlier in the translation unit: its summary says
   which parameters it frees, whether it returns a fresh allocation (a wrapper of
   malloc: xmalloc), or realloc of a parameter (gdRealloc), and which parameters it
   reads through.  The call becomes those events, named after the callee.  */
static bool
lower_summarized_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, uint32_t dst,
		       mr_loc loc)
{
  const mr_summary *sum = summary_of (fndecl);
  if (!sum)
    return false;
  /* Analysed again when the cycle is done: as a member if it calls one (it may be
     in the same cycle), else as a function above the cycle.  */
  if (bool *member = provisional ? provisional->get (fndecl) : NULL)
    {
      if (*member)
	c->out->recursive = true;
      else
	c->out->calls_provisional = true;
    }
  unsigned nargs = gimple_call_num_args (s);
  /* "C::~C" rather than the complete destructor's internal name.  */
  const char *name = lang_hooks.decl_printable_name (fndecl, 2);
  /* A wrapper that returns something else on some path (sqlite3DbRealloc returns
     p itself when it still fits, NULL without freeing p after an earlier failure)
     is a realloc only sometimes: an ordinary call.  */
  if (sum->reallocs_param >= 0 && (unsigned) sum->reallocs_param < nargs && dst
      && !sum->other_return)
    {
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_REALLOC, loc);
      e->dst = dst;
      e->a = lower_operand (c, bb, gimple_call_arg (s, sum->reallocs_param), loc);
      e->b = mr_unknown ();
      /* The family of what it returns (an uncertain one stays uncertain).  */
      e->family = sum->alloc_family ? sum->alloc_family : (uint16_t) MR_FAM_MALLOC;
      /* A wrapper that aborts when realloc fails (jq's jv_mem_realloc) never
	 fails for its callers.  */
      e->flags = sum->may_return_null && !returns_nonnull_p (fndecl)
		 ? MR_EVF_MAY_FAIL | (realloc_overwrites_arg (s, sum->reallocs_param)
				      ? MR_EVF_SAME_VAR : 0) : 0;
      e->via = mr_func_strdup (c->f, name);
      return true;
    }
  uint32_t frees = sum->frees_always;
  /* Fields the callee frees (a destructor's `delete p_`): they are read from the
     arguments as the caller sees them before the call.  */
  for (unsigned i = 0; i < sum->nfield_frees; i++)
    lower_field_free (c, bb, s, &sum->field_frees[i], name, loc);
  mr_call *call = mr_func_new_call (c->f, name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = (i < 32 && (frees & (1u << i))) ? mr_unknown ()
		    : lower_operand (c, bb, gimple_call_arg (s, i), loc);
  call->deref_mask = sum->derefs & ~frees;
  call->noreturn = mr_never_returns (fndecl) || declared_noreturn (fndecl);
  /* The parameter it gives back, if it does (lowered before the call's event:
     an address into an object adds one).  */
  mr_opnd given = sum->returns_param >= 0 && (unsigned) sum->returns_param < nargs
		  ? lower_operand (c, bb, gimple_call_arg (s, sum->returns_param), loc) : mr_none ();
  bool copies = copyable_arg (given);
  call->store_mask = sum->stores_through & ~frees;	/* a freed object's slots are moot */
  call->stores_wild = sum->stores_wild;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  e->call = call;
  e->flags |= MR_EVF_SUMMARIZED;
  if (DECL_CXX_DESTRUCTOR_P (fndecl))
    e->flags |= MR_EVF_DTOR;
  /* A callee that keeps nothing and writes nothing of its caller's leaves the
     caller's knowledge of its memory intact: the objects passed stay the caller's
     (a leak after the call is still a leak), their fields stay known.  */
  if (sum->valid && sum->no_clobber)
    e->flags |= MR_EVF_NO_CLOBBER;
  e->dst = sum->returns_alloc || copies ? 0 : dst;
  /* Parameters the callee stores into another's object (a constructor).  */
  for (unsigned i = 0; i < sum->nfield_stores; i++)
    {
      const mr_field_store *fs = &sum->field_stores[i];
      if (fs->dst_param >= nargs || fs->src_param >= nargs)
	continue;
      mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
      st->a = lower_operand (c, bb, gimple_call_arg (s, fs->dst_param), loc);
      st->off = fs->off;
      st->b = lower_operand (c, bb, gimple_call_arg (s, fs->src_param), loc);
      st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
    }
  for (unsigned i = 0; i < nargs && i < 32; i++)
    if (frees & (1u << i))
      {
	mr_event *f = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
	f->a = lower_operand (c, bb, gimple_call_arg (s, i), loc);
	f->family = sum->free_family;
	f->via = mr_func_strdup (c->f, name);
	f->via_loc = sum->free_loc;
      }
  /* It gives a parameter back (`return dst;`): the result is that argument.  */
  if (copies && dst)
    lower_returned_arg (c, bb, dst, given, sum->returns_param_off, loc);
  if (sum->returns_alloc && dst)
    {
      mr_event *a = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
      a->dst = dst;
      a->family = sum->alloc_family;
      a->a = mr_none ();
      /* A wrapper that may return NULL usually says so another way too (an error
	 code through a parameter, sqlite's idxMalloc (&rc, n)): its callers are not
	 held to a NULL check, only direct calls of an allocator are.  */
      a->flags = sum->may_return_null && !returns_nonnull_p (fndecl) ? MR_EVF_QUIET_NULL
		 : MR_EVF_NEVER_NULL;
      a->via = mr_func_strdup (c->f, name);
    }
  return true;
}

/* Functions the user declared as an allocator (__attribute__ ((malloc)), with or
   without a deallocator) or as a deallocator (named by such an attribute: GCC marks
   it, and fndecl_dealloc_argno says which argument it frees).  Their memory
   belongs to a family of its own, so mixing them with free is a mismatch.  */
static bool
lower_user_allocator (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, uint32_t dst,
		      mr_loc loc)
{
  unsigned nargs = gimple_call_num_args (s);
  unsigned argno = fndecl_dealloc_argno (fndecl);
  if (argno < nargs && lookup_attribute ("*dealloc", DECL_ATTRIBUTES (fndecl))
      && !is_resource_deallocator (fndecl))
    {
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, argno), loc);
      e->family = family_of_deallocator (fndecl);
      return true;
    }
  tree dealloc = attribute_deallocator (fndecl);
  if (!dealloc || !dst)
    return false;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = dst;
  e->family = family_of_deallocator (dealloc);
  e->a = mr_none ();
  if (returns_nonnull_p (fndecl))
    e->flags |= MR_EVF_NEVER_NULL;
  return true;
}

/* What a declaration says about its pointer parameters, for a call to a function
   with no body and no summary: `nonnull` and `access` parameters are dereferenced
   (a freed or possibly-NULL pointer there is a use); `access (read_only |
   read_write, N)` ones are read first (uninitialised memory there is read),
   `nonnull` and `access (write_only, N)` ones may be written.  */
static void
apply_param_attributes (tree fndecl, mr_call *call)
{
  tree fntype = TREE_TYPE (fndecl);
  /* nonnull says the callee may dereference, not that it reads: it may be an
     output parameter, so it counts as a write (no uninitialised read claimed).
     C++'s implicit `this` is nonnull in every method: not a user's promise.  */
  unsigned first = TREE_CODE (fntype) == METHOD_TYPE ? 1 : 0;
  if (bitmap nonnull = get_nonnull_args (fntype))
    {
      for (unsigned i = first; i < call->nargs && i < 32; i++)
	if (bitmap_empty_p (nonnull) || bitmap_bit_p (nonnull, i))
	  {
	    call->deref_mask |= 1u << i;
	    call->write_mask |= 1u << i;
	  }
      BITMAP_FREE (nonnull);
    }
  if (!lookup_attribute ("access", TYPE_ATTRIBUTES (fntype)))
    return;
  rdwr_map access;
  init_attr_rdwr_indices (&access, TYPE_ATTRIBUTES (fntype));
  for (unsigned i = 0; i < call->nargs && i < 32; i++)
    {
      attr_access *a = access.get (i);
      if (!a || a->internal_p || a->ptrarg != i)
	continue;
      if (a->mode == access_read_only || a->mode == access_read_write)
	{
	  call->deref_mask |= 1u << i;
	  call->write_mask &= ~(1u << i);	/* read first */
	}
      else if (a->mode == access_write_only)
	{
	  call->deref_mask |= 1u << i;
	  call->write_mask |= 1u << i;
	}
    }
}

/* Does the name the user gave a freed pointer say it holds a secret (MEM03-A)?  The
   name is the variable's, or the field's for s->password.  */
static bool
sensitive_name_p (tree arg)
{
  for (int depth = 0; depth < 4 && arg; depth++)
    {
      tree id = NULL_TREE;
      if (TREE_CODE (arg) == SSA_NAME)
	{
	  tree var = SSA_NAME_VAR (arg);
	  if (var && DECL_NAME (var) && !DECL_ARTIFICIAL (var))
	    id = DECL_NAME (var);
	  else
	    {
	      gimple *def = SSA_NAME_DEF_STMT (arg);
	      if (!is_gimple_assign (def))
		return false;
	      arg = gimple_assign_rhs1 (def);
	      continue;
	    }
	}
      else if (TREE_CODE (arg) == COMPONENT_REF)
	id = DECL_NAME (TREE_OPERAND (arg, 1));
      else if (DECL_P (arg))
	id = DECL_NAME (arg);
      else if (TREE_CODE (arg) == ADDR_EXPR)
	{
	  arg = TREE_OPERAND (arg, 0);
	  continue;
	}
      if (!id)
	return false;
      char name[128];
      size_t n = 0;
      for (const char *p = IDENTIFIER_POINTER (id); *p && n + 1 < sizeof name; p++)
	name[n++] = TOLOWER (*p);
      name[n] = '\0';
      static const char *const words[] = {
	"passw", "secret", "token", "passphrase", "credential", "privkey", "private_key"
      };
      for (const char *w : words)
	if (strstr (name, w))
	  return true;
      return n >= 3 && strcmp (name + n - 3, "key") == 0;
    }
  return false;
}

/* The string a format argument points to, if it is a literal.  */
static const char *
literal_string (tree arg)
{
  if (!arg || TREE_CODE (arg) != ADDR_EXPR)
    return NULL;
  tree s = TREE_OPERAND (arg, 0);
  if (TREE_CODE (s) == ARRAY_REF)
    s = TREE_OPERAND (s, 0);
  if (TREE_CODE (s) != STRING_CST)
    return NULL;
  return TREE_STRING_POINTER (s);
}

/* Allocator knowledge beyond the tables (docs/knowledge-base.md): calls through
   function pointers that name an allocator or a deallocator, and (infer=names)
   bodiless functions named like one.  Families found this way carry
   MR_FAM_UNCERTAIN: they feed double-free and use-after-free only.  */

static uint16_t
uncertain_family (const char *name)
{
  uint16_t f = family_by_name (name);
  return f == MR_FAM_NONE ? f : (uint16_t) (f | MR_FAM_UNCERTAIN);
}

/* The parameter types of a prototype (at most 4); their number, or -1 for an
   unprototyped or variadic function or one with more parameters.  */
static int
proto_params (tree fntype, tree out[4])
{
  if (!fntype || !FUNC_OR_METHOD_TYPE_P (fntype))
    return -1;
  int n = 0;
  for (tree a = TYPE_ARG_TYPES (fntype); a; a = TREE_CHAIN (a))
    {
      if (VOID_TYPE_P (TREE_VALUE (a)) && !TREE_CHAIN (a))
	return n;
      if (n == 4)
	return -1;
      out[n++] = TREE_VALUE (a);
    }
  return -1;
}

static bool
data_pointer_type_p (tree t)
{
  return POINTER_TYPE_P (t) && TREE_CODE (TREE_TYPE (t)) != FUNCTION_TYPE
	 && TREE_CODE (TREE_TYPE (t)) != METHOD_TYPE;
}

/* The argument a function pointer of this role works on (the freed, reallocated or
   copied pointer; the first size of an allocator), or -1 when its type does not fit
   the role.  A leading pointer before the others is an opaque context
   (zlib's zfree (opaque, p), zalloc (opaque, items, size)).  */
static int
pointer_role_arg (mr_ptr_role role, tree fntype)
{
  tree p[4];
  int n = proto_params (fntype, p);
  if (n < 1)
    return -1;
  tree ret = TREE_TYPE (fntype);
  switch (role)
    {
    case MR_PTR_FREE:
      if (!VOID_TYPE_P (ret) && !INTEGRAL_TYPE_P (ret))
	return -1;
      if (n == 1 && data_pointer_type_p (p[0]))
	return 0;
      if (n == 2 && data_pointer_type_p (p[0]) && data_pointer_type_p (p[1]))
	return 1;
      return -1;
    case MR_PTR_MALLOC:
    case MR_PTR_CALLOC:
      {
	if (!data_pointer_type_p (ret))
	  return -1;
	int first = data_pointer_type_p (p[0]) ? 1 : 0;
	if (n - first < 1 || n - first > 2)
	  return -1;
	for (int k = first; k < n; k++)
	  if (!INTEGRAL_TYPE_P (p[k]))
	    return -1;
	return first;
      }
    case MR_PTR_REALLOC:
      if (!data_pointer_type_p (ret))
	return -1;
      if (n == 2 && data_pointer_type_p (p[0]) && INTEGRAL_TYPE_P (p[1]))
	return 0;
      if (n == 3 && data_pointer_type_p (p[0]) && data_pointer_type_p (p[1])
	  && INTEGRAL_TYPE_P (p[2]))
	return 1;
      return -1;
    case MR_PTR_STRDUP:
      if (!data_pointer_type_p (ret))
	return -1;
      if (n == 1 && data_pointer_type_p (p[0]))
	return 0;
      if (n == 2 && data_pointer_type_p (p[0]) && data_pointer_type_p (p[1]))
	return 1;
      return -1;
    default:
      return -1;
    }
}

/* Where the callee of an indirect call was loaded from, through copies and casts:
   a global variable (`_1 = xmlFree; _1 (p);`) or a struct member
   (`_2 = ctx_3(D)->free; _2 (p);`, the FIELD_DECL).  */
static tree
callee_pointer_decl (tree fn)
{
  for (int depth = 0; depth < 4 && fn && TREE_CODE (fn) == SSA_NAME; depth++)
    {
      if (SSA_NAME_IS_DEFAULT_DEF (fn))
	return NULL_TREE;
      gimple *def = SSA_NAME_DEF_STMT (fn);
      if (!is_gimple_assign (def)
	  || !(gimple_assign_single_p (def)
	       || CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (def))))
	return NULL_TREE;
      fn = gimple_assign_rhs1 (def);
    }
  if (!fn)
    return NULL_TREE;
  if (VAR_P (fn) && (TREE_STATIC (fn) || DECL_EXTERNAL (fn)) && DECL_NAME (fn))
    return fn;
  if (TREE_CODE (fn) == COMPONENT_REF && DECL_NAME (TREE_OPERAND (fn, 1)))
    return TREE_OPERAND (fn, 1);
  return NULL_TREE;
}

/* The family a function pointer's memory belongs to, as a deallocator's name.
   A global: its own name with the word replaced by "free" (Curl_cmalloc ->
   Curl_cfree, malloc_fn -> free_fn).  A member: TAG.MEMBER, where MEMBER is the
   deallocator member of the same struct type (ctx->malloc pairs with ctx->free),
   or the member itself when the struct has none.  */
static std::string
pointer_family_name (tree decl, mr_ptr_role role, size_t word, size_t len)
{
  const char *name = IDENTIFIER_POINTER (DECL_NAME (decl));
  if (TREE_CODE (decl) != FIELD_DECL)
    {
      if (role == MR_PTR_FREE)
	return name;
      std::string s (name, word);
      bool upper = ISUPPER (name[word]), all_upper = upper && ISUPPER (name[word + 1]);
      s += all_upper ? "FREE" : upper ? "Free" : "free";
      return s + (name + word + len);
    }
  tree rec = DECL_CONTEXT (decl);
  std::string tag;
  if (rec && TYPE_NAME (rec))
    {
      tree id = TYPE_NAME (rec);
      if (TREE_CODE (id) == TYPE_DECL)
	id = DECL_NAME (id);
      if (id && TREE_CODE (id) == IDENTIFIER_NODE)
	tag = std::string (IDENTIFIER_POINTER (id)) + ".";
    }
  if (role != MR_PTR_FREE && rec && RECORD_OR_UNION_TYPE_P (rec))
    for (tree f = TYPE_FIELDS (rec); f; f = DECL_CHAIN (f))
      {
	size_t w, l;
	if (TREE_CODE (f) == FIELD_DECL && DECL_NAME (f) && POINTER_TYPE_P (TREE_TYPE (f))
	    && mr_infer_pointer_name (IDENTIFIER_POINTER (DECL_NAME (f)), &w, &l) == MR_PTR_FREE
	    && pointer_role_arg (MR_PTR_FREE, TREE_TYPE (TREE_TYPE (f))) >= 0)
	  return tag + IDENTIFIER_POINTER (DECL_NAME (f));
      }
  return tag + name;
}

/* A call through a function pointer that names an allocator or a deallocator:
   a global variable listed in the knowledge base (libxml2's xmlFree, xmlMalloc) is
   that entry (its allocators with an uncertain family, see below); otherwise a
   global or a member whose name and type follow the rule of mr_infer_pointer_name
   (ctx->free (p), Curl_cfree (p) behind `#define free(p) Curl_cfree(p)`) is one
   with an uncertain family.  */
static bool
lower_pointer_call (lower_ctx *c, unsigned bb, gcall *s, uint32_t dst, mr_loc loc)
{
  tree decl = callee_pointer_decl (gimple_call_fn (s));
  if (!decl || !POINTER_TYPE_P (TREE_TYPE (decl)))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (decl));
  unsigned nargs = gimple_call_num_args (s);
  const mr_lib *lib = TREE_CODE (decl) != FIELD_DECL ? mr_lib_lookup (name) : NULL;
  mr_ptr_role role;
  int ai;
  uint16_t family;
  /* The allocators of the knowledge base reached through a pointer (xmlMalloc,
     xmlRealloc, xmlMemStrdup) are also the library's own internal allocator, whose
     memory flows through structures the engine does not follow: their family is
     taken as uncertain (double-free and use-after-free only).  The deallocator
     (xmlFree) is the entry itself.  */
  if (lib && (lib->kind == MR_LIB_ALLOC || lib->kind == MR_LIB_REALLOC))
    {
      role = lib->kind == MR_LIB_ALLOC ? MR_PTR_MALLOC : MR_PTR_REALLOC;
      ai = role == MR_PTR_REALLOC ? (int) lib->arg : 0;
      family = uncertain_family (lib->family);
    }
  else if (lib)
    return lower_library_call (c, bb, s, NULL_TREE, name, dst, loc);
  else
    {
      size_t word, len;
      role = mr_infer_pointer_name (name, &word, &len);
      if (role == MR_PTR_NONE)
	return false;
      ai = pointer_role_arg (role, TREE_TYPE (TREE_TYPE (decl)));
      family = ai < 0 ? (uint16_t) MR_FAM_NONE
	       : uncertain_family (pointer_family_name (decl, role, word, len).c_str ());
    }
  if (ai < 0 || (unsigned) ai >= nargs || family == MR_FAM_NONE)
    return false;
  const char *spelled = mr_func_strdup (c->f, name);
  if (role == MR_PTR_FREE)
    {
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, ai), loc);
      e->family = family;
      return true;
    }
  if (role == MR_PTR_REALLOC)
    {
      /* Whether it frees at size 0 is the implementation's business: the size is
	 taken as nonzero.  */
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_REALLOC, loc);
      e->dst = dst;
      e->a = lower_operand (c, bb, gimple_call_arg (s, ai), loc);
      e->b = mr_const (1);
      e->family = family;
      e->flags = MR_EVF_MAY_FAIL;
      e->via = spelled;
      return true;
    }
  mr_call *call = mr_func_new_call (c->f, spelled, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = lower_operand (c, bb, gimple_call_arg (s, i), loc);
  mr_event *ce = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  ce->call = call;
  if (!dst)
    return true;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = dst;
  e->family = family;
  e->a = mr_none ();
  e->flags = MR_EVF_MAY_FAIL;
  return true;
}

/* A function of the knowledge base that stores a new allocation through an
   argument: asprintf (&s, ...), getaddrinfo (..., &res), posix_memalign (&p, ...).
   The call runs first (it may write anything through its pointer arguments), then
   the location the argument points to holds fresh memory of the family.  Whether
   the call failed is told by its return value, which the engine does not tie to
   the memory: the allocation is marked escaped, so it is never reported leaked.  */
static bool
lower_library_out_call (lower_ctx *c, unsigned bb, gcall *s, const char *name, mr_loc loc)
{
  const mr_lib *lib = mr_lib_lookup (name);
  unsigned nargs = gimple_call_num_args (s);
  if (!lib || lib->kind != MR_LIB_OUT || lib->arg >= nargs)
    return false;
  tree where = gimple_call_arg (s, lib->arg);
  mr_call *call = mr_func_new_call (c->f, name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = lower_operand (c, bb, gimple_call_arg (s, i), loc);
  mr_event *ce = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  ce->call = call;
  tree lhs = gimple_call_lhs (s);
  if (lhs && TREE_CODE (lhs) == SSA_NAME)
    ce->dst = SSA_NAME_VERSION (lhs);
  mr_opnd at = lower_operand (c, bb, where, loc);
  if (at.kind != MR_OPND_VALUE && at.kind != MR_OPND_ADDR)
    return true;
  uint32_t mem = new_synthetic (c, where);
  mr_event *a = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  a->dst = mem;
  a->family = family_by_name (lib->family);
  a->a = mr_none ();
  mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
  esc->a = mr_value (mem);
  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
  st->a = at.kind == MR_OPND_ADDR ? mr_addr (at.id, 0) : at;
  st->off = at.kind == MR_OPND_ADDR ? at.num : 0;
  st->b = mr_value (mem);
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
static bool
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
  uint16_t family = family_by_name ("std::allocator::deallocate");
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

/* The deallocator of a prefix: the first of foo_free, foo_destroy, foo_unref,
   foo_release, foo_close that the translation unit mentions, or "".  */
static std::string
prefix_deallocator (const std::string &prefix)
{
  for (const char *const *sfx = mr_dealloc_suffixes; *sfx; sfx++)
    {
      std::string n = prefix + *sfx;
      if (maybe_get_identifier (n.c_str ()))
	return n;
    }
  return "";
}

/* Prefixes of the reference-taking functions (foo_ref, foo_retain ...) the function
   being lowered calls: their foo_unref/foo_free are not inferred there.  */
static function *ref_scan_fun;
static std::vector<std::string> ref_prefixes;

static bool
takes_reference_here (lower_ctx *c, const std::string &prefix)
{
  if (ref_scan_fun != c->fun)
    {
      ref_scan_fun = c->fun;
      ref_prefixes.clear ();
      basic_block bb;
      FOR_EACH_BB_FN (bb, c->fun)
	for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
	  {
	    gcall *call = dyn_cast<gcall *> (gsi_stmt (gsi));
	    tree fd = call ? gimple_call_fndecl (call) : NULL_TREE;
	    size_t plen;
	    if (fd && DECL_NAME (fd)
		&& mr_infer_takes_reference (IDENTIFIER_POINTER (DECL_NAME (fd)), &plen))
	      ref_prefixes.push_back (std::string (IDENTIFIER_POINTER (DECL_NAME (fd)), plen));
	  }
    }
  for (const std::string &p : ref_prefixes)
    if (p == prefix)
      return true;
  return false;
}

/* A pointer as it came, not an address computed into something (&s->buf, p + 8):
   `foo_free (&s->dyn)` may release what dyn holds, not the memory dyn is in.  */
static bool
plain_pointer_arg (tree arg)
{
  for (int depth = 0; depth < 4; depth++)
    {
      if (TREE_CODE (arg) != SSA_NAME)
	return false;
      if (SSA_NAME_IS_DEFAULT_DEF (arg))
	return true;
      gimple *def = SSA_NAME_DEF_STMT (arg);
      if (!is_gimple_assign (def))
	return true;
      enum tree_code code = gimple_assign_rhs_code (def);
      tree rhs = gimple_assign_rhs1 (def);
      if (code == POINTER_PLUS_EXPR || TREE_CODE (rhs) == ADDR_EXPR)
	return false;
      if (!(CONVERT_EXPR_CODE_P (code) || (gimple_assign_single_p (def)
					     && TREE_CODE (rhs) == SSA_NAME)))
	return true;
      arg = rhs;
    }
  return true;
}

/* infer=names: a function declared without a body here, named like a deallocator
   (foo_free (struct foo *), one pointer parameter that is not a pointer to a
   pointer) or an allocator (foo_new returning a pointer).  foo's deallocator is the
   first of its _free, _destroy, _unref, _release, _close that exists (so foo_close is
   not one when foo_free exists), and none is inferred in a function that takes a
   reference (foo_ref).  */
static bool
lower_named_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, const char *name,
		  uint32_t dst, mr_loc loc)
{
  size_t plen;
  mr_name_role role = mr_infer_function_name (name, &plen);
  /* A library's API belongs in the knowledge base: system headers declare
     pthread_mutex_destroy, which destroys without freeing.  */
  if (role == MR_ROLE_NONE || DECL_IN_SYSTEM_HEADER (fndecl))
    return false;
  tree fntype = TREE_TYPE (fndecl);
  tree p[4];
  int n = proto_params (fntype, p);
  tree ret = TREE_TYPE (fntype);
  std::string prefix (name, plen);
  unsigned nargs = gimple_call_num_args (s);
  if (role == MR_ROLE_DEALLOC)
    {
      if (n != 1 || nargs != 1 || !data_pointer_type_p (p[0])
	  || POINTER_TYPE_P (TREE_TYPE (p[0]))
	  || (!VOID_TYPE_P (ret) && !INTEGRAL_TYPE_P (ret))
	  || prefix_deallocator (prefix) != name || takes_reference_here (c, prefix)
	  || !plain_pointer_arg (gimple_call_arg (s, 0)))
	return false;
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
      e->family = uncertain_family (name);
      return e->family != MR_FAM_NONE;
    }
  if (!dst || n < 0 || !data_pointer_type_p (ret))
    return false;
  std::string dealloc = prefix_deallocator (prefix);
  uint16_t family = uncertain_family (dealloc.empty () ? name : dealloc.c_str ());
  if (family == MR_FAM_NONE)
    return false;
  mr_call *call = mr_func_new_call (c->f, name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = lower_operand (c, bb, gimple_call_arg (s, i), loc);
  mr_event *ce = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  ce->call = call;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = dst;
  e->family = family;
  e->a = mr_none ();
  e->flags = MR_EVF_MAY_FAIL;
  return true;
}

static void
lower_call (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc)
{
  if (gimple_call_internal_p (s))
    return;
  tree fndecl = gimple_call_fndecl (s);
  unsigned nargs = gimple_call_num_args (s);
  tree lhs = gimple_call_lhs (s);

  /* Aggregates passed by value are read.  */
  for (unsigned i = 0; i < nargs; i++)
    lower_deref (c, bb, gimple_call_arg (s, i), false, loc);

  if (fndecl && c->cxx && lower_temporary_buffer (c, bb, s, fndecl, loc))
    return;
  if (fndecl && lower_cxx_operator (c, bb, s, fndecl, loc))
    return;
  if (fndecl && c->cxx && lower_std_allocator_call (c, bb, s, fndecl, loc))
    return;

  const char *name = callee_name (fndecl);
  const mr_known *k = mr_known_lookup (name);
  uint32_t dst = 0;
  if (lhs && TREE_CODE (lhs) == SSA_NAME)
    dst = SSA_NAME_VERSION (lhs);

  if (k && (k->kind == MR_KNOWN_ALLOC || k->kind == MR_KNOWN_FREE
	    || k->kind == MR_KNOWN_REALLOC))
    {
      if (k->kind == MR_KNOWN_FREE)
	{
	  if (nargs < 1)
	    return;
	  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
	  e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
	  e->family = k->family;
	  if (sensitive_name_p (gimple_call_arg (s, 0)))
	    e->flags |= MR_EVF_SENSITIVE;
	  return;
	}
      /* strdup reads its argument.  */
      for (unsigned i = 0; i < nargs && i < 32; i++)
	if (k->deref_mask & (1u << i))
	  {
	    mr_event *d = mr_block_add_event (c->f, bb, MR_EV_DEREF, loc);
	    d->a = lower_operand (c, bb, gimple_call_arg (s, i), loc);
	  }
      if (k->kind == MR_KNOWN_REALLOC && nargs >= 2)
	{
	  mr_size *size = describe_size (c, bb, gimple_call_arg (s, 1), loc);
	  if (!size)
	    size = describe_sum (c, bb, gimple_call_arg (s, 1), loc);
	  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_REALLOC, loc);
	  e->dst = dst;
	  e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
	  e->b = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
	  e->family = MR_FAM_MALLOC;
	  e->flags = MR_EVF_MAY_FAIL | (realloc_overwrites_arg (s, 0) ? MR_EVF_SAME_VAR : 0)
		     | (size_is_input (gimple_call_arg (s, 1), 0) ? MR_EVF_SIZE_INPUT : 0)
		     | (sensitive_name_p (gimple_call_arg (s, 0)) ? MR_EVF_SENSITIVE : 0);
	  e->size = size;
	  if (size)
	    size->allocator = "realloc";
	  return;
	}
      /* FLAGS / 16 - 1 is the size argument (known.def).  */
      unsigned size_arg = (unsigned) (k->flags >> 4) - 1;
      mr_size *size = size_arg < nargs
		      ? describe_size (c, bb, gimple_call_arg (s, size_arg), loc) : NULL;
      if (!size && size_arg < nargs)
	size = describe_sum (c, bb, gimple_call_arg (s, size_arg), loc);
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
      e->dst = dst;
      e->family = k->family;
      e->a = size_arg < nargs ? lower_operand (c, bb, gimple_call_arg (s, size_arg), loc)
			      : mr_none ();
      e->flags = ((k->flags & 1) ? MR_EVF_MAY_FAIL : 0) | ((k->flags & 2) ? MR_EVF_UNINIT : 0);
      if (size_arg < nargs && size_is_input (gimple_call_arg (s, size_arg), 0))
	e->flags |= MR_EVF_SIZE_INPUT;
      e->size = size;
      if (size)
	size->allocator = k->name;
      return;
    }

  /* The knowledge base describes libraries as their users call them; the library's
     own translation units (a body here) are analysed as code.  */
  bool has_body = fndecl && cgraph_node::get (fndecl)
		  && cgraph_node::get (fndecl)->definition
		  && (!mr_unit_view || mr_unit_view (defined_decl (fndecl)));
  if (!k && !has_body && lower_library_out_call (c, bb, s, name, loc))
    return;
  if (!k && !has_body && lower_library_call (c, bb, s, fndecl, name, dst, loc))
    return;
  if (!k && fndecl && lower_user_allocator (c, bb, s, fndecl, dst, loc))
    return;
  if (!k && fndecl && mr_opts.infer >= MR_INFER_BODIES
      && lower_summarized_call (c, bb, s, fndecl, dst, loc))
    return;
  if (!fndecl && lower_pointer_call (c, bb, s, dst, loc))
    return;
  if (!k && fndecl && !has_body && mr_opts.infer >= MR_INFER_NAMES
      && lower_named_call (c, bb, s, fndecl, name, dst, loc))
    return;
  /* A function of this translation unit not analysed yet, though the pass runs on
     callees first: a recursive call.  Its caller is analysed again once the whole
     cycle has summaries (plugin.cc).  */
  if (!k && has_body && gimple_has_body_p (fndecl) && mr_function_analysed (fndecl))
    c->out->recursive = true;

  if (fndecl && c->cxx && lower_smart_pointer_call (c, bb, s, fndecl, loc))
    return;

  mr_call *call = mr_func_new_call (c->f, name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = lower_operand (c, bb, gimple_call_arg (s, i), loc);
  int flags = gimple_call_flags (s);
  call->noreturn = (flags & ECF_NORETURN) != 0
		   || (fndecl && (mr_never_returns (fndecl) || declared_noreturn (fndecl)));
  if (fndecl && !k)
    apply_param_attributes (fndecl, call);
  /* __attribute__ ((alloc_size (i))): a user allocator's size is checked for
     overflow like malloc's, whatever the memory is (pool memory: no leak claims).  */
  mr_size *size = NULL;
  bool size_input = false;
  if (fndecl && !k)
    if (tree as = lookup_attribute ("alloc_size", TYPE_ATTRIBUTES (TREE_TYPE (fndecl))))
      if (TREE_VALUE (as) && tree_fits_uhwi_p (TREE_VALUE (TREE_VALUE (as))))
	{
	  unsigned i = tree_to_uhwi (TREE_VALUE (TREE_VALUE (as))) - 1;
	  if (i < nargs)
	    {
	      size = describe_size (c, bb, gimple_call_arg (s, i), loc);
	      size_input = size && size_is_input (gimple_call_arg (s, i), 0);
	      if (size)
		size->allocator = name;
	    }
	}
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  e->call = call;
  e->dst = dst;
  e->size = size;
  /* memcpy (d, s, n) returns d: its result is a copy of the argument (made after
     the call, below).  */
  unsigned ret_arg = k && k->kind == MR_KNOWN_USE ? (unsigned) (k->flags >> 4) - 1 : ~0u;
  if (ret_arg >= nargs || !copyable_arg (call->args[ret_arg]))
    ret_arg = ~0u;
  if (ret_arg < nargs)
    e->dst = 0;
  if (size_input)
    e->flags |= MR_EVF_SIZE_INPUT;
  if (k)
    {
      call->deref_mask = k->deref_mask;
      call->write_mask = k->write_mask;
      e->flags |= MR_EVF_NO_CLOBBER;
      if (k->kind == MR_KNOWN_USE && (k->flags & 1))
	e->flags |= MR_EVF_CLEARS;
      if (k->kind == MR_KNOWN_USE && (k->flags & 2))
	e->flags |= MR_EVF_UNSIZED;
      if (k->kind == MR_KNOWN_PRINTF && (unsigned) k->flags < nargs)
	{
	  const char *fmt = literal_string (gimple_call_arg (s, k->flags));
	  if (fmt)
	    call->deref_mask |= mr_printf_deref_mask (fmt, k->flags + 1);
	}
    }
  else if (flags & (ECF_CONST | ECF_PURE))
    e->flags |= MR_EVF_NO_CLOBBER;
  /* (e is not valid once another event is added to the block.)  */
  if (dst && ret_arg < nargs)
    lower_returned_arg (c, bb, dst, call->args[ret_arg], (k->flags & 4) ? MR_OFF_UNKNOWN : 0,
			loc);

  /* A call whose result lands in memory: store an unknown value there.  An
     aggregate (a struct returned by value, `*p = mk ()`, or a C++ object built in
     place, `s = Work (i)`) is all new: the store replaces what the state knew of
     the memory it writes (MR_EVF_AGGREGATE), so the object of the next iteration
     of a loop is not the one destroyed at the end of this one.  */
  if (lhs && TREE_CODE (lhs) != SSA_NAME && is_memory_ref (lhs))
    {
      lower_deref (c, bb, lhs, true, loc);
      mr_opnd base;
      int64_t off;
      if (decompose_ref (c, lhs, &base, &off))
	{
	  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
	  st->a = base;
	  st->off = off;
	  st->b = mr_unknown ();
	  st->flags = MR_EVF_WRITE | (is_pointerish (lhs) ? MR_EVF_POINTER : 0);
	  if (!is_gimple_reg_type (TREE_TYPE (lhs)))
	    st->flags |= MR_EVF_AGGREGATE;
	}
    }
}

static mr_cmp
cmp_of (enum tree_code code, bool *ok)
{
  *ok = true;
  switch (code)
    {
    case EQ_EXPR: return MR_CMP_EQ;
    case NE_EXPR: return MR_CMP_NE;
    case LT_EXPR: return MR_CMP_LT;
    case LE_EXPR: return MR_CMP_LE;
    case GT_EXPR: return MR_CMP_GT;
    case GE_EXPR: return MR_CMP_GE;
    default: *ok = false; return MR_CMP_EQ;
    }
}


/* Looks through the boolean temporaries the front ends make for conditions, so the
   engine sees the tested variable:  `_1 = c ^ 1; if (_1 != 0)` (C++ `if (!c)`)
   becomes `if (c == 0)`, and `_2 = p == 0B; if (_2 != 0)` becomes `if (p == 0B)`.  */
static void
simplify_cond (tree *lhs, tree *rhs, mr_cmp *op)
{
  for (int depth = 0; depth < 4; depth++)
    {
      if (TREE_CODE (*lhs) != SSA_NAME || !integer_zerop (*rhs)
	  || (*op != MR_CMP_EQ && *op != MR_CMP_NE))
	return;
      gimple *def = SSA_NAME_DEF_STMT (*lhs);
      if (!is_gimple_assign (def))
	return;
      enum tree_code code = gimple_assign_rhs_code (def);
      tree a = gimple_assign_rhs1 (def);
      bool boolean = TREE_CODE (TREE_TYPE (*lhs)) == BOOLEAN_TYPE;
      if (boolean && (code == TRUTH_NOT_EXPR || code == BIT_NOT_EXPR
		      || (code == BIT_XOR_EXPR && integer_onep (gimple_assign_rhs2 (def)))))
	{
	  *lhs = a;
	  *op = mr_cmp_negate (*op);
	  continue;
	}
      /* (int) b == 0 is b == 0 when the conversion keeps the value.  */
      if (CONVERT_EXPR_CODE_P (code) && INTEGRAL_TYPE_P (TREE_TYPE (a))
	  && INTEGRAL_TYPE_P (TREE_TYPE (*lhs))
	  && TYPE_PRECISION (TREE_TYPE (a)) <= TYPE_PRECISION (TREE_TYPE (*lhs)))
	{
	  *lhs = a;
	  *rhs = build_zero_cst (TREE_TYPE (a));
	  continue;
	}
      if (TREE_CODE_CLASS (code) == tcc_comparison)
	{
	  bool ok;
	  mr_cmp inner = cmp_of (code, &ok);
	  if (!ok)
	    return;
	  *lhs = a;
	  *rhs = gimple_assign_rhs2 (def);
	  *op = *op == MR_CMP_NE ? inner : mr_cmp_negate (inner);
	  continue;
	}
      return;
    }
}

static bool
unsigned_operand (tree t)
{
  return TYPE_UNSIGNED (TREE_TYPE (t)) || POINTER_TYPE_P (TREE_TYPE (t));
}

/* `_3 = _1 | _2; if (_3 != 0)` with _1 and _2 comparisons: the non-short-circuit
   form GCC gives `a == NULL || b == NULL` when evaluating both sides is cheap.  */
static bool
lower_combined_cond (lower_ctx *c, unsigned bb, tree lhs, tree rhs, mr_cmp op)
{
  if (TREE_CODE (lhs) != SSA_NAME || !integer_zerop (rhs)
      || (op != MR_CMP_NE && op != MR_CMP_EQ)
      || TREE_CODE (TREE_TYPE (lhs)) != BOOLEAN_TYPE)
    return false;
  gimple *def = SSA_NAME_DEF_STMT (lhs);
  if (!is_gimple_assign (def))
    return false;
  enum tree_code code = gimple_assign_rhs_code (def);
  if (code != BIT_IOR_EXPR && code != BIT_AND_EXPR)
    return false;
  tree l[2], r[2];
  mr_cmp o[2];
  for (int i = 0; i < 2; i++)
    {
      l[i] = i ? gimple_assign_rhs2 (def) : gimple_assign_rhs1 (def);
      r[i] = build_zero_cst (TREE_TYPE (l[i]));
      o[i] = MR_CMP_NE;
      simplify_cond (&l[i], &r[i], &o[i]);
    }
  /* (x | y) == 0 is !x && !y: an OR taken on its false edge; swap the edges by
     negating both comparisons and the combination (De Morgan).  */
  mr_term *t = &c->f->blocks[bb].term;
  bool is_or = code == BIT_IOR_EXPR;
  if (op == MR_CMP_EQ)
    {
      is_or = !is_or;
      o[0] = mr_cmp_negate (o[0]);
      o[1] = mr_cmp_negate (o[1]);
    }
  t->kind = MR_TERM_COND;
  t->combine = is_or ? MR_COMBINE_OR : MR_COMBINE_AND;
  t->op = o[0];
  t->op2 = o[1];
  t->is_unsigned = unsigned_operand (l[0]);
  t->is_unsigned2 = unsigned_operand (l[1]);
  t->lhs = lower_operand (c, bb, l[0], c->last_loc);
  t->rhs = lower_operand (c, bb, r[0], c->last_loc);
  t->lhs2 = lower_operand (c, bb, l[1], c->last_loc);
  t->rhs2 = lower_operand (c, bb, r[1], c->last_loc);
  return true;
}

/* A range test, `x + C <= K` in an unsigned type (what GCC folds `x == 0 || x >
   99` into at -O1 and above: `x - 1 > 98`): x in [-C, K - C], as two comparisons
   on x itself, an AND for the inside, an OR for the outside.  x may be a signed
   value converted to the unsigned type when the range is within its positive
   values.  */
static bool
lower_range_test (lower_ctx *c, unsigned bb, tree lhs, tree rhs, mr_cmp op)
{
  if (TREE_CODE (lhs) != SSA_NAME || TREE_CODE (rhs) != INTEGER_CST
      || !INTEGRAL_TYPE_P (TREE_TYPE (lhs)) || !TYPE_UNSIGNED (TREE_TYPE (lhs))
      || TYPE_PRECISION (TREE_TYPE (lhs)) > 64 || op == MR_CMP_EQ || op == MR_CMP_NE)
    return false;
  gassign *add = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (lhs));
  if (!add || gimple_assign_rhs_code (add) != PLUS_EXPR
      || TREE_CODE (gimple_assign_rhs2 (add)) != INTEGER_CST
      || TREE_CODE (gimple_assign_rhs1 (add)) != SSA_NAME)
    return false;
  unsigned prec = TYPE_PRECISION (TREE_TYPE (lhs));
  mr_i128 mod = (mr_i128) 1 << prec;
  mr_i128 k = (mr_i128) wi::to_wide (rhs).to_uhwi ();
  mr_i128 add_c = (mr_i128) wi::to_wide (gimple_assign_rhs2 (add)).to_uhwi ();
  /* The inside: lhs <= k.  */
  bool inside_true = op == MR_CMP_LT || op == MR_CMP_LE;
  if (op == MR_CMP_LT || op == MR_CMP_GE)
    k--;
  if (k < 0)
    return false;
  mr_i128 lo = (mod - add_c) % mod, hi = (k - add_c + mod) % mod;
  if (lo > hi)
    return false;		/* the inside wraps around: one test is not enough */
  tree x = gimple_assign_rhs1 (add);
  gassign *conv = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (x));
  if (conv && CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (conv))
      && TREE_CODE (gimple_assign_rhs1 (conv)) == SSA_NAME
      && INTEGRAL_TYPE_P (TREE_TYPE (gimple_assign_rhs1 (conv)))
      && TYPE_PRECISION (TREE_TYPE (gimple_assign_rhs1 (conv))) == prec
      && hi < ((mr_i128) 1 << (prec - 1)))
    x = gimple_assign_rhs1 (conv);	/* (unsigned) n: the same values here */
  if (hi > INT64_MAX)
    return false;
  mr_term *t = &c->f->blocks[bb].term;
  t->kind = MR_TERM_COND;
  t->combine = inside_true ? MR_COMBINE_AND : MR_COMBINE_OR;
  t->op = inside_true ? MR_CMP_GE : MR_CMP_LT;
  t->op2 = inside_true ? MR_CMP_LE : MR_CMP_GT;
  t->is_unsigned = t->is_unsigned2 = TYPE_UNSIGNED (TREE_TYPE (x));
  t->lhs = t->lhs2 = lower_operand (c, bb, x, c->last_loc);
  t->rhs = mr_const ((int64_t) lo);
  t->rhs2 = mr_const ((int64_t) hi);
  return true;
}

static void
lower_cond (lower_ctx *c, unsigned bb, gcond *s)
{
  bool ok;
  mr_cmp op = cmp_of (gimple_cond_code (s), &ok);
  if (!ok)
    return;
  tree lhs = gimple_cond_lhs (s), rhs = gimple_cond_rhs (s);
  if (lower_combined_cond (c, bb, lhs, rhs, op) || lower_range_test (c, bb, lhs, rhs, op))
    return;
  simplify_cond (&lhs, &rhs, &op);
  /* A flag the front end sets to a constant before testing it: g++ 13 and later
     guard the cleanup of a new-expression (`operator delete` of the memory if the
     constructor throws) with `_9 = 0; if (_9 != 0)` on the normal path too, where
     g++ 12 had an EH-only cleanup.  A comparison of two constants decides the
     branch (refine_cmp).  */
  lhs = fold_constant (lhs, true);
  rhs = fold_constant (rhs, true);
  mr_term *t = &c->f->blocks[bb].term;
  t->kind = MR_TERM_COND;
  t->op = op;
  t->is_unsigned = unsigned_operand (lhs);
  t->lhs = lower_operand (c, bb, lhs, c->last_loc);
  t->rhs = lower_operand (c, bb, rhs, c->last_loc);
}

static void
lower_switch (lower_ctx *c, unsigned bb, gswitch *s)
{
  mr_term *t = &c->f->blocks[bb].term;
  tree index = gimple_switch_index (s);
  t->kind = MR_TERM_SWITCH;
  t->is_unsigned = TYPE_UNSIGNED (TREE_TYPE (index));
  t->lhs = lower_operand (c, bb, index, c->last_loc);
}

/* Edge kinds of a switch: an edge reached by exactly one case label carries its
   range (or is the default edge); an edge shared by several labels stays plain.  */
static void
classify_switch_edges (lower_ctx *c, basic_block bb, gswitch *s, const vec<edge> &map)
{
  mr_block *mb = &c->f->blocks[bb->index];
  auto_vec<tree> only_label;
  auto_vec<unsigned> count;
  only_label.safe_grow_cleared (mb->nsuccs);
  count.safe_grow_cleared (mb->nsuccs);
  for (unsigned i = 0; i < gimple_switch_num_labels (s); i++)
    {
      tree label = gimple_switch_label (s, i);
      basic_block dest = label_to_block (c->fun, CASE_LABEL (label));
      for (unsigned k = 0; k < mb->nsuccs; k++)
	if (map[mb->succs[k]]->dest == dest)
	  {
	    count[k]++;
	    only_label[k] = label;
	  }
    }
  for (unsigned k = 0; k < mb->nsuccs; k++)
    {
      if (count[k] != 1)
	continue;
      mr_edge *me = &c->f->edges[mb->succs[k]];
      tree lo = CASE_LOW (only_label[k]);
      tree hi = CASE_HIGH (only_label[k]) ? CASE_HIGH (only_label[k]) : lo;
      if (!lo)
	me->kind = MR_EDGE_DEFAULT;
      else if (tree_fits_shwi_p (lo) && tree_fits_shwi_p (hi))
	{
	  me->kind = MR_EDGE_CASE;
	  me->case_lo = tree_to_shwi (lo);
	  me->case_hi = tree_to_shwi (hi);
	}
    }
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
static bool
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
static mr_opnd
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
static void
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

/* Lowers statement s, whose location is `where` (see lower_block).  */
static void
lower_stmt (lower_ctx *c, unsigned bb, gimple *s, location_t where)
{
  mr_loc loc = make_loc (c, where);
  switch (gimple_code (s))
    {
    case GIMPLE_ASSIGN:
      lower_assign (c, bb, as_a<gassign *> (s), loc);
      break;
    case GIMPLE_CALL:
      lower_call (c, bb, as_a<gcall *> (s), loc);
      break;
    case GIMPLE_RETURN:
      {
	/* Every return: leaks are judged there.  An aggregate returned by value
	   keeps what its fields hold.  */
	tree r = gimple_return_retval (as_a<greturn *> (s));
	if (gimple_location (s) == UNKNOWN_LOCATION)
	  loc = make_loc (c, c->fun->function_end_locus);
	mr_event *e = mr_block_add_event (c->f, bb, MR_EV_RETURN, loc);
	if (r && DECL_P (r))
	  e->a = mr_addr (decl_index (c, r), 0);
	else if (r)
	  e->a = lower_operand (c, bb, r, loc);
	break;
      }
    case GIMPLE_COND:
      lower_cond (c, bb, as_a<gcond *> (s));
      break;
    case GIMPLE_SWITCH:
      lower_switch (c, bb, as_a<gswitch *> (s));
      break;
    case GIMPLE_ASM:
      {
	/* Whatever an asm touches is out of sight.  */
	gasm *a = as_a<gasm *> (s);
	for (unsigned i = 0; i < gimple_asm_ninputs (a); i++)
	  {
	    tree op = TREE_VALUE (gimple_asm_input_op (a, i));
	    if (TREE_CODE (op) == SSA_NAME && is_pointerish (op))
	      {
		mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
		e->a = mr_value (SSA_NAME_VERSION (op));
	      }
	  }
	break;
      }
    default:
      break;
    }
}

/* The last statement of bb that has a source location of its own, or NULL.
   Clobbers (a scope's end), labels and predictions do not count.  */
static gimple *
last_located_stmt (basic_block bb)
{
  for (gimple_stmt_iterator gsi = gsi_last_bb (bb); !gsi_end_p (gsi); gsi_prev (&gsi))
    {
      gimple *g = gsi_stmt (gsi);
      if (is_gimple_debug (g) || gimple_clobber_p (g) || gimple_code (g) == GIMPLE_LABEL
	  || gimple_code (g) == GIMPLE_PREDICT || gimple_location (g) == UNKNOWN_LOCATION)
	continue;
      return g;
    }
  return NULL;
}

/* Lowers the statements of bb.  A statement the compiler made without a location
   of its own (gcc 11 expands a small memcpy into a load and a store with none)
   belongs to the next statement that has one, not to the previous: one backward
   walk finds those first.  */
static void
lower_block_stmts (lower_ctx *c, basic_block bb)
{
  unsigned thrower = c->thrower_block[bb->index];
  gimple *throwing = thrower ? mr_last_stmt (bb) : NULL;
  auto_vec<gimple *> stmts;
  for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
    stmts.safe_push (gsi_stmt (gsi));
  auto_vec<location_t> where;
  where.safe_grow_cleared (stmts.length ());
  location_t next = UNKNOWN_LOCATION;
  for (unsigned i = stmts.length (); i-- > 0;)
    {
      gimple *g = stmts[i];
      location_t own = gimple_location (g);
      /* A return keeps its own (possibly unknown) location: see lower_stmt.  */
      where[i] = own != UNKNOWN_LOCATION || gimple_code (g) == GIMPLE_RETURN ? own : next;
      if (own != UNKNOWN_LOCATION && !is_gimple_debug (g))
	next = own;
    }
  for (unsigned i = 0; i < stmts.length (); i++)
    lower_stmt (c, stmts[i] == throwing ? thrower : bb->index, stmts[i], where[i]);
}

/* Where the source leaves along edge e into a shared return block: at -O0 each
   `return x;` is `_5 = x;` then a jump to the one return statement, so the last
   located statement before the jump is the user's return.  Falling off the end of
   a void function leaves at its closing brace.  A conditional jump (`goto fail;`)
   leaves at the return statement itself: an empty location says so.  */
static mr_loc
edge_location (lower_ctx *c, edge e)
{
  gimple *ret = mr_last_stmt (e->dest);
  if (ret && gimple_code (ret) == GIMPLE_RETURN && !gimple_return_retval (as_a<greturn *> (ret)))
    return make_loc (c, c->fun->function_end_locus);
  basic_block from = e->src;
  for (int hops = 0; hops < 3 && from->index != ENTRY_BLOCK; hops++)
    {
      if (gimple *g = last_located_stmt (from))
	{
	  if (gimple_code (g) == GIMPLE_COND || gimple_code (g) == GIMPLE_SWITCH)
	    return mr_loc {};
	  return make_loc (c, gimple_location (g));
	}
      if (!single_pred_p (from))
	break;
      from = single_pred (from);
    }
  return mr_loc {};
}

/* The summaries of the functions analysed so far in this translation unit (at an
   -flto link: in the whole program, and as their own units saw them, mr_unit_view),
   and the functions seen to never return (every path ends in exit, abort or another
   such call: GCC's CFG gives their exit block no predecessors).  The pass sees
   callees before callers, so `static void out_of_memory (void) { ...; abort (); }`
   is known when its callers are lowered, declared noreturn or not.  Kept by the
   core (summaries.h) under the decl's address.  */
static mr_summaries *summary_store;

bool (*mr_unit_view) (tree fndecl);

static uint64_t
decl_id (tree fndecl)
{
  return (uint64_t) (uintptr_t) fndecl;
}

static mr_summaries *
store (void)
{
  if (!summary_store)
    summary_store = mr_summaries_new ();
  return summary_store;
}

bool
mr_record_summary (tree fndecl, const mr_summary *sum)
{
  return mr_summaries_record (store (), mr_unit_view ? MR_VIEW_UNIT : MR_VIEW_WHOLE,
			      decl_id (fndecl), sum);
}

void
mr_record_unit_summary (tree fndecl, const mr_summary *sum)
{
  mr_summaries_record (store (), MR_VIEW_UNIT, decl_id (fndecl), sum);
}

/* A call may name an alias of the function defined: C++'s complete-object
   constructors and destructors are aliases of the base ones, which have the body,
   and at an -flto link any alias may be called.  The summaries are recorded under
   the definition's decl.  */
static tree
defined_decl (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  return node ? node->ultimate_alias_target ()->decl : fndecl;
}

static const mr_summary *
summary_of (tree fndecl)
{
  if (!fndecl)
    return NULL;
  fndecl = defined_decl (fndecl);
  if (!mr_unit_view)
    return mr_summaries_get (store (), MR_VIEW_WHOLE, decl_id (fndecl));
  if (!mr_unit_view (fndecl))
    return NULL;
  return mr_summaries_get (store (), MR_VIEW_UNIT, decl_id (fndecl));
}

static void
note_never_returns (tree fndecl)
{
  mr_summaries_set_never_returns (store (), decl_id (fndecl));
}

bool
mr_never_returns (tree fndecl)
{
  if (!fndecl)
    return false;
  fndecl = defined_decl (fndecl);
  if (mr_unit_view && !mr_unit_view (fndecl))
    return false;
  return mr_summaries_never_returns (store (), decl_id (fndecl));
}

bool
mr_unit_view_differs (tree fndecl, bool same_unit)
{
  if (same_unit)
    return mr_summaries_views_differ (store (), decl_id (fndecl));
  /* From another unit the callee was a declaration: an unknown call, or a
     function of the knowledge base.  */
  return mr_summaries_get (store (), MR_VIEW_WHOLE, decl_id (fndecl))
	 || mr_summaries_never_returns (store (), decl_id (fndecl))
	 || mr_lib_lookup (callee_name (fndecl));
}

bool
mr_function_analysed (tree fndecl)
{
  location_t where = DECL_SOURCE_LOCATION (fndecl);
  return !in_system_header_at (where) && !mr_file_excluded (expand_location (where).file);
}

/* C++ code: the front end's language, or at an -flto link (lto1 has none) the
   language of the translation unit the function comes from.  */
static bool
function_is_cxx (function *fun)
{
  if (!in_lto_p)
    return lang_GNU_CXX ();
  const_tree tu = get_ultimate_context (fun->decl);
  return tu && TREE_CODE (tu) == TRANSLATION_UNIT_DECL && TRANSLATION_UNIT_LANGUAGE (tu)
	 && strncmp (TRANSLATION_UNIT_LANGUAGE (tu), "GNU C++", 7) == 0;
}

void
mr_lower (function *fun, mr_lowered *out)
{
  if (EDGE_COUNT (EXIT_BLOCK_PTR_FOR_FN (fun)->preds) == 0)
    note_never_returns (fun->decl);
  lower_ctx c = {};
  c.fun = fun;
  c.cxx = function_is_cxx (fun);
  c.out = out;
  out->fun = fun;
  out->num_ssa = num_ssa_names;
  out->synth = vNULL;
  c.next_value = num_ssa_names;
  unsigned nblocks = last_basic_block_for_fn (fun);
  /* Blocks ending in a throwing statement get a second block for it.  */
  auto_vec<unsigned> thrower_block;
  thrower_block.safe_grow_cleared (nblocks);
  c.thrower_block = thrower_block.address ();
  unsigned nthrowers = 0;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    if (ends_in_thrower (bb))
      thrower_block[bb->index] = nblocks + nthrowers++;
  const char *name = function_name (fun);
  c.f = mr_func_new (name, nblocks + nthrowers, num_ssa_names);
  out->func = c.f;
  c.f->entry = ENTRY_BLOCK;
  c.f->is_main = DECL_NAME (fun->decl) && MAIN_NAME_P (DECL_NAME (fun->decl));
  /* Pointer parameters, for the function's summary.  */
  unsigned pi = 0;
  for (tree parm = DECL_ARGUMENTS (fun->decl); parm && pi < 32; parm = DECL_CHAIN (parm), pi++)
    {
      tree def = POINTER_TYPE_P (TREE_TYPE (parm)) ? ssa_default_def (fun, parm) : NULL_TREE;
      c.f->params[pi] = def ? SSA_NAME_VERSION (def) : 0;
    }
  c.f->nparams = pi;
  c.last_loc = { (uint64_t) DECL_SOURCE_LOCATION (fun->decl), NULL, 0, 0 };
  make_loc (&c, DECL_SOURCE_LOCATION (fun->decl));

  /* Edges first: PHI arguments are numbered by incoming edge.  map: the GCC edge
     of each edge (NULL for the edge into a throwing statement's block).  */
  auto_vec<edge> map;
  FOR_ALL_BB_FN (bb, fun)
    {
      unsigned thrower = bb->index < (int) nblocks ? thrower_block[bb->index] : 0;
      if (thrower)
	{
	  mr_func_add_edge (c.f, bb->index, thrower, MR_EDGE_PLAIN);
	  map.safe_push (NULL);
	}
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, bb->succs)
	{
	  mr_edge_kind kind = MR_EDGE_PLAIN;
	  if (e->flags & EDGE_TRUE_VALUE)
	    kind = MR_EDGE_TRUE;
	  else if (e->flags & EDGE_FALSE_VALUE)
	    kind = MR_EDGE_FALSE;
	  if (e->flags & EDGE_EH)
	    c.exc = 1;		/* a value is made for it below */
	  unsigned src = thrower && !(e->flags & EDGE_EH) ? thrower : bb->index;
	  uint32_t ei = mr_func_add_edge (c.f, src, e->dest->index, kind);
	  c.f->edges[ei].loc = edge_location (&c, e);
	  map.safe_push (e);
	}
    }
  if (c.exc)
    c.exc = new_synthetic (&c, NULL_TREE);

  FOR_EACH_BB_FN (bb, fun)
    {
      unsigned b = bb->index;
      mr_block *mb = &c.f->blocks[b];
      for (gphi_iterator pi = gsi_start_phis (bb); !gsi_end_p (pi); gsi_next (&pi))
	{
	  gphi *phi = pi.phi ();
	  tree res = gimple_phi_result (phi);
	  if (virtual_operand_p (res))
	    continue;
	  bool ptr = is_pointerish (res);
	  if (!ptr && !INTEGRAL_TYPE_P (TREE_TYPE (res)))
	    continue;
	  mr_phi *p = mr_block_add_phi (c.f, b, SSA_NAME_VERSION (res), ptr);
	  for (unsigned k = 0; k < mb->npreds; k++)
	    {
	      edge e = map[mb->preds[k]];
	      p->args[k] = lower_phi_arg (&c, gimple_phi_arg_def (phi, e->dest_idx));
	    }
	}
      if (c.exc && bb_has_eh_pred (bb))
	{
	  mr_phi *p = mr_block_add_phi (c.f, b, c.exc, false);
	  for (unsigned k = 0; k < mb->npreds; k++)
	    p->args[k] = exception_along (&c, map[mb->preds[k]]);
	}
      lower_block_stmts (&c, bb);
      gimple *last = mr_last_stmt (bb);
      if (last && gimple_code (last) == GIMPLE_SWITCH)
	classify_switch_edges (&c, bb, as_a<gswitch *> (last), map);
      else if (last && gimple_code (last) == GIMPLE_EH_DISPATCH)
	lower_eh_dispatch (&c, b, as_a<geh_dispatch *> (last), map);
    }
  c.f->nvalues = c.next_value;
  /* Versions of one user variable, for "the last reference is lost" when the
     variable is overwritten.  */
  for (unsigned v = 1; v < num_ssa_names; v++)
    {
      tree name = ssa_name (v);
      tree var = name ? SSA_NAME_VAR (name) : NULL_TREE;
      if (var && DECL_P (var) && DECL_NAME (var) && !DECL_IGNORED_P (var)
	  && !DECL_ARTIFICIAL (var))
	mr_func_set_value_var (c.f, v, DECL_UID (var) + 1);
    }
}

void
mr_lowered_release (mr_lowered *l)
{
  mr_func_free (l->func);
  l->func = NULL;
  l->synth.release ();
}

tree
mr_lowered_value_tree (const mr_lowered *l, uint32_t value)
{
  if (value == 0)
    return NULL_TREE;
  if (value < l->num_ssa)
    return ssa_name (value);
  unsigned i = value - l->num_ssa;
  return i < l->synth.length () ? l->synth[i] : NULL_TREE;
}
