/* event-block.c — the block that holds each event.

   An event knows its id, not its block.  The rules that walk the graph from an
   event (null-deref-alloc's straight line from an allocation) and the free
   witnesses (witness.c: a freed object's free and allocation) look its block up
   in one table: event id -> block, built on the first question, once per
   function (most functions never ask), and freed with the driver's context.  */

#include "engine-int.h"
#include "util.h"

#include <stdlib.h>

const uint32_t *
mr_event_blocks (mr_ctx *c)
{
  if (c->event_block)
    return c->event_block;
  const mr_func *f = c->f;
  uint32_t *t = mr_xcalloc (f->nevents ? f->nevents : 1, sizeof *t);
  for (uint32_t i = 0; i < f->nevents; i++)
    t[i] = MR_NO_BLOCK;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      if (f->blocks[b].events[k].id < f->nevents)
	t[f->blocks[b].events[k].id] = b;
  c->event_block = t;
  return t;
}

void
mr_free_event_blocks (mr_ctx *c)
{
  free (c->event_block);
  c->event_block = NULL;
}
