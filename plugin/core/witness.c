/* witness.c — a free is a witness of the conditions that led to it.

     r = fill (buf, &result);
     if (r != 0 || result == NULL)
       free (buf);
     if (r != 0)
       return r;
     if (result == NULL)
       return -2;
     free (buf);

   The two ways into the free (r != 0; r == 0 and result NULL) leave states with
   the same typestates, which the join merges: what each knew of r and result is
   lost, and the path r == 0, result not NULL, buf freed reaches the second free.
   But a state in which buf is freed by the free in that block passed the
   conditions that lead there: some way through them to the free must still be
   open with what the state knows now.  After `r != 0` fails and `result == NULL`
   fails, none is, and the path cannot happen.

   A group is the block of conditions that sends paths to a block holding a free
   (its target), found by cond-group.c as for guards.c's early exits: grown
   backwards from the target's predecessors while each block goes only to the
   group, the target or one other block; all but the head only test.  The check
   (mr_witnesses_allow, on each edge the driver refines) takes each freed object
   of the state whose free is in a group's target and evaluates the group's
   conditions with the state's facts.  It holds only when what the conditions
   read is still what they read then:

   - the object was freed by that free on every path the state stands for: no
     other free or realloc reaches the block (a join keeps one of two places);
   - the object is the instance that free freed: not retired by a later run of its
     allocation (MR_OBJ_OLD), and from the target no block that defines a value
     the conditions test can be reached other than through the allocation's block
     (a loop that runs the conditions again allocates again first);
   - a condition on a value loaded from a local variable (`result`, whose address
     went to fill) reads the variable's slot in the state instead: the value a
     later load of it gives (the join lost the slot, the later load is another
     value).  The variable's address is never copied into a pointer, and no
     block reachable from the target (again, other than through the allocation's)
     stores into it or passes its address to a call.

   Found once per function (mr_find_witnesses); functions whose frees are not
   behind two conditions or more have none and pay one pointer test per edge.  */

#include "engine-int.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define GROUP_LOADS 4
#define MAX_GROUPS 16
#define MAX_FREE_BLOCKS 32
#define GROUP_MEMO 4

#define NO_BLOCK MR_NO_BLOCK
#define SEVERAL (UINT32_MAX - 1)

typedef struct group_load
{
  uint32_t root;		/* the value a condition tests */
  uint32_t decl;		/* loaded from this local */
  int64_t off;			/* at this offset */
} group_load;

typedef struct group
{
  mr_cond_group cg;		/* target: the block of the free */
  group_load loads[GROUP_LOADS];
  uint32_t nloads;
  /* Whether what the conditions read is kept after the target, by the block
     of the freed object's allocation (NO_BLOCK: none).  */
  uint32_t memo_alloc[GROUP_MEMO];
  bool memo_kept[GROUP_MEMO];
  uint32_t nmemo;
} group;

struct mr_witnesses
{
  group g[MAX_GROUPS];
  uint32_t n;
  uint32_t *group_of;		/* block -> group + 1, 0 for none */
  const uint32_t *block_of;	/* event id -> block (mr_event_blocks) */
  uint32_t *free_from;		/* block -> the one block with a free or realloc
				   that reaches it, NO_BLOCK or SEVERAL */
};

static bool
frees_in (const mr_block *blk)
{
  for (uint32_t k = 0; k < blk->nevents; k++)
    if (blk->events[k].kind == MR_EV_FREE || blk->events[k].kind == MR_EV_REALLOC)
      return true;
  return false;
}

/* Is the address of local decl d never copied into a value (only loaded from,
   stored into, or given to a call as an out-parameter)?  */
static bool
address_stays (const mr_func *f, uint32_t d)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      const mr_block *blk = &f->blocks[b];
      for (uint32_t i = 0; i < blk->nphis; i++)
	for (uint32_t p = 0; p < blk->npreds; p++)
	  if (blk->phis[i].args[p].kind == MR_OPND_ADDR && blk->phis[i].args[p].id == d)
	    return false;
      for (uint32_t k = 0; k < blk->nevents; k++)
	{
	  const mr_event *e = &blk->events[k];
	  bool moves_a = e->kind != MR_EV_LOAD && e->kind != MR_EV_STORE
			 && e->kind != MR_EV_DEREF && e->kind != MR_EV_CALL;
	  if ((moves_a && e->a.kind == MR_OPND_ADDR && e->a.id == d)
	      || (e->b.kind == MR_OPND_ADDR && e->b.id == d))
	    return false;
	}
    }
  return true;
}

/* May event e write local d: a store into it, its address given to a call, or
   moved anywhere but a load's address?  */
static bool
writes_local (const mr_event *e, uint32_t d)
{
  if ((e->kind != MR_EV_LOAD && e->a.kind == MR_OPND_ADDR && e->a.id == d)
      || (e->b.kind == MR_OPND_ADDR && e->b.id == d))
    return true;
  for (uint32_t a = 0; e->kind == MR_EV_CALL && e->call && a < e->call->nargs; a++)
    if (e->call->args[a].kind == MR_OPND_ADDR && e->call->args[a].id == d)
      return true;
  return false;
}

/* Does an event of blk after its k-th write local d (a load of it would not
   give what the slot holds after the block)?  The group's other blocks only
   test.  */
static bool
written_after (const mr_block *blk, uint32_t k, uint32_t d)
{
  for (k++; k < blk->nevents; k++)
    if (writes_local (&blk->events[k], d))
      return true;
  return false;
}

/* The conditions' values loaded from locals, read from the state's slot at the
   check (the others are tested as the SSA values they are).  */
static void
find_loads (const mr_func *f, group *g)
{
  for (uint32_t i = 0; i < g->cg.nblocks; i++)
    {
      const mr_block *blk = &f->blocks[g->cg.blocks[i]];
      for (uint32_t k = 0; k < blk->nevents; k++)
	{
	  const mr_event *e = &blk->events[k];
	  if (e->kind != MR_EV_LOAD || !e->dst || e->a.kind != MR_OPND_ADDR
	      || e->a.id >= f->ndecls || f->decls[e->a.id].kind != MR_DECL_LOCAL
	      || e->off == MR_OFF_UNKNOWN || e->off == MR_OFF_POSITIVE
	      || g->nloads == GROUP_LOADS || !address_stays (f, e->a.id)
	      || written_after (blk, k, e->a.id))
	    continue;
	  int64_t off;
	  uint32_t root = mr_func_root (f, e->dst, &off);
	  if (root && !off)
	    g->loads[g->nloads++] = (group_load) { root, e->a.id, mr_off_add (e->a.num, e->off) };
	}
    }
}

static const group_load *
load_of (const group *g, uint32_t root)
{
  for (uint32_t i = 0; i < g->nloads; i++)
    if (g->loads[i].root == root)
      return &g->loads[i];
  return NULL;
}

/* Marks in *from the blocks that the free or realloc of block fb reaches (itself
   included).  */
static void
mark_reached (const mr_func *f, uint32_t fb, uint32_t *from, uint32_t *stack,
	      uint8_t *seen)
{
  memset (seen, 0, f->nblocks);
  uint32_t sp = 0;
  stack[sp++] = fb;
  seen[fb] = 1;
  while (sp)
    {
      uint32_t b = stack[--sp];
      from[b] = from[b] == NO_BLOCK || from[b] == fb ? fb : SEVERAL;
      const mr_block *blk = &f->blocks[b];
      for (uint32_t k = 0; k < blk->nsuccs; k++)
	{
	  uint32_t s = f->edges[blk->succs[k]].dst;
	  if (!seen[s])
	    seen[s] = 1, stack[sp++] = s;
	}
    }
}

void
mr_find_witnesses (mr_ctx *c)
{
  const mr_func *f = c->f;
  uint32_t nfree = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    nfree += frees_in (&f->blocks[b]);
  if (!nfree || nfree > MAX_FREE_BLOCKS)
    return;
  struct mr_witnesses *w = NULL;
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      group g = { 0 };
      if (!frees_in (&f->blocks[b]) || !mr_cond_group_to (f, b, true, &g.cg))
	continue;
      if (!w)
	{
	  w = mr_xcalloc (1, sizeof *w);
	  w->group_of = mr_xcalloc (f->nblocks, sizeof *w->group_of);
	}
      find_loads (f, &g);
      w->g[w->n++] = g;
      w->group_of[b] = w->n;
      if (w->n == MAX_GROUPS)
	break;
    }
  if (!w)
    return;
  w->block_of = mr_event_blocks (c);
  w->free_from = mr_xcalloc (f->nblocks, sizeof *w->free_from);
  uint32_t *stack = mr_xcalloc (f->nblocks, sizeof *stack);
  uint8_t *seen = mr_xcalloc (f->nblocks, 1);
  for (uint32_t b = 0; b < f->nblocks; b++)
    w->free_from[b] = NO_BLOCK;
  for (uint32_t b = 0; b < f->nblocks; b++)
    if (frees_in (&f->blocks[b]))
      mark_reached (f, b, w->free_from, stack, seen);
  free (stack);
  free (seen);
  c->witnesses = w;
}

void
mr_free_witnesses (mr_ctx *c)
{
  if (!c->witnesses)
    return;
  free (c->witnesses->group_of);
  free (c->witnesses->free_from);
  free (c->witnesses);
  c->witnesses = NULL;
}

/* Is root a value a condition of g tests as itself (not read from a local)?  */
static bool
tested_root (const mr_func *f, const group *g, uint32_t root)
{
  for (uint32_t i = 0; i < g->cg.nblocks; i++)
    {
      const mr_term *t = &f->blocks[g->cg.blocks[i]].term;
      mr_opnd ops[4] = { t->lhs, t->rhs, t->lhs2, t->rhs2 };
      for (uint32_t k = 0; k < (t->combine == MR_COMBINE_NONE ? 2u : 4u); k++)
	{
	  int64_t off;
	  uint32_t r = mr_opnd_root (f, ops[k], &off);
	  if (r && r == root && !load_of (g, r))
	    return true;
	}
    }
  return false;
}

/* May block blk define a value g's conditions test, or write a local they read?  */
static bool
changes_reads (const mr_func *f, const group *g, const mr_block *blk)
{
  for (uint32_t i = 0; i < blk->nphis; i++)
    {
      int64_t off;
      if (tested_root (f, g, mr_func_root (f, blk->phis[i].dst, &off)))
	return true;
    }
  for (uint32_t k = 0; k < blk->nevents; k++)
    {
      const mr_event *e = &blk->events[k];
      /* (A copy names the value it copies: no new one.)  */
      int64_t off;
      if (e->dst && mr_func_root (f, e->dst, &off) == e->dst && tested_root (f, g, e->dst))
	return true;
      for (uint32_t l = 0; l < g->nloads; l++)
	if (writes_local (e, g->loads[l].decl))
	  return true;
    }
  return false;
}

/* Is what g's conditions read kept from its target on, the path going back
   only through block alloc (NO_BLOCK: no such block)?  */
static bool
reads_kept (const mr_func *f, group *g, uint32_t alloc)
{
  for (uint32_t i = 0; i < g->nmemo; i++)
    if (g->memo_alloc[i] == alloc)
      return g->memo_kept[i];
  /* (More allocations than the memo holds: not judged, so never walked again.)  */
  if (g->nmemo == GROUP_MEMO)
    return false;
  uint32_t *stack = mr_xcalloc (f->nblocks, sizeof *stack);
  uint8_t *seen = mr_xcalloc (f->nblocks, 1);
  uint32_t sp = 0;
  stack[sp++] = g->cg.target;
  seen[g->cg.target] = 1;
  bool kept = true;
  while (sp && kept)
    {
      uint32_t b = stack[--sp];
      const mr_block *blk = &f->blocks[b];
      kept = !changes_reads (f, g, blk);
      for (uint32_t k = 0; k < blk->nsuccs; k++)
	{
	  uint32_t s = f->edges[blk->succs[k]].dst;
	  if (!seen[s] && s != alloc)
	    seen[s] = 1, stack[sp++] = s;
	}
    }
  free (stack);
  free (seen);
  g->memo_alloc[g->nmemo] = alloc;
  g->memo_kept[g->nmemo++] = kept;
  return kept;
}

/* What the state knows of a tested operand: *root with a fact to read, or a
   constant (*num).  Returns 0 unknown, 1 a root, 2 a constant.  */
static int
operand_now (const mr_ctx *c, const mr_state *s, const group *g, mr_opnd o,
	     uint32_t *root, int64_t *num)
{
  if (o.kind == MR_OPND_CONST)
    {
      *num = o.num;
      return 2;
    }
  int64_t off;
  uint32_t r = mr_opnd_root (c->f, o, &off);
  if (!r || off)
    return 0;
  const group_load *l = load_of (g, r);
  if (!l)
    {
      *root = r;
      return 1;
    }
  mr_ref content;
  if (!mr_state_load (s, (mr_ref) { MR_OBJ_DECL | l->decl, l->off }, &content))
    return 0;
  if (content.obj == MR_OBJ_NULL)
    {
      *num = content.off;
      return 2;
    }
  if ((content.obj & MR_OBJ_KIND_MASK) == MR_OBJ_SYM && content.off == 0)
    {
      *root = MR_OBJ_INDEX (content.obj);
      return 1;
    }
  if (mr_is_object (content.obj) && content.off == 0
      && mr_obj_ts (s, content.obj) == MR_TS_NULL)
    {
      *num = 0;
      return 2;
    }
  return 0;
}

/* What cmp_may reads: the function, the state being checked and the group.  */
typedef struct witness_env
{
  const mr_ctx *c;
  const mr_state *s;
  const group *g;
} witness_env;

/* May `lhs op rhs` hold (bit 0), fail (bit 1) in the state?  */
static unsigned
cmp_may (const void *env, mr_opnd lhs, mr_cmp op, mr_opnd rhs, bool is_unsigned,
	 bool is_pointer)
{
  (void) is_pointer;
  const witness_env *we = env;
  uint32_t lroot = 0, rroot = 0;
  int64_t lnum = 0, rnum = 0;
  int lk = operand_now (we->c, we->s, we->g, lhs, &lroot, &lnum);
  int rk = operand_now (we->c, we->s, we->g, rhs, &rroot, &rnum);
  if (lk == 2 && rk == 1)
    {
      lk = 1, rk = 2;
      lroot = rroot, rnum = lnum;
      op = mr_cmp_mirror (op);
    }
  if (lk == 2 && rk == 2)
    return mr_range_cmp_may (lnum, lnum, false, 0, op, rnum);
  if (lk != 1 || rk != 2)
    return 3;
  const mr_fact *fa = mr_state_fact (we->s, lroot);
  if (!fa || (is_unsigned && (rnum < 0 || fa->lo < 0)))
    return 3;
  return mr_range_cmp_may (fa->lo, fa->hi, fa->has_ne, fa->ne, op, rnum);
}

bool
mr_witnesses_allow (const mr_ctx *c, const mr_state *s, uint32_t at)
{
  struct mr_witnesses *w = c->witnesses;
  const mr_func *f = c->f;
  for (uint32_t i = 0; i < s->nobjs; i++)
    {
      const mr_objst *o = &s->objs[i];
      if (o->ts != MR_TS_FREED || !o->ev || o->ev->kind != MR_EV_FREE
	  || (o->key & MR_OBJ_OLD) || o->ev->id >= f->nevents)
	continue;
      uint32_t t = w->block_of[o->ev->id];
      uint32_t gi = t != NO_BLOCK ? w->group_of[t] : 0;
      if (!gi || w->free_from[at] != t)
	continue;
      group *g = &w->g[gi - 1];
      uint32_t alloc = NO_BLOCK;
      if ((o->key & MR_OBJ_KIND_MASK) == MR_OBJ_ALLOC && MR_OBJ_INDEX (o->key) < f->nevents)
	alloc = w->block_of[MR_OBJ_INDEX (o->key)];
      if (!reads_kept (f, g, alloc))
	continue;
      witness_env env = { c, s, g };
      if (!mr_cond_group_may_reach (f, &g->cg, true, cmp_may, &env))
	return false;
    }
  return true;
}
