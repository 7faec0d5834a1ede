/* summarize-elements.c — helpers that release every element their caller put in a
   container: `void delete_all (std::vector<T *> &v) { for (T *p : v) delete p; }`.

   The lowering makes one pointer slot of a parameter's container stand for every
   element its walks meet (lower-containers.cc, OUTER: only walks that reach the
   end, no break or return inside), so the loop's `delete p` frees *(v + slot), a
   field free of the summary (summarize.c).  Judged at each return as the other
   field frees are, it fails twice over: on the path where the loop ran no
   iteration nothing is freed (there was nothing to free), and the loop's head
   joins the state that has not entered it with the one back from an element that
   was NULL (`delete` tests it; the two have the same typestates), so the return
   after it knows neither.  So the walk is judged by its shape instead, once per
   function: the walk starts from the container's count (a LOAD marked
   MR_EVF_COUNT, naming the slot it counts), and a field every one of whose walks
   frees what it took out is freed at every return when

   - every path from an element taken out (a load of the slot) frees it, or finds
     it NULL, before it takes out the next or returns (so each element the walk
     meets is released), and
   - every return lies behind a count's load, from which the first branch the
     path meets is the walk's test (a block on a cycle through a load of the
     slot): nothing returns before the walk, and the walk, from its start, runs
     to the end.

   The caller frees the slot it holds, which is the pointer it put in (or nothing
   when it put none: the load finds no object).  */

#include "elem-walk.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Does event e take out an element of field `field` (a load c->param_loads
   names)?  */
static bool
takes_out (const mr_ctx *c, const mr_event *e, uint32_t field)
{
  if (e->kind != MR_EV_LOAD || !e->dst)
    return false;
  for (uint32_t i = 0; i < c->nparam_loads; i++)
    if (c->param_loads[i].value == e->dst)
      return c->param_loads[i].field == field;
  return false;
}

/* From event k of block b on, does every path free value v (or find it NULL)
   before it takes out another element of the field or returns?  */
static bool
frees_before_next (const mr_ctx *c, mr_walk *w, uint32_t b, uint32_t k, uint32_t v,
		   uint32_t field)
{
  const mr_func *f = c->f;
  mr_walk_reset (w);
  for (;;)
    {
      const mr_block *blk = &f->blocks[b];
      bool freed = false;
      for (; k < blk->nevents && !freed; k++)
	{
	  const mr_event *e = &blk->events[k];
	  int64_t off;
	  if (e->kind == MR_EV_FREE && !(e->flags & MR_EVF_GUARDED)
	      && mr_opnd_root (f, e->a, &off) == v)
	    freed = true;
	  else if (e->kind == MR_EV_RETURN || takes_out (c, e, field))
	    return false;
	}
      if (!freed)
	for (uint32_t i = 0; i < blk->nsuccs; i++)
	  {
	    const mr_edge *e = &f->edges[blk->succs[i]];
	    if (e->kind != MR_EDGE_NEVER && !mr_null_side (f, blk, e, v))
	      mr_walk_push (w, e->dst);
	  }
      if (!w->n)
	return true;
      b = w->stack[--w->n];
      k = 0;
    }
}

/* Can block `to` be reached from block `from` (following edges)?  */
static bool
reaches (mr_walk *w, uint32_t from, uint32_t to)
{
  const mr_func *f = w->f;
  mr_walk_reset (w);
  for (uint32_t i = 0; i < f->blocks[from].nsuccs; i++)
    mr_walk_push (w, f->edges[f->blocks[from].succs[i]].dst);
  while (w->n)
    {
      uint32_t b = w->stack[--w->n];
      if (b == to)
	return true;
      for (uint32_t i = 0; i < f->blocks[b].nsuccs; i++)
	mr_walk_push (w, f->edges[f->blocks[b].succs[i]].dst);
    }
  return false;
}

/* Is every return behind the count loaded in block cb, whose path meets the walk's
   test first (a block on a cycle through load_block) with no return before it?  */
static bool
returns_after_walk (mr_walk *w, uint32_t cb, uint32_t load_block)
{
  const mr_func *f = w->f;
  /* No return reachable from the entry without passing cb.  */
  mr_walk_reset (w);
  w->seen[cb] = 1;
  mr_walk_push (w, f->entry);
  while (w->n)
    {
      uint32_t b = w->stack[--w->n];
      if (mr_returns_in (&f->blocks[b]))
	return false;
      for (uint32_t i = 0; i < f->blocks[b].nsuccs; i++)
	mr_walk_push (w, f->edges[f->blocks[b].succs[i]].dst);
    }
  /* The straight line from cb to its first branch.  */
  uint32_t b = cb, steps = 0;
  while (f->blocks[b].nsuccs == 1 && steps++ < f->nblocks)
    {
      if (mr_returns_in (&f->blocks[b]))
	return false;
      b = f->edges[f->blocks[b].succs[0]].dst;
    }
  if (f->blocks[b].nsuccs < 2 || mr_returns_in (&f->blocks[b]))
    return false;
  return reaches (w, b, load_block) && reaches (w, load_block, b);
}

/* The block and index of the event defining value v by a load, or false.  */
static bool
find_load (const mr_func *f, uint32_t v, uint32_t *bb, uint32_t *kk)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      if (f->blocks[b].events[k].kind == MR_EV_LOAD && f->blocks[b].events[k].dst == v)
	{
	  *bb = b, *kk = k;
	  return true;
	}
  return false;
}

/* Is field `field`, counted by the load at (cb, ck), released element by element
   on every return (the header's two conditions)?  */
static bool
walk_frees_every_element (const mr_ctx *c, mr_walk *w, uint32_t cb, uint32_t field)
{
  uint32_t load_block = UINT32_MAX;
  for (uint32_t i = 0; i < c->nparam_loads; i++)
    {
      if (c->param_loads[i].field != field)
	continue;
      uint32_t b, k;
      if (!find_load (c->f, c->param_loads[i].value, &b, &k)
	  || !frees_before_next (c, w, b, k + 1, c->param_loads[i].value, field))
	return false;
      load_block = b;
    }
  return load_block != UINT32_MAX && returns_after_walk (w, cb, load_block);
}

void
mr_find_walked_fields (mr_ctx *c)
{
  const mr_func *f = c->f;
  const mr_summary *sum = &c->out->summary;
  mr_walk w = { f, NULL, NULL, 0 };
  uint32_t failed = 0;
  c->walked_fields = 0;
  if (!sum->nfield_frees)
    return;			/* (most functions: no scan of their events) */
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_LOAD || !(e->flags & MR_EVF_COUNT)
	    || e->b.kind != MR_OPND_CONST)
	  continue;
	int64_t off;
	int param = mr_param_of (f, e->a, &off);
	off = mr_off_add (mr_off_add (off, e->off), e->b.num);
	if (param < 0 || off == MR_OFF_UNKNOWN || off == MR_OFF_POSITIVE)
	  continue;
	for (uint32_t i = 0; i < sum->nfield_frees && i < 32; i++)
	  if (sum->field_frees[i].param == param && sum->field_frees[i].off == off
	      && !(failed & (1u << i)))
	    {
	      if (!w.seen)
		{
		  w.seen = mr_xcalloc (f->nblocks, 1);
		  w.stack = mr_xcalloc (f->nblocks, sizeof *w.stack);
		}
	      if (walk_frees_every_element (c, &w, b, i))
		c->walked_fields |= 1u << i;
	      else
		{
		  failed |= 1u << i;
		  c->walked_fields &= ~(1u << i);
		}
	    }
      }
  free (w.seen);
  free (w.stack);
}
