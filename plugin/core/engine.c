/* engine.c — the analysis driver: worklist over blocks, refinement on edges, ESP
   merging, the budget and the memory cap (see engine.h).  What each event does to a
   state is transfer.c's; the rules are plug-ins (rule.h, rules/), fired by it.

   Shape of the loop:
     states[b]  the states at the entry of block b, one per distinct typestate table
     worklist   blocks whose states changed, taken in reverse post-order so that a join
                point usually sees all its predecessors before it runs
   Processing a block runs each changed ("dirty") state through the block's events
   (a realloc splits a state in two: success and failure), then, for each successor
   edge, refines a copy on the edge's condition, applies the successor's PHIs for that
   edge and merges it into the successor's states.  */

#include "engine-int.h"
#include "infer.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Functions above this many blocks keep proportionally fewer states per block.  */
#define MR_BIG_FUNCTION 256

/* The default memory cap, in MiB (mr_config.max_memory).  */
#define MR_DEFAULT_MEMORY_MIB 256

void
mr_config_default (mr_config *cfg)
{
  memset (cfg, 0, sizeof *cfg);
  mr_rules_default (cfg);
  cfg->max_states_per_block = 16;
  cfg->max_work = 20000000;
  cfg->max_memory = (uint64_t) MR_DEFAULT_MEMORY_MIB << 20;
}

void
mr_result_free (mr_result *r)
{
  free (r->findings);
  memset (r, 0, sizeof *r);
}

/* PHIs of block `to` for its incoming edge number `k`, as one parallel assignment.  */
static void
apply_phis (mr_ctx *c, mr_state *s, const mr_block *to, uint32_t k)
{
  if (!to->nphis)
    return;
  mr_ref refs[64];
  uint32_t n = to->nphis < 64 ? to->nphis : 64;
  for (uint32_t i = 0; i < n; i++)
    refs[i] = to->phis[i].is_pointer ? mr_ref_of (c, s, to->phis[i].args[k])
				     : (mr_ref) { MR_OBJ_NONE, 0 };
  /* Integer PHIs: facts move with the values; computed before any is assigned.  */
  mr_fact facts[64];
  bool has[64];
  for (uint32_t i = 0; i < n; i++)
    {
      mr_opnd a = to->phis[i].args[k];
      has[i] = false;
      if (to->phis[i].is_pointer)
	continue;
      if (a.kind == MR_OPND_CONST)
	{
	  facts[i] = (mr_fact) { .lo = a.num, .hi = a.num };
	  has[i] = true;
	}
      else
	{
	  int64_t off;
	  uint32_t root = mr_root_of (c, a, &off);
	  const mr_fact *f = root && off == 0 ? mr_state_fact (s, root) : NULL;
	  if (f)
	    facts[i] = *f, has[i] = true;
	}
    }
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t dst = to->phis[i].dst;
      if (to->phis[i].is_pointer)
	{
	  mr_state_forget_fact (s, dst);
	  if (refs[i].obj == MR_OBJ_NONE)
	    {
	      mr_state_unbind (s, dst);
	      mr_state_retire (s, MR_OBJ_SYM | dst);
	    }
	  else
	    mr_state_bind (s, dst, refs[i]);
	}
      /* An integer compared with 0 may have been bound to NULL (refine.c's
	 refine_null): the PHI defines it anew, in a loop or at a setjmp.  */
      else if (has[i])
	{
	  mr_state_unbind (s, dst);
	  mr_state_forget_fact (s, dst);
	  if (facts[i].prod_with == dst)
	    facts[i].prod_with = 0;
	  mr_state_set_const (s, dst, 0);
	  mr_fact *f = (mr_fact *) mr_state_fact (s, dst);
	  facts[i].value = dst;
	  *f = facts[i];
	}
      else
	{
	  mr_state_unbind (s, dst);
	  mr_state_forget_fact (s, dst);
	}
    }
  for (uint32_t i = n; i < to->nphis; i++)
    {
      mr_state_unbind (s, to->phis[i].dst);
      mr_state_forget_fact (s, to->phis[i].dst);
    }
}

/* The driver.  */

typedef struct block_states
{
  mr_state **v;
  uint32_t n, cap;
} block_states;

typedef struct driver
{
  mr_ctx ctx;
  block_states *at;		/* states at each block's entry */
  uint32_t *rpo_index;		/* block -> position in reverse post-order */
  uint32_t *heap;		/* worklist: a binary min-heap of rpo positions */
  uint32_t nheap;
  bool *queued;
  uint32_t *rpo;		/* position -> block */
  const mr_event **return_ev;	/* block -> its RETURN if it only returns, else NULL */
  bool *loop_target;		/* block -> reached by a back edge */
  uint32_t max_states;		/* states kept per block: the configured number,
				   scaled for big functions, 1 once squeezed */
  uint64_t state_base;		/* mr_state_bytes_live () when the analysis began */
  uint64_t own_bytes;		/* the driver's tables: per block, per value */
  bool squeezed;		/* past half the memory cap: one state per block */
  bool halted;			/* the memory cap stopped the analysis */
  bool lend;			/* a block no back edge reaches runs its own states,
				   not copies (process_block) */
  uint64_t lent_bytes;		/* what the states lent to the running block
				   counted (mr_state_lend); 0: none lent */
  bool redo;			/* half the memory cap was reached while states were
				   lent: the function is analysed again, without */
  mr_state_list run;		/* the states of the block being run (process_block),
				   kept from block to block: no allocation per block */
} driver;

static void
heap_push (driver *d, uint32_t block)
{
  if (d->queued[block])
    return;
  d->queued[block] = true;
  uint32_t i = d->nheap++;
  d->heap[i] = d->rpo_index[block];
  while (i && d->heap[(i - 1) / 2] > d->heap[i])
    {
      uint32_t p = (i - 1) / 2, t = d->heap[p];
      d->heap[p] = d->heap[i];
      d->heap[i] = t;
      i = p;
    }
}

static uint32_t
heap_pop (driver *d)
{
  uint32_t top = d->heap[0];
  d->heap[0] = d->heap[--d->nheap];
  for (uint32_t i = 0;;)
    {
      uint32_t l = 2 * i + 1, r = l + 1, m = i;
      if (l < d->nheap && d->heap[l] < d->heap[m])
	m = l;
      if (r < d->nheap && d->heap[r] < d->heap[m])
	m = r;
      if (m == i)
	break;
      uint32_t t = d->heap[m];
      d->heap[m] = d->heap[i];
      d->heap[i] = t;
      i = m;
    }
  uint32_t block = d->rpo[top];
  d->queued[block] = false;
  return block;
}

/* Reverse post-order of the blocks reachable from the entry; unreachable blocks get
   positions after them (they are never queued).  */
static void
compute_rpo (driver *d, const mr_func *f)
{
  uint32_t n = f->nblocks;
  uint32_t *post = mr_xmalloc (n * sizeof *post);
  uint32_t *stack = mr_xmalloc (n * sizeof *stack);
  uint32_t *next_succ = mr_xcalloc (n, sizeof *next_succ);
  bool *seen = mr_xcalloc (n, sizeof *seen);
  uint32_t npost = 0, sp = 0;
  stack[sp++] = f->entry;
  seen[f->entry] = true;
  while (sp)
    {
      uint32_t b = stack[sp - 1];
      if (next_succ[b] < f->blocks[b].nsuccs)
	{
	  uint32_t s = f->edges[f->blocks[b].succs[next_succ[b]++]].dst;
	  if (!seen[s])
	    {
	      seen[s] = true;
	      stack[sp++] = s;
	    }
	}
      else
	{
	  post[npost++] = b;
	  sp--;
	}
    }
  uint32_t pos = 0;
  for (uint32_t i = npost; i-- > 0;)
    {
      d->rpo[pos] = post[i];
      d->rpo_index[post[i]] = pos++;
    }
  for (uint32_t b = 0; b < n; b++)
    if (!seen[b])
      {
	d->rpo[pos] = b;
	d->rpo_index[b] = pos++;
      }
  free (post);
  free (stack);
  free (next_succ);
  free (seen);
}

/* The memory cap.  What one function's analysis holds is counted where it is
   allocated: the states (state.c keeps a running total of their structs and
   tables) and the driver's own tables.  Past half of cfg->max_memory the states of
   every block are merged into one and each block keeps one state from then on
   (squeeze): the analysis goes on, path-insensitive, with a fraction of the
   memory.  Past cfg->max_memory it stops, as at the work budget.  */

/* Bytes the analysis holds now; records the peak.  */
static uint64_t
memory_used (driver *d)
{
  uint64_t used = mr_state_bytes_live () - d->state_base + d->own_bytes;
  if (used > d->ctx.out->memory_peak)
    d->ctx.out->memory_peak = used;
  return used;
}

/* Merges each block's states into its first one, lossily, and keeps one state per
   block from then on.  A block whose state changed runs again.  */
static void
squeeze (driver *d)
{
  d->squeezed = true;
  d->ctx.out->squeezed = true;
  d->max_states = 1;
  for (uint32_t b = 0; b < d->ctx.f->nblocks; b++)
    {
      block_states *bs = &d->at[b];
      if (bs->n < 2)
	continue;
      d->ctx.out->degraded = true;
      mr_state *first = bs->v[0];
      bool dirty = first->dirty;
      for (uint32_t i = 1; i < bs->n; i++)
	{
	  dirty |= bs->v[i]->dirty;
	  dirty |= mr_state_join_lossy (first, bs->v[i]);
	  mr_state_free (bs->v[i]);
	}
      bs->n = 1;
      mr_state_forget_sig (first);
      first->dirty = dirty;
      if (dirty)
	heap_push (d, b);
    }
}

/* Checks the memory cap: squeezes past half of it, halts past it.  Returns true
   if the analysis must stop.  */
static bool
over_memory (driver *d)
{
  uint64_t cap = d->ctx.cfg->max_memory;
  if (d->halted)
    return true;
  uint64_t used = memory_used (d);
  if (!cap)
    return false;
  if (used > cap / 2 && !d->squeezed && d->lent_bytes)
    {
      /* The squeeze would merge the lent states, which the running block has
	 changed: the analysis starts again without lending (mr_analyze).  */
      d->redo = d->halted = true;
      return true;
    }
  if (used > cap / 2 && !d->squeezed)
    {
      squeeze (d);
      used = memory_used (d);
    }
  if (used <= cap)
    return false;
  d->halted = true;
  d->ctx.out->stopped = true;
  d->ctx.out->stopped_memory = true;
  return true;
}

/* Merges t into the states at block b (taking ownership of t).  Returns true if the
   block has new work.  A state kept at a block gets its signature's halves when
   another state arrives there (state.c: mr_state_note), many are run and dropped
   without any.  */
static bool
add_state (driver *d, uint32_t b, mr_state *t)
{
  block_states *bs = &d->at[b];
  t->sig_parts = 0;
  if (bs->n)
    mr_state_note (t);
  for (uint32_t i = 0; i < bs->n; i++)
    if (!mr_state_told_from_noted (bs->v[i], t) && mr_state_same_as_noted (bs->v[i]))
      {
	bool changed = mr_state_join_compared (bs->v[i], t);
	mr_state_free (t);
	if (changed)
	  bs->v[i]->dirty = true;
	return changed;
      }
  if (bs->n < d->max_states)
    {
      t->dirty = true;
      uint32_t cap = bs->cap;
      MR_VEC_PUSH (bs->v, bs->n, bs->cap);
      d->own_bytes += (uint64_t) (bs->cap - cap) * sizeof *bs->v;
      bs->v[bs->n - 1] = t;
      return true;
    }
  /* Over budget: merge into the last state, losing path sensitivity here.  */
  d->ctx.out->degraded = true;
  mr_state *last = bs->v[bs->n - 1];
  bool changed = mr_state_join_lossy (last, t);
  mr_state_forget_sig (last);
  mr_state_free (t);
  if (changed)
    last->dirty = true;
  return changed;
}

static uint32_t pred_index (const mr_func *f, uint32_t edge);

/* State t arrives at the destination of edge e: its PHIs, the checks of a path that
   returns, then the merge.  */
static void
enter_block (driver *d, const mr_edge *e, mr_state *t)
{
  mr_ctx *c = &d->ctx;
  const mr_func *f = c->f;
  uint32_t edge = (uint32_t) (e - f->edges);
  if (d->halted)
    {
      mr_state_free (t);
      return;
    }
  apply_phis (c, t, &f->blocks[e->dst], pred_index (f, edge));
  if (d->return_ev[e->dst])
    {
      mr_summarize_returned_param (c, t, d->return_ev[e->dst]);
      mr_array_walks_at_return (c, t);
      MR_FIRE (c, MR_HOOK_AT_RETURN, at_return, c, t, d->return_ev[e->dst], &e->loc);
    }
  if (add_state (d, e->dst, t))
    heap_push (d, e->dst);
  over_memory (d);
}

void
mr_path_returns (mr_ctx *c, mr_state *s, const mr_event *ret)
{
  mr_summarize_return (c, s, ret);
  /* A shared return block's were judged on each edge into it (enter_block).  */
  if (!c->return_block_ev || c->return_block_ev != ret)
    {
      mr_summarize_returned_param (c, s, ret);
      mr_array_walks_at_return (c, s);
      MR_FIRE (c, MR_HOOK_AT_RETURN, at_return, c, s, ret, NULL);
    }
}

/* Index of edge e among the preds of its destination.  */
static uint32_t
pred_index (const mr_func *f, uint32_t edge)
{
  const mr_block *to = &f->blocks[f->edges[edge].dst];
  for (uint32_t k = 0; k < to->npreds; k++)
    if (to->preds[k] == edge)
      return k;
  return 0;
}

static void
process_block (driver *d, uint32_t b)
{
  mr_ctx *c = &d->ctx;
  const mr_func *f = c->f;
  const mr_block *blk = &f->blocks[b];
  block_states *bs = &d->at[b];
  mr_state_list run = d->run;
  run.n = 0;
  c->return_block_ev = d->return_ev[b];
  /* A block no back edge reaches has its states freed once it has run (mr_analyze):
     they are lent to the run instead of copied, counted as the copies would be.  */
  bool lend = d->lend && !d->loop_target[b];
  uint32_t left = 0;
  for (uint32_t i = 0; i < bs->n; i++)
    if (bs->v[i]->dirty)
      {
	bs->v[i]->dirty = false;
	if (lend)
	  {
	    d->lent_bytes += mr_state_lend (bs->v[i]);
	    mr_state_list_push (&run, bs->v[i]);
	  }
	else
	  mr_state_list_push (&run, mr_state_copy (bs->v[i]));
      }
    else if (lend)
      bs->v[left++] = bs->v[i];
  if (lend)
    bs->n = left;
  for (uint32_t i = 0; i < run.n; i++)
    c->out->work += mr_state_size (run.v[i]) + blk->nevents + 1;
  /* Events, with splits appended to the running list.  */
  for (uint32_t k = 0; k < blk->nevents && !over_memory (d); k++)
    {
      uint32_t n = run.n;
      for (uint32_t i = 0; i < n; i++)
	if (!run.v[i]->dead)
	  mr_apply_event (c, run.v[i], &blk->events[k], &run);
    }
  /* Successors.  Past the memory cap (checked as each state arrives) the rest of
     the states are dropped.  */
  for (uint32_t i = 0; i < run.n; i++)
    {
      if (run.v[i]->dead || over_memory (d))
	{
	  mr_state_free (run.v[i]);
	  continue;
	}
      for (uint32_t k = 0; k < blk->nsuccs && !d->halted; k++)
	{
	  uint32_t edge = blk->succs[k];
	  const mr_edge *e = &f->edges[edge];
	  /* The last successor takes the state itself instead of a copy.  */
	  mr_state *t = k + 1 == blk->nsuccs ? run.v[i] : mr_state_copy (run.v[i]);
	  if (k + 1 == blk->nsuccs)
	    run.v[i] = NULL;
	  mr_state *extra;
	  bool feasible = mr_refine_edge (c, t, blk, e, &extra);
	  if (extra)
	    enter_block (d, e, extra);
	  if (!feasible)
	    {
	      mr_state_free (t);
	      continue;
	    }
	  enter_block (d, e, t);
	}
      mr_state_free (run.v[i]);
    }
  d->run = run;
}

/* Blocks that do nothing but return (after copies), reached by several paths: at
   -O0 every `return x;` jumps to one such block.  A leak is judged on each edge into
   it, where the path's own `return` statement is, instead of at the shared one.  */
static void
find_return_blocks (driver *d, const mr_func *f)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      const mr_block *blk = &f->blocks[b];
      if (!blk->npreds || b == f->entry)
	continue;
      for (uint32_t i = 0; i < blk->nevents; i++)
	{
	  mr_event_kind k = blk->events[i].kind;
	  if (k == MR_EV_RETURN)
	    {
	      d->return_ev[b] = &blk->events[i];
	      break;
	    }
	  if (k != MR_EV_COPY)
	    break;
	}
    }
  /* Blocks with nothing in them (a scope's end: only clobbers) that lead straight
     to a return block are part of it: the path's own return is before them.  */
  for (bool grew = true; grew;)
    {
      grew = false;
      for (uint32_t b = 0; b < f->nblocks; b++)
	{
	  const mr_block *blk = &f->blocks[b];
	  if (d->return_ev[b] || b == f->entry || blk->nevents || blk->nsuccs != 1
	      || blk->term.kind != MR_TERM_NONE)
	    continue;
	  uint32_t next = f->edges[blk->succs[0]].dst;
	  if (d->return_ev[next] && f->blocks[next].nphis == 0)
	    {
	      d->return_ev[b] = d->return_ev[next];
	      grew = true;
	    }
	}
    }
}

/* Does e store NULL through a pointer parameter (`*pp = 0;`, a unique_ptr's
   `u.release ()` through a reference)?  Its callers' pointer then no longer holds
   their block: only the walk's out-store summary (summarize-out.c) tells them.  */
static bool
clears_through_param (const mr_func *f, const mr_event *e)
{
  if (e->kind != MR_EV_STORE || !(e->flags & MR_EVF_POINTER)
      || (e->flags & MR_EVF_AGGREGATE) || e->a.kind != MR_OPND_VALUE
      || e->b.kind != MR_OPND_CONST || e->b.num != 0)
    return false;
  int64_t off;
  return mr_param_of (f, e->a, &off) >= 0;
}

/* The pointer variables the function reads on a path where nothing was
   assigned to them (the glue made a stand-in for each: uninit-read): their
   decls, *n of them (NULL if none).  The one walk over the declarations:
   worth_analysing asks whether there are any, entry_state tracks them.  */
static uint32_t *
unassigned_reads (const mr_func *f, uint32_t *n)
{
  uint32_t *v = NULL, cap = 0;
  *n = 0;
  for (uint32_t i = 0; i < f->ndecls; i++)
    if (f->decls[i].kind == MR_DECL_INDETERMINATE)
      {
	MR_VEC_PUSH (v, *n, cap);
	v[*n - 1] = i;
      }
  return v;
}

/* The decl + 1 of the named object whose address operand o is, if it is one
   that can be released by mistake: a local, a static or a literal (not a
   function); 0 otherwise.  */
static uint32_t
releasable_decl (const mr_func *f, mr_opnd o)
{
  if (o.kind != MR_OPND_ADDR || o.id >= f->ndecls)
    return 0;
  mr_decl_kind k = f->decls[o.id].kind;
  return k == MR_DECL_LOCAL || k == MR_DECL_STATIC || k == MR_DECL_LITERAL ? o.id + 1 : 0;
}

/* The decl + 1 of the releasable named object whose address operand o is,
   directly or through a copy (addr_of: value -> decl + 1); 0 if none.  */
static uint32_t
addressed_decl (const mr_func *f, const uint32_t *addr_of, mr_opnd o)
{
  uint32_t d = releasable_decl (f, o);
  int64_t off;
  uint32_t root = o.kind == MR_OPND_VALUE ? mr_func_root (f, o.id, &off) : 0;
  if (!d && addr_of && root && root < f->nvalues)
    d = addr_of[root];
  return d;
}

/* The named objects whose address reaches a pointer PHI, `p = PHI <0, &buf>` or
   through a copy `t = &buf; p = PHI <0, t>` (where a join would otherwise lose
   which one p holds), or is stored in a local that lives in memory (a pointer
   variable whose address is taken, `char **w = &p; ... *w = buf;`: the join
   compares the slots that hold such objects, mr_state_same_typestates), in a
   function that releases something; NULL if none.  One walk over the events,
   once per function.  */
static uint8_t *
held_addresses (const mr_func *f)
{
  if (!f->ndecls)
    return NULL;
  bool releases = false;
  uint32_t *addr_of = NULL;	/* value -> decl + 1 its copy of an address */
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nevents; i++)
      {
	const mr_event *e = &f->blocks[b].events[i];
	releases |= e->kind == MR_EV_FREE || e->kind == MR_EV_REALLOC;
	uint32_t d;
	if (e->kind == MR_EV_COPY && (e->flags & MR_EVF_POINTER) && e->dst < f->nvalues
	    && (d = releasable_decl (f, e->a)))
	  {
	    if (!addr_of)
	      addr_of = mr_xcalloc (f->nvalues, sizeof *addr_of);
	    addr_of[e->dst] = d;
	  }
      }
  uint8_t *held = NULL;
  for (uint32_t b = 0; releases && b < f->nblocks; b++)
    {
      const mr_block *blk = &f->blocks[b];
      for (uint32_t i = 0; i < blk->nevents; i++)
	{
	  const mr_event *e = &blk->events[i];
	  uint32_t d, into;
	  if (e->kind != MR_EV_STORE || !(e->flags & MR_EVF_POINTER)
	      || !(into = addressed_decl (f, addr_of, e->a))
	      || f->decls[into - 1].kind != MR_DECL_LOCAL
	      || !(d = addressed_decl (f, addr_of, e->b)))
	    continue;
	  if (!held)
	    held = mr_xcalloc (f->ndecls, 1);
	  held[d - 1] = 1;
	}
      for (uint32_t i = 0; i < blk->nphis; i++)
	for (uint32_t k = 0; blk->phis[i].is_pointer && k < blk->npreds; k++)
	  {
	    uint32_t d = addressed_decl (f, addr_of, blk->phis[i].args[k]);
	    if (!d)
	      continue;
	    if (!held)
	      held = mr_xcalloc (f->ndecls, 1);
	    held[d - 1] = 1;
	  }
    }
  free (addr_of);
  return held;
}

/* The state at the function's entry.  The stand-ins for pointer variables read
   unassigned are tracked (non-heap, as an untracked declaration would be
   anyway), so that a path on which a pointer is bound to one is kept apart from
   a path on which it holds some other untracked pointer: a join would lose the
   binding, and with it the free-nonheap and uninit-read findings.  So are, in a
   function that releases memory, the locals, statics and literals whose address
   a PHI takes, or a pointer variable in memory is given: `p = 0; if (c) p =
   buf; free (p);` joins the path where p is NULL with the path where it is
   buf, and only the second frees non-heap memory.  (A function that releases
   nothing has no use for the distinction, and its paths stay joined; tracking
   more objects makes every state bigger.)  `unassigned`: the stand-ins' decls
   (unassigned_reads), n of them.  */
static mr_state *
entry_state (const mr_func *f, const uint32_t *unassigned, uint32_t n)
{
  mr_state *s = mr_state_new ();
  for (uint32_t k = 0; k < n; k++)
    mr_state_set_obj (s, MR_OBJ_DECL | unassigned[k], MR_TS_NONHEAP, MR_FAM_NONE, NULL);
  uint8_t *held = held_addresses (f);
  for (uint32_t i = 0; held && i < f->ndecls; i++)
    if (held[i])
      mr_state_set_obj (s, MR_OBJ_DECL | i, MR_TS_NONHEAP, MR_FAM_NONE, NULL);
  free (held);
  return s;
}

/* True if the function contains anything the enabled rules look at, returns
   what may be a parameter (its summary's returns_param), clears its caller's
   pointer (clears_through_param) or reads an unassigned pointer variable
   (`reads_unassigned`: unassigned_reads found some).  */
static bool
worth_analysing (const mr_func *f, bool reads_unassigned)
{
  if (reads_unassigned)
    return true;
  bool returns_pointer = false;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nevents; i++)
      {
	const mr_event *e = &f->blocks[b].events[i];
	if (e->kind == MR_EV_FREE || e->kind == MR_EV_REALLOC || e->kind == MR_EV_ALLOC
	    || (e->kind == MR_EV_CALL && e->size) || clears_through_param (f, e))
	  return true;
	returns_pointer |= e->kind == MR_EV_RETURN && e->a.kind == MR_OPND_VALUE;
      }
  return returns_pointer && mr_some_return_may_be_param (f);
}

static int
finding_order (const void *a, const void *b)
{
  const mr_finding *x = a, *y = b;
  if (x->ev->id != y->ev->id)
    return x->ev->id < y->ev->id ? -1 : 1;
  return (int) x->rule - (int) y->rule;
}

/* The walk over the blocks, from the entry state to the fixpoint (or the budget
   or the memory cap), into out.  `lend`: blocks no back edge reaches run their own
   states (process_block).  Returns false if lending had to be undone: the
   memory cap's squeeze struck while states were lent (over_memory).
   `unassigned`, n: the decls of entry_state's stand-ins.  */
static bool
run_driver (mr_func *f, const mr_config *cfg, mr_result *out, bool lend,
	    const uint32_t *unassigned, uint32_t n_unassigned)
{
  driver d = { .ctx = { f, cfg, out, NULL }, .lend = lend };
  uint32_t n = f->nblocks;
  d.at = mr_xcalloc (n, sizeof *d.at);
  d.rpo_index = mr_xcalloc (n, sizeof *d.rpo_index);
  d.rpo = mr_xcalloc (n, sizeof *d.rpo);
  d.heap = mr_xcalloc (n, sizeof *d.heap);
  d.queued = mr_xcalloc (n, sizeof *d.queued);
  d.return_ev = mr_xcalloc (n, sizeof *d.return_ev);
  d.loop_target = mr_xcalloc (n, sizeof *d.loop_target);
  compute_rpo (&d, f);
  find_return_blocks (&d, f);
  for (uint32_t e = 0; e < f->nedges; e++)
    if (d.rpo_index[f->edges[e].src] >= d.rpo_index[f->edges[e].dst])
      d.loop_target[f->edges[e].dst] = true;

  mr_find_param_loads (&d.ctx);
  mr_find_array_walks (&d.ctx);
  mr_find_products (&d.ctx);
  mr_find_conversions (&d.ctx);
  mr_find_guards (&d.ctx);
  mr_find_witnesses (&d.ctx);
  d.ctx.is_param = mr_xcalloc (f->nvalues ? f->nvalues : 1, 1);
  mr_rules_plan (&d.ctx.rules, cfg);
  d.max_states = cfg->max_states_per_block;
  d.state_base = mr_state_bytes_live ();
  d.own_bytes = (uint64_t) n * (sizeof *d.at + sizeof *d.rpo_index + sizeof *d.rpo
				+ sizeof *d.heap + sizeof *d.queued + sizeof *d.return_ev
				+ sizeof *d.loop_target)
		+ f->nvalues;
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (f->params[i] && f->params[i] < f->nvalues)
      d.ctx.is_param[f->params[i]] = 1;
  add_state (&d, f->entry, entry_state (f, unassigned, n_unassigned));
  heap_push (&d, f->entry);
  uint64_t start = out->work;
  while (d.nheap)
    {
      if (out->work - start >= cfg->max_work)
	{
	  out->stopped = true;
	  break;
	}
      if (over_memory (&d))
	break;
      uint32_t b = heap_pop (&d);
      process_block (&d, b);
      /* A block no back edge reaches has seen all its predecessors (they come first
	 in reverse post-order): its states are not needed again.  Freeing them keeps
	 the memory to the blocks of the loop being iterated.  */
      if (!d.loop_target[b])
	{
	  for (uint32_t i = 0; i < d.at[b].n; i++)
	    mr_state_free (d.at[b].v[i]);
	  d.at[b].n = 0;
	  mr_state_uncount (d.lent_bytes);
	  d.lent_bytes = 0;
	}
    }

  for (uint32_t b = 0; b < n; b++)
    {
      for (uint32_t i = 0; i < d.at[b].n; i++)
	mr_state_free (d.at[b].v[i]);
      free (d.at[b].v);
    }
  free (d.at);
  free (d.run.v);
  mr_state_trim ();
  free (d.rpo_index);
  free (d.rpo);
  free (d.heap);
  free (d.queued);
  free (d.return_ev);
  free (d.loop_target);
  free (d.ctx.is_param);
  mr_finish_summary (&d.ctx);
  mr_array_walks_summary (&d.ctx);
  free (d.ctx.convs);
  mr_free_guards (&d.ctx);
  mr_free_array_walks (&d.ctx);
  mr_free_witnesses (&d.ctx);
  mr_free_event_blocks (&d.ctx);
  return !d.redo;
}

void
mr_analyze (mr_func *f, const mr_config *cfg_in, mr_result *out)
{
  memset (&out->summary, 0, sizeof out->summary);
  out->summary.reallocs_param = -1;
  out->summary.returns_param = -1;
  mr_config cfg_copy = *cfg_in;
  if (cfg_copy.max_states_per_block < 1)
    cfg_copy.max_states_per_block = 1;
  /* Huge functions (a 1000-block option parser) keep fewer states per block: the
     states kept are the memory and the time, and a big function's paths would
     exceed the budget long before they were told apart.  */
  if (f->nblocks > MR_BIG_FUNCTION)
    {
      uint64_t scaled = (uint64_t) cfg_copy.max_states_per_block * MR_BIG_FUNCTION / f->nblocks;
      cfg_copy.max_states_per_block = scaled < 2 ? 2 : (uint32_t) scaled;
    }
  const mr_config *cfg = &cfg_copy;
  if (!f->nblocks)
    return;
  mr_func_resolve (f);
  mr_param_uses (f, &out->summary.derefs, &out->summary.uses);
  mr_summarize_stores (f, &out->summary);
  mr_summarize_result (f, &out->summary);
  mr_find_field_stores (f, &out->summary);
  uint32_t n_unassigned;
  uint32_t *unassigned = unassigned_reads (f, &n_unassigned);
  if (!worth_analysing (f, n_unassigned != 0))
    {
      out->summary.valid = true;	/* frees nothing, allocates nothing */
      mr_ctx quick = { .f = f, .cfg = cfg_in, .out = out };
      out->summary.no_clobber = mr_events_keep_callers_memory (&quick);
      return;
    }
  uint32_t first = out->nfindings;
  /* Lending (process_block) is undone by the squeeze of the memory cap, which is
     rare: the function is then analysed again, from what it was given.  */
  mr_result given = *out;
  if (!run_driver (f, cfg, out, true, unassigned, n_unassigned))
    {
      given.findings = out->findings;
      given.cap_findings = out->cap_findings;
      *out = given;
      run_driver (f, cfg, out, false, unassigned, n_unassigned);
    }
  free (unassigned);
  out->summary.valid = !out->stopped;
  if (out->summary.other_return)
    out->summary.returns_alloc = false;
  /* NULL on every path is not a deallocator: freed on one at least.  */
  out->summary.frees_always &= out->summary.frees_maybe;
  if (out->nfindings > first)
    qsort (out->findings + first, out->nfindings - first, sizeof *out->findings,
	   finding_order);
}
