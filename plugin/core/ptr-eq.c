/* ptr-eq.c — the equalities between two values that branches tested on a path
   (p == x held, p != x held), so that a later test of the same pair is decided:
   after `if (p == x) free (p);` the path that freed p cannot take `if (p != x)`.
   Each side is the object and exact offset the value points to (its ref), not the
   SSA name, so two loads of the same variables at -O0 are the same pair.  A pair
   follows its objects: when a statement makes one of them again (a loop,
   mr_state_retire), the fact moves to the old instance; a join keeps only the
   pairs both sides know alike.  At most MR_PTR_EQ_MAX pairs per path: past that,
   nothing more is learnt (the table is small and scanned whole).  */

#include "state.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The bytes of every live state's table, for the memory cap: a state with a
   table holds MR_PTR_EQ_MAX entries (256 bytes), a copy at every branch once a
   path has tested a pair.  Part of mr_state_bytes_live (state.c).  */
static uint64_t table_bytes;

#define TABLE_BYTES (MR_PTR_EQ_MAX * sizeof (mr_ptr_eq))

uint64_t
mr_ptr_eqs_bytes_live (void)
{
  return table_bytes;
}

static mr_ptr_eq *
table_new (void)
{
  table_bytes += TABLE_BYTES;
  return mr_xmalloc (TABLE_BYTES);
}

static bool
exact (mr_ref r)
{
  return r.obj != MR_OBJ_NULL && r.obj != 0xffffffffu && r.off != MR_OFF_UNKNOWN
	 && r.off != MR_OFF_POSITIVE;
}

static bool
ref_less (mr_ref a, mr_ref b)
{
  return a.obj < b.obj || (a.obj == b.obj && a.off < b.off);
}

/* The entry for pair (a, b) in s, or NULL.  */
/* The pair a, b as the table keeps it: the lesser ref first.  */
static mr_ptr_eq
pair (mr_ref a, mr_ref b, bool equal)
{
  if (ref_less (b, a))
    {
      mr_ref t = a;
      a = b, b = t;
    }
  return (mr_ptr_eq) { a.obj, b.obj, a.off, b.off, equal };
}

static mr_ptr_eq *
find (const mr_state *s, mr_ref a, mr_ref b)
{
  mr_ptr_eq k = pair (a, b, false);
  for (uint32_t i = 0; i < s->nptr_eqs; i++)
    {
      mr_ptr_eq *e = &s->ptr_eqs[i];
      if (e->a == k.a && e->b == k.b && e->aoff == k.aoff && e->boff == k.boff)
	return e;
    }
  return NULL;
}

int
mr_state_ptr_eq (const mr_state *s, mr_ref a, mr_ref b)
{
  if (!s->nptr_eqs || !exact (a) || !exact (b))
    return -1;
  const mr_ptr_eq *e = find (s, a, b);
  return e ? e->equal : -1;
}

void
mr_state_note_ptr_eq (mr_state *s, mr_ref a, mr_ref b, bool equal)
{
  if (!exact (a) || !exact (b) || (a.obj == b.obj && a.off == b.off))
    return;
  mr_ptr_eq *e = find (s, a, b);
  if (e)
    {
      e->equal = equal;
      return;
    }
  if (s->nptr_eqs == MR_PTR_EQ_MAX)
    return;
  if (!s->ptr_eqs)
    s->ptr_eqs = table_new ();
  s->ptr_eqs[s->nptr_eqs++] = pair (a, b, equal);
}

void
mr_ptr_eqs_copy (mr_state *d, const mr_state *s)
{
  d->nptr_eqs = s->nptr_eqs;
  d->ptr_eqs = NULL;
  if (s->nptr_eqs)
    {
      d->ptr_eqs = table_new ();
      memcpy (d->ptr_eqs, s->ptr_eqs, s->nptr_eqs * sizeof *d->ptr_eqs);
    }
}

void
mr_ptr_eqs_free (mr_state *s)
{
  if (s->ptr_eqs)
    table_bytes -= TABLE_BYTES;
  free (s->ptr_eqs);
  s->ptr_eqs = NULL;
  s->nptr_eqs = 0;
}

bool
mr_ptr_eqs_join (mr_state *d, const mr_state *s)
{
  uint32_t out = 0;
  for (uint32_t i = 0; i < d->nptr_eqs; i++)
    {
      mr_ptr_eq e = d->ptr_eqs[i];
      const mr_ptr_eq *o = find (s, (mr_ref) { e.a, e.aoff }, (mr_ref) { e.b, e.boff });
      if (o && o->equal == e.equal)
	d->ptr_eqs[out++] = e;
    }
  bool changed = out != d->nptr_eqs;
  d->nptr_eqs = (uint8_t) out;
  return changed;
}

void
mr_ptr_eqs_retire (mr_state *s, uint32_t key, uint32_t old)
{
  uint32_t out = 0;
  for (uint32_t i = 0; i < s->nptr_eqs; i++)
    {
      mr_ptr_eq e = s->ptr_eqs[i];
      if (e.a == old || e.b == old)
	continue;		/* the old instance is forgotten */
      mr_ref a = { e.a == key ? old : e.a, e.aoff }, b = { e.b == key ? old : e.b, e.boff };
      s->ptr_eqs[out++] = pair (a, b, e.equal);
    }
  s->nptr_eqs = (uint8_t) out;
}
