/* array-walks.c — loops that free every element of a C array, and what they leave:

     for (i = 0; i < n; i++)
       free (a[i]);                 note: first 'free' here
     free (a[0]);                   double-'free' of '*a'

   The element a[i] is loaded at an offset the engine cannot follow, so each
   iteration frees a new unknown pointer and a later a[0] is another: nothing
   ties them.  A loop of the right shape is found once per function, before the
   walk (mr_find_array_walks), and its frees then mark the array in the state
   (mr_array_walk_freed): mr_objst.fill is the free, which stands for "elements
   [0, min (i, n)) were freed", i the loop's counter and n its bound.  A later
   load of an element k the mark may cover (k below the largest value min (i, n)
   can have on the path) yields a pointer already freed by that free
   (mr_array_walk_load), so freeing or using it is reported with a note at the
   loop's free.  Inside the loop, i is exact at first, so a[0] in the second
   iteration is freed and a[1] is not.

   The shape (the loop GCC makes of `for (i = 0; i < n; i++)`):
   - a header block ends with `i < n` (`i != n`, `n > i`, `i <= C`; the counter
     may be converted first), i a PHI of the header that is 0 from outside the
     loop and i + 1 on every edge back (a COPY flagged MR_EVF_INT_STEP);
   - every path from the loop's first block either comes back to the header by
     such an edge or ends: none returns (a `break` or `return` leaves elements
     unfreed, so no mark at all);
   - every path of one iteration frees a value loaded from a[i] (MR_SIZE_INDEX,
     the counter as index, one array and element size), or finds it NULL, before
     it gets back to the header;
   - nothing in the loop stores into the array or hands it to a call that may
     write it (`p = a[i]; a[i] = NULL; free (p)` leaves NULLs behind).

   On the path where the loop ran no iteration nothing was freed and the array
   has no mark, so `for (...) free (a[i]); free (a[0]);` is reported only on the
   paths that freed something; there, the element k is taken as freed when the
   state does not rule out n > k: the warning is about the path that ran past
   k.  A store into the array, or a call that may write it, drops the mark (as
   it drops the fill of a loop's stores: transfer.c's mark_written), so a loop
   that frees and sets each element to NULL is silent.

   Helpers.  A walk over a parameter's array up to an integer parameter (or a
   constant) is a candidate for the summary (mr_elem_free): it holds when every
   return has the array marked by it, or finds the array NULL or the count not
   positive (mr_array_walks_at_return, judged on each edge into a shared return
   block, before the paths merge).  A call expands into a load of an element
   marked MR_SIZE_WALK before the call's event and its free after it
   (expand.c): the free is a walk of its own here (index 0: no counter in
   sight), the load finds an element an earlier walk freed, so a second
   `free_all (a, n)` is a double free too; and a wrapper that passes its
   parameters on is summarized like the helper.  */

#include "elem-walk.h"
#include "util.h"

#include <stdlib.h>

/* What function f's events define: value -> the event (or NULL).  */
static const mr_event **
definitions (const mr_func *f)
{
  const mr_event **def = mr_xcalloc (f->nvalues ? f->nvalues : 1, sizeof *def);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->dst && e->dst < f->nvalues)
	  def[e->dst] = e;
      }
  return def;
}

/* The root value of operand o with no offset, or 0.  */
static uint32_t
plain_root (const mr_func *f, mr_opnd o)
{
  int64_t off;
  uint32_t r = mr_opnd_root (f, o, &off);
  return off == 0 ? r : 0;
}

/* Is v a counter of header block h (a PHI of h: 0 from outside, v + 1 on the
   other edges)?  Its PHI, or NULL.  */
static const mr_phi *
counter_phi (const mr_func *f, const mr_event **def, uint32_t h, uint32_t v)
{
  const mr_block *blk = &f->blocks[h];
  for (uint32_t i = 0; i < blk->nphis; i++)
    {
      const mr_phi *p = &blk->phis[i];
      if (p->dst != v || p->is_pointer)
	continue;
      bool zero = false, step = false;
      for (uint32_t k = 0; k < blk->npreds; k++)
	{
	  mr_opnd a = p->args[k];
	  uint32_t r = plain_root (f, a);
	  const mr_event *e = r && r < f->nvalues ? def[r] : NULL;
	  if (a.kind == MR_OPND_CONST && a.num == 0)
	    zero = true;
	  else if (e && e->kind == MR_EV_COPY && (e->flags & MR_EVF_INT_STEP)
		   && plain_root (f, e->a) == v && e->b.kind == MR_OPND_CONST
		   && e->b.num == 1)
	    step = true;
	  else
	    return NULL;
	}
      return zero && step ? p : NULL;
    }
  return NULL;
}

/* The counter operand o tests: a counter of h, or its conversion (`(size_t) i`).  */
static const mr_phi *
tested_counter (const mr_func *f, const mr_event **def, uint32_t h, mr_opnd o)
{
  uint32_t v = plain_root (f, o);
  if (!v || v >= f->nvalues)
    return NULL;
  const mr_event *e = def[v];
  if (e && e->kind == MR_EV_COPY && (e->flags & MR_EVF_CONVERT))
    v = plain_root (f, e->a);
  return v ? counter_phi (f, def, h, v) : NULL;
}

/* Does block h end with the test of a counted loop, i < bound?  The counter's
   PHI, the bound, and the edge that stays in the loop.  */
static const mr_phi *
counted_test (const mr_func *f, const mr_event **def, uint32_t h, mr_opnd *bound,
	      uint32_t *stay)
{
  const mr_block *blk = &f->blocks[h];
  const mr_term *t = &blk->term;
  if (t->kind != MR_TERM_COND || t->combine != MR_COMBINE_NONE || blk->nsuccs != 2
      || t->is_pointer)
    return NULL;
  mr_cmp op = t->op;
  const mr_phi *p = tested_counter (f, def, h, t->lhs);
  *bound = t->rhs;
  if (!p)
    {
      p = tested_counter (f, def, h, t->rhs);
      *bound = t->lhs;
      op = mr_cmp_mirror (op);
    }
  if (!p || (bound->kind != MR_OPND_VALUE && bound->kind != MR_OPND_CONST))
    return NULL;
  mr_edge_kind in;
  if (op == MR_CMP_LT || op == MR_CMP_NE)
    in = MR_EDGE_TRUE;
  else if (op == MR_CMP_GE || op == MR_CMP_EQ)
    in = MR_EDGE_FALSE;
  else if (op == MR_CMP_LE && bound->kind == MR_OPND_CONST && bound->num < INT64_MAX)
    {
      in = MR_EDGE_TRUE;
      bound->num++;
    }
  else
    return NULL;
  for (uint32_t i = 0; i < 2; i++)
    if (f->edges[blk->succs[i]].kind == in)
      {
	*stay = blk->succs[i];
	return f->edges[*stay].dst != h ? p : NULL;
      }
  return NULL;
}

/* The blocks of one iteration, from `first` until the header h: into in_loop,
   false if a path returns or reaches h by an edge that does not step the
   counter (a loop around this one entering it anew).  */
static bool
iteration_blocks (mr_walk *w, uint32_t h, const mr_phi *p, uint32_t first, uint8_t *in_loop)
{
  const mr_func *f = w->f;
  const mr_block *hb = &f->blocks[h];
  mr_walk_reset (w);
  w->seen[h] = 1;
  mr_walk_push (w, first);
  while (w->n)
    {
      uint32_t b = w->stack[--w->n];
      in_loop[b] = 1;
      if (mr_returns_in (&f->blocks[b]))
	return false;
      for (uint32_t i = 0; i < f->blocks[b].nsuccs; i++)
	{
	  uint32_t ei = f->blocks[b].succs[i];
	  if (f->edges[ei].kind == MR_EDGE_NEVER)
	    continue;
	  if (f->edges[ei].dst == h)
	    for (uint32_t k = 0; k < hb->npreds; k++)
	      if (hb->preds[k] == ei && p->args[k].kind != MR_OPND_VALUE)
		return false;
	  mr_walk_push (w, f->edges[ei].dst);
	}
    }
  return true;
}

/* Are values v and w the same pointer, or loads of one place (`s->items` read
   again in each statement at -O0)?  */
static bool
same_place (const mr_func *f, const mr_event **def, uint32_t v, uint32_t w)
{
  if (v == w)
    return true;
  const mr_event *a = v < f->nvalues ? def[v] : NULL, *b = w < f->nvalues ? def[w] : NULL;
  return a && b && a->kind == MR_EV_LOAD && b->kind == MR_EV_LOAD && !a->size && !b->size
	 && a->off == b->off && a->off != MR_OFF_UNKNOWN
	 && a->a.kind == b->a.kind && a->a.id == b->a.id && a->a.num == b->a.num;
}

/* Is value v an element a[i] of the walk: loaded in the loop, with the counter
   as index, from the array `base` in elements of mul bytes?  */
static bool
is_element (const mr_func *f, const mr_event **def, const uint8_t *in_loop,
	    const uint32_t *event_block, uint32_t v, uint32_t counter, uint32_t base,
	    uint64_t mul)
{
  const mr_event *e = v && v < f->nvalues ? def[v] : NULL;
  if (!e || e->kind != MR_EV_LOAD || !(e->flags & MR_EVF_POINTER) || !e->size
      || !(e->size->flags & MR_SIZE_INDEX) || e->size->mul != mul
      || !in_loop[event_block[e->id]] || plain_root (f, e->size->x) != counter)
    return false;
  uint32_t y = plain_root (f, e->size->y);
  return y && same_place (f, def, y, base);
}

/* May the loop's blocks write the array `base` (a store through it, a call that
   writes through it)?  */
static bool
loop_writes (const mr_func *f, const mr_event **def, const uint8_t *in_loop, uint32_t base)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; in_loop[b] && k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	uint32_t r;
	if (e->kind == MR_EV_STORE && (r = plain_root (f, e->a)) && same_place (f, def, r, base))
	  return true;
	if (e->kind == MR_EV_STORE && e->size && (e->size->flags & MR_SIZE_FILL)
	    && (r = plain_root (f, e->size->y)) && same_place (f, def, r, base))
	  return true;
	if (e->kind == MR_EV_CALL && e->call)
	  for (uint32_t i = 0; i < e->call->nargs; i++)
	    if ((r = plain_root (f, e->call->args[i])) && same_place (f, def, r, base)
		&& (i >= 32 || (e->call->write_mask & (1u << i))))
	      return true;
      }
  return false;
}

/* Does every path of one iteration, from block `first` back to header h, free an
   element of the walk (or find one NULL)?  The frees it meets go to c's walks.  */
static bool
every_iteration_frees (mr_ctx *c, mr_walk *w, const mr_event **def, const uint8_t *in_loop,
		       const uint32_t *event_block, uint32_t h, uint32_t first,
		       mr_elem_walk walk, uint32_t *cap)
{
  const mr_func *f = c->f;
  uint32_t base = plain_root (f, walk.base), n0 = c->nelem_walks;
  mr_walk_reset (w);
  w->seen[h] = 1;
  mr_walk_push (w, first);
  while (w->n)
    {
      uint32_t b = w->stack[--w->n];
      const mr_block *blk = &f->blocks[b];
      bool freed = false;
      for (uint32_t k = 0; k < blk->nevents && !freed; k++)
	{
	  const mr_event *e = &blk->events[k];
	  if (e->kind == MR_EV_FREE && !(e->flags & (MR_EVF_GUARDED | MR_EVF_HANDOVER))
	      && is_element (f, def, in_loop, event_block, plain_root (f, e->a), walk.index,
			     base, walk.mul))
	    {
	      freed = true;
	      walk.free_id = e->id;
	      MR_VEC_PUSH (c->elem_walks, c->nelem_walks, *cap);
	      c->elem_walks[c->nelem_walks - 1] = walk;
	    }
	}
      if (freed)
	continue;
      for (uint32_t i = 0; i < blk->nsuccs; i++)
	{
	  const mr_edge *e = &f->edges[blk->succs[i]];
	  if (e->kind == MR_EDGE_NEVER)
	    continue;
	  uint32_t t = blk->term.kind == MR_TERM_COND ? plain_root (f, blk->term.lhs) : 0;
	  if (t && mr_null_side (f, blk, e, t)
	      && is_element (f, def, in_loop, event_block, t, walk.index, base, walk.mul))
	    continue;
	  if (e->dst == h)
	    {
	      c->nelem_walks = n0;	/* an iteration that frees nothing */
	      return false;
	    }
	  mr_walk_push (w, e->dst);
	}
    }
  return c->nelem_walks > n0;
}

static int
walk_order (const void *a, const void *b)
{
  uint32_t x = ((const mr_elem_walk *) a)->free_id, y = ((const mr_elem_walk *) b)->free_id;
  return x < y ? -1 : x > y;
}

/* The walks over a parameter's array up to an integer parameter (or a constant),
   the function's loops and its calls of helpers that free every element (a
   wrapper):
   what the summary may say the function frees (c->elem_cands), if every return
   agrees (mr_array_walks_at_return).  */
static void
find_candidates (mr_ctx *c)
{
  const mr_func *f = c->f;
  for (uint32_t i = 0; i < c->nelem_walks; i++)
    {
      const mr_elem_walk *w = &c->elem_walks[i];
      int64_t off;
      int param = mr_param_of (f, w->base, &off);
      if (param < 0 || param >= 32 || off != 0)
	continue;
      mr_elem_free ef = { .param = (uint8_t) param, .mul = w->mul };
      if (w->bound.kind == MR_OPND_CONST)
	ef.bound = w->bound.num;
      else
	{
	  uint32_t r = plain_root (f, w->bound);
	  for (uint32_t j = 0; j < f->nparams && j < 32 && !ef.bound_param; j++)
	    if (r && f->scalar_params[j] == r)
	      ef.bound_param = (uint8_t) (j + 1);
	  if (!ef.bound_param)
	    continue;
	}
      bool dup = false;
      for (uint32_t k = 0; k < c->nelem_cands; k++)
	dup |= c->elem_cands[k].param == ef.param;
      if (dup || c->nelem_cands == MR_SUMMARY_ELEM_FREES)
	continue;
      /* The free: its family and place.  */
      uint32_t b = mr_event_blocks (c)[w->free_id];
      for (uint32_t k = 0; b != MR_NO_BLOCK && k < f->blocks[b].nevents; k++)
	if (f->blocks[b].events[k].id == w->free_id)
	  {
	    ef.family = f->blocks[b].events[k].family;
	    ef.loc = f->blocks[b].events[k].loc;
	  }
      c->elem_cand_walk[c->nelem_cands] = i;
      c->elem_cands[c->nelem_cands++] = ef;
    }
}

void
mr_find_array_walks (mr_ctx *c)
{
  const mr_func *f = c->f;
  c->elem_walks = NULL;
  c->nelem_walks = 0;
  c->nelem_cands = 0;
  /* Most functions load no element at a variable index, or free nothing.  */
  bool loads = false, frees = false;
  for (uint32_t b = 0; b < f->nblocks && !(loads && frees); b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	loads |= e->kind == MR_EV_LOAD && e->size && (e->size->flags & MR_SIZE_INDEX)
		 && (e->flags & MR_EVF_POINTER);
	frees |= e->kind == MR_EV_FREE;
      }
  if (!loads || !frees)
    return;
  const mr_event **def = definitions (f);
  const uint32_t *event_block = mr_event_blocks (c);
  uint8_t *in_loop = mr_xcalloc (f->nblocks, 1);
  mr_walk w = { f, mr_xcalloc (f->nblocks, 1), mr_xcalloc (f->nblocks, sizeof (uint32_t)), 0 };
  uint32_t cap = 0;
  for (uint32_t h = 0; h < f->nblocks; h++)
    {
      mr_opnd bound;
      uint32_t stay;
      const mr_phi *p = counted_test (f, def, h, &bound, &stay);
      if (!p)
	continue;
      uint32_t first = f->edges[stay].dst;
      memset (in_loop, 0, f->nblocks);
      if (!iteration_blocks (&w, h, p, first, in_loop))
	continue;
      /* One walk per array the loop loads elements of (by the first such load).  */
      for (uint32_t b = 0; b < f->nblocks; b++)
	for (uint32_t k = 0; in_loop[b] && k < f->blocks[b].nevents; k++)
	  {
	    const mr_event *e = &f->blocks[b].events[k];
	    uint32_t y;
	    if (e->kind != MR_EV_LOAD || !e->dst
		|| !is_element (f, def, in_loop, event_block, e->dst, p->dst,
				y = plain_root (f, e->size ? e->size->y : (mr_opnd) { 0 }),
				e->size ? e->size->mul : 0))
	      continue;
	    bool done = false;
	    for (uint32_t i = 0; i < c->nelem_walks && !done; i++)
	      done = c->elem_walks[i].index == p->dst
		     && same_place (f, def, plain_root (f, c->elem_walks[i].base), y)
		     && c->elem_walks[i].mul == e->size->mul;
	    if (done || loop_writes (f, def, in_loop, y))
	      continue;
	    mr_elem_walk walk = { 0, p->dst, bound, e->size->y, e->size->mul };
	    every_iteration_frees (c, &w, def, in_loop, event_block, h, first, walk, &cap);
	  }
    }
  /* A call to a helper that frees every element (expand.c's load and free).  */
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	uint32_t v = e->kind == MR_EV_FREE && e->via ? plain_root (f, e->a) : 0;
	const mr_event *ld = v && v < f->nvalues ? def[v] : NULL;
	if (ld && ld->kind == MR_EV_LOAD && ld->size && (ld->size->flags & MR_SIZE_WALK))
	  {
	    MR_VEC_PUSH (c->elem_walks, c->nelem_walks, cap);
	    c->elem_walks[c->nelem_walks - 1]
	      = (mr_elem_walk) { e->id, 0, ld->size->x, ld->size->y, ld->size->mul };
	  }
      }
  find_candidates (c);
  if (c->nelem_walks > 1)
    qsort (c->elem_walks, c->nelem_walks, sizeof *c->elem_walks, walk_order);
  free (w.seen);
  free (w.stack);
  free (in_loop);
  free (def);
}

void
mr_free_array_walks (mr_ctx *c)
{
  free (c->elem_walks);
  c->elem_walks = NULL;
  c->nelem_walks = 0;
}

/* The walk whose element free event id is, or NULL.  */
static const mr_elem_walk *
walk_of (const mr_ctx *c, uint32_t id)
{
  uint32_t lo = 0, hi = c->nelem_walks;
  while (lo < hi)
    {
      uint32_t mid = (lo + hi) / 2;
      if (c->elem_walks[mid].free_id == id)
	return &c->elem_walks[mid];
      if (c->elem_walks[mid].free_id < id)
	lo = mid + 1;
      else
	hi = mid;
    }
  return NULL;
}

void
mr_array_walk_freed (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  const mr_elem_walk *w = c->nelem_walks ? walk_of (c, ev->id) : NULL;
  if (!w)
    return;
  /* Freed (or NULL) on this path: a guard may have kept the free from running.  */
  mr_ref r = mr_ref_of (c, s, ev->a);
  if (r.obj != MR_OBJ_NULL
      && !(mr_is_object (r.obj) && mr_obj_ts (s, r.obj) == MR_TS_FREED))
    return;
  mr_ref base = mr_ref_of (c, s, w->base);
  if (!mr_is_object (base.obj) || base.off != 0)
    return;
  const mr_objst *o = mr_state_obj (s, base.obj);
  if (o && o->ts == MR_TS_FREED)
    return;
  mr_objst *n = o ? mr_state_set_obj (s, base.obj, (mr_ts) o->ts, (mr_family) o->family, o->ev)
		  : mr_state_set_obj (s, base.obj, MR_TS_UNKNOWN, (mr_family) 0, NULL);
  n->fill = ev;
}

/* The smallest and largest value of operand o in s.  */
static void
opnd_range (const mr_ctx *c, const mr_state *s, mr_opnd o, int64_t *lo, int64_t *hi)
{
  *lo = INT64_MIN, *hi = INT64_MAX;
  if (o.kind == MR_OPND_CONST)
    {
      *lo = *hi = o.num;
      return;
    }
  uint32_t root = plain_root (c->f, o);
  const mr_fact *f = root ? mr_state_fact (s, root) : NULL;
  if (f)
    *lo = f->lo, *hi = f->hi;
}

void
mr_array_walk_load (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref base, mr_ref at)
{
  if (!c->nelem_walks || !ev->dst || !(ev->flags & MR_EVF_POINTER) || !mr_is_object (base.obj))
    return;
  const mr_objst *o = mr_state_obj (s, base.obj);
  const mr_event *fr = o ? o->fill : NULL;
  const mr_elem_walk *w = fr && fr->kind == MR_EV_FREE ? walk_of (c, fr->id) : NULL;
  if (!w)
    return;
  /* The element (or elements) read: a constant one, or a[j] for a j the state
     bounds (a second loop over the array).  */
  int64_t klo, khi = 0;
  const mr_size *z = ev->size;
  if (at.off != MR_OFF_UNKNOWN && at.off != MR_OFF_POSITIVE)
    {
      if (at.off < 0 || (uint64_t) at.off % w->mul)
	return;
      klo = (int64_t) ((uint64_t) at.off / w->mul);
    }
  else if (z && (z->flags & MR_SIZE_WALK) && z->mul == w->mul)
    {
      /* Another helper's walk over the array, from element 0 (if it has one).  */
      mr_ref y = mr_ref_of (c, s, z->y);
      int64_t lo, hi;
      opnd_range (c, s, z->x, &lo, &hi);
      if (y.obj != base.obj || y.off != 0 || hi <= 0)
	return;
      klo = 0;
    }
  else if (z && (z->flags & MR_SIZE_INDEX) && z->mul == w->mul)
    {
      mr_ref y = mr_ref_of (c, s, z->y);
      if (y.obj != base.obj || y.off != 0 || plain_root (c->f, z->x) == w->index)
	return;			/* (the walk's own next element is not freed yet) */
      opnd_range (c, s, z->x, &klo, &khi);
      (void) khi;
      if (klo < 0)
	return;
    }
  else
    return;
  /* Freed are [0, min (i, n)): is k below what that can be on this path?  */
  int64_t ilo, ihi, nlo, nhi;
  ilo = 0, ihi = INT64_MAX;	/* (a helper's walk has no counter in sight) */
  if (w->index)
    opnd_range (c, s, (mr_opnd) { .kind = MR_OPND_VALUE, .id = w->index }, &ilo, &ihi);
  opnd_range (c, s, w->bound, &nlo, &nhi);
  if (klo >= (ihi < nhi ? ihi : nhi))
    return;
  mr_state_set_obj (s, MR_OBJ_SYM | ev->dst, MR_TS_FREED, (mr_family) fr->family, fr);
}

void
mr_array_walks_at_return (mr_ctx *c, const mr_state *s)
{
  for (uint32_t i = 0; i < c->nelem_cands; i++)
    {
      if (c->elem_cand_walk[i] == UINT32_MAX)
	continue;
      const mr_elem_walk *w = &c->elem_walks[c->elem_cand_walk[i]];
      mr_ref base = mr_ref_of (c, s, w->base);
      const mr_objst *o = mr_is_object (base.obj) ? mr_state_obj (s, base.obj) : NULL;
      const mr_elem_walk *by = o && o->fill && o->fill->kind == MR_EV_FREE
			       ? walk_of (c, o->fill->id) : NULL;
      /* Freed by a walk over this parameter's array, or nothing to free: no
	 array (NULL), or no element (n <= 0).  */
      if ((by && plain_root (c->f, by->base) == plain_root (c->f, w->base)
	   && base.off == 0)
	  || base.obj == MR_OBJ_NULL)
	continue;
      int64_t lo, hi;
      opnd_range (c, s, w->bound, &lo, &hi);
      if (hi > 0)
	c->elem_cand_walk[i] = UINT32_MAX;
    }
}

void
mr_array_walks_summary (mr_ctx *c)
{
  mr_summary *sum = &c->out->summary;
  sum->nelem_frees = 0;
  for (uint32_t i = 0; i < c->nelem_cands && sum->saw_return; i++)
    if (c->elem_cand_walk[i] != UINT32_MAX)
      sum->elem_frees[sum->nelem_frees++] = c->elem_cands[i];
}
