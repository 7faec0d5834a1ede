/* elem-walk.h — the CFG walks that summarize-elements.c (container helpers) and
   array-walks.c (loops over a C array) share to judge a loop over elements: a
   depth-first walk with a seen mark per block, and the questions they ask of a
   block.  Inline: two files, a few lines each.  */

#ifndef MR_ELEM_WALK_H
#define MR_ELEM_WALK_H

#include "engine-int.h"

#include <string.h>

/* Scratch for one function's walks of the CFG.  */
typedef struct mr_walk
{
  const mr_func *f;
  uint8_t *seen;
  uint32_t *stack;
  uint32_t n;
} mr_walk;

static inline void
mr_walk_reset (mr_walk *w)
{
  memset (w->seen, 0, w->f->nblocks);
  w->n = 0;
}

static inline void
mr_walk_push (mr_walk *w, uint32_t b)
{
  if (!w->seen[b])
    w->seen[b] = 1, w->stack[w->n++] = b;
}

static inline bool
mr_returns_in (const mr_block *blk)
{
  for (uint32_t k = 0; k < blk->nevents; k++)
    if (blk->events[k].kind == MR_EV_RETURN)
      return true;
  return false;
}

/* Is value v's NULL test the term of blk, and edge e its NULL side?  */
static inline bool
mr_null_side (const mr_func *f, const mr_block *blk, const mr_edge *e, uint32_t v)
{
  const mr_term *t = &blk->term;
  int64_t off;
  if (t->kind != MR_TERM_COND || t->combine != MR_COMBINE_NONE
      || t->rhs.kind != MR_OPND_CONST || t->rhs.num != 0
      || mr_opnd_root (f, t->lhs, &off) != v || off != 0)
    return false;
  return (t->op == MR_CMP_EQ && e->kind == MR_EDGE_TRUE)
	 || (t->op == MR_CMP_NE && e->kind == MR_EDGE_FALSE);
}

#endif
