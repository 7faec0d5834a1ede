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
   MR_GROUP_BLOCKS blocks.  */

#include "engine-int.h"
#include "util.h"

#include <stdlib.h>

#define MAX_GUARDS 16

struct mr_guards
{
  mr_cond_group g[MAX_GUARDS];	/* target: the exit */
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

/* The guard that leads to exit block x, if there is one: the conditions that send
   paths to x (cond-group.c), going on to a block that is not itself an exit.  */
static bool
guard_to (const mr_func *f, uint32_t x, mr_cond_group *g)
{
  return mr_cond_group_to (f, x, false, g) && !only_exits (f, g->cont);
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
      mr_cond_group g;
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

/* What cmp_may reads: the function and the state being checked.  */
typedef struct guard_env
{
  const mr_ctx *c;
  const mr_state *s;
} guard_env;

/* What the facts say of one comparison (cmp-known.c): bit 0, it may hold; bit
   1, it may fail.  */
static unsigned
cmp_may (const void *env, mr_opnd lhs, mr_cmp op, mr_opnd rhs, bool is_unsigned,
	 bool is_pointer)
{
  const guard_env *ge = env;
  return mr_cmp_known (ge->c, ge->s, lhs, op, rhs, is_unsigned, is_pointer);
}

bool
mr_guards_allow (const mr_ctx *c, const mr_state *s, uint32_t b)
{
  const struct mr_guards *gs = c->guards;
  for (uint32_t i = 0; gs && i < gs->n; i++)
    {
      const mr_cond_group *g = &gs->g[i];
      if (!dominates (gs, g->cont, b))
	continue;
      guard_env env = { c, s };
      if (!mr_cond_group_may_reach (c->f, g, false, cmp_may, &env))
	return false;
    }
  return true;
}
