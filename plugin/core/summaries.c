/* summaries.c — the store of recorded summaries (summaries.h): one open-addressing
   hash table from id to an entry holding each view's summary and the never-returns
   mark.  A summary is allocated once per (id, view) and overwritten in place, so
   the pointers mr_summaries_get hands out stay valid while the glue lowers.  */

#include "summaries.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry
{
  uint64_t id;
  bool used;
  bool never_returns;
  mr_summary *view[2];		/* by mr_view; NULL: none recorded */
} entry;

struct mr_summaries
{
  entry *slots;
  uint32_t cap;			/* a power of two, or 0 */
  uint32_t n;
};

mr_summaries *
mr_summaries_new (void)
{
  return mr_xcalloc (1, sizeof (mr_summaries));
}

void
mr_summaries_free (mr_summaries *s)
{
  if (!s)
    return;
  for (uint32_t i = 0; i < s->cap; i++)
    {
      free (s->slots[i].view[MR_VIEW_WHOLE]);
      free (s->slots[i].view[MR_VIEW_UNIT]);
    }
  free (s->slots);
  free (s);
}

/* Ids are addresses: their low bits are alignment.  Fibonacci hashing spreads them.  */
static uint32_t
slot_of (uint64_t id, uint32_t cap)
{
  return (uint32_t) ((id * 0x9e3779b97f4a7c15ull) >> 32) & (cap - 1);
}

static entry *
find (const mr_summaries *s, uint64_t id)
{
  if (!s->cap)
    return NULL;
  for (uint32_t i = slot_of (id, s->cap);; i = (i + 1) & (s->cap - 1))
    {
      entry *e = &s->slots[i];
      if (!e->used)
	return NULL;
      if (e->id == id)
	return e;
    }
}

static entry *
find_or_add (mr_summaries *s, uint64_t id)
{
  entry *e = find (s, id);
  if (e)
    return e;
  if (2 * (s->n + 1) > s->cap)
    {
      /* Grow at half full; the entries move, the summaries they point to do not.  */
      entry *old = s->slots;
      uint32_t old_cap = s->cap;
      s->cap = old_cap ? 2 * old_cap : 64;
      s->slots = mr_xcalloc (s->cap, sizeof *s->slots);
      for (uint32_t i = 0; i < old_cap; i++)
	if (old[i].used)
	  {
	    uint32_t k = slot_of (old[i].id, s->cap);
	    while (s->slots[k].used)
	      k = (k + 1) & (s->cap - 1);
	    s->slots[k] = old[i];
	  }
      free (old);
    }
  uint32_t k = slot_of (id, s->cap);
  while (s->slots[k].used)
    k = (k + 1) & (s->cap - 1);
  s->slots[k] = (entry) { .id = id, .used = true };
  s->n++;
  return &s->slots[k];
}

bool
mr_summaries_record (mr_summaries *s, mr_view v, uint64_t id, const mr_summary *sum)
{
  entry *e = find_or_add (s, id);
  /* Compared whether valid or not: a cycle's summary dropped to "unknown call" is a
     change (plugin.cc's fixpoint).  */
  bool changed = !e->view[v] || !mr_summary_same (e->view[v], sum);
  if (!e->view[v])
    e->view[v] = mr_xmalloc (sizeof *sum);
  *e->view[v] = *sum;
  return changed;
}

const mr_summary *
mr_summaries_get (const mr_summaries *s, mr_view v, uint64_t id)
{
  const entry *e = find (s, id);
  const mr_summary *sum = e ? e->view[v] : NULL;
  return sum && sum->valid ? sum : NULL;
}

bool
mr_summaries_views_differ (const mr_summaries *s, uint64_t id)
{
  const mr_summary *a = mr_summaries_get (s, MR_VIEW_WHOLE, id);
  const mr_summary *b = mr_summaries_get (s, MR_VIEW_UNIT, id);
  if (!a || !b)
    return a != b;
  return !mr_summary_same (a, b) || a->free_loc.handle != b->free_loc.handle;
}

void
mr_summaries_set_never_returns (mr_summaries *s, uint64_t id)
{
  find_or_add (s, id)->never_returns = true;
}

bool
mr_summaries_never_returns (const mr_summaries *s, uint64_t id)
{
  const entry *e = find (s, id);
  return e && e->never_returns;
}
