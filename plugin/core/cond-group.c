/* cond-group.c — a group of condition blocks that sends paths to one block, and
   what a state's facts say of its tests.

   `if ((a || b == 0) && s != 1) X;` is a few blocks of conditions between the
   block before them and X.  Two analyses ask the same question of such a group:
   could a state, with what it knows now, have gone through the group one way?
   guards.c asks it of early exits (X returns: a state after the group must have
   a way around X), witness.c of frees (X frees: a state whose object X freed
   must have a way into X).  The group's shape and the walk through it are here;
   each caller says how an operand is read (guards.c reads SSA values' facts,
   witness.c also a local's slot).  */

#include "engine-int.h"

bool
mr_block_tests_only (const mr_block *blk)
{
  if (blk->term.kind != MR_TERM_COND || blk->nphis)
    return false;
  for (uint32_t k = 0; k < blk->nevents; k++)
    {
      const mr_event *e = &blk->events[k];
      if (e->kind != MR_EV_LOAD && e->kind != MR_EV_COPY
	  && !(e->kind == MR_EV_DEREF && !(e->flags & MR_EVF_WRITE)))
	return false;
    }
  return true;
}

static bool
in_group (const mr_cond_group *g, uint32_t b)
{
  for (uint32_t i = 0; i < g->nblocks; i++)
    if (g->blocks[i] == b)
      return true;
  return false;
}

/* Does every way out of block b go to the group, its target, or its one other
   block (set in *cont if not yet known)?  */
static bool
leads_only_to_group (const mr_func *f, const mr_cond_group *g, uint32_t b, uint32_t *cont)
{
  const mr_block *blk = &f->blocks[b];
  for (uint32_t k = 0; k < blk->nsuccs; k++)
    {
      const mr_edge *e = &f->edges[blk->succs[k]];
      if (e->kind != MR_EDGE_TRUE && e->kind != MR_EDGE_FALSE)
	return false;
      if (e->dst == g->target || in_group (g, e->dst) || e->dst == *cont)
	continue;
      if (*cont != MR_NO_BLOCK)
	return false;
      *cont = e->dst;
    }
  return true;
}

bool
mr_cond_group_to (const mr_func *f, uint32_t t, bool every_pred_tests, mr_cond_group *g)
{
  *g = (mr_cond_group) { .target = t, .cont = MR_NO_BLOCK };
  const mr_block *tb = &f->blocks[t];
  for (uint32_t p = 0; p < tb->npreds; p++)
    {
      uint32_t q = f->edges[tb->preds[p]].src;
      if (in_group (g, q))
	continue;
      if (f->blocks[q].term.kind != MR_TERM_COND || q == t)
	{
	  if (every_pred_tests)
	    return false;
	  continue;
	}
      if (g->nblocks == MR_GROUP_BLOCKS)
	return false;
      g->blocks[g->nblocks++] = q;
    }
  for (uint32_t i = 0; i < g->nblocks; i++)
    if (!leads_only_to_group (f, g, g->blocks[i], &g->cont))
      return false;
  /* Grown backwards while a block's tests lead only into the group.  */
  for (bool grew = true; grew;)
    {
      grew = false;
      for (uint32_t i = 0; i < g->nblocks; i++)
	{
	  const mr_block *blk = &f->blocks[g->blocks[i]];
	  for (uint32_t p = 0; p < blk->npreds; p++)
	    {
	      uint32_t q = f->edges[blk->preds[p]].src;
	      uint32_t cont = g->cont;
	      if (in_group (g, q) || q == t || f->blocks[q].term.kind != MR_TERM_COND
		  || g->nblocks == MR_GROUP_BLOCKS || !leads_only_to_group (f, g, q, &cont))
		continue;
	      g->cont = cont;
	      g->blocks[g->nblocks++] = q;
	      grew = true;
	    }
	}
    }
  /* One test is refined on its edges directly; two tests in one block (`(a | b)
     == 0`) are not, on the edge where either may hold.  */
  if (g->cont == MR_NO_BLOCK || g->nblocks == 0
      || (g->nblocks == 1 && f->blocks[g->blocks[0]].term.combine == MR_COMBINE_NONE))
    return false;
  /* One head, entered from outside; the other blocks only test and are entered
     from the group only.  */
  uint32_t head = MR_NO_BLOCK;
  for (uint32_t i = 0; i < g->nblocks; i++)
    {
      const mr_block *blk = &f->blocks[g->blocks[i]];
      bool outside = blk->npreds == 0;
      for (uint32_t p = 0; p < blk->npreds; p++)
	outside |= !in_group (g, f->edges[blk->preds[p]].src);
      if (outside)
	{
	  if (head != MR_NO_BLOCK)
	    return false;
	  head = i;
	}
      else if (!mr_block_tests_only (blk))
	return false;
    }
  if (head == MR_NO_BLOCK)
    return false;
  uint32_t h = g->blocks[0];
  g->blocks[0] = g->blocks[head];
  g->blocks[head] = h;
  return true;
}

unsigned
mr_range_cmp_may (int64_t lo, int64_t hi, bool has_ne, int64_t ne, mr_cmp op, int64_t k)
{
  bool eq_may = k >= lo && k <= hi && !(has_ne && ne == k);
  bool ne_may = !(lo == hi && lo == k);
  bool lt_may = lo < k, ge_may = hi >= k || hi == INT64_MAX;
  bool le_may = lo <= k, gt_may = hi > k || hi == INT64_MAX;
  switch (op)
    {
    case MR_CMP_EQ: return eq_may | ne_may << 1;
    case MR_CMP_NE: return ne_may | eq_may << 1;
    case MR_CMP_LT: return lt_may | ge_may << 1;
    case MR_CMP_GE: return ge_may | lt_may << 1;
    case MR_CMP_LE: return le_may | gt_may << 1;
    case MR_CMP_GT: return gt_may | le_may << 1;
    }
  return 3;
}

/* May the block's condition send the state along its TRUE edge (bit 0), its
   FALSE edge (bit 1)?  */
static unsigned
term_may (const mr_term *t, mr_cmp_may_fn cmp_may, const void *env)
{
  unsigned m1 = cmp_may (env, t->lhs, t->op, t->rhs, t->is_unsigned, t->is_pointer);
  if (t->combine == MR_COMBINE_NONE)
    return m1;
  unsigned m2 = cmp_may (env, t->lhs2, t->op2, t->rhs2, t->is_unsigned2, t->is_pointer2);
  if (t->combine == MR_COMBINE_AND)
    return ((m1 & m2) & 1) | ((m1 | m2) & 2);
  return ((m1 | m2) & 1) | ((m1 & m2) & 2);
}

static bool
reaches_from (const mr_func *f, const mr_cond_group *g, uint32_t b, bool to_target,
	      mr_cmp_may_fn cmp_may, const void *env, uint8_t *memo)
{
  if (b == g->target)
    return to_target;
  uint32_t i = 0;
  while (i < g->nblocks && g->blocks[i] != b)
    i++;
  if (i == g->nblocks)
    return !to_target;		/* cont */
  if (memo[i])
    return memo[i] == 2;
  const mr_block *blk = &f->blocks[b];
  unsigned may = term_may (&blk->term, cmp_may, env);
  bool yes = false;
  for (uint32_t k = 0; k < blk->nsuccs && !yes; k++)
    {
      const mr_edge *e = &f->edges[blk->succs[k]];
      if ((e->kind == MR_EDGE_TRUE && (may & 1)) || (e->kind == MR_EDGE_FALSE && (may & 2)))
	yes = reaches_from (f, g, e->dst, to_target, cmp_may, env, memo);
    }
  memo[i] = yes ? 2 : 1;
  return yes;
}

bool
mr_cond_group_may_reach (const mr_func *f, const mr_cond_group *g, bool to_target,
			 mr_cmp_may_fn cmp_may, const void *env)
{
  uint8_t memo[MR_GROUP_BLOCKS] = { 0 };	/* per block: 0 unknown, 1 no, 2 yes */
  return reaches_from (f, g, g->blocks[0], to_target, cmp_may, env, memo);
}
