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

#include "lower-int.h"
#include "lower-input.h"
#include "../core/summaries.h"

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
  uint32_t before = c->f->ndecls;
  uint32_t index = mr_func_decl (c->f, name, kind, uid);
  if (kind == MR_DECL_STATIC && c->f->ndecls > before)
    classify_static (decl, c->fun ? c->fun->decl : NULL_TREE, &c->f->decls[index]);
  return index;
}

/* A class returned by value whose destructor or copy constructor is not trivial
   is built in the caller's object: the function gets its address as a hidden
   pointer, the RESULT_DECL marked DECL_BY_REFERENCE, whose default definition
   (`<retval>_2(D)`, or `h_3(D)` when the named return value optimisation made a
   local h stand for it) the body writes through and returns.  That pointer is
   lowered as the address of the result itself, as C's `<retval>` returned in
   memory: what the function leaves there is what it returns, an out-store into
   its result (summarize-out.c, MR_OUT_RESULT) that the caller applies to the
   object the call initialises.  */
static bool
result_pointer (lower_ctx *c, tree t, mr_opnd *addr)
{
  if (TREE_CODE (t) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF (t))
    return false;
  tree var = SSA_NAME_VAR (t);
  if (!var || TREE_CODE (var) != RESULT_DECL || !DECL_BY_REFERENCE (var))
    return false;
  *addr = mr_addr (decl_index (c, var), 0);
  return true;
}

/* A local pointer variable read on a path where nothing was assigned to it: in
   SSA, the default definition of a user's automatic variable (`i1_5(D)`), as
   an operand or a PHI argument (`int *p; if (c) p = malloc (1); free (p);`).
   Its value is indeterminate: it is lowered as the address of a stand-in that
   is no object (MR_DECL_INDETERMINATE), so releasing it is found
   (rules/free-nonheap.c) and a path that assigned it is told apart.  Only
   user variables: a compiler temporary read unassigned is on a path its own
   code never takes.  A memory reference through it (`*p_5(D)`, a handler
   reading what the try never assigned) is one into the stand-in, so using it
   is found too (rules/uninit-read.c).  */
static bool
indeterminate_pointer (lower_ctx *c, tree t, mr_opnd *addr)
{
  if (TREE_CODE (t) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF (t)
      || TREE_CODE (TREE_TYPE (t)) != POINTER_TYPE)
    return false;
  /* setjmp: GCC joins every call that may longjmp, even those before the
     variable is assigned, into one abnormal dispatcher in front of the
     receiver, so a default definition reaching it there is on no real path.  */
  if (SSA_NAME_OCCURS_IN_ABNORMAL_PHI (t))
    return false;
  tree var = SSA_NAME_VAR (t);
  if (!var || !VAR_P (var) || TREE_STATIC (var) || DECL_EXTERNAL (var)
      || DECL_ARTIFICIAL (var) || !DECL_NAME (var) || DECL_IGNORED_P (var))
    return false;
  *addr = mr_addr (mr_func_decl (c->f, IDENTIFIER_POINTER (DECL_NAME (var)),
				 MR_DECL_INDETERMINATE, DECL_UID (var)), 0);
  return true;
}

/* Decomposes a memory reference into base pointer (VALUE or ADDR) + byte offset.
   Returns false when the base is not something the engine can name.  */
bool
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
	  if (!result_pointer (c, ptr, base) && !indeterminate_pointer (c, ptr, base))
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
      if (!byval_param_base (c, b, base))	/* a struct passed by value */
	*base = mr_addr (decl_index (c, b), 0);
      return true;
    }
  return false;
}

bool
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

unsigned
new_synthetic (lower_ctx *c, tree t)
{
  c->out->synth.safe_push (t);
  return c->next_value++;
}

/* A register operand (or an address) as a memir operand.  An address inside
   memory reachable from a pointer, such as &s->buf, becomes a synthetic value
   defined by a COPY with the offset, emitted into block bb.  */
mr_opnd
lower_operand (lower_ctx *c, unsigned bb, tree t, mr_loc loc)
{
  if (!t)
    return mr_none ();
  switch (TREE_CODE (t))
    {
    case SSA_NAME:
      {
	mr_opnd result;
	if (result_pointer (c, t, &result) || indeterminate_pointer (c, t, &result))
	  return result;
	return mr_value (SSA_NAME_VERSION (t));
      }
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

bool
is_pointerish (tree t)
{
  return t && (POINTER_TYPE_P (TREE_TYPE (t)) || TREE_CODE (TREE_TYPE (t)) == REFERENCE_TYPE);
}

/* DEREF events for every memory reference in an operand that goes through a pointer.  */
void
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
tree
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

static bool
truth_operand (tree t)
{
  return TREE_CODE (t) == SSA_NAME || TREE_CODE (t) == INTEGER_CST;
}

/* The comparison `t != 0` (or `t == 0`) as a truth record's condition.  */
static void
nonzero_cond (lower_ctx *c, tree t, mr_opnd *lhs, mr_opnd *rhs, bool *uns)
{
  *lhs = lower_operand (c, 0, t, c->last_loc);
  *rhs = mr_const (0);
  *uns = TYPE_UNSIGNED (TREE_TYPE (t)) || POINTER_TYPE_P (TREE_TYPE (t));
}

/* What decides whether the integer lhs = rhs1 CODE rhs2 is nonzero (mr_truth), for
   the branches that test it later or in a caller: a comparison (`b = p == 0B`), a
   negation of a boolean (`!c`, which C++ makes `c ^ 1`), a product that is nonzero
   when both factors are (`pr * err`: signed, so it does not wrap to 0; unsigned
   only by an odd constant), a boolean AND or OR.  Only SSA names and constants: no
   event is made for them.  */
static void
note_truth (lower_ctx *c, tree lhs, enum tree_code code, tree rhs1, tree rhs2)
{
  mr_term t = {};
  t.kind = MR_TERM_COND;
  bool boolean = TREE_CODE (TREE_TYPE (lhs)) == BOOLEAN_TYPE
		 || TYPE_PRECISION (TREE_TYPE (lhs)) == 1;
  if (TREE_CODE_CLASS (code) == tcc_comparison && rhs2 && truth_operand (rhs1)
      && truth_operand (rhs2))
    {
      switch (code)
	{
	case EQ_EXPR: t.op = MR_CMP_EQ; break;
	case NE_EXPR: t.op = MR_CMP_NE; break;
	case LT_EXPR: t.op = MR_CMP_LT; break;
	case LE_EXPR: t.op = MR_CMP_LE; break;
	case GT_EXPR: t.op = MR_CMP_GT; break;
	case GE_EXPR: t.op = MR_CMP_GE; break;
	default: return;
	}
      t.lhs = lower_operand (c, 0, rhs1, c->last_loc);
      t.rhs = lower_operand (c, 0, rhs2, c->last_loc);
      t.is_unsigned = TYPE_UNSIGNED (TREE_TYPE (rhs1)) || POINTER_TYPE_P (TREE_TYPE (rhs1));
      t.is_pointer = POINTER_TYPE_P (TREE_TYPE (rhs1));
    }
  else if (boolean && TREE_CODE (rhs1) == SSA_NAME
	   && (code == TRUTH_NOT_EXPR || code == BIT_NOT_EXPR
	       || (code == BIT_XOR_EXPR && rhs2 && integer_onep (rhs2))))
    {
      nonzero_cond (c, rhs1, &t.lhs, &t.rhs, &t.is_unsigned);
      t.op = MR_CMP_EQ;
    }
  else if (boolean && code == BIT_IOR_EXPR && rhs2 && TREE_CODE (rhs1) == SSA_NAME
	   && TREE_CODE (rhs2) == SSA_NAME)
    {
      /* `!t || n < 4` evaluated whole: zero when neither is.  */
      nonzero_cond (c, rhs1, &t.lhs, &t.rhs, &t.is_unsigned);
      nonzero_cond (c, rhs2, &t.lhs2, &t.rhs2, &t.is_unsigned2);
      t.op = t.op2 = MR_CMP_NE;
      t.combine = MR_COMBINE_OR;
    }
  else if ((code == MULT_EXPR || (boolean && code == BIT_AND_EXPR))
	   && rhs2 && truth_operand (rhs1) && truth_operand (rhs2))
    {
      bool wraps = code == MULT_EXPR && !TYPE_OVERFLOW_UNDEFINED (TREE_TYPE (lhs));
      if (TREE_CODE (rhs1) == INTEGER_CST)
	std::swap (rhs1, rhs2);
      if (TREE_CODE (rhs2) == INTEGER_CST)
	{
	  /* x * k: as x, for an odd k (or no wrapping); x * 0 is 0.  */
	  if (TREE_CODE (rhs1) != SSA_NAME || integer_zerop (rhs2)
	      || (wraps && !(TREE_INT_CST_LOW (rhs2) & 1)))
	    return;
	  nonzero_cond (c, rhs1, &t.lhs, &t.rhs, &t.is_unsigned);
	  t.op = MR_CMP_NE;
	}
      else
	{
	  if (wraps)
	    return;
	  nonzero_cond (c, rhs1, &t.lhs, &t.rhs, &t.is_unsigned);
	  nonzero_cond (c, rhs2, &t.lhs2, &t.rhs2, &t.is_unsigned2);
	  t.op = t.op2 = MR_CMP_NE;
	  t.combine = MR_COMBINE_AND;
	}
    }
  else
    return;
  mr_func_add_truth (c->f, SSA_NAME_VERSION (lhs), &t);
}

/* An integer read back from where the statement before stored it (C++'s `return
   (_e = x);` reads the member it assigned): it is nonzero when the stored value
   is.  The load's virtual operand is the store's own definition, so nothing came
   between them.  */
static void
note_stored_truth (lower_ctx *c, gassign *load)
{
  tree lhs = gimple_assign_lhs (load), vuse = gimple_vuse (load);
  if (!INTEGRAL_TYPE_P (TREE_TYPE (lhs)) || !vuse || TREE_CODE (vuse) != SSA_NAME)
    return;
  gassign *st = dyn_cast<gassign *> (SSA_NAME_DEF_STMT (vuse));
  if (!st || !gimple_assign_single_p (st) || gimple_vdef (st) != vuse
      || !operand_equal_p (gimple_assign_lhs (st), gimple_assign_rhs1 (load), 0))
    return;
  tree val = gimple_assign_rhs1 (st);
  /* A value copied from memory to memory (`*d++ = *s++`) says nothing more: the
     engine follows loads of integers by their slots.  */
  gassign *from = TREE_CODE (val) == SSA_NAME ? dyn_cast<gassign *> (SSA_NAME_DEF_STMT (val))
		  : NULL;
  if (from && gimple_assign_single_p (from) && is_memory_ref (gimple_assign_rhs1 (from)))
    return;
  if (!truth_operand (val) || !INTEGRAL_TYPE_P (TREE_TYPE (val))
      || TYPE_PRECISION (TREE_TYPE (val)) > TYPE_PRECISION (TREE_TYPE (lhs)))
    return;
  mr_term t = {};
  t.kind = MR_TERM_COND;
  t.op = MR_CMP_NE;
  nonzero_cond (c, val, &t.lhs, &t.rhs, &t.is_unsigned);
  mr_func_add_truth (c->f, SSA_NAME_VERSION (lhs), &t);
}

/* A static variable of the translation unit that nothing in it writes and whose
   address is not taken (the references GCC recorded for every function before
   the pass) keeps its constant initializer; so does a const one.  */
static bool
constant_static (tree var, int64_t *value)
{
  if (!VAR_P (var) || !TREE_STATIC (var) || DECL_EXTERNAL (var) || TREE_THIS_VOLATILE (var)
      || !INTEGRAL_TYPE_P (TREE_TYPE (var)) || (TREE_PUBLIC (var) && !TREE_READONLY (var))
      || DECL_THREAD_LOCAL_P (var))
    return false;
  tree init = DECL_INITIAL (var);
  if (init && (TREE_CODE (init) != INTEGER_CST || !tree_fits_shwi_p (init)))
    return false;
  /* Nothing stores to it, nor takes its address (a const one too: C++ may
     initialise it dynamically).  */
  varpool_node *node = varpool_node::get (var);
  if (!node || node->alias || (node->externally_visible && !TREE_READONLY (var)))
    return false;
  ipa_ref *ref;
  for (unsigned i = 0; node->iterate_referring (i, ref); i++)
    if (ref->use != IPA_REF_LOAD)
      return false;
  *value = init ? tree_to_shwi (init) : 0;
  return true;
}

/* lhs = a static the program never changes: its initializer, a constant the
   engine knows (`if (debug_flag)` decided).  */
static bool
load_of_constant_static (lower_ctx *c, unsigned bb, tree lhs, tree ref, mr_loc loc)
{
  int64_t value;
  if (!INTEGRAL_TYPE_P (TREE_TYPE (lhs)) || !VAR_P (ref) || !constant_static (ref, &value))
    return false;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = SSA_NAME_VERSION (lhs);
  e->a = mr_const (value);
  return true;
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

/* Does the value name (a vtable pointer, an address in the vtable, a function
   pointer loaded from it) serve only calls that resolve to a destructor?  */
static bool
feeds_only_destructor_calls (tree name, int depth)
{
  bool seen = false;
  use_operand_p use;
  imm_use_iterator it;
  FOR_EACH_IMM_USE_FAST (use, it, name)
    {
      gimple *u = USE_STMT (use);
      if (is_gimple_debug (u))
	continue;
      if (gcall *call = dyn_cast<gcall *> (u))
	{
	  tree fn = called_fndecl (call);
	  if (!fn || !DECL_CXX_DESTRUCTOR_P (fn))
	    return false;
	  seen = true;
	  continue;
	}
      bool step = is_gimple_assign (u) && TREE_CODE (gimple_assign_lhs (u)) == SSA_NAME
		  && (gimple_assign_single_p (u)
		      || gimple_assign_rhs_code (u) == POINTER_PLUS_EXPR);
      if (!step || depth >= 3 || !feeds_only_destructor_calls (gimple_assign_lhs (u), depth + 1))
	return false;
      seen = true;
    }
  return seen;
}

/* The vtable pointer read by `delete b` of a polymorphic class: g++ calls the
   deleting destructor through the vtable, `_1 = b->_vptr.B; _2 = _1 + 24;
   _3 = *_2; OBJ_TYPE_REF (_3; b->3) (b);`.  When that call resolves to a
   destructor (called_fndecl: b was made here), the read belongs to the delete
   expression, as the array cookie's does: a second delete is reported as a double
   delete, not also as a read of freed memory.  */
static bool
is_vptr_read_for_destructor (tree ref, tree lhs)
{
  return TREE_CODE (ref) == COMPONENT_REF && DECL_VIRTUAL_P (TREE_OPERAND (ref, 1))
	 && feeds_only_destructor_calls (lhs, 0);
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
   is copied, so both copies hold the same pointers.  So is `<retval> = w;`, the
   copy `return w;` makes into the struct returned by value (what it holds goes to
   the caller: summarize-out.c), `*<retval> = w` for a class returned through a
   hidden pointer (result_pointer).  Returns false (the caller makes the copy an
   escape) unless the destination is a local variable or the result and every
   pointer field is at a known place.  */
static bool
lower_struct_copy (lower_ctx *c, unsigned bb, tree lhs, tree rhs, mr_loc loc)
{
  tree type = TREE_TYPE (lhs);
  mr_opnd slot;
  bool result = (TREE_CODE (lhs) == RESULT_DECL && !DECL_BY_REFERENCE (lhs))
		|| (TREE_CODE (lhs) == MEM_REF && integer_zerop (TREE_OPERAND (lhs, 1))
		    && result_pointer (c, TREE_OPERAND (lhs, 0), &slot));
  if (TREE_CODE (type) != RECORD_TYPE
      || !(result || (VAR_P (lhs) && auto_var_in_fn_p (lhs, c->fun->decl))))
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

/* The bytes memory reference t reads or writes (its type's size), 0 if it has
   no constant size or one larger than an event records (mr_event.width), or
   if it is a bit-field (whose bits share their bytes with its neighbours').  */
static uint16_t
access_width (tree t)
{
  tree size = TYPE_SIZE_UNIT (TREE_TYPE (t));
  if (!size || !tree_fits_uhwi_p (size) || tree_to_uhwi (size) > UINT16_MAX)
    return 0;
  if (TREE_CODE (t) == COMPONENT_REF && DECL_BIT_FIELD (TREE_OPERAND (t, 1)))
    return 0;
  return (uint16_t) tree_to_uhwi (size);
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

/* i = j + C or j - C on integers (a loop's counter): a COPY flagged
   MR_EVF_INT_STEP with the step in b and the type's width in off (negated when
   unsigned), so that a counter the state knows exactly is known after it: `for
   (i = 0; i < 1; i++)` runs once.  Not integers that are pointers in disguise
   (tagged or computed addresses: a new unknown value each time).  */
static bool
lower_int_step (lower_ctx *c, unsigned bb, gassign *s, mr_loc loc)
{
  tree lhs = gimple_assign_lhs (s), rhs1 = gimple_assign_rhs1 (s);
  enum tree_code code = gimple_assign_rhs_code (s);
  tree type = TREE_TYPE (lhs);
  if ((code != PLUS_EXPR && code != MINUS_EXPR) || !INTEGRAL_TYPE_P (type)
      || TYPE_PRECISION (type) > 64 || TREE_CODE (rhs1) != SSA_NAME
      || TREE_CODE (gimple_assign_rhs2 (s)) != INTEGER_CST
      || integer_used_as_pointer (lhs) || pointer_as_integer (rhs1))
    return false;
  /* The constant as the type's bits read signed: `u - 1` on unsigned is
     `u + 4294967295` in GIMPLE, a step of -1.  */
  wide_int w = wi::to_wide (gimple_assign_rhs2 (s));
  int64_t step = w.to_shwi ();
  if (step < -(1 << 20) || step > (1 << 20))
    return false;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = SSA_NAME_VERSION (lhs);
  e->a = lower_operand (c, bb, rhs1, loc);
  e->b = mr_const (code == MINUS_EXPR ? -step : step);
  e->off = TYPE_UNSIGNED (type) ? -(int64_t) TYPE_PRECISION (type) : TYPE_PRECISION (type);
  e->flags = MR_EVF_INT_STEP;
  return true;
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
	      if (c->cxx && (is_array_cookie_read (rhs1)
			     || is_vptr_read_for_destructor (rhs1, lhs)))
		return;
	      mr_opnd base;
	      int64_t off;
	      if (!decompose_ref (c, rhs1, &base, &off))
		return;
	      if (!ptr && load_of_constant_static (c, bb, lhs, rhs1, loc))
		return;
	      mr_size *access = describe_access (c, bb, s, rhs1, false, loc);
	      note_stored_truth (c, s);
	      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
	      e->dst = SSA_NAME_VERSION (lhs);
	      e->a = base;
	      e->off = off;
	      e->flags = ptr ? MR_EVF_POINTER : 0;
	      e->size = access;
	      e->width = access_width (rhs1);
	      /* The member read (its DECL_UID in b), for rules/double-free.c.  */
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
      if (lower_int_step (c, bb, s, loc))
	return;
      if (INTEGRAL_TYPE_P (TREE_TYPE (lhs)))
	note_truth (c, lhs, code, rhs1, gimple_num_ops (s) > 2 ? gimple_assign_rhs2 (s) : NULL_TREE);
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
      e->width = access_width (lhs);
      if (!is_gimple_reg_type (TREE_TYPE (lhs)))
	e->flags |= MR_EVF_AGGREGATE;
    }
}


void
mr_summary_is_provisional (tree fndecl, bool yes, bool member)
{
  if (!mr_unit.provisional)
    mr_unit.provisional = new hash_map<tree, bool>;
  if (yes)
    mr_unit.provisional->put (fndecl, member);
  else
    mr_unit.provisional->remove (fndecl);
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
      {
	lower_throw_exit (c, bb, s, loc);	/* before the call, which does not return */
	unsigned first = c->f->blocks[bb].nevents;
	lower_call (c, bb, as_a<gcall *> (s), loc);
	lower_input_sink_call (c, bb, as_a<gcall *> (s), first, loc);
      }
      break;
    case GIMPLE_RESX:
      /* A resx has no place in the source: the throw it passes on stands for
	 it when nothing runs on the way (lower-eh.cc), else the function's end.  */
      if (location_t thrown = resx_thrown_at (s))
	loc = make_loc (c, thrown);
      else if (gimple_location (s) == UNKNOWN_LOCATION)
	loc = make_loc (c, c->fun->function_end_locus);
      lower_throw_exit (c, bb, s, loc);
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
	  e->a = lower_operand (c, bb, fold_constant (r, false), loc);
	/* The summary tells its callers an integer result's value, not a
	   pointer's (that is what the objects say).  */
	if (r && is_pointerish (r))
	  e->flags |= MR_EVF_POINTER;
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
   Clobbers (a scope's end), labels, predictions and the end of a handler
   (lower-eh.cc: ends_handler, run on the way out of it) do not count.  */
static gimple *
last_located_stmt (basic_block bb)
{
  for (gimple_stmt_iterator gsi = gsi_last_bb (bb); !gsi_end_p (gsi); gsi_prev (&gsi))
    {
      gimple *g = gsi_stmt (gsi);
      if (is_gimple_debug (g) || gimple_clobber_p (g) || gimple_code (g) == GIMPLE_LABEL
	  || gimple_code (g) == GIMPLE_PREDICT || gimple_location (g) == UNKNOWN_LOCATION
	  || ends_handler (g))
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
   located statement before the jump is the user's return.  In a void function an
   early `return;` is only the jump, whose location the edge keeps (its
   goto_locus); falling off the end leaves at the closing brace.  A conditional
   jump (`goto fail;`) leaves at the return statement itself: an empty location
   says so.  */
static mr_loc
edge_location (lower_ctx *c, edge e)
{
  /* The jump's location, through blocks that hold no located statement (the
     early return's own block holds only a prediction hint) to the return.  A
     branch's edge keeps its condition's location instead (g++ 13's `if (_8 !=
     0)` of a new-expression's cleanup flag), which is no return of the user's.  */
  location_t jump = (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) ? UNKNOWN_LOCATION
		    : e->goto_locus;
  basic_block to = e->dest;
  gimple *ret = mr_last_stmt (to);
  for (int hops = 0; hops < 3 && !(ret && gimple_code (ret) == GIMPLE_RETURN)
		     && single_succ_p (to) && !last_located_stmt (to); hops++)
    {
      if (LOCATION_LINE (jump) == 0)
	jump = single_succ_edge (to)->goto_locus;
      to = single_succ (to);
      ret = mr_last_stmt (to);
    }
  if (ret && gimple_code (ret) == GIMPLE_RETURN && !gimple_return_retval (as_a<greturn *> (ret)))
    return make_loc (c, LOCATION_LINE (jump) != 0 ? jump : c->fun->function_end_locus);
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

/* An abnormal edge out of bb (to the receiver of a setjmp, GCC's
   ABNORMAL_DISPATCHER) is taken only if bb's call may longjmp.  A function of the
   C library (the knowledge base: puts, strcpy, fopen ...) does not, unless it is
   handed a function to call back (qsort's comparison may longjmp): GCC adds the
   edge after every call it cannot prove leaf, so without this a `free (p)`
   followed by `puts (...)` re-enters the setjmp handler with p freed.  False only
   for such a call, and for setjmp itself (GCC gives its block such an edge too).  */
static bool
may_longjmp_from (basic_block bb)
{
  gimple *last = mr_last_stmt (bb);
  gcall *call = last ? dyn_cast<gcall *> (last) : NULL;
  if (!call)
    return true;
  if (call == setjmp_call_at (bb))
    return false;
  tree fndecl = gimple_call_fndecl (call);
  const char *name = callee_name (fndecl);
  if (!name || !(mr_known_lookup (name) || mr_lib_lookup (name)))
    return true;
  return hands_function (call);
}

/* The summaries of the functions analysed so far in this translation unit (at an
   -flto link: in the whole program, and as their own units saw them, mr_unit.unit_view),
   and the functions seen to never return (every path ends in exit, abort or another
   such call: GCC's CFG gives their exit block no predecessors).  The pass sees
   callees before callers, so `static void out_of_memory (void) { ...; abort (); }`
   is known when its callers are lowered, declared noreturn or not.  Kept by the
   core (summaries.h) under the decl's address, in mr_unit (unit.h).  */

static uint64_t
decl_id (tree fndecl)
{
  return (uint64_t) (uintptr_t) fndecl;
}

static mr_summaries *
store (void)
{
  if (!mr_unit.summaries)
    mr_unit.summaries = mr_summaries_new ();
  return mr_unit.summaries;
}

bool
mr_record_summary (tree fndecl, const mr_summary *sum)
{
  return mr_summaries_record (store (), mr_unit.unit_view ? MR_VIEW_UNIT : MR_VIEW_WHOLE,
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
tree
defined_decl (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  return node ? node->ultimate_alias_target ()->decl : fndecl;
}

const mr_summary *
summary_of (tree fndecl)
{
  if (!fndecl)
    return NULL;
  fndecl = defined_decl (fndecl);
  if (!mr_unit.unit_view)
    return mr_summaries_get (store (), MR_VIEW_WHOLE, decl_id (fndecl));
  if (!mr_unit.unit_view (fndecl))
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
  if (mr_unit.unit_view && !mr_unit.unit_view (fndecl))
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
  /* Blocks ending in a throwing statement get a second block for it, and one
     more on the way to the handlers when the statement is a call handed
     pointers (lower-eh.cc: lower_eh_exit).  */
  auto_vec<unsigned> thrower_block, eh_exit_block;
  thrower_block.safe_grow_cleared (nblocks);
  eh_exit_block.safe_grow_cleared (nblocks);
  c.thrower_block = thrower_block.address ();
  unsigned nextra = 0;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    if (ends_in_thrower (bb))
      {
	thrower_block[bb->index] = nblocks + nextra++;
	if (hands_pointers_when_throwing (mr_last_stmt (bb)))
	  eh_exit_block[bb->index] = nblocks + nextra++;
      }
  const char *name = function_name (fun);
  c.f = mr_func_new (name, nblocks + nextra, num_ssa_names);
  out->func = c.f;
  c.f->entry = ENTRY_BLOCK;
  c.f->is_main = DECL_NAME (fun->decl) && MAIN_NAME_P (DECL_NAME (fun->decl));
  /* Pointer parameters, for the function's summary.  */
  unsigned pi = 0;
  for (tree parm = DECL_ARGUMENTS (fun->decl); parm && pi < 32; parm = DECL_CHAIN (parm), pi++)
    {
      tree def = POINTER_TYPE_P (TREE_TYPE (parm)) ? ssa_default_def (fun, parm) : NULL_TREE;
      c.f->params[pi] = def ? SSA_NAME_VERSION (def) : 0;
      /* Integer parameters, for what the result says of them (`return pr * err;`).  */
      tree idef = INTEGRAL_TYPE_P (TREE_TYPE (parm)) ? ssa_default_def (fun, parm) : NULL_TREE;
      c.f->scalar_params[pi] = idef ? SSA_NAME_VERSION (idef) : 0;
    }
  c.f->nparams = pi;
  c.last_loc = { (uint64_t) DECL_SOURCE_LOCATION (fun->decl), NULL, 0, 0 };
  make_loc (&c, DECL_SOURCE_LOCATION (fun->decl));
  lower_byval_params (&c);	/* structs passed by value (lower-call.cc) */

  /* Edges first: PHI arguments are numbered by incoming edge.  map: the GCC edge
     of each edge (NULL for the edge into a throwing statement's block).  */
  auto_vec<edge> map;
  FOR_ALL_BB_FN (bb, fun)
    {
      unsigned thrower = bb->index < (int) nblocks ? thrower_block[bb->index] : 0;
      unsigned eh_exit = bb->index < (int) nblocks ? eh_exit_block[bb->index] : 0;
      if (thrower)
	{
	  mr_func_add_edge (c.f, bb->index, thrower, MR_EDGE_PLAIN);
	  map.safe_push (NULL);
	}
      if (eh_exit)
	{
	  mr_func_add_edge (c.f, bb->index, eh_exit, MR_EDGE_PLAIN);
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
	    {
	      c.exc = 1;	/* a value is made for it below */
	      if (builds_thrown_object (e))
		kind = MR_EDGE_NEVER;	/* lower-eh.cc */
	    }
	  else if ((e->flags & EDGE_ABNORMAL) && !may_longjmp_from (bb))
	    kind = MR_EDGE_NEVER;
	  unsigned src = thrower && !(e->flags & EDGE_EH) ? thrower
			 : eh_exit && (e->flags & EDGE_EH) ? eh_exit : bb->index;
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
      if (unsigned eh_exit = eh_exit_block[b])
	lower_eh_exit (&c, thrower_block[b], eh_exit);
      gimple *last = mr_last_stmt (bb);
      if (last && gimple_code (last) == GIMPLE_SWITCH)
	classify_switch_edges (&c, bb, as_a<gswitch *> (last), map);
      else if (last && gimple_code (last) == GIMPLE_EH_DISPATCH)
	lower_eh_dispatch (&c, b, as_a<geh_dispatch *> (last), map);
      lower_setjmp_result (&c, bb, map);	/* lower-cond.cc */
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
