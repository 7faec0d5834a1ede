/* guards.c — early exits whose condition rules paths out after them.

   `if ((a || b == 0) && s != 1) return;` is a few blocks of conditions, each
   refining the state on its edges; the paths that go on meet at the next block,
   where the state's join keeps no fact that only some of them had (a, b and s
   are each unknown there).  A later `if (s == 1) ... else if (b) t = x;` would
   then take a path on which b == 0 and s != 1, which the exit ruled out.

   A guard is such a group of condition blocks: entered at its head, left either
   to an exit (a block that can reach no condition, only the function's end) or
   to the block the function goes on with (cont).  A state at a block that cont
   dominates (so the path passed the guard and did not leave) whose facts send
   every way through the guard's conditions to the exit cannot happen.  The
   conditions are on SSA values, which never change, so the facts learnt later
   (s != 1, then b == 0) are about the values the guard tested.  A test of two
   pointers is decided by the pairs the path tested (ptr-eq.c): after `if (p == x
   && n == 0) return;`, a path that learns n == 0 and then p == x cannot happen.

   Found once per function (mr_find_guards); most functions have none, and then
   nothing else is computed.  Checked on each edge the driver refines, for the
   guards whose cont dominates the edge's block: a walk of at most
   GUARD_BLOCKS blocks.  */

#include "engine-int.h"
#include "util.h"

#include <stdlib.h>

#define GUARD_BLOCKS 8
#define MAX_GUARDS 16

typedef struct guard
{
  uint32_t blocks[GUARD_BLOCKS];	/* [0] is the head */
  uint32_t nblocks;
  uint32_t exit, cont;
} guard;

struct mr_guards
{
  guard g[MAX_GUARDS];
  uint32_t n;
  uint32_t *idom;		/* immediate dominators (entry: itself) */
  uint32_t *rpo_index;
  uint32_t *pre, *post;		/* numbers of a walk of the dominator tree: a
				   dominates b when b's fall within a's */
};

/* Can block b reach only the function's end, through blocks that test nothing
   (an error path: `free (p); return -1;`)?  */
static bool
only_exits (const mr_func *f, uint32_t b)
{
  for (int steps = 0; steps < 4; steps++)
    {
      const mr_block *blk = &f->blocks[b];
      if (blk->term.kind != MR_TERM_NONE)
	return false;
      if (blk->nsuccs == 0)
	return true;
      if (blk->nsuccs != 1)
	return false;
      b = f->edges[blk->succs[0]].dst;
    }
  return false;
}

/* A block that only tests: no PHIs, events that change nothing (reads), a
   condition.  */
static bool
tests_only (const mr_func *f, uint32_t b)
{
  const mr_block *blk = &f->blocks[b];
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
in_guard (const guard *g, uint32_t b)
{
  for (uint32_t i = 0; i < g->nblocks; i++)
    if (g->blocks[i] == b)
      return true;
  return false;
}

static void
add_block (guard *g, uint32_t b)
{
  g->blocks[g->nblocks++] = b;
}

/* The guard that leads to exit block x, if there is one: the conditions that send
   paths to x, grown backwards from its predecessors as long as each block added
   goes only to blocks of the guard, to x, or to the one block the rest go on to
   (cont).  All but its first block (the head) test only and are entered only from
   the guard.  */
static bool
guard_to (const mr_func *f, uint32_t x, guard *g)
{
  g->nblocks = 0;
  g->exit = x;
  g->cont = UINT32_MAX;
  const mr_block *xb = &f->blocks[x];
  for (uint32_t p = 0; p < xb->npreds; p++)
    {
      uint32_t q = f->edges[xb->preds[p]].src;
      if (f->blocks[q].term.kind != MR_TERM_COND || in_guard (g, q))
	continue;
      if (g->nblocks == GUARD_BLOCKS)
	return false;
      add_block (g, q);
    }
  /* The one place the tests that lead to x go otherwise.  */
  for (uint32_t i = 0; i < g->nblocks; i++)
    {
      const mr_block *blk = &f->blocks[g->blocks[i]];
      for (uint32_t k = 0; k < blk->nsuccs; k++)
	{
	  uint32_t s = f->edges[blk->succs[k]].dst;
	  if (s == x || in_guard (g, s) || s == g->cont)
	    continue;
	  if (g->cont != UINT32_MAX)
	    return false;
	  g->cont = s;
	}
    }
  bool grew = true;
  while (grew)
    {
      grew = false;
      for (uint32_t i = 0; i < g->nblocks; i++)
	{
	  const mr_block *blk = &f->blocks[g->blocks[i]];
	  for (uint32_t p = 0; p < blk->npreds; p++)
	    {
	      uint32_t q = f->edges[blk->preds[p]].src;
	      const mr_block *qb = &f->blocks[q];
	      if (in_guard (g, q) || qb->term.kind != MR_TERM_COND)
		continue;
	      uint32_t cont = g->cont;
	      bool fits = true;
	      for (uint32_t k = 0; k < qb->nsuccs && fits; k++)
		{
		  uint32_t s = f->edges[qb->succs[k]].dst;
		  if (s == x || in_guard (g, s) || s == cont)
		    continue;
		  if (cont == UINT32_MAX)
		    cont = s;
		  else
		    fits = false;
		}
	      if (!fits || g->nblocks == GUARD_BLOCKS)
		continue;
	      g->cont = cont;
	      add_block (g, q);
	      grew = true;
	    }
	}
    }
  /* One test is refined on its edges directly; two tests in one block (`(a | b)
     == 0`) are not, on the edge where either may hold.  */
  if (g->nblocks == 0
      || (g->nblocks == 1 && f->blocks[g->blocks[0]].term.combine == MR_COMBINE_NONE))
    return false;
  /* Where the guard's blocks go: x, the guard, and one cont; one head.  */
  uint32_t head = UINT32_MAX;
  for (uint32_t i = 0; i < g->nblocks; i++)
    {
      const mr_block *blk = &f->blocks[g->blocks[i]];
      for (uint32_t k = 0; k < blk->nsuccs; k++)
	{
	  const mr_edge *e = &f->edges[blk->succs[k]];
	  if (e->kind != MR_EDGE_TRUE && e->kind != MR_EDGE_FALSE)
	    return false;
	  if (e->dst == x || in_guard (g, e->dst))
	    continue;
	  if (g->cont == UINT32_MAX)
	    g->cont = e->dst;
	  else if (e->dst != g->cont)
	    return false;
	}
      bool outside = blk->npreds == 0;
      for (uint32_t p = 0; p < blk->npreds; p++)
	outside |= !in_guard (g, f->edges[blk->preds[p]].src);
      if (outside)
	{
	  if (head != UINT32_MAX)
	    return false;
	  head = i;
	}
      else if (!tests_only (f, g->blocks[i]))
	return false;
    }
  if (head == UINT32_MAX || g->cont == UINT32_MAX || only_exits (f, g->cont))
    return false;
  uint32_t t = g->blocks[0];
  g->blocks[0] = g->blocks[head];
  g->blocks[head] = t;
  return true;
}

/* Dominators (Cooper, Harvey and Kennedy), over a reverse post-order.  */
static void
compute_dominators (const mr_func *f, struct mr_guards *gs)
{
  uint32_t n = f->nblocks;
  uint32_t *rpo = mr_xcalloc (n, sizeof *rpo);
  uint32_t *stack = mr_xcalloc (n, sizeof *stack);
  uint32_t *next = mr_xcalloc (n, sizeof *next);
  uint8_t *seen = mr_xcalloc (n, 1);
  gs->rpo_index = mr_xcalloc (n, sizeof *gs->rpo_index);
  gs->idom = mr_xcalloc (n, sizeof *gs->idom);
  uint32_t sp = 0, count = n;
  stack[sp++] = f->entry;
  seen[f->entry] = 1;
  while (sp)
    {
      uint32_t b = stack[sp - 1];
      if (next[b] < f->blocks[b].nsuccs)
	{
	  uint32_t s = f->edges[f->blocks[b].succs[next[b]++]].dst;
	  if (!seen[s])
	    seen[s] = 1, stack[sp++] = s;
	  continue;
	}
      sp--;
      rpo[--count] = b;
    }
  for (uint32_t b = 0; b < n; b++)
    gs->idom[b] = UINT32_MAX;
  for (uint32_t i = count; i < n; i++)
    gs->rpo_index[rpo[i]] = i;
  gs->idom[f->entry] = f->entry;
  for (bool changed = true; changed;)
    {
      changed = false;
      for (uint32_t i = count + 1; i < n; i++)
	{
	  uint32_t b = rpo[i], nd = UINT32_MAX;
	  for (uint32_t p = 0; p < f->blocks[b].npreds; p++)
	    {
	      uint32_t q = f->edges[f->blocks[b].preds[p]].src;
	      if (gs->idom[q] == UINT32_MAX)
		continue;
	      if (nd == UINT32_MAX)
		{
		  nd = q;
		  continue;
		}
	      uint32_t x = q, y = nd;
	      while (x != y)
		{
		  while (gs->rpo_index[x] > gs->rpo_index[y])
		    x = gs->idom[x];
		  while (gs->rpo_index[y] > gs->rpo_index[x])
		    y = gs->idom[y];
		}
	      nd = x;
	    }
	  if (nd != UINT32_MAX && gs->idom[b] != nd)
	    gs->idom[b] = nd, changed = true;
	}
    }
  free (rpo);
  free (stack);
  free (next);
  free (seen);
}

/* Numbers the dominator tree's blocks on a depth-first walk (pre and post
   order), so that a dominance query is two comparisons.  */
static void
number_dominator_tree (const mr_func *f, struct mr_guards *gs)
{
  uint32_t n = f->nblocks;
  uint32_t *first = mr_xcalloc (n, sizeof *first);	/* first child + 1 */
  uint32_t *sibling = mr_xcalloc (n, sizeof *sibling);	/* next sibling + 1 */
  uint32_t *stack = mr_xcalloc (n, sizeof *stack);
  uint32_t *cursor = mr_xcalloc (n, sizeof *cursor);
  gs->pre = mr_xcalloc (n, sizeof *gs->pre);
  gs->post = mr_xcalloc (n, sizeof *gs->post);
  for (uint32_t b = 0; b < n; b++)
    if (b != f->entry && gs->idom[b] != UINT32_MAX)
      {
	sibling[b] = first[gs->idom[b]];
	first[gs->idom[b]] = b + 1;
      }
  uint32_t sp = 0, clock = 1;
  stack[sp++] = f->entry;
  cursor[f->entry] = first[f->entry];
  gs->pre[f->entry] = clock++;
  while (sp)
    {
      uint32_t b = stack[sp - 1];
      if (cursor[b])
	{
	  uint32_t child = cursor[b] - 1;
	  cursor[b] = sibling[child];
	  gs->pre[child] = clock++;
	  cursor[child] = first[child];
	  stack[sp++] = child;
	  continue;
	}
      gs->post[b] = clock++;
      sp--;
    }
  free (first);
  free (sibling);
  free (stack);
  free (cursor);
}

static bool
dominates (const struct mr_guards *gs, uint32_t a, uint32_t b)
{
  return gs->pre[b] && gs->pre[a] <= gs->pre[b] && gs->post[b] <= gs->post[a];
}

/* May block b be in a loop: does an edge go back (in reverse post-order) from b or
   after it to b or before it?  */
static bool
in_loop (const mr_func *f, const struct mr_guards *gs, uint32_t b)
{
  uint32_t at = gs->rpo_index[b];
  for (uint32_t e = 0; e < f->nedges; e++)
    {
      uint32_t u = f->edges[e].src, v = f->edges[e].dst;
      if (gs->idom[u] == UINT32_MAX || gs->idom[v] == UINT32_MAX)
	continue;
      if (gs->rpo_index[v] <= at && gs->rpo_index[u] >= at)
	return true;
    }
  return false;
}

void
mr_find_guards (mr_ctx *c)
{
  const mr_func *f = c->f;
  struct mr_guards *gs = NULL;
  for (uint32_t x = 0; x < f->nblocks; x++)
    {
      guard g;
      if (!f->blocks[x].npreds || !only_exits (f, x) || !guard_to (f, x, &g))
	continue;
      if (!gs)
	gs = mr_xcalloc (1, sizeof *gs);
      if (gs->n == MAX_GUARDS)
	break;
      gs->g[gs->n++] = g;
    }
  if (!gs)
    return;
  compute_dominators (f, gs);
  number_dominator_tree (f, gs);
  /* A guard must be the only way to its cont, and outside loops: in a loop, a
     value a test of the guard reads may still have the facts of an earlier
     iteration on a path that did not read it again.  */
  uint32_t n = 0;
  for (uint32_t i = 0; i < gs->n; i++)
    if (dominates (gs, gs->g[i].blocks[0], gs->g[i].cont) && !in_loop (f, gs, gs->g[i].blocks[0]))
      gs->g[n++] = gs->g[i];
  gs->n = n;
  c->guards = gs;
}

void
mr_free_guards (mr_ctx *c)
{
  if (!c->guards)
    return;
  free (c->guards->idom);
  free (c->guards->rpo_index);
  free (c->guards->pre);
  free (c->guards->post);
  free (c->guards);
  c->guards = NULL;
}

/* What the path knows of two pointers compared for equality: the same object
   and offset, or a pair a branch tested earlier on it (ptr-eq.c).  Bit 0, the
   test may hold; bit 1, it may fail.  */
static unsigned
ptr_cmp_may (const mr_ctx *c, const mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs)
{
  mr_ref a = mr_ref_of (c, s, lhs), b = mr_ref_of (c, s, rhs);
  if (!mr_is_object (a.obj) || !mr_is_object (b.obj))
    return 3;
  int equal = a.obj == b.obj && a.off == b.off && a.off != MR_OFF_UNKNOWN
	      && a.off != MR_OFF_POSITIVE ? 1 : mr_state_ptr_eq (s, a, b);
  if (equal < 0)
    return 3;
  return (equal == (op == MR_CMP_EQ)) ? 1 : 2;
}

/* What the facts say of one comparison with a constant, or of two pointers: bit
   0, it may hold; bit 1, it may fail.  */
static unsigned
cmp_may (const mr_ctx *c, const mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs,
	 bool is_unsigned, bool is_pointer)
{
  if (is_pointer && (op == MR_CMP_EQ || op == MR_CMP_NE) && lhs.kind == MR_OPND_VALUE
      && rhs.kind == MR_OPND_VALUE)
    return ptr_cmp_may (c, s, lhs, op, rhs);
  if (lhs.kind == MR_OPND_CONST && rhs.kind != MR_OPND_CONST)
    {
      mr_opnd t = lhs;
      lhs = rhs, rhs = t;
      op = op == MR_CMP_LT ? MR_CMP_GT : op == MR_CMP_GT ? MR_CMP_LT
	   : op == MR_CMP_LE ? MR_CMP_GE : op == MR_CMP_GE ? MR_CMP_LE : op;
    }
  int64_t off;
  uint32_t root = rhs.kind == MR_OPND_CONST ? mr_root_of (c, lhs, &off) : 0;
  const mr_fact *fa = root && !off ? mr_state_fact (s, root) : NULL;
  if (!fa || (is_unsigned && (rhs.num < 0 || fa->lo < 0)))
    return 3;
  int64_t k = rhs.num, lo = fa->lo, hi = fa->hi;
  bool eq_may = k >= lo && k <= hi && !(fa->has_ne && fa->ne == k);
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

/* May block b's condition send the state along its TRUE edge (bit 0), its FALSE
   edge (bit 1)?  */
static unsigned
term_may (const mr_ctx *c, const mr_state *s, const mr_term *t)
{
  unsigned m1 = cmp_may (c, s, t->lhs, t->op, t->rhs, t->is_unsigned, t->is_pointer);
  if (t->combine == MR_COMBINE_NONE)
    return m1;
  unsigned m2 = cmp_may (c, s, t->lhs2, t->op2, t->rhs2, t->is_unsigned2, t->is_pointer2);
  if (t->combine == MR_COMBINE_AND)
    return ((m1 & m2) & 1) | ((m1 | m2) & 2);
  return ((m1 | m2) & 1) | ((m1 & m2) & 2);
}

/* Can the state leave guard g from block b other than to its exit?  memo: per
   guard block, 0 unknown, 1 no, 2 yes.  */
static bool
may_continue (const mr_ctx *c, const mr_state *s, const guard *g, uint32_t b,
	      uint8_t *memo)
{
  if (b == g->exit)
    return false;
  uint32_t i = 0;
  while (i < g->nblocks && g->blocks[i] != b)
    i++;
  if (i == g->nblocks)
    return true;		/* cont */
  if (memo[i])
    return memo[i] == 2;
  const mr_block *blk = &c->f->blocks[b];
  unsigned may = term_may (c, s, &blk->term);
  bool yes = false;
  for (uint32_t k = 0; k < blk->nsuccs && !yes; k++)
    {
      const mr_edge *e = &c->f->edges[blk->succs[k]];
      if ((e->kind == MR_EDGE_TRUE && (may & 1)) || (e->kind == MR_EDGE_FALSE && (may & 2)))
	yes = may_continue (c, s, g, e->dst, memo);
    }
  memo[i] = yes ? 2 : 1;
  return yes;
}

bool
mr_guards_allow (const mr_ctx *c, const mr_state *s, uint32_t b)
{
  const struct mr_guards *gs = c->guards;
  for (uint32_t i = 0; gs && i < gs->n; i++)
    {
      const guard *g = &gs->g[i];
      if (!dominates (gs, g->cont, b))
	continue;
      uint8_t memo[GUARD_BLOCKS] = { 0 };
      if (!may_continue (c, s, g, g->blocks[0], memo))
	return false;
    }
  return true;
}
