/* state.h — one abstract state of the engine: what is known on one set of paths.

   Objects.  An object is a region of memory the function can point into.  It is named
   by a key that says where it came from, so the same key means the same object in
   every state (which is what lets states be merged):
     MR_OBJ_NULL          the null pointer (key 0)
     MR_OBJ_SYM  | v      whatever SSA value v points to when nothing else is known:
                          a parameter, a call's result, the content loaded into v
     MR_OBJ_ALLOC| e      the allocation made by event e (the allocation site)
     MR_OBJ_DECL | d      the named object d of mr_func.decls (a local, a static, ...)
   Each object has a typestate; objects not listed are MR_TS_UNKNOWN.

   Bindings map an SSA root value to the object (and offset) it points to; an unbound
   value v points to MR_OBJ_SYM|v.  Slots map a memory location (object, offset) to the
   pointer stored there, so `s->buf` loaded twice yields the same object.  Facts bound
   integer values (err != 0, n in [1, 10]) from branch conditions, so infeasible paths
   are dropped.

   All four tables are small arrays sorted by key: states are copied at every branch,
   and a few dozen entries are typical.  */

#ifndef MR_STATE_H
#define MR_STATE_H

#include "memir.h"

#include <stdbool.h>
#include <stdint.h>

#define MR_OBJ_NULL 0u
#define MR_OBJ_KIND_MASK 0xf0000000u
#define MR_OBJ_SYM 0x10000000u
#define MR_OBJ_ALLOC 0x20000000u
#define MR_OBJ_DECL 0x30000000u
/* Added to SYM and ALLOC keys: the previous instance of a value or allocation
   site (a loop's previous iteration), see mr_state_retire.  */
#define MR_OBJ_OLD 0x40000000u
#define MR_OBJ_INDEX(key) ((key) & ~MR_OBJ_KIND_MASK)

/* Typestates, GCC analyzer style: short lowercase names in docs and dumps.  */
typedef enum mr_ts
{
  MR_TS_UNKNOWN,		/* "unknown": not known to be heap, not freed */
  MR_TS_ALLOCATED,		/* "allocated": from an allocation in this function */
  MR_TS_NULL,			/* "null": the allocation returned NULL on this path */
  MR_TS_FREED,			/* "freed" */
  MR_TS_NONHEAP,		/* "non-heap": a local, a static, a literal */
  MR_TS_MAYBE_FREED		/* "maybe-freed": merged past the budget; never reported */
} mr_ts;

/* Object flags.  Most are facts the engine keeps (set by the transfer functions,
   transfer.c, or the refinement on edges) and rules read; each says who reads it.
   Some are rules' own bookkeeping (rule.h says what a rule may write and why).
   The values are part of the state's signature and joins (state.c): a new rule
   that needs a bit of its own takes the next free one here, named for its owner.  */
enum
{
  MR_OBJF_ESCAPED = 1 << 0,	/* stored or passed where the engine cannot follow
				   (aliasing, leak; leak also sets it on what it
				   reported at an overwrite) */
  MR_OBJF_NONNULL = 1 << 1,	/* checked against NULL on this path
				   (null-deref-alloc, leak) */
  MR_OBJF_MAYBE_NULL = 1 << 2,	/* from an allocation that may return NULL
				   (null-deref-alloc) */
  MR_OBJF_UNINIT = 1 << 3,	/* nothing written to it since it was allocated
				   (uninit-read, which clears it once reported) */
  MR_OBJF_MAYBE_ZERO = 1 << 4,	/* allocated with a size that may be 0 (zero-alloc,
				   which clears it once reported) */
  MR_OBJF_REALLOC0 = 1 << 5,	/* FREED by realloc (p, 0) returning NULL
				   (realloc-zero-free; double-free, use-after-free
				   and dangling-return leave it to it) */
  MR_OBJF_REALLOC_LOST = 1 << 6,	/* leak's own: p = realloc (p, n) failed and
					   nothing holds it; ev is that realloc */
  MR_OBJF_CLEARED = 1 << 7,	/* wiped with explicit_bzero and the like
				   (sensitive-free) */
  MR_OBJF_RULE_BIT0 = 1 << 8,	/* rules' own "reported on this path" marks, */
  MR_OBJF_RULE_BIT1 = 1 << 9,	/* named and described by their owners:
				   rules/freed-use.h, rules/null-deref-alloc.c.
				   A join keeps them only if both sides have them */
  MR_OBJF_QUIET_NULL = 1 << 10,	/* from a wrapper that may return NULL (see
				   MR_EVF_QUIET_NULL): leaked only once checked (leak) */
  MR_OBJF_NULL_CHECKED = 1 << 11,	/* NULL because a check said so (not a failed
				   realloc's result nobody tested) (null-deref-alloc) */
  MR_OBJF_HELD_OUTSIDE = 1 << 12	/* ESCAPED only by its store into one slot of memory
				   the caller can see (a parameter's struct), no call
				   since: freeing that struct loses it (transfer.c,
				   holder_freed).  A join keeps it only on both sides */
};

typedef struct mr_ref
{
  uint32_t obj;			/* object key */
  int64_t off;			/* byte offset into it, or MR_OFF_UNKNOWN */
} mr_ref;

/* The bytes at the start of an object whose stores are told apart
   (mr_objst.written): a store elsewhere initialises the whole object.  */
#define MR_WRITTEN_BYTES 32

typedef struct mr_objst
{
  uint32_t key;
  uint8_t ts;			/* mr_ts */
  uint16_t family;		/* mr_family: the expected (ALLOCATED) or used (FREED) one */
  uint16_t flags;
  uint32_t written;		/* with MR_OBJF_UNINIT: bit i says byte i of the
				   object's first MR_WRITTEN_BYTES was written by a
				   store of known place and width (`pt->x = 1;`),
				   the rest is not (uninit-read reads it); 0: none
				   (the whole object uninitialised).  0 without
				   MR_OBJF_UNINIT */
  const mr_event *ev;		/* the allocation or the free, for notes */
  const mr_event *fill;		/* a loop's event that covers elements [0, n): a
				   STORE (MR_SIZE_FILL), the object allocated and
				   written only by it, elements from its bound on
				   uninitialised; or a FREE of every element
				   (array-walks.c).  Any write drops it */
} mr_objst;

typedef struct mr_bind
{
  uint32_t value;
  mr_ref ref;
} mr_bind;

typedef struct mr_slot
{
  uint64_t at;			/* object key << 32 | (uint32_t) offset */
  mr_ref content;
} mr_slot;

typedef struct mr_fact
{
  uint32_t value;
  uint32_t prod_with;		/* nonzero: value * prod_with <= prod_max */
  bool has_ne;
  int64_t lo, hi;		/* value in [lo, hi] */
  int64_t ne;			/* and value != ne when has_ne */
  uint64_t prod_max;
  uint64_t ubelow;		/* compared unsigned: value <= UINT64_MAX - ubelow (a
				   bound above INT64_MAX, `n > SIZE_MAX - 16`) */
} mr_fact;

/* What fact f says of its value against 0: known 0, known not 0.  */
static inline bool
mr_fact_zero (const mr_fact *f)
{
  return f->lo == 0 && f->hi == 0;
}

static inline bool
mr_fact_nonzero (const mr_fact *f)
{
  return f->lo > 0 || f->hi < 0 || (f->has_ne && f->ne == 0);
}

/* Two values a branch tested for equality on this path (ptr-eq.c): the refs
   (object, exact offset) of both sides, a before b, and whether they were equal.  */
typedef struct mr_ptr_eq
{
  uint32_t a, b;
  int64_t aoff, boff;
  bool equal;
} mr_ptr_eq;
#define MR_PTR_EQ_MAX 8

typedef struct mr_state
{
  mr_objst *objs;
  mr_bind *binds;
  mr_slot *slots;
  mr_fact *facts;
  uint32_t nobjs, nbinds, nslots, nfacts;
  uint32_t cap_objs, cap_binds, cap_slots, cap_facts;	/* counted (mr_state_bytes_live) */
  bool dirty;			/* changed since its block last processed it */
  bool dead;			/* the path ends here (set while running a block) */
  bool has_products;		/* some fact may carry a product bound (prod_with):
				   forgetting a fact must then look for them */
  uint8_t class_objs, class_binds, class_slots, class_facts;	/* the tables' size
				   classes, state.c's recycling (0: none) */
  uint8_t sig_parts;		/* the halves of sig taken so far (state.c,
				   mr_state_note): each when first compared, the
				   state unchanged till then; 0 for a new state */
  uint64_t sig;			/* the signature's halves, as far as taken */
  uint32_t objs_half;		/* the objects' half of the signature, kept from the
				   state's last comparison through its copies and
				   runs while no tracked object changes (state.c) */
  bool objs_half_ok;		/* objs_half is up to date */
  bool binds_half_ok;		/* binds_sum is up to date */
  uint64_t binds_sum;		/* the bindings' half before its fold: a sum over
				   the bindings to tracked objects, kept up to
				   date as they change (state.c) */
  uint8_t nptr_eqs;		/* the tested pairs (ptr-eq.c), at most MR_PTR_EQ_MAX */
  mr_ptr_eq *ptr_eqs;		/* NULL until the first */
} mr_state;

mr_state *mr_state_new (void);
mr_state *mr_state_copy (const mr_state *s);
void mr_state_free (mr_state *s);
/* Lends s, a state the driver would copy and then free unchanged, to be run in
   place of the copy: s gets the counted capacities of a copy (mr_state_copy),
   and the bytes it counted before (returned) stay counted until
   mr_state_uncount, where the driver would have freed it.  The memory cap sees
   what copying would hold, byte for byte.  */
uint64_t mr_state_lend (mr_state *s);
void mr_state_uncount (uint64_t bytes);

/* Objects.  mr_state_obj returns NULL for an object in the default state.  */
const mr_objst *mr_state_obj (const mr_state *s, uint32_t key);
mr_ts mr_state_ts (const mr_state *s, uint32_t key);
mr_objst *mr_state_set_obj (mr_state *s, uint32_t key, mr_ts ts, mr_family fam,
			    const mr_event *ev);
void mr_state_add_obj_flags (mr_state *s, uint32_t key, uint16_t flags);
/* Clears flags of object key, if listed.  Objects are changed through state.c
   (or the pointer mr_state_set_obj returns, right after): it keeps the
   signature's objects' half up to date (mr_state.objs_half).  */
void mr_state_clear_obj_flags (mr_state *s, uint32_t key, uint16_t flags);

/* Bindings of root values.  */
mr_ref mr_state_lookup (const mr_state *s, uint32_t value);
void mr_state_bind (mr_state *s, uint32_t value, mr_ref ref);
void mr_state_unbind (mr_state *s, uint32_t value);

/* Memory slots.  Offsets must be known.  */
bool mr_state_load (const mr_state *s, mr_ref at, mr_ref *content);
void mr_state_store (mr_state *s, mr_ref at, mr_ref content);
void mr_state_forget_slot (mr_state *s, mr_ref at);
/* Forgets every slot inside object `key` (the object was overwritten by a call).  */
/* The slots of object key, [*first, *last) of s->slots (a binary search).  */
void mr_state_obj_slots (const mr_state *s, uint32_t key, uint32_t *first, uint32_t *last);
void mr_state_forget_obj_slots (mr_state *s, uint32_t key);
/* Forgets the slots of object `key` at offsets [lo, hi) (as unsigned 32-bit
   offsets), which hold no objects (the results of pure calls, transfer.c).  */
void mr_state_forget_slot_range (mr_state *s, uint32_t key, uint32_t lo, uint32_t hi);
/* Forgets the slots of every object for which hit (arg, s, key) is true (asked once
   per object that has slots), except object `keep`'s: a store through a pointer
   that may address them (engine.c, clobber_aliases).  What they held is out of
   sight, as with mr_state_forget_obj_slots.  */
void mr_state_forget_slots_if (mr_state *s, uint32_t keep,
			       bool (*hit) (const void *arg, const mr_state *s, uint32_t key),
			       const void *arg);

/* A statement that makes object `key` is about to run again (a loop): the instance
   the state knows becomes the "old" one (key | MR_OBJ_OLD), so pointers still
   holding it keep their typestate while the new instance starts fresh.  An older
   old instance is forgotten: two generations are enough to tell `prev` from `p`.  */
void mr_state_retire (mr_state *s, uint32_t key);

/* Facts on integer values.  mr_state_refine returns false when the state becomes
   infeasible (value op c contradicts what is known).  */
const mr_fact *mr_state_fact (const mr_state *s, uint32_t value);
bool mr_state_refine (mr_state *s, uint32_t value, mr_cmp op, int64_t c, bool is_unsigned);
void mr_state_set_const (mr_state *s, uint32_t value, int64_t c);
void mr_state_copy_fact (mr_state *s, uint32_t dst, uint32_t src);
void mr_state_forget_fact (mr_state *s, uint32_t value);
/* Records a bound of v * w that their intervals give, if tighter than the one known:
   joins keep product bounds, not the intervals' correlation.  */
void mr_state_note_product (mr_state *s, uint32_t v, uint32_t w);
/* Records value * with <= max (from a guard value <= max / with).  */
void mr_state_bound_product (mr_state *s, uint32_t value, uint32_t with, uint64_t max,
			     bool is_unsigned);

/* Equalities between two values that branches tested on the path (ptr-eq.c), keyed
   on their refs.  mr_state_ptr_eq: 1 equal, 0 not equal, -1 not known.  The others
   serve state.c: a copy, a free, a join (keeps the pairs known alike on both sides;
   true if d lost some) and a retirement (key becomes old, old is dropped).  */
int mr_state_ptr_eq (const mr_state *s, mr_ref a, mr_ref b);
void mr_state_note_ptr_eq (mr_state *s, mr_ref a, mr_ref b, bool equal);
void mr_ptr_eqs_copy (mr_state *d, const mr_state *s);
void mr_ptr_eqs_free (mr_state *s);
bool mr_ptr_eqs_join (mr_state *d, const mr_state *s);
void mr_ptr_eqs_retire (mr_state *s, uint32_t key, uint32_t old);
uint64_t mr_ptr_eqs_bytes_live (void);	/* counted in mr_state_bytes_live */

/* Merging (ESP): states with the same typestates are joined; others stay apart.  */
bool mr_state_same_typestates (const mr_state *a, const mr_state *b);
/* A hash of what mr_state_same_typestates compares: equal states have equal
   signatures, so unequal signatures skip the comparison.  */
uint64_t mr_state_signature (const mr_state *s);
/* The same signature, noting what it hashed; mr_state_same_typestates_noted (a) is
   then mr_state_same_typestates (a, s) without walking s again (s unchanged in
   between; one state noted at a time).  */
uint64_t mr_state_signature_noted (const mr_state *s);
bool mr_state_same_typestates_noted (const mr_state *a);
/* The driver's comparisons, by the signature's halves, each taken once and kept
   in the state (sig, sig_parts): mr_state_note (t) for a state t arriving at a
   block, then mr_state_same_as_noted (k) for each state k kept there is
   mr_state_same_typestates (k, t), answered by the halves when they differ (t and
   every k unchanged in between).  A state changed by a lossy join gets
   mr_state_forget_sig.  */
void mr_state_note (mr_state *t);
bool mr_state_same_as_noted (mr_state *k);
/* The first test of mr_state_same_as_noted, inline for the driver's loop over the
   kept states: k's objects' half, when taken, differs from t's (t noted).  */
static inline bool
mr_state_told_from_noted (const mr_state *k, const mr_state *t)
{
  return (k->sig_parts & 1) && (uint32_t) k->sig != (uint32_t) t->sig;
}
void mr_state_forget_sig (mr_state *s);
/* dst := dst joined with src (same typestates).  Returns true if dst changed.  */
bool mr_state_join (mr_state *dst, const mr_state *src);
/* mr_state_join, right after mr_state_same_typestates (dst, src) (or
   mr_state_same_as_noted (dst), src noted) answered true, both unchanged
   since: the join visits only the entries that comparison found different, not
   the runs of equal ones between them.  (Any other pair: mr_state_join.)  */
bool mr_state_join_compared (mr_state *dst, const mr_state *src);
/* dst := dst joined with src where typestates may differ: a differing object becomes
   maybe-freed if either side freed it, unknown otherwise.  Returns true if changed.  */
bool mr_state_join_lossy (mr_state *dst, const mr_state *src);

/* Prints s to a FILE *, for debugging (debug.c).  */
void mr_state_print (const mr_state *s, void *file);

/* A rough size, for the budget.  */
uint32_t mr_state_size (const mr_state *s);

/* Bytes held by all states alive now (structs and table capacities), for the
   engine's memory cap (mr_config.max_memory).  */
uint64_t mr_state_bytes_live (void);

/* Gives the tables and states freed so far, which state.c keeps for reuse, back to
   malloc (at the end of a function's analysis).  */
void mr_state_trim (void);

#endif /* MR_STATE_H */
