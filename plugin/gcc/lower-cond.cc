/* lower-cond.cc — conditions and switches: a GIMPLE_COND or a GIMPLE_SWITCH ends its
   block, and the engine refines the state along each outgoing edge by the
   comparison the lowering hands it (mr_cmp on two operands).  Here the front ends'
   boolean temporaries and GCC's folded range tests are looked through.  */

#include "lower-int.h"

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
   form GCC gives `a == NULL || b == NULL` when evaluating both sides is cheap.
   The same of integers, `(a | b) == 0`, is what GCC folds `a == 0 && b == 0` into
   at -O1 and above (a bitwise or is 0 exactly when both are; a bitwise and of
   integers says nothing of the kind).  */
static bool
lower_combined_cond (lower_ctx *c, unsigned bb, tree lhs, tree rhs, mr_cmp op)
{
  if (TREE_CODE (lhs) != SSA_NAME || !integer_zerop (rhs)
      || (op != MR_CMP_NE && op != MR_CMP_EQ) || !INTEGRAL_TYPE_P (TREE_TYPE (lhs)))
    return false;
  gimple *def = SSA_NAME_DEF_STMT (lhs);
  if (!is_gimple_assign (def))
    return false;
  enum tree_code code = gimple_assign_rhs_code (def);
  if (code != BIT_IOR_EXPR
      && (code != BIT_AND_EXPR || TREE_CODE (TREE_TYPE (lhs)) != BOOLEAN_TYPE))
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
  /* `p == x || n == 0`: a pair of pointers is learnt (ptr-eq.c) as in a single
     test.  */
  t->is_pointer = POINTER_TYPE_P (TREE_TYPE (l[0]));
  t->is_pointer2 = POINTER_TYPE_P (TREE_TYPE (l[1]));
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

void
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
  t->is_pointer = POINTER_TYPE_P (TREE_TYPE (lhs));
  t->lhs = lower_operand (c, bb, lhs, c->last_loc);
  t->rhs = lower_operand (c, bb, rhs, c->last_loc);
}

void
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
void
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

/* setjmp (C11 7.13.1.1) returns 0 when called, and when a longjmp comes back to it
   the value longjmp was given, never 0 (longjmp (env, 0) makes it 1).  GCC's CFG
   has the call begin a block (the receiver) that GCC's ABNORMAL_DISPATCHER block
   enters again by an abnormal edge from every call that may longjmp.  Without the
   two results told apart, a path longjmp'd back to would take the `setjmp () ==
   0` branch and re-run the code after the setjmp (a `free (p)` freed again).  So
   the result is a PHI of the receiver, 0 from its ordinary predecessors and the
   dispatcher's "longjmp value" from the abnormal ones, and the dispatcher ends
   with the condition that value != 0, taken on its edges to setjmp receivers.
   Only the setjmp family: GCC recognises it by name (special_function_p), as
   here; other functions that return twice (vfork, getcontext) return other
   values.  */

/* The setjmp call that begins bb, or NULL.  */
gcall *
setjmp_call_at (basic_block bb)
{
  gimple_stmt_iterator gsi = gsi_start_nondebug_after_labels_bb (bb);
  gcall *call = gsi_end_p (gsi) ? NULL : dyn_cast<gcall *> (gsi_stmt (gsi));
  if (!call || !(gimple_call_flags (call) & ECF_RETURNS_TWICE))
    return NULL;
  tree fndecl = gimple_call_fndecl (call);
  const char *name = fndecl && DECL_NAME (fndecl) ? IDENTIFIER_POINTER (DECL_NAME (fndecl))
			     : NULL;
  if (!name)
    return NULL;
  name += name[0] == '_' ? (name[1] == '_' ? 2 : 1) : 0;
  return strcmp (name, "setjmp") == 0 || strcmp (name, "sigsetjmp") == 0 ? call : NULL;
}

static bool
is_abnormal_dispatcher (basic_block bb)
{
  gimple *last = mr_last_stmt (bb);
  gcall *call = last ? dyn_cast<gcall *> (last) : NULL;
  return call && gimple_call_internal_p (call, IFN_ABNORMAL_DISPATCHER);
}

/* The value a longjmp through dispatcher block `d` makes setjmp return: the
   dispatcher's condition `v != 0`, made when first asked for.  */
static mr_opnd
longjmp_value (lower_ctx *c, basic_block d)
{
  mr_term *t = &c->f->blocks[d->index].term;
  if (t->kind != MR_TERM_COND)
    {
      t->kind = MR_TERM_COND;
      t->op = MR_CMP_NE;
      t->lhs = mr_value (new_synthetic (c, NULL_TREE));
      t->rhs = mr_const (0);
    }
  return t->lhs;
}

void
lower_setjmp_result (lower_ctx *c, basic_block bb, const vec<edge> &map)
{
  mr_block *mb = &c->f->blocks[bb->index];
  if (is_abnormal_dispatcher (bb))
    {
      longjmp_value (c, bb);
      for (unsigned k = 0; k < mb->nsuccs; k++)
	if (setjmp_call_at (map[mb->succs[k]]->dest))
	  c->f->edges[mb->succs[k]].kind = MR_EDGE_TRUE;
      return;
    }
  gcall *call = setjmp_call_at (bb);
  tree lhs = call ? gimple_call_lhs (call) : NULL_TREE;
  if (!lhs || TREE_CODE (lhs) != SSA_NAME || !INTEGRAL_TYPE_P (TREE_TYPE (lhs)))
    return;
  uint32_t v = SSA_NAME_VERSION (lhs);
  /* The call leaves the result to the PHI.  */
  for (unsigned i = 0; i < mb->nevents; i++)
    if (mb->events[i].kind == MR_EV_CALL && mb->events[i].dst == v)
      mb->events[i].dst = 0;
  mr_phi *p = mr_block_add_phi (c->f, bb->index, v, false);
  for (unsigned k = 0; k < mb->npreds; k++)
    {
      edge e = map[mb->preds[k]];
      p->args[k] = e && (e->flags & EDGE_ABNORMAL) && is_abnormal_dispatcher (e->src)
		     ? longjmp_value (c, e->src) : mr_const (0);
    }
}
