/* refine.c — what taking an edge teaches: the branch's condition refines the state
   (a pointer NULL or not, an integer's interval, two values bounding each other),
   or shows the edge cannot be taken on that path.  The driver (engine.c) calls
   mr_refine_edge for each successor edge of a block it ran; mr_find_products and
   mr_find_conversions gather, once per function, the size products and signed-to-
   unsigned conversions whose facts follow from the ones learnt here.  */

#include "engine-int.h"
#include "util.h"

#include <stdlib.h>

static mr_cmp
mirror (mr_cmp op)
{
  switch (op)
    {
    case MR_CMP_LT: return MR_CMP_GT;
    case MR_CMP_LE: return MR_CMP_GE;
    case MR_CMP_GT: return MR_CMP_LT;
    case MR_CMP_GE: return MR_CMP_LE;
    default: return op;
    }
}

/* Refines s with "v is null" (is_null) or "v is not null".  Returns false if that
   cannot hold in s.  The object's NONNULL flag is what the path learnt of a
   pointer (a dereference, a callee or a store that took it and may have checked
   it, escape_obj): an integer tested against 0 (is_pointer false) is not ruled out
   by it.  A call or a store given `n` says nothing of `n == 0`, and the flag an
   earlier iteration's `more != 0` left on a loop's integer PHI is stale once the
   PHI takes the next value (only a pointer PHI's object is made anew); the
   integer's own facts decide (`if (n)` then `if (!n)`).  */
static bool
refine_null (mr_ctx *c, mr_state *s, mr_opnd v, bool is_null, bool is_pointer)
{
  mr_ref r = mr_ref_of (c, s, v);
  if (r.obj == MR_OBJ_NONE)
    return true;
  if (r.obj == MR_OBJ_NULL)
    return is_null == (r.off == 0);
  mr_ts ts = mr_obj_ts (s, r.obj);
  if (ts == MR_TS_NULL)
    return is_null;
  if (ts == MR_TS_NONHEAP || (r.off != 0 && r.off != MR_OFF_UNKNOWN))
    return !is_null;
  const mr_objst *o = mr_state_obj (s, r.obj);
  if (is_null)
    {
      if (o && (o->flags & MR_OBJF_NONNULL) && is_pointer)
	return false;
      if (ts == MR_TS_ALLOCATED)
	{
	  mr_state_set_obj (s, r.obj, MR_TS_NULL, (mr_family) o->family, o->ev);
	  mr_state_add_obj_flags (s, r.obj, MR_OBJF_NULL_CHECKED);
	}
      else
	{
	  int64_t off;
	  uint32_t root = mr_opnd_root (c->f, v, &off);
	  if (root && off == 0)
	    mr_state_bind (s, root, (mr_ref) { MR_OBJ_NULL, 0 });
	  /* A pointer into the object a value of the caller's points to (a
	     parameter), moved through it (a walk's PHI: `while (*s == '#') ++s;
	     delete[] s;` tests the moved s), is NULL only where that value is:
	     arithmetic on NULL is undefined.  So the path where it is NULL says
	     the parameter is, and the callee's summary frees it on every path.  */
	  uint32_t base = MR_OBJ_INDEX (r.obj);
	  if ((r.obj & MR_OBJ_KIND_MASK) == MR_OBJ_SYM && base != root)
	    {
	      mr_ref b = mr_state_lookup (s, base);
	      if (b.obj == r.obj && b.off == 0)
		mr_state_bind (s, base, (mr_ref) { MR_OBJ_NULL, 0 });
	    }
	}
      return true;
    }
  mr_state_add_obj_flags (s, r.obj, MR_OBJF_NONNULL);
  return true;
}

/* Two pointers compared (p == q, p != buf): the engine knows when they must be
   equal (same object and offset) or must differ (distinct objects it made or
   named: an allocation is not a local array, two allocations are not one).
   Otherwise what an earlier test of the same pair learnt on the path decides
   (ptr-eq.c: `if (p == x) free (p); ... if (p != x) p->v = 1;` cannot use the
   freed p), and this test is learnt for the later ones.  Pointers only: an
   integer value can be made again without a new object (a loop's PHI).  */
static bool
refine_ptr_cmp (mr_ctx *c, mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs,
		bool is_pointer)
{
  if (op != MR_CMP_EQ && op != MR_CMP_NE)
    return true;
  mr_ref a = mr_ref_of (c, s, lhs), b = mr_ref_of (c, s, rhs);
  if (!mr_is_object (a.obj) || !mr_is_object (b.obj))
    return true;
  bool same = a.obj == b.obj && a.off == b.off && a.off != MR_OFF_UNKNOWN
	      && a.off != MR_OFF_POSITIVE;
  uint32_t ka = a.obj & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD;
  uint32_t kb = b.obj & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD;
  bool distinct = a.obj != b.obj && ka != MR_OBJ_SYM && kb != MR_OBJ_SYM
		  && mr_obj_ts (s, a.obj) != MR_TS_NULL && mr_obj_ts (s, b.obj) != MR_TS_NULL;
  if (same || distinct || !is_pointer)
    return op == MR_CMP_EQ ? !distinct : !same;
  int known = mr_state_ptr_eq (s, a, b);
  if (known >= 0)
    return known == (op == MR_CMP_EQ);
  mr_state_note_ptr_eq (s, a, b, op == MR_CMP_EQ);
  return true;
}

/* A fact on `root` changed: the bounds of the allocation sizes' products it is a
   factor of (mr_state_note_product).  */
static void
note_products (const mr_ctx *c, mr_state *s, uint32_t root)
{
  for (uint32_t i = 0; i < c->nproducts; i++)
    if (c->products[i][0] == root || c->products[i][1] == root)
      mr_state_note_product (s, c->products[i][0], c->products[i][1]);
}

static int
conv_order (const void *a, const void *b)
{
  uint32_t x = (*(const mr_event *const *) a)->dst, y = (*(const mr_event *const *) b)->dst;
  return x < y ? -1 : x > y;
}

/* The conversions of signed values to unsigned wider ones (MR_EVF_CONVERT).  */
void
mr_find_conversions (mr_ctx *c)
{
  const mr_func *f = c->f;
  uint32_t cap = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind == MR_EV_COPY && (e->flags & MR_EVF_CONVERT) && e->dst
	    && e->a.kind == MR_OPND_VALUE)
	  {
	    MR_VEC_PUSH (c->convs, c->nconvs, cap);
	    c->convs[c->nconvs - 1] = e;
	  }
      }
  if (c->nconvs > 1)
    qsort (c->convs, c->nconvs, sizeof *c->convs, conv_order);
}

/* A fact learnt on u = (unsigned) n that keeps u within n's positive values holds
   for n too (a negative n would have made u larger than that).  */
static bool
note_conversion (const mr_ctx *c, mr_state *s, uint32_t u)
{
  uint32_t lo = 0, hi = c->nconvs;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      const mr_event *e = c->convs[mid];
      if (e->dst < u)
	lo = mid + 1;
      else if (e->dst > u)
	hi = mid;
      else
	{
	  const mr_fact *f = mr_state_fact (s, u);
	  int64_t off;
	  uint32_t n = mr_func_root (c->f, e->a.id, &off);
	  int64_t nmax = e->off >= 64 ? INT64_MAX : (int64_t) ((1ull << (e->off - 1)) - 1);
	  if (!f || off || f->lo < 0 || f->hi > nmax || f->hi == INT64_MAX)
	    return true;
	  int64_t flo = f->lo, fhi = f->hi;
	  return mr_state_refine (s, n, MR_CMP_GE, flo, false)
		 && mr_state_refine (s, n, MR_CMP_LE, fhi, false);
	}
    }
  return true;
}

/* The products of two values in allocation sizes, for note_products.  */
void
mr_find_products (mr_ctx *c)
{
  const mr_func *f = c->f;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	const mr_size *z = e->size;
	if (!z || (e->kind != MR_EV_ALLOC && e->kind != MR_EV_REALLOC && e->kind != MR_EV_CALL)
	    || z->x.kind != MR_OPND_VALUE || z->y.kind != MR_OPND_VALUE
	    || (z->flags & MR_SIZE_SUM) || c->nproducts == 4)
	  continue;
	int64_t xoff, yoff;
	uint32_t x = mr_func_root (f, z->x.id, &xoff), y = mr_func_root (f, z->y.id, &yoff);
	bool dup = x == y || xoff || yoff;
	for (uint32_t i = 0; i < c->nproducts; i++)
	  dup |= c->products[i][0] == x && c->products[i][1] == y;
	if (!dup)
	  {
	    c->products[c->nproducts][0] = x;
	    c->products[c->nproducts++][1] = y;
	  }
      }
}

/* The interval a fact gives value `root` (the type's whole range without one).  */
static void
fact_range (const mr_state *s, uint32_t root, bool is_unsigned, int64_t *lo, int64_t *hi)
{
  const mr_fact *f = mr_state_fact (s, root);
  *lo = f ? f->lo : is_unsigned ? 0 : INT64_MIN;
  *hi = f ? f->hi : INT64_MAX;
  if (is_unsigned && *lo < 0)
    *lo = 0, *hi = INT64_MAX;	/* signed facts on bits compared unsigned */
}

/* Two integer values compared (`i < n`): each is bounded by the other's interval.
   After `for (i = 0; i < n; i++)` ran zero times, i is 0 and so n <= 0; a second
   loop `for (j = 0; j < n; j++)` then cannot run either.  Returns false when the
   comparison cannot hold.  (INT64_MAX is no bound: unsigned values go past it.)  */
static bool
refine_values_1 (const mr_ctx *c, mr_state *s, uint32_t x, mr_cmp op, uint32_t y,
		 bool is_unsigned);

static bool
refine_values (const mr_ctx *c, mr_state *s, uint32_t x, mr_cmp op, uint32_t y,
	       bool is_unsigned)
{
  if (!refine_values_1 (c, s, x, op, y, is_unsigned) || !note_conversion (c, s, x)
      || !note_conversion (c, s, y))
    return false;
  note_products (c, s, x);
  note_products (c, s, y);
  return true;
}

static bool
refine_values_1 (const mr_ctx *c, mr_state *s, uint32_t x, mr_cmp op, uint32_t y,
		 bool is_unsigned)
{
  /* x <= num / d (x < it, x == it): x * d <= num, whatever the intervals.  */
  const mr_quot *q = op == MR_CMP_LT || op == MR_CMP_LE || op == MR_CMP_EQ
		     ? mr_func_quot (c->f, y) : NULL;
  if (q && !q->other && q->divisor && q->divisor < c->f->nvalues)
    {
      int64_t off;
      uint32_t d = mr_func_root (c->f, q->divisor, &off);
      if (d != x && off == 0)
	mr_state_bound_product (s, x, d, q->num, is_unsigned);
    }
  if (op == MR_CMP_EQ && (q = mr_func_quot (c->f, x)) && !q->other && q->divisor
      && q->divisor < c->f->nvalues)
    {
      int64_t off;
      uint32_t d = mr_func_root (c->f, q->divisor, &off);
      if (d != y && off == 0)
	mr_state_bound_product (s, y, d, q->num, is_unsigned);
    }
  int64_t xlo, xhi, ylo, yhi;
  fact_range (s, x, is_unsigned, &xlo, &xhi);
  fact_range (s, y, is_unsigned, &ylo, &yhi);
  bool ok = true;
  switch (op)
    {
    case MR_CMP_LT:
    case MR_CMP_LE:
      if (yhi != INT64_MAX)
	ok = ok && mr_state_refine (s, x, op, yhi, is_unsigned);
      if (xlo != INT64_MIN)
	ok = ok && mr_state_refine (s, y, op == MR_CMP_LT ? MR_CMP_GT : MR_CMP_GE, xlo,
				    is_unsigned);
      return ok;
    case MR_CMP_GT:
    case MR_CMP_GE:
      return refine_values_1 (c, s, y, mirror (op), x, is_unsigned);
    case MR_CMP_EQ:
      if (yhi != INT64_MAX)
	ok = ok && mr_state_refine (s, x, MR_CMP_LE, yhi, is_unsigned);
      if (ylo != INT64_MIN)
	ok = ok && mr_state_refine (s, x, MR_CMP_GE, ylo, is_unsigned);
      if (xhi != INT64_MAX)
	ok = ok && mr_state_refine (s, y, MR_CMP_LE, xhi, is_unsigned);
      if (xlo != INT64_MIN)
	ok = ok && mr_state_refine (s, y, MR_CMP_GE, xlo, is_unsigned);
      return ok;
    case MR_CMP_NE:
      if (ylo == yhi)
	ok = ok && mr_state_refine (s, x, MR_CMP_NE, ylo, is_unsigned);
      if (xlo == xhi)
	ok = ok && mr_state_refine (s, y, MR_CMP_NE, xlo, is_unsigned);
      return ok;
    }
  return true;
}

static bool refine_cmp_at (mr_ctx *c, mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs,
			   bool is_unsigned, bool is_pointer, int depth);

/* A value whose truth a condition decides (mr_truth: `b = p == NULL`, a call whose
   result is nonzero when its argument is): once the state says whether the value is
   0, the condition holds or fails.  A conjunction is learnt only where it holds
   and a disjunction where it fails (the other way, each is one of two cases).  The records follow definitions, so a chain
   ends; depth bounds it anyway.  */
static bool refine_ranged_truth (mr_ctx *c, mr_state *s, uint32_t root,
				 const mr_truth *t, int depth);

static bool
refine_truth (mr_ctx *c, mr_state *s, uint32_t root, int depth)
{
  const mr_truth *t = c->f->ntruths && depth < 8 ? mr_func_truth (c->f, root) : NULL;
  if (t && t->ranged)
    return refine_ranged_truth (c, s, root, t, depth);
  const mr_fact *f = t ? mr_state_fact (s, root) : NULL;
  if (!f)
    return true;
  const mr_term *k = &t->cond;
  bool nonzero = mr_fact_nonzero (f), zero = mr_fact_zero (f);
  /* AND holding or OR failing is both sides; the other way round, one of two.  */
  if ((nonzero && k->combine != MR_COMBINE_OR) || (zero && k->combine != MR_COMBINE_AND))
    {
      mr_cmp op1 = nonzero ? k->op : mr_cmp_negate (k->op);
      mr_cmp op2 = nonzero ? k->op2 : mr_cmp_negate (k->op2);
      return refine_cmp_at (c, s, k->lhs, op1, k->rhs, k->is_unsigned, k->is_pointer,
			    depth + 1)
	     && (k->combine == MR_COMBINE_NONE
		 || refine_cmp_at (c, s, k->lhs2, op2, k->rhs2, k->is_unsigned2,
				   k->is_pointer2, depth + 1));
    }
  return true;
}

/* Does fact f leave the value a point of [lo, hi]?  */
static bool
fact_meets (const mr_fact *f, int64_t lo, int64_t hi)
{
  if (f->hi < lo || f->lo > hi)
    return false;
  return !(lo == hi && f->has_ne && f->ne == lo);
}

/* A ranged truth record (a call's result, whose callee returned one range of
   values on the paths that made an allocation and another on those that did
   not, mr_truth.ranged): the value lies in their hull; a branch that puts it
   outside one range decides the condition.  */
static bool
refine_ranged_truth (mr_ctx *c, mr_state *s, uint32_t root, const mr_truth *t, int depth)
{
  int64_t lo = t->yes_lo < t->no_lo ? t->yes_lo : t->no_lo;
  int64_t hi = t->yes_hi > t->no_hi ? t->yes_hi : t->no_hi;
  if ((lo != INT64_MIN && !mr_state_refine (s, root, MR_CMP_GE, lo, false))
      || (hi != INT64_MAX && !mr_state_refine (s, root, MR_CMP_LE, hi, false)))
    return false;
  const mr_fact *f = mr_state_fact (s, root);
  if (!f)
    return true;
  bool holds = !fact_meets (f, t->no_lo, t->no_hi);
  bool fails = !fact_meets (f, t->yes_lo, t->yes_hi);
  if (holds && fails)
    return false;
  if (!holds && !fails)
    return true;
  const mr_term *k = &t->cond;
  return refine_cmp_at (c, s, k->lhs, holds ? k->op : mr_cmp_negate (k->op), k->rhs,
			k->is_unsigned, k->is_pointer, depth + 1);
}

/* A call's result the callee's summary ties a free to (mr_free_on_result: `if
   (parse (&c) < 0)`, where parse freed c.buf on its -1 paths and left it live on
   the others): a branch that leaves the result none of the live paths' values
   and all of the freed paths' ones frees the allocation there, as the callee
   did on some of the paths the branch takes (NULL on the others: freeing it
   again, or using it, is wrong on the first).  Its FREE (in no block, at the
   call) is the object's free, for the notes of a later double free or use.  A
   test that keeps only some freed values (`r == -EINVAL` of -EINVAL and
   -ENOMEM, -ENOMEM also a NULL path's) claims no free, the ranges being hulls,
   but no leak either: the block is freed or NULL there.  An object the path
   already freed, or knows to be NULL, stays as it is.  What it held is out of
   sight, as after any helper's free (transfer.c, apply_free).  */
static void
refine_result_frees (const mr_ctx *c, mr_state *s, uint32_t root)
{
  const mr_fact *f = mr_state_fact (s, root);
  for (uint32_t i = 0; f && i < c->f->nresult_frees; i++)
    {
      const mr_free_on_result *r = &c->f->result_frees[i];
      if (r->value != root || fact_meets (f, r->live_lo, r->live_hi))
	continue;
      mr_ref obj = mr_state_lookup (s, r->obj);
      if (!mr_is_object (obj.obj) || obj.off != 0 || mr_obj_ts (s, obj.obj) != MR_TS_ALLOCATED)
	continue;
      if (f->lo > r->freed_lo || f->hi < r->freed_hi
	  || (f->has_ne && f->ne >= r->freed_lo && f->ne <= r->freed_hi))
	{
	  /* Freed or NULL, but maybe freed on none of the paths the branch
	     takes: out of sight (no leak, no second free claimed).  */
	  mr_state_add_obj_flags (s, obj.obj, MR_OBJF_ESCAPED);
	  f = mr_state_fact (s, root);
	  continue;
	}
      mr_set_freed (s, obj.obj, r->free);
      mr_contents_out_of_sight (s, obj.obj);
      f = mr_state_fact (s, root);	/* (the table may have moved) */
    }
}

/* A value read from a field that held an earlier read (transfer.c binds the later
   read to SYM|earlier): what a branch learnt about the later read holds for the
   earlier one, which the field still holds, so the next read knows it too.
   Returns false when that cannot hold.  */
static bool
pass_to_earlier_read (mr_state *s, uint32_t root, bool is_unsigned)
{
  mr_ref r = mr_state_lookup (s, root);
  uint32_t earlier = MR_OBJ_INDEX (r.obj);
  if ((r.obj & MR_OBJ_KIND_MASK) != MR_OBJ_SYM || earlier == root || r.off != 0)
    return true;
  const mr_fact *f = mr_state_fact (s, root);
  if (!f)
    return true;
  mr_fact known = *f;		/* (refining another value may move the table) */
  bool ok = true;
  if (known.lo != INT64_MIN && !(is_unsigned && known.lo == 0))
    ok = ok && mr_state_refine (s, earlier, MR_CMP_GE, known.lo, is_unsigned);
  if (known.hi != INT64_MAX)
    ok = ok && mr_state_refine (s, earlier, MR_CMP_LE, known.hi, is_unsigned);
  if (known.has_ne)
    ok = ok && mr_state_refine (s, earlier, MR_CMP_NE, known.ne, is_unsigned);
  return ok;
}

/* Refines s with one comparison `lhs op rhs` known to hold.  */
static bool
refine_cmp (mr_ctx *c, mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs, bool is_unsigned,
	    bool is_pointer)
{
  return refine_cmp_at (c, s, lhs, op, rhs, is_unsigned, is_pointer, 0);
}

static bool
refine_cmp_at (mr_ctx *c, mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs,
	       bool is_unsigned, bool is_pointer, int depth)
{
  if (lhs.kind == MR_OPND_CONST && rhs.kind != MR_OPND_CONST)
    {
      mr_opnd tmp = lhs;
      lhs = rhs, rhs = tmp;
      op = mirror (op);
    }
  if (lhs.kind == MR_OPND_CONST && rhs.kind == MR_OPND_CONST)
    return mr_cmp_holds (lhs.num, op, rhs.num, false);
  if (rhs.kind != MR_OPND_CONST)
    {
      if (!refine_ptr_cmp (c, s, lhs, op, rhs, is_pointer))
	return false;
      int64_t xoff, yoff;
      uint32_t x = mr_opnd_root (c->f, lhs, &xoff), y = mr_opnd_root (c->f, rhs, &yoff);
      if (!x || !y || xoff || yoff || x == y)
	return true;
      return refine_values (c, s, x, op, y, is_unsigned)
	     && pass_to_earlier_read (s, x, is_unsigned)
	     && pass_to_earlier_read (s, y, is_unsigned);
    }
  if (rhs.num == 0 && (op == MR_CMP_EQ || op == MR_CMP_NE)
      && (lhs.kind == MR_OPND_VALUE || lhs.kind == MR_OPND_ADDR)
      && !refine_null (c, s, lhs, op == MR_CMP_EQ, is_pointer))
    return false;
  int64_t off;
  uint32_t root = mr_opnd_root (c->f, lhs, &off);
  if (!root || off != 0)
    return true;
  if (!mr_state_refine (s, root, op, rhs.num, is_unsigned) || !note_conversion (c, s, root)
      || !refine_truth (c, s, root, depth) || !pass_to_earlier_read (s, root, is_unsigned))
    return false;
  note_products (c, s, root);
  if (c->f->nresult_frees)
    refine_result_frees (c, s, root);
  /* An overflow flag known to be 0: the product it checks fits.  */
  const mr_fact *f = mr_state_fact (s, root);
  const mr_quot *q = f && f->lo == 0 && f->hi == 0 ? mr_func_quot (c->f, root) : NULL;
  if (q && q->other && q->divisor < c->f->nvalues && q->other < c->f->nvalues)
    {
      int64_t xoff, yoff;
      uint32_t x = mr_func_root (c->f, q->divisor, &xoff);
      uint32_t y = mr_func_root (c->f, q->other, &yoff);
      if (!xoff && !yoff && x != y)
	mr_state_bound_product (s, x, y, q->num, true);
    }
  return true;
}

/* Narrows the value a CASE edge with a set of values (mr_edge.case_set) tests
   to the set's first and last members within what the state knows of it: a
   value known exactly that is not in the set does not take the edge.  */
static bool
refine_case_set (mr_state *s, uint32_t root, const mr_edge *e, bool is_unsigned)
{
  const mr_fact *f = e->case_set ? mr_state_fact (s, root) : NULL;
  if (!f || f->lo < e->case_lo || f->hi - e->case_lo > 63)
    return true;
  int64_t lo = f->lo, hi = f->hi;
  while (lo <= hi && !((e->case_set >> (lo - e->case_lo)) & 1))
    lo++;
  while (hi >= lo && !((e->case_set >> (hi - e->case_lo)) & 1))
    hi--;
  if (lo > hi)
    return false;
  return mr_state_refine (s, root, MR_CMP_GE, lo, is_unsigned)
	 && mr_state_refine (s, root, MR_CMP_LE, hi, is_unsigned);
}

/* Folds the values up to e->case_fold_max that a CASE edge admits into
   e->case_fold_to (mr_edge.case_fold): an exception of no known type that a
   handler for E takes is from then on an E, which its rethrow rethrows.  The
   fact becomes the hull of case_fold_to and the values above case_fold_max it
   held.  A fact whose range holds a value the edge's set leaves out (a join of
   two kinds around a third the handler never takes), or an edge without a
   set, becomes case_fold_to alone, which stands for every value the edge
   admits (E or a class derived from it).  A value the state knows nothing of
   stays unknown.  */
static bool
fold_case (mr_state *s, uint32_t root, const mr_edge *e)
{
  const mr_fact *f = e->case_fold ? mr_state_fact (s, root) : NULL;
  if (!f || f->ubelow)
    return true;
  bool exact = e->case_set && f->lo >= e->case_lo && f->hi - e->case_lo <= 63;
  for (int64_t v = f->lo; exact && v <= f->hi; v++)
    exact = (e->case_set >> (v - e->case_lo)) & 1;
  if (exact && f->lo > e->case_fold_max)
    return true;
  int64_t lo = e->case_fold_to, hi = e->case_fold_to;
  if (exact && f->hi > e->case_fold_max)
    {
      if (e->case_fold_max + 1 < lo)
	lo = e->case_fold_max + 1;
      if (f->hi > hi)
	hi = f->hi;
    }
  mr_state_forget_fact (s, root);
  return mr_state_refine (s, root, MR_CMP_GE, lo, false)
	 && mr_state_refine (s, root, MR_CMP_LE, hi, false);
}

/* Refines s for taking edge e out of block b.  Returns false if infeasible.  A
   combined condition that fails (a && b false) or holds (a || b true) is two cases;
   the second goes to *extra (NULL if it cannot happen).  */
static bool
refine_edge_1 (mr_ctx *c, mr_state *s, const mr_block *b, const mr_edge *e,
	       mr_state **extra);

static bool
edge_allowed (const mr_ctx *c, const mr_state *s, uint32_t at)
{
  return (!c->guards || mr_guards_allow (c, s, at))
	 && (!c->witnesses || mr_witnesses_allow (c, s, at));
}

bool
mr_refine_edge (mr_ctx *c, mr_state *s, const mr_block *b, const mr_edge *e,
		mr_state **extra)
{
  bool feasible = refine_edge_1 (c, s, b, e, extra);
  /* What this edge learnt may show that an early exit the path passed would
     have been taken (guards.c), or that the conditions which led to a free the
     path made could not have held (witness.c).  */
  if ((!c->guards && !c->witnesses) || b->term.kind == MR_TERM_NONE)
    return feasible;
  uint32_t at = (uint32_t) (b - c->f->blocks);
  if (*extra && !edge_allowed (c, *extra, at))
    {
      mr_state_free (*extra);
      *extra = NULL;
    }
  return feasible && edge_allowed (c, s, at);
}

static bool
refine_edge_1 (mr_ctx *c, mr_state *s, const mr_block *b, const mr_edge *e,
	       mr_state **extra)
{
  const mr_term *t = &b->term;
  *extra = NULL;
  if (e->kind == MR_EDGE_NEVER)
    return false;
  if (t->kind == MR_TERM_COND && (e->kind == MR_EDGE_TRUE || e->kind == MR_EDGE_FALSE))
    {
      bool taken = e->kind == MR_EDGE_TRUE;
      if (t->combine == MR_COMBINE_NONE)
	return refine_cmp (c, s, t->lhs, taken ? t->op : mr_cmp_negate (t->op), t->rhs,
			   t->is_unsigned, t->is_pointer);
      /* Both hold: AND taken, or OR not taken (both negated).  */
      bool both = (t->combine == MR_COMBINE_AND) == taken;
      mr_cmp op1 = taken ? t->op : mr_cmp_negate (t->op);
      mr_cmp op2 = taken ? t->op2 : mr_cmp_negate (t->op2);
      if (both)
	return refine_cmp (c, s, t->lhs, op1, t->rhs, t->is_unsigned, t->is_pointer)
	       && refine_cmp (c, s, t->lhs2, op2, t->rhs2, t->is_unsigned2, t->is_pointer2);
      /* Either: the first holds, or the first fails and the second holds.  */
      mr_state *second = mr_state_copy (s);
      if (refine_cmp (c, second, t->lhs, mr_cmp_negate (op1), t->rhs, t->is_unsigned,
		      t->is_pointer)
	  && refine_cmp (c, second, t->lhs2, op2, t->rhs2, t->is_unsigned2, t->is_pointer2))
	*extra = second;
      else
	mr_state_free (second);
      return refine_cmp (c, s, t->lhs, op1, t->rhs, t->is_unsigned, t->is_pointer);
    }
  if (t->kind == MR_TERM_SWITCH)
    {
      int64_t off;
      uint32_t root = mr_opnd_root (c->f, t->lhs, &off);
      if (!root || off != 0)
	return true;
      if (e->kind == MR_EDGE_CASE)
	{
	  if (!mr_state_refine (s, root, MR_CMP_GE, e->case_lo, t->is_unsigned)
	      || !mr_state_refine (s, root, MR_CMP_LE, e->case_hi, t->is_unsigned)
	      || !refine_case_set (s, root, e, t->is_unsigned)
	      || !fold_case (s, root, e))
	    return false;
	  note_products (c, s, root);
	  return true;
	}
      if (e->kind == MR_EDGE_DEFAULT)
	{
	  /* The default edge is infeasible when the value is known to hit a case.  */
	  const mr_fact *fact = mr_state_fact (s, root);
	  if (fact && fact->lo == fact->hi)
	    for (uint32_t i = 0; i < b->nsuccs; i++)
	      {
		const mr_edge *ce = &c->f->edges[b->succs[i]];
		if (ce->kind == MR_EDGE_CASE && fact->lo >= ce->case_lo
		    && fact->lo <= ce->case_hi)
		  return false;
	      }
	}
    }
  return true;
}
