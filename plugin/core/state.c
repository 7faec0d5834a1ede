/* state.c — abstract states: sorted tables of objects, bindings, slots and facts,
   and the ESP join (see state.h).  */

#include "state.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Bytes held by every live state (mr_state_bytes_live): the state structs and the
   capacity of their four tables, and their tables of tested pairs (ptr-eq.c), as
   requested from malloc (its own overhead, about 16 bytes per block, is not
   counted).  Kept at the few places that allocate,
   grow or free a table.  GCC runs one function at a time in one thread, and the
   engine is not reentrant, so one counter serves.  */
static uint64_t live_bytes;

uint64_t
mr_state_bytes_live (void)
{
  return live_bytes + mr_ptr_eqs_bytes_live ();
}

/* What a state's struct counts: its size before the cached objects' half
   (mr_state.objs_half) was added, so that the memory cap decides as before.  */
#define STATE_COUNTED 80

/* The kept halves of the signature (mr_state.objs_half, binds_sum) no longer
   hold: a tracked object changed, or which objects are tracked may have (the
   bindings' sum counts the bindings to tracked objects; where only one
   object's tracking changes, mr_state_set_obj keeps it, tracking_changed).  */
static inline void
tracked_changed (mr_state *s)
{
  s->objs_half_ok = false;
  s->binds_half_ok = false;
}

/* What s holds: the struct and the capacity of its tables.  */
static uint64_t
state_bytes (const mr_state *s)
{
  return STATE_COUNTED + (uint64_t) s->cap_objs * sizeof *s->objs
	 + (uint64_t) s->cap_binds * sizeof *s->binds
	 + (uint64_t) s->cap_slots * sizeof *s->slots
	 + (uint64_t) s->cap_facts * sizeof *s->facts;
}

/* Where the tables live.  States are copied at every branch and freed at every
   join, thousands of times in a big function, and their tables (a few hundred
   bytes to a few KiB) are past the sizes malloc serves from its fast caches: the
   tables are recycled here instead.  A table's real capacity is rounded up to a
   size class, four per power of two (its tag, class_*, says which); a released
   table goes to the free list of its class, and
   mr_state_trim gives them all back to malloc when a function's analysis ends.
   The counted capacities (cap_*) and live_bytes do not depend on any of this:
   they count what plain arrays of those capacities would hold, so the memory
   cap decides as it did before the recycling.  */

#define MR_TABLE_CLASSES 120

/* The four tables, by element size: each has its own free lists.  */
enum { TAB_OBJS, TAB_BINDS, TAB_SLOTS, TAB_FACTS, TAB_N };

static void *free_tables[TAB_N][MR_TABLE_CLASSES];
static void sig_views_free (void);
static const mr_state *compared_a, *compared_b;
static mr_state *free_states;
/* A table's first bytes hold the link of its free list.  */
typedef struct free_link
{
  void *next;
} free_link;

static int
table_kind (size_t esz)
{
  return esz == sizeof (mr_objst) ? TAB_OBJS
	 : esz == sizeof (mr_bind) ? TAB_BINDS
	 : esz == sizeof (mr_slot) ? TAB_SLOTS : TAB_FACTS;
}

/* The class of n elements (n >= 1) and its capacity: 8, then 10, 12, 14, 16, 20,
   24, 28, 32, 40, ... (four steps per power of two: at most a quarter wasted).
   Up to 2^32 elements, the class is below 120.  */
static uint32_t
table_class (uint64_t n)
{
  if (n <= 8)
    return 0;
  uint32_t k = 63 - (uint32_t) __builtin_clzll (n - 1);	/* 2^k < n <= 2^(k+1) */
  uint64_t j = (n - ((uint64_t) 1 << k) + ((uint64_t) 1 << (k - 2)) - 1) >> (k - 2);
  return (k - 3) * 4 + (uint32_t) j;
}

/* The real capacity of a table of class tag `tag` (the class + 1; 0: no table).  */
static inline uint32_t
table_room (uint8_t tag)
{
  if (tag <= 1)
    return tag ? 8 : 0;
  uint32_t c = tag - 1u, k = (c - 1) / 4 + 3, j = (c - 1) % 4 + 1;
  return (1u << k) + (j << (k - 2));
}

/* A table for at least n elements of size esz; *tag gets its class tag.  */
static void *
table_alloc (uint32_t n, size_t esz, uint8_t *tag)
{
  uint32_t cls = table_class (n ? n : 1);
  void **list = &free_tables[table_kind (esz)][cls];
  *tag = (uint8_t) (cls + 1);
  if (*list)
    {
      void *t = *list;
      *list = ((free_link *) t)->next;
      return t;
    }
  return mr_xmalloc ((size_t) table_room (*tag) * esz);
}

/* Gives back a table of class tag `tag` (0: none).  */
static void
table_release (void *t, uint8_t tag, size_t esz)
{
  if (!tag)
    return;
  void **list = &free_tables[table_kind (esz)][tag - 1];
  ((free_link *) t)->next = *list;
  *list = t;
}

void
mr_state_trim (void)
{
  for (int k = 0; k < TAB_N; k++)
    for (int c = 0; c < MR_TABLE_CLASSES; c++)
      while (free_tables[k][c])
	{
	  void *t = free_tables[k][c];
	  free_tables[k][c] = ((free_link *) t)->next;
	  free (t);
	}
  while (free_states)
    {
      mr_state *s = free_states;
      free_states = (mr_state *) s->objs;
      free (s);
    }
  sig_views_free ();
}

/* A zeroed state struct.  */
static mr_state *
state_alloc (void)
{
  mr_state *s = free_states;
  if (!s)
    return mr_xcalloc (1, sizeof *s);
  free_states = (mr_state *) s->objs;
  memset (s, 0, sizeof *s);
  return s;
}

/* Sorted-array helpers.  Every table's element starts with its key (uint32_t, or
   uint64_t for slots), so one binary search serves all four.  */

static inline __attribute__ ((always_inline)) uint64_t
key_at (const void *arr, size_t esz, uint32_t i, bool wide)
{
  const char *p = (const char *) arr + (size_t) i * esz;
  if (wide)
    return *(const uint64_t *) p;
  return *(const uint32_t *) p;
}

/* Returns true if found; *pos is the element's index or the insertion point.
   Inlined, so that each table's search is compiled for its own element size.
   Keys are unique, so the first key not below the sought one is both answers.
   The halving has no branch on the keys (a conditional move): on ~50-entry
   tables searched hundreds of thousands of times per function, the three-way
   compare's branches were mispredicted about every other step.  */
static inline __attribute__ ((always_inline)) bool
table_find (const void *arr, uint32_t n, size_t esz, uint64_t key, bool wide, uint32_t *pos)
{
  if (n == 0)
    {
      *pos = 0;
      return false;
    }
  uint32_t base = 0, len = n;
  while (len > 1)
    {
      uint32_t half = len / 2;
      base = key_at (arr, esz, base + half - 1, wide) < key ? base + half : base;
      len -= half;
    }
  uint64_t k = key_at (arr, esz, base, wide);
  *pos = base + (k < key);
  return k == key;
}

/* Opens a hole at pos in *arr (n elements, counted capacity *cap, class tag *tag)
   and returns it.  */
static void *
table_insert (void **arr, uint32_t *n, uint32_t *cap, uint8_t *tag, size_t esz,
	      uint32_t pos)
{
  if (*n == *cap)
    {
      live_bytes += (uint64_t) (*cap ? *cap : 8) * esz;
      *cap = *cap ? 2 * *cap : 8;
    }
  if (*n == table_room (*tag))
    {
      uint8_t got;
      void *grown = table_alloc (*cap > *n ? *cap : *n + 1, esz, &got);
      if (*n)
	memcpy (grown, *arr, (size_t) *n * esz);
      table_release (*arr, *tag, esz);
      *arr = grown;
      *tag = got;
    }
  char *base = *arr;
  memmove (base + (size_t) (pos + 1) * esz, base + (size_t) pos * esz,
	   (size_t) (*n - pos) * esz);
  (*n)++;
  return base + (size_t) pos * esz;
}

static void
table_remove (void *arr, uint32_t *n, size_t esz, uint32_t pos)
{
  char *base = arr;
  memmove (base + (size_t) pos * esz, base + (size_t) (pos + 1) * esz,
	   (size_t) (*n - pos - 1) * esz);
  (*n)--;
}

/* Where the last search of each table ended.  The same key is often asked again
   (an operand's binding and object by the transfer function, then by each rule's
   hook), in the same state or in a copy of it, whose entries sit at the same
   places: a search first tries there.  The guess proves itself (keys are unique
   and sorted): the key is there, or the keys around the place show it is absent;
   otherwise the binary search decides.  Either way the answer is the search's.  */
static uint32_t memo_objs, memo_binds, memo_slots, memo_facts;

static inline __attribute__ ((always_inline)) bool
table_find_memo (const void *arr, uint32_t n, size_t esz, uint64_t key, bool wide,
		 uint32_t *pos, uint32_t *memo)
{
  uint32_t m = *memo;
  if (m < n)
    {
      uint64_t k = key_at (arr, esz, m, wide);
      if (k == key)
	{
	  *pos = m;
	  return true;
	}
      if (k > key && (m == 0 || key_at (arr, esz, m - 1, wide) < key))
	{
	  *pos = m;
	  return false;
	}
    }
  bool found = table_find (arr, n, esz, key, wide, pos);
  *memo = *pos;
  return found;
}

#define FIND(s, tab, key, wide, pos) \
  table_find_memo ((s)->tab, (s)->n##tab, sizeof *(s)->tab, (key), (wide), (pos), \
		   &memo_##tab)
#define INSERT(s, tab, pos) \
  table_insert ((void **) &(s)->tab, &(s)->n##tab, &(s)->cap_##tab, &(s)->class_##tab, \
		sizeof *(s)->tab, (pos))
#define REMOVE(s, tab, pos) \
  table_remove ((s)->tab, &(s)->n##tab, sizeof *(s)->tab, (pos))

mr_state *
mr_state_new (void)
{
  live_bytes += STATE_COUNTED;
  mr_state *s = state_alloc ();
  s->binds_half_ok = true;	/* no bindings: the sum is 0 */
  return s;
}

/* A copy of n elements: counted capacity n (*cap), class tag *tag.  */
static void *
dup_array (const void *src, uint32_t n, size_t esz, uint32_t *cap, uint8_t *tag)
{
  *cap = n;
  *tag = 0;
  if (!n)
    return NULL;
  void *d = table_alloc (n, esz, tag);
  memcpy (d, src, (size_t) n * esz);
  return d;
}

mr_state *
mr_state_copy (const mr_state *s)
{
  mr_state *d = state_alloc ();
  d->nobjs = s->nobjs;
  d->nbinds = s->nbinds;
  d->nslots = s->nslots;
  d->nfacts = s->nfacts;
  d->objs = dup_array (s->objs, s->nobjs, sizeof *s->objs, &d->cap_objs, &d->class_objs);
  d->binds = dup_array (s->binds, s->nbinds, sizeof *s->binds, &d->cap_binds,
			&d->class_binds);
  d->slots = dup_array (s->slots, s->nslots, sizeof *s->slots, &d->cap_slots,
			&d->class_slots);
  d->facts = dup_array (s->facts, s->nfacts, sizeof *s->facts, &d->cap_facts,
			&d->class_facts);
  d->dirty = s->dirty;
  d->has_products = s->has_products;
  d->objs_half = s->objs_half;
  d->objs_half_ok = s->objs_half_ok;
  d->binds_sum = s->binds_sum;
  d->binds_half_ok = s->binds_half_ok;
  mr_ptr_eqs_copy (d, s);
  live_bytes += state_bytes (d);
  return d;
}

uint64_t
mr_state_lend (mr_state *s)
{
  uint64_t counted = state_bytes (s);
  s->cap_objs = s->nobjs;
  s->cap_binds = s->nbinds;
  s->cap_slots = s->nslots;
  s->cap_facts = s->nfacts;
  s->sig_parts = 0;
  s->sig = 0;
  live_bytes += state_bytes (s);
  return counted;
}

void
mr_state_uncount (uint64_t bytes)
{
  live_bytes -= bytes;
}

void
mr_state_free (mr_state *s)
{
  if (!s)
    return;
  live_bytes -= state_bytes (s);
  if (s == compared_a || s == compared_b)
    compared_a = compared_b = NULL;	/* (its struct may be reused) */
  table_release (s->objs, s->class_objs, sizeof *s->objs);
  table_release (s->binds, s->class_binds, sizeof *s->binds);
  table_release (s->slots, s->class_slots, sizeof *s->slots);
  table_release (s->facts, s->class_facts, sizeof *s->facts);
  mr_ptr_eqs_free (s);
  s->objs = (mr_objst *) free_states;	/* the free list's link */
  free_states = s;
}

/* Objects.  */

const mr_objst *
mr_state_obj (const mr_state *s, uint32_t key)
{
  uint32_t pos;
  return FIND (s, objs, key, false, &pos) ? &s->objs[pos] : NULL;
}

mr_ts
mr_state_ts (const mr_state *s, uint32_t key)
{
  const mr_objst *o = mr_state_obj (s, key);
  return o ? (mr_ts) o->ts : MR_TS_UNKNOWN;
}

/* Is obj an object with a typestate in s?  NULL and untracked (0xffffffff)
   without a search.  */
static bool
obj_tracked (const mr_state *s, uint32_t obj)
{
  return obj + 1u > 1u && mr_state_ts (s, obj) != MR_TS_UNKNOWN;
}

static int mr_off_category (int64_t off);

/* What a binding of value to a tracked object (obj, off) adds to the
   bindings' half (mr_state.binds_sum): a sum of such terms over the bindings
   does not depend on their order, so a change of one binding changes the sum
   by its terms alone, without a walk.  */
static inline uint64_t
bind_term (uint32_t value, uint32_t obj, int64_t off)
{
  uint64_t x = ((uint64_t) value << 32 | obj)
	       ^ ((uint64_t) (mr_off_category (off) + 1) * 0x9e3779b97f4a7c15ull);
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/* The binding of value in s changes from `was` to `now` (obj 0: none): the
   kept sum follows.  */
static void
binding_changed (mr_state *s, uint32_t value, mr_ref was, mr_ref now)
{
  if (!s->binds_half_ok || (was.obj == now.obj && was.off == now.off))
    return;
  if (obj_tracked (s, was.obj))
    s->binds_sum -= bind_term (value, was.obj, was.off);
  if (obj_tracked (s, now.obj))
    s->binds_sum += bind_term (value, now.obj, now.off);
}

/* Object key of s becomes tracked (sign 1) or untracked (-1): the bindings to
   it enter or leave the kept sum.  */
static void
tracking_changed (mr_state *s, uint32_t key, int sign)
{
  if (!s->binds_half_ok)
    return;
  const mr_bind *b = s->binds;
  for (uint32_t i = 0, n = s->nbinds; i < n; i++)
    if (b[i].ref.obj == key)
      s->binds_sum += (uint64_t) sign * bind_term (b[i].value, key, b[i].ref.off);
}

mr_objst *
mr_state_set_obj (mr_state *s, uint32_t key, mr_ts ts, mr_family fam, const mr_event *ev)
{
  uint32_t pos;
  mr_objst *o;
  s->objs_half_ok = false;	/* (and what the caller writes through o) */
  if (FIND (s, objs, key, false, &pos))
    o = &s->objs[pos];
  else
    {
      o = INSERT (s, objs, pos);
      o->key = key;
      o->ts = MR_TS_UNKNOWN;
      o->flags = 0;
      o->written = 0;
      o->fill = NULL;
    }
  if ((o->ts != MR_TS_UNKNOWN) != (ts != MR_TS_UNKNOWN))
    tracking_changed (s, key, ts != MR_TS_UNKNOWN ? 1 : -1);
  o->ts = ts;
  o->family = fam;
  o->ev = ev;
  return o;
}

void
mr_state_add_obj_flags (mr_state *s, uint32_t key, uint16_t flags)
{
  uint32_t pos;
  if (!FIND (s, objs, key, false, &pos))
    {
      /* A named object listed for its flags keeps its implicit typestate.  */
      mr_objst *o = INSERT (s, objs, pos);
      bool decl = (key & MR_OBJ_KIND_MASK) == MR_OBJ_DECL;
      *o = (mr_objst) { .key = key, .ts = decl ? MR_TS_NONHEAP : MR_TS_UNKNOWN };
      if (decl)
	tracked_changed (s);	/* a tracked object more */
    }
  mr_objst *o = &s->objs[pos];
  if ((flags & ~o->flags & MR_OBJF_UNINIT) && o->ts != MR_TS_UNKNOWN)
    s->objs_half_ok = false;
  o->flags |= flags;
}

void
mr_state_clear_obj_flags (mr_state *s, uint32_t key, uint16_t flags)
{
  uint32_t pos;
  if (!FIND (s, objs, key, false, &pos))
    return;
  mr_objst *o = &s->objs[pos];
  if ((flags & o->flags & MR_OBJF_UNINIT) && o->ts != MR_TS_UNKNOWN)
    s->objs_half_ok = false;
  o->flags &= (uint16_t) ~flags;
  if (!(o->flags & MR_OBJF_UNINIT))
    o->written = 0;		/* initialised: no bytes told apart */
}

/* Bindings.  */

mr_ref
mr_state_lookup (const mr_state *s, uint32_t value)
{
  uint32_t pos;
  if (FIND (s, binds, value, false, &pos))
    return s->binds[pos].ref;
  return (mr_ref) { MR_OBJ_SYM | value, 0 };
}

void
mr_state_bind (mr_state *s, uint32_t value, mr_ref ref)
{
  uint32_t pos;
  if (!FIND (s, binds, value, false, &pos))
    {
      binding_changed (s, value, (mr_ref) { 0, 0 }, ref);
      mr_bind *b = INSERT (s, binds, pos);
      b->value = value;
    }
  else
    binding_changed (s, value, s->binds[pos].ref, ref);
  s->binds[pos].ref = ref;
}

void
mr_state_unbind (mr_state *s, uint32_t value)
{
  uint32_t pos;
  if (FIND (s, binds, value, false, &pos))
    {
      binding_changed (s, value, s->binds[pos].ref, (mr_ref) { 0, 0 });
      REMOVE (s, binds, pos);
    }
}

/* Slots.  */

static uint64_t
slot_key (mr_ref at)
{
  return ((uint64_t) at.obj << 32) | (uint32_t) (int32_t) at.off;
}

bool
mr_state_load (const mr_state *s, mr_ref at, mr_ref *content)
{
  uint32_t pos;
  if (at.off == MR_OFF_UNKNOWN || !FIND (s, slots, slot_key (at), true, &pos))
    return false;
  *content = s->slots[pos].content;
  return true;
}

void
mr_state_store (mr_state *s, mr_ref at, mr_ref content)
{
  uint32_t pos;
  if (at.off == MR_OFF_UNKNOWN)
    return;
  if (!FIND (s, slots, slot_key (at), true, &pos))
    {
      mr_slot *sl = INSERT (s, slots, pos);
      sl->at = slot_key (at);
    }
  s->slots[pos].content = content;
}

void
mr_state_forget_slot (mr_state *s, mr_ref at)
{
  uint32_t pos;
  if (at.off != MR_OFF_UNKNOWN && FIND (s, slots, slot_key (at), true, &pos))
    REMOVE (s, slots, pos);
}

void
mr_state_obj_slots (const mr_state *s, uint32_t key, uint32_t *first, uint32_t *last)
{
  /* Slots of one object are contiguous: keys share the high 32 bits.  */
  table_find (s->slots, s->nslots, sizeof *s->slots, (uint64_t) key << 32, true, first);
  *last = *first;
  while (*last < s->nslots && (uint32_t) (s->slots[*last].at >> 32) == key)
    (*last)++;
}

void
mr_state_forget_obj_slots (mr_state *s, uint32_t key)
{
  uint32_t first, last;
  mr_state_obj_slots (s, key, &first, &last);
  if (last == first)
    return;
  /* What they held may have been released or kept by whatever overwrote them (a
     call, a store at an unknown offset): out of sight, never reported leaked.  */
  for (uint32_t i = first; i < last; i++)
    {
      uint32_t o = s->slots[i].content.obj;	/* (only the objects table changes) */
      if ((o & MR_OBJ_KIND_MASK) != 0 && o != 0xffffffffu && o != key)
	mr_state_add_obj_flags (s, o, MR_OBJF_ESCAPED);
    }
  memmove (&s->slots[first], &s->slots[last], (s->nslots - last) * sizeof *s->slots);
  s->nslots -= last - first;
}

void
mr_state_forget_slot_range (mr_state *s, uint32_t key, uint32_t lo, uint32_t hi)
{
  uint32_t first, last;
  table_find (s->slots, s->nslots, sizeof *s->slots, (uint64_t) key << 32 | lo, true, &first);
  last = first;
  while (last < s->nslots && s->slots[last].at < ((uint64_t) key << 32 | hi))
    last++;
  if (last == first)
    return;
  memmove (&s->slots[first], &s->slots[last], (s->nslots - last) * sizeof *s->slots);
  s->nslots -= last - first;
}

void
mr_state_forget_slots_if (mr_state *s, uint32_t keep,
			  bool (*hit) (const void *arg, const mr_state *s, uint32_t key),
			  const void *arg)
{
  /* One walk: slots of one object are contiguous, so `hit` is asked once per object;
     survivors are compacted in place (the order, by key, is kept).  */
  uint32_t out = 0, i = 0, n = s->nslots;
  while (i < n)
    {
      uint32_t key = (uint32_t) (s->slots[i].at >> 32), end = i;
      while (end < n && (uint32_t) (s->slots[end].at >> 32) == key)
	end++;
      if (key != keep && hit (arg, s, key))
	for (; i < end; i++)
	  {
	    uint32_t o = s->slots[i].content.obj;	/* (only the objects table changes) */
	    if ((o & MR_OBJ_KIND_MASK) != 0 && o != 0xffffffffu && o != key)
	      mr_state_add_obj_flags (s, o, MR_OBJF_ESCAPED);
	  }
      else
	for (; i < end; i++)
	  s->slots[out++] = s->slots[i];
    }
  s->nslots = out;
}

/* Generations.  */

static bool
references (const mr_state *s, uint32_t key)
{
  if (mr_state_obj (s, key))
    return true;
  for (uint32_t i = 0; i < s->nbinds; i++)
    if (s->binds[i].ref.obj == key)
      return true;
  for (uint32_t i = 0; i < s->nslots; i++)
    if (s->slots[i].content.obj == key || (uint32_t) (s->slots[i].at >> 32) == key)
      return true;
  return false;
}

static int
slot_order (const void *a, const void *b)
{
  uint64_t x = ((const mr_slot *) a)->at, y = ((const mr_slot *) b)->at;
  return x < y ? -1 : x > y;
}

/* The retirement of mr_state_retire in one walk of each table: the old instance
   `old` is dropped (a value that pointed to it points to something the state no
   longer knows: not to SYM|value, which an unbound value would mean, as that
   object may be one the value freed in an earlier iteration), and `key` becomes
   `old` everywhere.  */
static void
retire_walk (mr_state *s, uint32_t key, uint32_t old)
{
  const uint32_t none = 0xffffffffu;
  uint32_t pos;
  bool old_tracked = false;
  if (FIND (s, objs, old, false, &pos))
    {
      old_tracked = s->objs[pos].ts != MR_TS_UNKNOWN;
      if (old_tracked)
	s->objs_half_ok = false;	/* a tracked object dropped */
      REMOVE (s, objs, pos);
    }
  /* The bindings' sum follows the renaming: terms of bindings to a dropped
     tracked `old` go, those to a tracked `key` are renamed.  */
  bool follow = s->binds_half_ok, key_tracked = follow && obj_tracked (s, key);
  old_tracked &= follow;
  for (uint32_t i = 0; i < s->nbinds; i++)
    {
      mr_bind *b = &s->binds[i];
      if (b->ref.obj == old)
	{
	  if (old_tracked)
	    s->binds_sum -= bind_term (b->value, old, b->ref.off);
	  b->ref = (mr_ref) { none, 0 };
	}
      else if (b->ref.obj == key)
	{
	  if (key_tracked)
	    s->binds_sum += bind_term (b->value, old, b->ref.off)
			    - bind_term (b->value, key, b->ref.off);
	  b->ref.obj = old;
	}
    }
  uint32_t out = 0;
  bool resort = false;
  for (uint32_t i = 0; i < s->nslots; i++)
    {
      mr_slot sl = s->slots[i];
      uint32_t at = (uint32_t) (sl.at >> 32);
      if (sl.content.obj == old || at == old)
	{
	  /* What the dropped instance held may have been held nowhere else: it is
	     out of sight now, like what a join drops (lose_ref), not leaked.  (Before
	     `key` is renamed: what it held is flagged under its present name.)  */
	  uint32_t held = sl.content.obj;
	  if (held != old && (held & MR_OBJ_KIND_MASK) != 0 && held != none)
	    mr_state_add_obj_flags (s, held, MR_OBJF_ESCAPED);
	  continue;
	}
      if (sl.content.obj == key)
	sl.content.obj = old;
      if (at == key)
	{
	  sl.at = ((uint64_t) old << 32) | (uint32_t) sl.at;
	  resort = true;
	}
      s->slots[out++] = sl;
    }
  s->nslots = out;
  if (resort)
    qsort (s->slots, s->nslots, sizeof *s->slots, slot_order);
  if (FIND (s, objs, key, false, &pos))
    {
      mr_objst o = s->objs[pos];
      /* Renaming an untracked object changes no half.  */
      bool half_ok = s->objs_half_ok && o.ts == MR_TS_UNKNOWN;
      /* (The bindings' sum was renamed above: set_obj must not add it again.)  */
      bool binds_ok = s->binds_half_ok;
      uint64_t binds_sum = s->binds_sum;
      REMOVE (s, objs, pos);
      mr_objst *n = mr_state_set_obj (s, old, (mr_ts) o.ts, (mr_family) o.family, o.ev);
      n->flags = o.flags;
      n->written = o.written;
      n->fill = o.fill;
      s->objs_half_ok = half_ok;
      s->binds_half_ok = binds_ok;
      s->binds_sum = binds_sum;
    }
}

void
mr_state_retire (mr_state *s, uint32_t key)
{
  if (s->nptr_eqs)
    mr_ptr_eqs_retire (s, key, key | MR_OBJ_OLD);
  if (!references (s, key))
    return;
  retire_walk (s, key, key | MR_OBJ_OLD);
}

/* Facts.  */

const mr_fact *
mr_state_fact (const mr_state *s, uint32_t value)
{
  uint32_t pos;
  return FIND (s, facts, value, false, &pos) ? &s->facts[pos] : NULL;
}

static mr_fact *
fact_for (mr_state *s, uint32_t value, bool is_unsigned)
{
  uint32_t pos;
  if (FIND (s, facts, value, false, &pos))
    return &s->facts[pos];
  mr_fact *f = INSERT (s, facts, pos);
  *f = (mr_fact) { .value = value, .lo = is_unsigned ? 0 : INT64_MIN, .hi = INT64_MAX };
  return f;
}

/* Tightens the interval so that an excluded end point is not inside it, and reports
   whether anything is left.  */
static bool
fact_normalize (mr_fact *f)
{
  if (f->has_ne)
    {
      if (f->ne == f->lo && f->lo < f->hi)
	f->lo++, f->has_ne = false;
      else if (f->ne == f->hi && f->lo < f->hi)
	f->hi--, f->has_ne = false;
      else if (f->ne < f->lo || f->ne > f->hi)
	f->has_ne = false;
      else if (f->lo == f->hi)
	return false;
    }
  return f->lo <= f->hi;
}

bool
mr_state_refine (mr_state *s, uint32_t value, mr_cmp op, int64_t c, bool is_unsigned)
{
  /* Unsigned values above INT64_MAX do not fit the interval: an upper bound there
     is kept as its distance to UINT64_MAX; anything else is not learnt.  */
  if (is_unsigned && c < 0)
    {
      if (op != MR_CMP_LE && op != MR_CMP_LT)
	return true;
      uint64_t below = UINT64_MAX - (uint64_t) c + (op == MR_CMP_LT);
      mr_fact *f = fact_for (s, value, true);
      if (below > f->ubelow)
	f->ubelow = below;
      return true;
    }
  mr_fact *f = fact_for (s, value, is_unsigned);
  /* The same bits compared as unsigned after signed facts (x < 0, then (unsigned
     long) x > 5): the interval does not describe the unsigned view; learn nothing.  */
  if (is_unsigned && f->lo < 0)
    {
      if (f->lo != INT64_MIN || f->hi != INT64_MAX || f->has_ne)
	return true;
      f->lo = 0;		/* a fact kept for a product bound says nothing else */
    }
  switch (op)
    {
    case MR_CMP_EQ:
      if (f->has_ne && f->ne == c)
	return false;
      if (c < f->lo || c > f->hi)
	return false;
      f->lo = f->hi = c;
      f->has_ne = false;
      return true;
    case MR_CMP_NE:
      if (c < f->lo || c > f->hi || (f->has_ne && f->ne == c))
	return true;
      if (f->lo == f->hi)
	return false;
      if (c == f->lo)
	f->lo++;
      else if (c == f->hi)
	f->hi--;
      else if (!f->has_ne)
	f->has_ne = true, f->ne = c;
      /* else: a second excluded point inside the interval is not representable.  */
      return fact_normalize (f);
    case MR_CMP_LT:
      if (c == INT64_MIN)
	return false;
      if (f->hi > c - 1)
	f->hi = c - 1;
      return fact_normalize (f);
    case MR_CMP_LE:
      if (f->hi > c)
	f->hi = c;
      return fact_normalize (f);
    case MR_CMP_GT:
      if (c == INT64_MAX)
	return !is_unsigned ? false : true;	/* unsigned values go past INT64_MAX */
      if (f->lo < c + 1)
	f->lo = c + 1;
      return fact_normalize (f);
    case MR_CMP_GE:
      if (f->lo < c)
	f->lo = c;
      return fact_normalize (f);
    }
  return true;
}

void
mr_state_set_const (mr_state *s, uint32_t value, int64_t c)
{
  mr_fact *f = fact_for (s, value, false);
  f->lo = f->hi = c;
  f->has_ne = false;
}

void
mr_state_copy_fact (mr_state *s, uint32_t dst, uint32_t src)
{
  const mr_fact *f = mr_state_fact (s, src);
  if (!f)
    {
      mr_state_forget_fact (s, dst);
      return;
    }
  mr_fact copy = *f;
  mr_fact *d = fact_for (s, dst, false);
  copy.value = dst;
  *d = copy;
}

void
mr_state_bound_product (mr_state *s, uint32_t value, uint32_t with, uint64_t max,
			bool is_unsigned)
{
  mr_fact *f = fact_for (s, value, is_unsigned);
  if (f->prod_with == with && f->prod_max <= max)
    return;
  f->prod_with = with;
  f->prod_max = max;
  s->has_products = true;
}

void
mr_state_forget_fact (mr_state *s, uint32_t value)
{
  uint32_t pos;
  if (FIND (s, facts, value, false, &pos))
    REMOVE (s, facts, pos);
  /* A product bound with the old value no longer holds.  (Calls and loads forget
     their result's fact: the walk is for states that have product bounds.)  */
  for (uint32_t i = 0; s->has_products && i < s->nfacts; i++)
    if (s->facts[i].prod_with == value)
      s->facts[i].prod_with = 0, s->facts[i].prod_max = 0;
}

/* Merging.  */

/* The next binding at or after *i whose object has a typestate worth keeping paths
   apart for (allocated, freed, null): which pointer holds which tracked object.  */
/* Offsets of tracked pointers keep paths apart by sign only: at the start of the
   object, past it, before it, unknown.  Exact offsets would split a loop's paths at
   every p++; a sign is what free-offset needs.  */
static int
mr_off_category (int64_t off)
{
  if (off == MR_OFF_UNKNOWN)
    return 3;
  if (off == 0)
    return 0;
  return off == MR_OFF_POSITIVE || off > 0 ? 1 : 2;
}

/* Does binding b point to an object with a typestate?  NULL and untracked
   pointers are not objects: no search for them.  */
static bool
bind_tracked (const mr_state *s, const mr_bind *b)
{
  return b->ref.obj != 0 && b->ref.obj != 0xffffffffu
	 && mr_state_ts (s, b->ref.obj) != MR_TS_UNKNOWN;
}

/* Where the last comparison (mr_state_same_typestates (a, b), true) found a and
   b different: the steps of its merge walks, each the positions (in a, in b) of
   an entry not in a run of equal ones.  The join that follows it
   (mr_state_join_compared) visits only those: the runs between them are equal
   for the join too (objects: the same key, typestate, family, flags and fill;
   bindings: the same binding), so neither walk is made twice.  */
typedef struct step
{
  uint32_t i, j;
} step;

typedef struct steps
{
  step *v;
  uint32_t n, cap;
} steps;

static steps obj_steps, bind_steps;
/* compared_a, compared_b (declared above): whose steps they are; NULL: none.  */

/* Room for every step of a walk over na and nb entries (at most one per entry).  */
static inline step *
steps_room (steps *st, uint32_t na, uint32_t nb)
{
  st->n = 0;
  if (st->cap < na + nb + 1)
    {
      st->cap = na + nb + 1;
      st->v = mr_xrealloc (st->v, st->cap * sizeof *st->v);
    }
  return st->v;
}

static void
steps_free (void)
{
  free (obj_steps.v);
  free (bind_steps.v);
  memset (&obj_steps, 0, sizeof obj_steps);
  memset (&bind_steps, 0, sizeof bind_steps);
  compared_a = compared_b = NULL;
}

/* Do a and b track the same objects the same way: the same keys with a typestate
   (ts, family, uninitialised or not)?  Objects in the default state may be listed
   (for their flags) or not.  One merge walk by key: an object both list must
   have the same typestate (and, tracked, the same family and uninitialised
   bit); one only one side lists must be untracked.  Its steps are recorded
   (obj_steps).  */
static bool
same_tracked_objs (const mr_state *a, const mr_state *b)
{
  const mr_objst *a0 = a->objs, *p = a0, *pe = p + a->nobjs;
  const mr_objst *b0 = b->objs, *q = b0, *qe = q + b->nobjs;
  step *st = steps_room (&obj_steps, a->nobjs, b->nobjs), *st0 = st;
  for (;;)
    {
      /* Mostly the same objects on both sides: a run of equal ones (tracked
	 or not; equal for the join too) is passed by a tight walk (pointers,
	 not indices).  */
      const mr_objst *end = p + (pe - p < qe - q ? pe - p : qe - q);
      while (p < end && p->key == q->key && p->ts == q->ts
	     && p->family == q->family && p->flags == q->flags && p->fill == q->fill
	     && p->written == q->written)
	p++, q++;
      if (p == pe && q == qe)
	break;
      *st++ = (step) { (uint32_t) (p - a0), (uint32_t) (q - b0) };
      if (p < pe && q < qe && p->key == q->key)
	{
	  if (p->ts != q->ts
	      || (p->ts != MR_TS_UNKNOWN
		  && (p->family != q->family || ((p->flags ^ q->flags) & MR_OBJF_UNINIT))))
	    return false;
	  p++, q++;
	}
      else if (q == qe || (p < pe && p->key < q->key))
	{
	  if (p->ts != MR_TS_UNKNOWN)
	    return false;
	  p++;
	}
      else
	{
	  if (q->ts != MR_TS_UNKNOWN)
	    return false;
	  q++;
	}
    }
  obj_steps.n = (uint32_t) (st - st0);
  return true;
}

/* The same pointers hold the same tracked objects (at the same offset category),
   given that a and b track the same objects (same_tracked_objs): an object is
   then tracked in both or in neither, so two bindings of a value to one object at
   one offset category agree whether tracked or not, and only where the two
   differ (one side binds the value, or binds it elsewhere) does it matter which
   is tracked, asked of the objects table.  */
static bool
same_tracked_binds (const mr_state *a, const mr_state *b)
{
  const mr_bind *a0 = a->binds, *p = a0, *pe = p + a->nbinds;
  const mr_bind *b0 = b->binds, *q = b0, *qe = q + b->nbinds;
  step *st = steps_room (&bind_steps, a->nbinds, b->nbinds), *st0 = st;
  for (;;)
    {
      /* Mostly the same bindings on both sides: a run of equal ones is passed
	 by a tight walk (pointers, not indices).  */
      const mr_bind *end = p + (pe - p < qe - q ? pe - p : qe - q);
      while (p < end && p->value == q->value && p->ref.obj == q->ref.obj
	     && p->ref.off == q->ref.off)
	p++, q++;
      if (p == pe && q == qe)
	{
	  bind_steps.n = (uint32_t) (st - st0);
	  return true;
	}
      *st++ = (step) { (uint32_t) (p - a0), (uint32_t) (q - b0) };
      const mr_bind *x = p < pe ? p : NULL;
      const mr_bind *y = q < qe ? q : NULL;
      if (x && y && x->value == y->value)
	{
	  p++, q++;
	  if (x->ref.obj == y->ref.obj
	      && mr_off_category (x->ref.off) == mr_off_category (y->ref.off))
	    continue;
	}
      else if (x && (!y || x->value < y->value))
	p++, y = NULL;
      else
	q++, x = NULL;
      if ((x && bind_tracked (a, x)) || (y && bind_tracked (b, y)))
	return false;
    }
}

/* Is the slot's content a named object the state tracks (a local, a static or a
   literal whose address the function stores in a pointer variable that lives in
   memory: engine.c's entry_state tracks those)?  */
static bool
slot_holds_named (const mr_state *s, const mr_slot *sl)
{
  return (sl->content.obj & MR_OBJ_KIND_MASK) == MR_OBJ_DECL
	 && mr_state_ts (s, sl->content.obj) != MR_TS_UNKNOWN;
}

/* Do the same slots hold the same tracked named objects?  A join loses what
   two paths' slots disagree on: `char *p = 0; if (c) *pp = buf;` (p's address
   taken) would keep neither buf nor NULL in p, and the free of p after it
   would not know the path where it frees buf.  Given that a and b track the
   same objects, one merge walk by address.  */
static bool
same_named_slots (const mr_state *a, const mr_state *b)
{
  uint32_t i = 0, j = 0;
  while (i < a->nslots || j < b->nslots)
    {
      const mr_slot *x = i < a->nslots ? &a->slots[i] : NULL;
      const mr_slot *y = j < b->nslots ? &b->slots[j] : NULL;
      if (x && y && x->at == y->at)
	{
	  i++, j++;
	  if (x->content.obj == y->content.obj
	      && mr_off_category (x->content.off) == mr_off_category (y->content.off))
	    continue;
	}
      else if (x && (!y || x->at < y->at))
	i++, y = NULL;
      else
	j++, x = NULL;
      if ((x && slot_holds_named (a, x)) || (y && slot_holds_named (b, y)))
	return false;
    }
  return true;
}

bool
mr_state_same_typestates (const mr_state *a, const mr_state *b)
{
  /* The objects first: a merge walk, no search.  */
  compared_a = compared_b = NULL;
  if (!same_tracked_objs (a, b) || !same_tracked_binds (a, b) || !same_named_slots (a, b))
    return false;
  compared_a = a;
  compared_b = b;
  return true;
}

static uint64_t
mix (uint64_t h, uint64_t v)
{
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

/* What the signature hashes: the tracked objects (key, typestate, family,
   uninitialised or not) and the bindings to them (value, object, offset
   category), in two halves of 32 bits: the objects' half (low) and the bindings'
   half (high).  A state that reaches a block holding states is compared with each
   of them: first by the objects' halves, then, only where those agree, by the
   bindings' halves (a state is told from most others by its objects: the
   bindings' walk is skipped for them), and where both agree, in full.  Each half
   of a state is taken when first needed and kept (mr_state.sig_parts): a kept
   state is not changed before both of its halves are taken, except by a lossy
   join, after which they are taken again (mr_state_forget_sig).  Neither half
   needs a walk as a rule: the objects' half is kept through copies and runs
   while no tracked object changes (objs_half), and the bindings' half is a
   sum of one term per binding to a tracked object (bind_term), kept up to
   date as bindings change (binds_sum).  mr_state_signature_noted gathers the
   tracked parts it hashed, for mr_state_same_typestates_noted.  */
typedef struct sig_obj
{
  uint32_t key;
  uint16_t family;
  uint8_t ts;
  bool uninit;
} sig_obj;

typedef struct sig_bind
{
  uint32_t value, obj;
  int cat;
} sig_bind;

typedef struct sig_view
{
  sig_obj *objs;
  sig_bind *binds;
  uint32_t *keys;		/* the tracked objects' keys, sorted (as the objects) */
  uint32_t nobjs, nbinds, cap_objs, cap_binds;
  uint64_t filter;		/* a bit per tracked key (key_bit): most untracked
				   pointers are told apart without a search */
} sig_view;

/* The noted state's part (mr_state_signature_noted), and the view of a
   state's tracked keys for a walk of its bindings.  Freed by mr_state_trim.  */
static sig_view noted, plain;
/* The state arriving at a block (mr_state_note), unchanged while noted.  */
static mr_state *noted_state;
/* The state mr_state_signature_noted noted, for the slots' comparison
   (same_named_slots: not hashed).  */
static const mr_state *noted_for_slots;

/* The filter's bit for key.  */
static inline uint64_t
key_bit (uint32_t key)
{
  return (uint64_t) 1 << ((key * 0x9e3779b1u) >> 26);
}

/* Is obj one of the tracked objects of a view: filter, and keys[0..n-1]?  (Its
   parts, not the view: the callers keep them in registers.)  */
static inline __attribute__ ((always_inline)) bool
sig_tracked (uint64_t filter, const uint32_t *keys, uint32_t n, uint32_t obj)
{
  uint32_t pos;
  /* NULL and untracked (0xffffffff) first, in one test: most bindings of a big
     function's states are one of them.  */
  return obj + 1u > 1u && (filter & key_bit (obj))
	 && table_find (keys, n, sizeof *keys, obj, false, &pos);
}

static inline uint32_t
fold (uint64_t h)
{
  return (uint32_t) (h ^ (h >> 32));
}

#define SIG_OBJS 1		/* sig_parts: the objects' half is in sig's low bits
				   (state.h's mr_state_told_from_noted tests it) */
#define SIG_BINDS 2		/* the bindings' half is in its high bits */

static inline uint64_t
obj_word (const mr_objst *o)
{
  return ((uint64_t) o->key << 24) | ((o->flags & MR_OBJF_UNINIT) << 16)
	 | (o->ts << 8) | o->family;
}

/* The objects' half of s, hashing only.  */
static uint32_t
objs_half (const mr_state *s)
{
  uint64_t h = 1469598103934665603ull;
  const mr_objst *objs = s->objs;
  for (uint32_t i = 0, n = s->nobjs; i < n; i++)
    if (objs[i].ts != MR_TS_UNKNOWN)
      h = mix (h, obj_word (&objs[i]));
  return fold (h);
}

/* The objects' half of s, gathering its tracked objects into *v (with keys[]
   and the filter; `full`: the sig_obj too).  (Locals, not v's fields, in the loops:
   the stores into v's arrays might alias them.)  */
static uint32_t
objs_half_into (const mr_state *s, sig_view *v, bool full)
{
  uint64_t h = 1469598103934665603ull;
  const mr_objst *objs = s->objs;
  uint32_t nobjs = s->nobjs, n = 0;
  if (v->cap_objs < nobjs)
    {
      v->cap_objs = nobjs;
      v->objs = mr_xrealloc (v->objs, v->cap_objs * sizeof *v->objs);
      v->keys = mr_xrealloc (v->keys, v->cap_objs * sizeof *v->keys);
    }
  sig_obj *vo = v->objs;
  uint32_t *keys = v->keys;
  uint64_t filter = 0;
  for (uint32_t i = 0; i < nobjs; i++)
    {
      const mr_objst *o = &objs[i];
      if (o->ts == MR_TS_UNKNOWN)
	continue;
      h = mix (h, obj_word (o));
      if (full)
	vo[n] = (sig_obj) { o->key, o->family, o->ts, (o->flags & MR_OBJF_UNINIT) != 0 };
      keys[n++] = o->key;
      filter |= key_bit (o->key);
    }
  v->nobjs = n;
  v->filter = filter;
  return fold (h);
}

/* The bindings' sum of s (mr_state.binds_sum: its half folded), whose tracked
   objects v holds (objs_half_into); `full`: gathering the tracked bindings into
   *v.  */
static uint64_t
binds_sum (const mr_state *s, sig_view *v, bool full)
{
  uint64_t h = 0;
  const mr_bind *binds = s->binds;
  uint32_t nbinds = s->nbinds, n = 0;
  if (full && v->cap_binds < nbinds)
    {
      v->cap_binds = nbinds;
      v->binds = mr_xrealloc (v->binds, v->cap_binds * sizeof *v->binds);
    }
  sig_bind *vb = v->binds;
  const uint32_t *keys = v->keys;
  uint32_t nkeys = v->nobjs;
  uint64_t filter = v->filter;
  for (uint32_t i = 0; i < nbinds; i++)
    {
      const mr_bind *b = &binds[i];
      if (!sig_tracked (filter, keys, nkeys, b->ref.obj))
	continue;
      h += bind_term (b->value, b->ref.obj, b->ref.off);
      if (full)
	vb[n++] = (sig_bind) { b->value, b->ref.obj, mr_off_category (b->ref.off) };
    }
  if (full)
    v->nbinds = n;
  return h;
}

static void
sig_view_free (sig_view *v)
{
  free (v->objs);
  free (v->binds);
  free (v->keys);
  memset (v, 0, sizeof *v);
}

static void
sig_views_free (void)
{
  sig_view_free (&noted);
  sig_view_free (&plain);
  noted_state = NULL;
  noted_for_slots = NULL;
  steps_free ();
}

static inline uint64_t
halves (uint32_t objs, uint32_t binds)
{
  return (uint64_t) binds << 32 | objs;
}

uint64_t
mr_state_signature (const mr_state *s)
{
  uint32_t lo = objs_half_into (s, &plain, false);
  return halves (lo, fold (binds_sum (s, &plain, false)));
}

uint64_t
mr_state_signature_noted (const mr_state *s)
{
  noted_state = NULL;
  noted_for_slots = s;
  uint32_t lo = objs_half_into (s, &noted, true);
  return halves (lo, fold (binds_sum (s, &noted, true)));
}

/* The objects' half of s, kept in the state while it holds (objs_half_ok): a
   state is compared at every block it reaches, and most blocks change no
   tracked object.  Every change of one clears objs_half_ok: the objects are
   changed in state.c only (mr_state_set_obj's callers write through its
   pointer right after it, before any comparison).  */
static uint32_t
objs_half_kept (mr_state *s)
{
  if (!s->objs_half_ok)
    {
      s->objs_half = objs_half (s);
      s->objs_half_ok = true;
    }
  return s->objs_half;
}

void
mr_state_note (mr_state *t)
{
  noted_state = t;
  t->sig = objs_half_kept (t);
  t->sig_parts = SIG_OBJS;
}

void
mr_state_forget_sig (mr_state *s)
{
  s->sig_parts = 0;
}

/* The bindings' half of s: its kept sum folded, or, where a lossy join or a
   change of which objects are tracked dropped the sum, a walk (which keeps it
   again).  */
static uint32_t
binds_half_kept (mr_state *s)
{
  if (!s->binds_half_ok)
    {
      objs_half_into (s, &plain, false);
      s->binds_sum = binds_sum (s, &plain, false);
      s->binds_half_ok = true;
    }
  return fold (s->binds_sum);
}

bool
mr_state_same_as_noted (mr_state *k)
{
  mr_state *t = noted_state;
  if (!(k->sig_parts & SIG_OBJS))
    {
      k->sig = objs_half_kept (k);
      k->sig_parts = SIG_OBJS;
    }
  if ((uint32_t) k->sig != (uint32_t) t->sig)
    return false;
  if (!(t->sig_parts & SIG_BINDS))
    {
      t->sig |= (uint64_t) binds_half_kept (t) << 32;
      t->sig_parts |= SIG_BINDS;
    }
  if (!(k->sig_parts & SIG_BINDS))
    {
      k->sig |= (uint64_t) binds_half_kept (k) << 32;
      k->sig_parts |= SIG_BINDS;
    }
  if (k->sig >> 32 != t->sig >> 32)
    return false;
  /* Equal halves: the full comparison, by one merge walk of each state's
     tables, which searches the objects only where the two differ.  */
  return mr_state_same_typestates (k, t);
}

bool
mr_state_same_typestates_noted (const mr_state *a)
{
  /* The tracked objects, as same_tracked_objs.  */
  uint32_t k = 0;
  for (uint32_t i = 0; i < a->nobjs; i++)
    {
      const mr_objst *o = &a->objs[i];
      if (o->ts == MR_TS_UNKNOWN)
	continue;
      if (k == noted.nobjs)
	return false;
      const sig_obj *n = &noted.objs[k++];
      if (o->key != n->key || o->ts != n->ts || o->family != n->family
	  || ((o->flags & MR_OBJF_UNINIT) != 0) != n->uninit)
	return false;
    }
  if (k != noted.nobjs)
    return false;
  /* The same objects are tracked on both sides: the noted state's keys tell which
     of a's bindings are tracked.  */
  k = 0;
  uint64_t filter = noted.filter;
  for (uint32_t i = 0; i < a->nbinds; i++)
    {
      const mr_bind *b = &a->binds[i];
      if (!sig_tracked (filter, noted.keys, noted.nobjs, b->ref.obj))
	continue;
      if (k == noted.nbinds)
	return false;
      const sig_bind *n = &noted.binds[k++];
      if (b->value != n->value || b->ref.obj != n->obj
	  || mr_off_category (b->ref.off) != n->cat)
	return false;
    }
  return k == noted.nbinds && same_named_slots (a, noted_for_slots);
}

static bool
ref_eq (mr_ref a, mr_ref b)
{
  return a.obj == b.obj && a.off == b.off;
}

/* A reference dropped by a join may have been the last one to its object: the
   object is then out of sight, like one stored where the engine cannot follow, and
   must not be reported as leaked.  */
static void
lose_ref (mr_state *d, uint32_t obj)
{
  if ((obj & MR_OBJ_KIND_MASK) != 0 && obj != 0xffffffffu)
    mr_state_add_obj_flags (d, obj, MR_OBJF_ESCAPED);
}

/* Keeps the bindings present in both to the same object (offsets joined).  A value
   the two states bind differently is bound to no object (0xffffffff): left unbound
   it would point to SYM|value, an object that may be one the value freed in an
   earlier iteration of a loop (nested loops: the generations of mr_state_retire
   are not enough to tell them apart).
   The join of the bindings is a merge walk of both tables (join_binds), or the
   steps a comparison recorded (join_binds_steps); both go through a bind_join:
   runs of bindings the join keeps are kept as they are (bj_keep), each other
   step joins the bindings of one value (bj_step).  The result is written over d's table,
   behind the walk (out <= i), until a binding only s has must be added where
   there is no room: from there on, into a new table.  */
typedef struct bind_join
{
  mr_state *d;
  const mr_bind *db, *sb;
  mr_bind *v;			/* the result */
  uint32_t n, ns, cap, out, i, j;
  uint8_t tag;
  bool fresh, changed;
} bind_join;

static inline __attribute__ ((always_inline)) void
bj_start (bind_join *bj, mr_state *d, const mr_state *s)
{
  *bj = (bind_join) { .d = d, .db = d->binds, .sb = s->binds, .v = d->binds,
		      .n = d->nbinds, .ns = s->nbinds, .cap = d->nbinds + s->nbinds };
}

/* The next `keep` bindings of d stay as they are, and the next `pass`
   bindings of s add nothing to them (a run of equal bindings: keep == pass).  */
static inline __attribute__ ((always_inline)) void
bj_keep (bind_join *bj, uint32_t keep, uint32_t pass)
{
  if (keep && bj->v + bj->out != bj->db + bj->i)
    memmove (bj->v + bj->out, bj->db + bj->i, keep * sizeof *bj->v);
  bj->out += keep, bj->i += keep, bj->j += pass;
}

/* d's binding x joined with s's binding of the same value, to `other` (s's
   default SYM|value at offset 0 where s does not bind it): the same object
   keeps it at the joined offset; two objects leave the value to no object, both
   references lost (`lose_other`: s's is a real binding, not the default).  */
static inline __attribute__ ((always_inline)) void
bj_join_one (bind_join *bj, const mr_bind *x, mr_ref other, bool lose_other)
{
  const uint32_t none = 0xffffffffu;
  mr_state *d = bj->d;
  if (x->ref.obj == other.obj)
    {
      /* The common case: the same object, most often at the same offset.  */
      mr_bind b = *x;
      if (other.off != b.ref.off)
	{
	  b.ref.off = mr_off_join (b.ref.off, other.off);
	  bj->changed |= b.ref.off != x->ref.off;
	  binding_changed (d, b.value, x->ref, b.ref);
	}
      bj->v[bj->out++] = b;
    }
  else if (x->ref.obj == none)
    bj->v[bj->out++] = *x;
  else
    {
      bj->changed = true;
      binding_changed (d, x->value, x->ref, (mr_ref) { none, 0 });
      lose_ref (d, x->ref.obj);
      if (lose_other)
	lose_ref (d, other.obj);
      bj->v[bj->out++] = (mr_bind) { x->value, { none, 0 } };
    }
}

/* One step of the merge at (i, j), where the two differ.  */
static inline __attribute__ ((always_inline)) void
bj_step (bind_join *bj)
{
  uint32_t i = bj->i, j = bj->j;
  const mr_bind *x = i < bj->n ? &bj->db[i] : NULL, *y = j < bj->ns ? &bj->sb[j] : NULL;
  if (x && y && x->value == y->value)
    {
      bj->i++, bj->j++;
      bj_join_one (bj, x, y->ref, true);
    }
  else if (x && (!y || x->value < y->value))
    {
      /* Only d binds it: s says SYM|value, at offset 0.  */
      bj->i++;
      bj_join_one (bj, x, (mr_ref) { MR_OBJ_SYM | x->value, 0 }, false);
    }
  else
    {
      /* Only s binds it; to SYM|value, d's default says the same.  */
      bj->j++;
      if (y->ref.obj != (MR_OBJ_SYM | y->value))
	{
	  bj->changed = true;
	  lose_ref (bj->d, y->ref.obj);
	  if (!bj->fresh && bj->out == i)
	    {
	      mr_bind *t = table_alloc (bj->cap, sizeof *t, &bj->tag);
	      memcpy (t, bj->v, bj->out * sizeof *t);
	      bj->v = t;
	      bj->fresh = true;
	    }
	  bj->v[bj->out++] = (mr_bind) { y->value, { 0xffffffffu, 0 } };
	}
    }
}

static inline __attribute__ ((always_inline)) bool
bj_finish (bind_join *bj)
{
  mr_state *d = bj->d;
  if (bj->fresh)
    {
      table_release (d->binds, d->class_binds, sizeof *bj->v);
      d->binds = bj->v;
      d->class_binds = bj->tag;
    }
  live_bytes -= (uint64_t) d->cap_binds * sizeof *bj->v;
  d->nbinds = bj->out;
  d->cap_binds = bj->cap ? bj->cap : 1;
  live_bytes += (uint64_t) d->cap_binds * sizeof *bj->v;
  return bj->changed;
}

static bool
join_binds (mr_state *d, const mr_state *s)
{
  const uint32_t none = 0xffffffffu;
  bind_join bj;
  bj_start (&bj, d, s);
  const mr_bind *p0 = bj.db, *pe = p0 + bj.n, *q0 = bj.sb, *qe = q0 + bj.ns;
  for (;;)
    {
      /* Most bindings are kept as d has them: the same on both sides, d's to no
	 object (what s binds then is lost already), d's or s's to the default
	 SYM|value at offset 0 where the other has none.  A run of such is passed
	 by a tight walk (pointers, not indices): past the state budget, the
	 state a lossy join keeps has many bindings to no object, and each was a
	 step of its own.  */
      const mr_bind *p = p0 + bj.i, *q = q0 + bj.j;
      for (;;)
	{
	  if (p < pe && q < qe && p->value == q->value)
	    {
	      if ((p->ref.obj == q->ref.obj && p->ref.off == q->ref.off)
		  || (p->ref.obj == none && q->ref.obj != none))
		{
		  p++, q++;
		  continue;
		}
	      break;
	    }
	  if (p < pe && (q == qe || p->value < q->value))
	    {
	      if (p->ref.obj == none
		  || (p->ref.obj == (MR_OBJ_SYM | p->value) && p->ref.off == 0))
		{
		  p++;
		  continue;
		}
	      break;
	    }
	  if (q < qe && q->ref.obj == (MR_OBJ_SYM | q->value))
	    {
	      q++;
	      continue;
	    }
	  break;
	}
      bj_keep (&bj, (uint32_t) (p - (p0 + bj.i)), (uint32_t) (q - (q0 + bj.j)));
      if (bj.i == bj.n && bj.j == bj.ns)
	break;
      bj_step (&bj);
    }
  return bj_finish (&bj);
}

/* join_binds by the steps the comparison of d and s recorded (bind_steps):
   between them, runs of equal bindings.  */
static bool
join_binds_steps (mr_state *d, const mr_state *s)
{
  bind_join bj;
  bj_start (&bj, d, s);
  for (uint32_t k = 0; k < bind_steps.n; k++)
    {
      uint32_t run = bind_steps.v[k].i - bj.i;
      bj_keep (&bj, run, run);
      bj_step (&bj);
    }
  bj_keep (&bj, bj.n - bj.i, bj.n - bj.i);
  return bj_finish (&bj);
}

static bool
join_slots (mr_state *d, const mr_state *s)
{
  uint32_t out = 0, j = 0, n = d->nslots;
  for (uint32_t i = 0; i < n; i++)
    {
      while (j < s->nslots && s->slots[j].at < d->slots[i].at)
	j++;
      if (j < s->nslots && s->slots[j].at == d->slots[i].at
	  && ref_eq (s->slots[j].content, d->slots[i].content))
	d->slots[out++] = d->slots[i];
      else
	{
	  lose_ref (d, d->slots[i].content.obj);
	  if (j < s->nslots && s->slots[j].at == d->slots[i].at)
	    lose_ref (d, s->slots[j].content.obj);
	}
    }
  bool changed = out != n;
  d->nslots = out;
  return changed;
}

/* The largest v * w can be by the intervals of v and w (0 if either is 0).  False
   if unbounded.  */
static bool
interval_product_max (const mr_state *s, uint32_t v, uint32_t w, uint64_t *max)
{
  const mr_fact *fv = mr_state_fact (s, v), *fw = mr_state_fact (s, w);
  bool bv = fv && fv->lo >= 0 && fv->hi != INT64_MAX;
  bool bw = fw && fw->lo >= 0 && fw->hi != INT64_MAX;
  if ((bv && fv->hi == 0) || (bw && fw->hi == 0))
    return *max = 0, true;
  if (!bv || !bw)
    return false;
  unsigned __int128 m = (unsigned __int128) fv->hi * (uint64_t) fw->hi;
  if (m > UINT64_MAX)
    return false;
  *max = (uint64_t) m;
  return true;
}

/* The largest v * w can be in s: a product bound, or by the intervals.  */
static bool
product_max (const mr_state *s, uint32_t v, uint32_t w, uint64_t *max)
{
  const mr_fact *fv = mr_state_fact (s, v), *fw = mr_state_fact (s, w);
  uint64_t m;
  bool known = interval_product_max (s, v, w, &m);
  if (fv && fv->prod_with == w && (!known || fv->prod_max < m))
    return *max = fv->prod_max, true;
  if (fw && fw->prod_with == v && (!known || fw->prod_max < m))
    return *max = fw->prod_max, true;
  *max = m;
  return known;
}

void
mr_state_note_product (mr_state *s, uint32_t v, uint32_t w)
{
  uint64_t m;
  const mr_fact *fv = mr_state_fact (s, v), *fw = mr_state_fact (s, w);
  if (!interval_product_max (s, v, w, &m)
      || (fv && fv->prod_with == w && fv->prod_max <= m)
      || (fw && fw->prod_with == v && fw->prod_max <= m))
    return;
  mr_state_bound_product (s, v, w, m, false);
}

/* Product bounds after a join: one holds where the other state bounds the same
   product, by a guard or by its factors' intervals (`n < 2^32 && s < 2^32` on one
   path, `s <= SIZE_MAX / n` on another), at the larger bound.  */
typedef struct prod_bound
{
  uint32_t v, w;
  uint64_t max;
} prod_bound;

static uint32_t
join_product_bounds (const mr_state *d, const mr_state *s, prod_bound *out, uint32_t cap)
{
  uint32_t n = 0;
  for (int side = 0; side < 2; side++)
    {
      const mr_state *a = side ? s : d, *b = side ? d : s;
      for (uint32_t i = 0; i < a->nfacts && n < cap; i++)
	{
	  const mr_fact *f = &a->facts[i];
	  uint64_t other;
	  if (!f->prod_with || !product_max (b, f->value, f->prod_with, &other))
	    continue;
	  bool dup = false;
	  for (uint32_t k = 0; k < n; k++)
	    dup |= out[k].v == f->value && out[k].w == f->prod_with;
	  if (!dup)
	    out[n++] = (prod_bound) { f->value, f->prod_with,
				      other > f->prod_max ? other : f->prod_max };
	}
    }
  return n;
}

/* Facts: the interval hull of both; a fact missing on one side is dropped (product
   bounds: see join_product_bounds).  */
static bool
join_facts (mr_state *d, const mr_state *s)
{
  uint32_t out = 0, j = 0;
  bool changed = false;
  prod_bound pb[8];
  /* Only a state with has_products holds product bounds (prod_with != 0).  */
  bool products = d->has_products || s->has_products;
  uint32_t npb = products ? join_product_bounds (d, s, pb, 8) : 0;
  uint32_t nold = 0;
  prod_bound old[8];
  for (uint32_t i = 0; d->has_products && i < d->nfacts && nold < 8; i++)
    if (d->facts[i].prod_with)
      old[nold++] = (prod_bound) { d->facts[i].value, d->facts[i].prod_with,
				   d->facts[i].prod_max };
  /* (Locals: the stores into d's table might alias the tables' fields.)  */
  mr_fact *df = d->facts;
  const mr_fact *sf = s->facts;
  uint32_t nd = d->nfacts, ns = s->nfacts;
  for (uint32_t i = 0; i < nd; i++)
    {
      uint32_t value = df[i].value;
      while (j < ns && sf[j].value < value)
	j++;
      if (j == ns || sf[j].value != value)
	{
	  changed = true;
	  continue;
	}
      const mr_fact *g = &sf[j];
      mr_fact *e = &df[i];
      if (g->lo == e->lo && g->hi == e->hi && g->has_ne == e->has_ne
	  && (!e->has_ne || g->ne == e->ne) && g->ubelow == e->ubelow)
	{
	  /* The same fact on both sides (the common case): kept as it is, without
	     its product bound, unless it says nothing.  */
	  if (e->lo == INT64_MIN && e->hi == INT64_MAX && !e->has_ne && !e->ubelow)
	    continue;
	  if (out != i)
	    df[out] = *e;
	  df[out].prod_with = 0;
	  df[out++].prod_max = 0;
	  continue;
	}
      mr_fact f = *e;
      mr_fact m = f;
      m.lo = f.lo < g->lo ? f.lo : g->lo;
      m.hi = f.hi > g->hi ? f.hi : g->hi;
      /* An excluded point survives if both exclude it, or one excludes it and the
	 other's interval does not contain it.  */
      bool f_ex = f.has_ne, g_ex = g->has_ne;
      m.has_ne = false;
      if (f_ex && (g_ex ? g->ne == f.ne : (f.ne < g->lo || f.ne > g->hi)))
	m.has_ne = true, m.ne = f.ne;
      else if (!f_ex && g_ex && (g->ne < f.lo || g->ne > f.hi))
	m.has_ne = true, m.ne = g->ne;
      m.prod_with = 0, m.prod_max = 0;
      m.ubelow = f.ubelow < g->ubelow ? f.ubelow : g->ubelow;
      if (m.lo != f.lo || m.hi != f.hi || m.has_ne != f.has_ne
	  || (m.has_ne && m.ne != f.ne) || m.ubelow != f.ubelow)
	changed = true;
      if (m.lo == INT64_MIN && m.hi == INT64_MAX && !m.has_ne && !m.ubelow)
	{
	  /* Nothing known: drop the fact (a change only if it said something).  */
	  changed |= !(f.lo == INT64_MIN && f.hi == INT64_MAX && !f.has_ne && !f.ubelow);
	  continue;
	}
      df[out++] = m;
    }
  d->nfacts = out;
  for (uint32_t k = 0; k < npb; k++)
    {
      mr_fact *f = fact_for (d, pb[k].v, false);
      f->prod_with = pb[k].w;
      f->prod_max = pb[k].max;
    }
  /* Changed if a product bound was lost or loosened.  */
  for (uint32_t k = 0; k < nold; k++)
    {
      const mr_fact *f = mr_state_fact (d, old[k].v);
      changed |= !f || f->prod_with != old[k].w || f->prod_max != old[k].max;
    }
  return changed;
}

/* Object flags after a join.  A flag that says "something may still happen"
   (escaped, uninitialised, maybe zero-sized, lost by realloc) holds if it holds on
   either side; one that says "already settled" (checked for NULL, reported) only if
   it holds on both, or which state reached the join first would decide what is
   found after it.  */
enum
{
  MR_OBJF_ANY = MR_OBJF_ESCAPED | MR_OBJF_MAYBE_NULL | MR_OBJF_UNINIT | MR_OBJF_MAYBE_ZERO
		| MR_OBJF_REALLOC0 | MR_OBJF_REALLOC_LOST
};

static uint16_t
join_flags (uint16_t a, uint16_t b)
{
  return ((a | b) & MR_OBJF_ANY) | (a & b & ~MR_OBJF_ANY);
}

/* A new object of d for the flags f of an object only s lists (as
   mr_state_add_obj_flags makes it: a named object keeps its implicit typestate).  */
static mr_objst
flags_only_obj (uint32_t key, uint16_t f)
{
  bool decl = (key & MR_OBJ_KIND_MASK) == MR_OBJ_DECL;
  return (mr_objst) { .key = key, .ts = decl ? MR_TS_NONHEAP : MR_TS_UNKNOWN, .flags = f };
}

/* Object x of d joined with o, s's (NULL: s does not list it): its flags and
   fill.  Returns true if x changed.  */
static inline bool
join_one_obj (mr_state *d, mr_objst *x, const mr_objst *o)
{
  bool changed = false;
  uint16_t nf = join_flags (x->flags, o ? o->flags : 0);
  /* Partly written on one side, initialised on the other (a join past the
     budget, which keeps no path apart): initialised, as the whole-object
     answer was before fields were told apart.  Never written on one side stays
     uninitialised (MR_OBJF_ANY).  */
  bool ux = (x->flags & MR_OBJF_UNINIT) != 0, uo = o && (o->flags & MR_OBJF_UNINIT);
  if (ux != uo && (ux ? x->written : o->written))
    nf &= (uint16_t) ~MR_OBJF_UNINIT;
  if (((nf ^ x->flags) & MR_OBJF_UNINIT) && x->ts != MR_TS_UNKNOWN)
    d->objs_half_ok = false;
  if (nf != x->flags)
    x->flags = nf, changed = true;
  /* Filled by a loop on one side only: written, as far as the join knows.  */
  if (x->fill && (!o || o->fill != x->fill))
    x->fill = NULL, changed = true;
  /* Bytes written on both sides (a side where the object is initialised wrote
     them all): a byte one path left unwritten may be read uninitialised.  */
  uint32_t wx = (x->flags & MR_OBJF_UNINIT) ? x->written : UINT32_MAX;
  uint32_t wo = o && (o->flags & MR_OBJF_UNINIT) ? o->written : UINT32_MAX;
  uint32_t nw = (nf & MR_OBJF_UNINIT) ? wx & wo : 0;
  if (nw != x->written)
    x->written = nw, changed = true;
  return changed;
}

/* Does the join add s's object y, which d does not list?  A lossy join adds
   it if tracked; every join if it has a flag that must survive.  */
static inline bool
adds_obj (const mr_objst *y, bool lossy)
{
  return (lossy && y->ts != MR_TS_UNKNOWN) || (y->flags & MR_OBJF_ANY);
}

static bool
is_freedish (mr_ts ts)
{
  return ts == MR_TS_FREED || ts == MR_TS_MAYBE_FREED;
}

/* What the join adds to d for s's object y (adds_obj): a lossy join gives a
   tracked one the typestate the two sides' meet gives it (maybe-freed if freed,
   else unknown; d's default is unknown) and s's event, as mr_state_set_obj
   would list it, with the flags that must survive; any other is listed for
   those flags alone (flags_only_obj).  */
static mr_objst
added_obj (const mr_objst *y, bool lossy)
{
  if (!lossy || y->ts == MR_TS_UNKNOWN)
    return flags_only_obj (y->key, y->flags & MR_OBJF_ANY);
  return (mr_objst) { .key = y->key,
		      .ts = is_freedish ((mr_ts) y->ts) ? MR_TS_MAYBE_FREED : MR_TS_UNKNOWN,
		      .family = MR_FAM_NONE, .flags = y->flags & MR_OBJF_ANY,
		      .ev = y->ev };
}

/* Adds to d the objects only s lists that the join adds (adds_obj: `added` of
   them, counted by the caller's walk), by a second merge.  */
static void
add_objs (mr_state *d, const mr_state *s, uint32_t added, bool lossy)
{
  uint32_t nd = d->nobjs, ns = s->nobjs;
  /* The capacity counted grows as `added` insertions one by one would grow it.  */
  for (uint32_t k = 0, n = nd; k < added; k++, n++)
    if (n == d->cap_objs)
      {
	live_bytes += (uint64_t) (d->cap_objs ? d->cap_objs : 8) * sizeof *d->objs;
	d->cap_objs = d->cap_objs ? 2 * d->cap_objs : 8;
      }
  uint32_t out = 0, i = 0;
  uint8_t tag;
  mr_objst *v = table_alloc (nd + added, sizeof *v, &tag);
  for (uint32_t j = 0; j < ns; j++)
    {
      const mr_objst *y = &s->objs[j];
      if (!adds_obj (y, lossy))
	continue;
      for (; i < nd && d->objs[i].key < y->key; i++)
	v[out++] = d->objs[i];
      if (i < nd && d->objs[i].key == y->key)
	continue;
      v[out++] = added_obj (y, lossy);
      if (v[out - 1].ts != MR_TS_UNKNOWN)
	tracked_changed (d);	/* a named object tracked as non-heap, or
				   a lossy join's */
    }
  for (; i < nd; i++)
    v[out++] = d->objs[i];
  table_release (d->objs, d->class_objs, sizeof *v);
  d->objs = v;
  d->class_objs = tag;
  d->nobjs = out;
}

static bool
join_obj_flags (mr_state *d, const mr_state *s)
{
  bool changed = false;
  /* Both lists are sorted by key: one merge walk, not a search per object (joins run
     for every state reaching every block).  It joins the flags of the objects d
     lists and counts those only s lists with a flag that must survive; they are
     added by a second merge, when there are any.  */
  uint32_t j = 0, nd = d->nobjs, ns = s->nobjs, added = 0;
  mr_objst *dobjs = d->objs;
  const mr_objst *sobjs = s->objs;
  for (uint32_t i = 0; i < nd; i++)
    {
      /* Most objects are listed on both sides with the same flags and no fill: a
	 run of them is skipped by a tight walk (pointers, not indices).  */
      const mr_objst *p = dobjs + i, *q = sobjs + j, *end = dobjs + nd, *send = sobjs + ns;
      while (p < end && q < send && p->key == q->key && p->flags == q->flags && !p->fill
	     && p->written == q->written)
	p++, q++;
      i = (uint32_t) (p - dobjs);
      j = (uint32_t) (q - sobjs);
      if (i == nd)
	break;
      mr_objst *x = &dobjs[i];
      for (; j < ns && sobjs[j].key < x->key; j++)
	added += (sobjs[j].flags & MR_OBJF_ANY) != 0;
      const mr_objst *o = j < ns && sobjs[j].key == x->key ? &sobjs[j++] : NULL;
      changed |= join_one_obj (d, x, o);
    }
  for (; j < ns; j++)
    added += (s->objs[j].flags & MR_OBJF_ANY) != 0;
  if (!added)
    return changed;
  add_objs (d, s, added, false);
  return true;
}

/* join_obj_flags by the steps the comparison of d and s recorded (obj_steps):
   between them, runs of objects equal in key, flags and fill, which the join
   leaves as they are.  */
static bool
join_obj_flags_steps (mr_state *d, const mr_state *s)
{
  bool changed = false;
  uint32_t nd = d->nobjs, ns = s->nobjs, added = 0;
  mr_objst *dobjs = d->objs;
  const mr_objst *sobjs = s->objs;
  for (uint32_t k = 0; k < obj_steps.n; k++)
    {
      uint32_t i = obj_steps.v[k].i, j = obj_steps.v[k].j;
      mr_objst *x = i < nd ? &dobjs[i] : NULL;
      const mr_objst *y = j < ns ? &sobjs[j] : NULL;
      if (x && y && x->key == y->key)
	changed |= join_one_obj (d, x, y);
      else if (x && (!y || x->key < y->key))
	changed |= join_one_obj (d, x, NULL);
      else
	added += (y->flags & MR_OBJF_ANY) != 0;
    }
  if (!added)
    return changed;
  add_objs (d, s, added, false);
  return true;
}

bool
mr_state_join (mr_state *d, const mr_state *s)
{
  bool changed = join_binds (d, s);
  d->has_products |= s->has_products;
  changed |= join_slots (d, s);
  changed |= join_facts (d, s);
  changed |= join_obj_flags (d, s);
  if (d->nptr_eqs)
    changed |= mr_ptr_eqs_join (d, s);
  return changed;
}

bool
mr_state_join_compared (mr_state *d, const mr_state *s)
{
  if (d != compared_a || s != compared_b)
    return mr_state_join (d, s);
  compared_a = compared_b = NULL;
  /* The objects first, while the recorded steps still index them: the
     bindings' and slots' joins may list objects anew (lose_ref).  Flags a
     dropped reference sets (escaped) hold if either side has them, so the order
     gives the same objects, and the same counted capacity (as many
     insertions).  */
  bool changed = join_obj_flags_steps (d, s);
  changed |= join_binds_steps (d, s);
  d->has_products |= s->has_products;
  changed |= join_slots (d, s);
  changed |= join_facts (d, s);
  if (d->nptr_eqs)
    changed |= mr_ptr_eqs_join (d, s);
  return changed;
}

/* The objects of a lossy join, in one merge walk: the typestates (an object
   that differs becomes maybe-freed if either side freed it, unknown
   otherwise), then the flags and fill as any join's (join_one_obj); the objects
   only s lists are added by a second merge (add_objs) when there are any.  The
   objects come first, before the bindings' and slots' joins may list objects
   anew (lose_ref), as in mr_state_join_compared: the flags those set hold if
   either side has them, so the objects, the answer and the counted capacity
   (as many insertions) are those of the typestates' walk followed by
   mr_state_join.  */
static bool
join_objs_lossy (mr_state *d, const mr_state *s)
{
  bool changed = false;
  uint32_t added = 0;
  mr_objst *p = d->objs, *pe = p + d->nobjs;
  const mr_objst *q = s->objs, *qe = q + s->nobjs;	/* (locals: the stores below
							   may alias) */
  for (;;)
    {
      /* Most objects are left as d has them: the same on both sides (key,
	 typestate, family, flags and fill), or listed by one side only,
	 untracked, for flags that the join keeps (d's) or drops (s's).  A run
	 of such is passed by a tight walk (pointers, not indices).  */
      for (;;)
	{
	  if (p < pe && q < qe && p->key == q->key)
	    {
	      if (p->ts == q->ts && p->family == q->family && p->flags == q->flags
		  && p->fill == q->fill && p->written == q->written)
		{
		  p++, q++;
		  continue;
		}
	      break;
	    }
	  if (p < pe && (q == qe || p->key < q->key))
	    {
	      if (p->ts == MR_TS_UNKNOWN && !(p->flags & ~MR_OBJF_ANY) && !p->fill)
		{
		  p++;
		  continue;
		}
	      break;
	    }
	  if (q < qe && !adds_obj (q, true))
	    {
	      q++;
	      continue;
	    }
	  break;
	}
      if (p == pe && q == qe)
	break;
      const mr_objst *o;
      if (p < pe && q < qe && p->key == q->key)
	o = q++;
      else if (p < pe && (q == qe || p->key < q->key))
	o = NULL;
      else
	{
	  added++;		/* only s lists it, and the join adds it */
	  q++;
	  continue;
	}
      mr_ts ots = o ? (mr_ts) o->ts : MR_TS_UNKNOWN;
      if (ots != p->ts || (o && o->family != p->family))
	{
	  mr_ts nts = is_freedish ((mr_ts) p->ts) || is_freedish (ots) ? MR_TS_MAYBE_FREED
									 : MR_TS_UNKNOWN;
	  if (nts != p->ts)
	    p->ts = nts, changed = true;
	}
      changed |= join_one_obj (d, p, o);
      p++;
    }
  if (!added)
    return changed;
  add_objs (d, s, added, true);
  return true;
}

bool
mr_state_join_lossy (mr_state *d, const mr_state *s)
{
  tracked_changed (d);
  bool changed = join_objs_lossy (d, s);
  changed |= join_binds (d, s);
  d->has_products |= s->has_products;
  changed |= join_slots (d, s);
  changed |= join_facts (d, s);
  if (d->nptr_eqs)
    changed |= mr_ptr_eqs_join (d, s);
  return changed;
}

uint32_t
mr_state_size (const mr_state *s)
{
  return s->nobjs + s->nbinds + s->nslots + s->nfacts;
}
