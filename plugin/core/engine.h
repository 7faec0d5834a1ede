/* engine.h — the engine's public interface: analyse one memir function, get findings.

   The engine is a path-sensitive typestate analysis in the style of ESP (Das, Lerner,
   Seigle, PLDI 2002): at each block it keeps one abstract state per distinct set of
   object typestates and merges the rest, refines states on branch conditions, drops
   infeasible ones, and iterates loops to a fixpoint.  A per-function budget bounds it:
   past max_states_per_block a block's states are merged (the analysis becomes path
   insensitive there and reports only what holds on every merged path), past max_work
   (units: a state's size plus the events run through it, summed over every block a
   state is run through) the function's analysis stops with the findings made so far.
   A cap on memory bounds it too: past half of max_memory (bytes held by the states
   and the driver's per-block tables) every block keeps one state, its states merged;
   past max_memory the analysis stops as at max_work.  */

#ifndef MR_ENGINE_H
#define MR_ENGINE_H

#include "memir.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mr_rule
{
#define MR_RULE(ENUM, SLUG, CERT, CWE, ON, DESC) ENUM,
#include "rules.def"
#undef MR_RULE
  MR_RULE_COUNT
} mr_rule;

typedef struct mr_rule_info
{
  const char *slug, *cert, *description;
  int cwe;
  bool default_on;
} mr_rule_info;

extern const mr_rule_info mr_rules[MR_RULE_COUNT];
/* Returns the rule with this slug, or MR_RULE_COUNT.  */
mr_rule mr_rule_by_slug (const char *slug);

typedef enum mr_note_kind
{
  MR_NOTE_FIRST_FREE,		/* "first 'free' here" */
  MR_NOTE_FREED_HERE,		/* "freed here" */
  MR_NOTE_ALLOCATED_HERE,	/* "allocated here" */
  MR_NOTE_REALLOC_ZERO		/* "'realloc' frees 'p' when the size is 0" */
} mr_note_kind;

typedef enum mr_use_kind
{
  MR_USE_READ, MR_USE_WRITE, MR_USE_CALL_ARG, MR_USE_RETURN,
  MR_USE_HANDED			/* passed to a callee nothing is known of
				   (mr_call.use_mask): evaluated, maybe not read */
} mr_use_kind;

typedef struct mr_note
{
  mr_note_kind kind;
  const mr_event *ev;
} mr_note;

#define MR_MAX_NOTES 3

typedef struct mr_finding
{
  mr_rule rule;
  const mr_event *ev;		/* the faulty event: its loc is the warning's */
  mr_opnd subject;		/* the pointer as the faulty event names it */
  mr_use_kind use;		/* use-after-free: how it is used */
  uint32_t arg;			/* MR_USE_CALL_ARG, MR_USE_HANDED: the argument index */
  const mr_event *freed_by;	/* the event that freed the memory, if any */
  const mr_event *alloc;	/* the allocation concerned, if known */
  uint16_t expected;		/* mismatched-dealloc: the family the memory needs */
  int64_t offset;		/* free-offset: bytes past the start, or MR_OFF_* */
  bool known_null;		/* null-deref-alloc: NULL for sure on the path (it was
				   checked, and the NULL branch went on) */
  bool indeterminate;		/* free-nonheap: the pointer was never assigned on
				   the path (MR_DECL_INDETERMINATE) */
  const mr_event *dedup;	/* findings with the same rule and dedup event are one */
  const mr_loc *loc;		/* where to report, when not at ev (a leak on a path
				   into a shared return block: that path's return) */
  mr_note notes[MR_MAX_NOTES];
  uint32_t nnotes;
} mr_finding;

typedef struct mr_config
{
  bool enabled[MR_RULE_COUNT];
  uint32_t max_states_per_block;
  uint64_t max_work;		/* work units per function, see above */
  uint64_t max_memory;		/* bytes the analysis of one function may hold; 0: no
				   cap (see above) */
} mr_config;

/* What a function does to its callers' memory, computed when it is analysed and
   applied where it is called (later in the same translation unit: GCC runs the pass
   on callees first).  Bit i of a mask is parameter i.  */
/* A pointer the function finds in its caller's memory, *(param + off), and frees on
   every path that returns (or finds NULL there): a destructor's `delete this->p`,
   `free (s->buf)` in a clear function.  */
typedef struct mr_field_free
{
  uint8_t param;
  bool freed;			/* internal: freed (not only NULL) on some path */
  uint16_t family;
  int64_t off;
  int64_t freed_at;		/* the callee frees the loaded pointer plus this: -8 for
				   `delete[] p_` of objects with destructors, whose
				   block starts at the array cookie before them */
  mr_loc loc;			/* the free, in the callee */
} mr_field_free;

#define MR_SUMMARY_FIELDS 8

/* A parameter's array whose elements [0, n) the function frees on every path that
   returns, `for (i = 0; i < n; i++) free (a[i]);` (array-walks.c): n is integer
   parameter bound_param - 1, or the constant bound when bound_param is 0.  Not in
   summary files (summary-db.c) yet.  */
typedef struct mr_elem_free
{
  uint8_t param;
  uint8_t bound_param;
  uint16_t family;
  int64_t bound;
  uint64_t mul;			/* the element size */
  mr_loc loc;			/* the free, in the callee */
} mr_elem_free;

#define MR_SUMMARY_ELEM_FREES 2

/* A parameter the function stores into its caller's memory, *(dst_param + off) =
   src_param, on its straight path from entry (a constructor's `p_ (p)`).  */
typedef struct mr_field_store
{
  uint8_t dst_param, src_param;
  int64_t off;
} mr_field_store;

/* A pointer the function finds in its caller's memory, *(param + off), a place it
   never writes, and reads or writes through on its straight path from entry (a
   getter's `return data_[0];`): a caller that freed it uses it.  */
typedef struct mr_field_deref
{
  uint8_t param;
  int64_t off;
} mr_field_deref;

#define MR_SUMMARY_DEREFS 4

/* A comparison the function's integer result stands for: parameter i op k, or
   the integer at *(parameter i + off) op k, a place the function never writes, as
   returns_at below (a predicate's `return type == 2;`): its caller reads the place
   itself.  */
typedef struct mr_ret_lit
{
  uint8_t param;
  bool field;			/* *(param + off), not the parameter itself */
  bool is_unsigned;
  uint8_t op;			/* mr_cmp */
  int64_t off;
  int64_t k;
} mr_ret_lit;

#define MR_RET_LITS 2

/* What the function leaves in its caller's memory at *(param + off) when it returns
   (an out-parameter allocator `int make (char **out)`, C++'s `void source (T *&p)`,
   a method's `this->p = new T`): summarize-out.c.  */
typedef enum mr_out_kind
{
  MR_OUT_NONE,			/* internal: no path returned yet */
  MR_OUT_ALLOC,			/* a fresh allocation of the callee (or NULL) */
  MR_OUT_FREED,			/* a fresh allocation, freed by the callee */
  MR_OUT_REALLOC,		/* realloc of the pointer the caller had there */
  MR_OUT_NULL,			/* NULL */
  MR_OUT_SOME,			/* a pointer nothing more is known of, but NULL
				   where the result is outside made_lo..made_hi
				   (`*out = NULL; if (...) return -1;` before
				   anything else is stored) */
  MR_OUT_OTHER			/* internal: anything else on some path: dropped */
} mr_out_kind;

/* What the integer result says of an ALLOC out-store (mr_out_store.tied): the
   slot holds the allocation, not NULL, exactly when the result is 0 (`int make
   (char **out)` returning 0 on success, -1 with *out untouched or NULL), or
   exactly when it is not 0 (a bool "made it").  */
typedef enum mr_out_tie
{
  MR_OUT_UNTIED,
  MR_OUT_MADE_IF_ZERO,
  MR_OUT_MADE_IF_NONZERO
} mr_out_tie;

typedef struct mr_out_store
{
  uint8_t param;
  uint8_t kind;			/* mr_out_kind */
  uint8_t tied;			/* ALLOC: mr_out_tie */
  uint8_t classes;		/* internal: the result classes seen with the slot
				   made and not (summarize-out.c) */
  uint16_t family;		/* ALLOC, REALLOC: the allocation's; FREED: the free's */
  bool may_null;		/* ALLOC: NULL on some path (a failed allocation) */
  bool unchecked;		/* ALLOC: an allocation that may fail, stored with no
				   test or use in the callee (summarize-out.c's
				   allocations_unchecked): NULL where it failed */
  bool always;			/* written on every path that returns; an ALLOC that is
				   not leaves the caller's pointer on some path: the
				   caller's new one is quiet about NULL and leaks
				   (MR_EVF_QUIET_NULL) */
  bool null_path;		/* some path returned with the parameter NULL (the
				   callee checked it): stored only through addresses */
  bool drops_old;		/* NULL: the callee neither keeps nor reads what the
				   caller had there (`*pp = 0;`): the NULL is stored
				   before the call, so a block held there is lost */
  int64_t off;
  /* ALLOC, SOME: the integer result's range (its hull) on the paths that left
     something there (for ALLOC, the allocation, not NULL), and on the paths
     that may have left nothing (NULL, the caller's pointer kept, an allocation
     that may be NULL); empty (lo > hi) when no such path, INT64_MIN..INT64_MAX
     when not known.  A result outside the first says *param is NULL
     (`returns -1 only with *out NULL`), outside the second (ALLOC) that it is
     the allocation: the caller's tests of the result decide it (expand-out.c,
     refine.c).  */
  int64_t made_lo, made_hi, none_lo, none_hi;
  /* ALLOC, frees_on_result: the callee freed it on the paths whose results lie
     in [freed_lo, freed_hi] and left it live on those whose results lie in
     [live_lo, live_hi], the two apart (`free (c->buf); return -1;` on an error
     path, `return 0;` with it live; the others left NULL or the caller's
     pointer): a caller's branch that puts the result outside the live range
     and takes in the whole freed range leaves it freed, or NULL (expand-out.c,
     refine.c).  During the walk (summarize-out.c) the two ranges, empty (lo >
     hi) while no such path.  */
  bool frees_on_result;
  int64_t freed_lo, freed_hi;
  int64_t live_lo, live_hi;
  mr_loc loc;			/* FREED, frees_on_result: the free, in the callee */
} mr_out_store;

#define MR_SUMMARY_OUTS 4

/* mr_out_store.param of a location in the aggregate the function returns by value
   (`boxed b = { malloc (n), n }; return b;`): the caller's object the call's result
   lands in.  */
#define MR_OUT_RESULT 255

/* mr_summary.returns_freed.  */
typedef enum mr_ret_freed
{
  MR_RET_NOT_FREED,
  MR_RET_FREED,			/* freed memory on every path that returns */
  MR_RET_FREED_OR_NULL,		/* freed memory or NULL */
  MR_RET_FREED_OR_LIVE		/* freed memory where a parameter says so
				   (freed_ret_param), anything else where it says
				   the other way: only a constant argument there
				   decides, at the call */
} mr_ret_freed;

typedef struct mr_summary
{
  bool valid;			/* the analysis reached every return (no budget stop) */
  uint32_t frees_always;	/* freed on every path that returns (or NULL there:
				   `if (p) free (p);`) */
  uint32_t frees_maybe;		/* freed on some path that returns */
  uint16_t free_family;		/* how (mr_family) the first freed parameter is freed */
  mr_loc free_loc;		/* where, in the callee */
  /* 1 + i: a parameter of frees_always the function frees, on some path that
     returns, not at the pointer it was given but frees_at_off bytes before it
     (`free (p - HDR)`: the caller decides), summarize.c's note_free_offset; 0:
     none, or only at offset 0.  Past it (`while (*p) p++; free (p);`) is
     reported in the function itself (free-offset) and not passed on.  */
  uint8_t frees_at_param;
  int64_t frees_at_off;
  mr_field_free field_frees[MR_SUMMARY_FIELDS];
  uint8_t nfield_frees;
  mr_elem_free elem_frees[MR_SUMMARY_ELEM_FREES];
  uint8_t nelem_frees;
  mr_field_store field_stores[MR_SUMMARY_FIELDS];
  uint8_t nfield_stores;
  mr_field_deref field_derefs[MR_SUMMARY_DEREFS];
  uint8_t nfield_derefs;
  uint32_t derefs;		/* read or written through on some path */
  uint32_t derefs_first;	/* read or written through on every path that
				   returns, before the function tests it or hands it
				   on (summarize.c, find_derefs_first): a NULL given
				   there is dereferenced, as by `*p` at the call */
  uint8_t static_derefs_first;	/* bit j: the pointer static the summary names as
				   parameter MR_PARAM_STATIC + j is read and its
				   pointer read or written through as derefs_first
				   says (`static char *g; void sink (void) { g[0] =
				   0; }`): a NULL the caller left there is
				   dereferenced at the call */
  uint32_t writes;		/* writes into the memory parameter i points to, on
				   some path, through it or a pointer advancing from
				   it (`*out++ = c`) */
  bool error_channel;		/* may tell its caller something besides its result:
				   writes through a parameter (`*rc = ENOMEM`), hands
				   one to a call that may, or writes a static */
  bool error_channel_besides_outs;	/* the same, not counting the pointers it
				   stores through a parameter (`*out = p`: what an
				   out-parameter allocator says, not a channel
				   besides it) */
  uint32_t uses;		/* handed on some path to a call that reads through it
				   or may use it (a function the engine knows nothing
				   of): passing freed memory is a use */
  bool returns_alloc;		/* every return gives a fresh allocation (or NULL) */
  uint16_t alloc_family;
  bool may_return_null;
  int32_t reallocs_param;	/* returns realloc (param, ...): the parameter, or -1 */
  int32_t returns_param;	/* every return gives this parameter back, or -1
				   (a strcpy-like `return dst;`; NULL where the
				   parameter is NULL counts): callers copy it */
  int64_t returns_param_off;	/* at this offset into it, MR_OFF_UNKNOWN if it
				   varies (`while (*p) p++; return p;`) */
  bool no_clobber;		/* the call changes nothing the caller sees beyond what
				   the summary says: no pointer stored outside its
				   locals, no parameter kept or returned, no call that
				   may, no free it does not always do */
  /* The statics and globals of the unit it may write, for its callers' view of
     them (transfer.c, clobber_call): statics_listed says static_writes[0 ..
     nstatic_writes - 1] (their mr_decl.uid) are all it writes (directly or by its
     calls) besides the memory its parameters point to (writes, stores_through): no
     store through a pointer of unknown origin, no call that may write anything.
     Not in summary files (summary-db.c): a uid names a decl of one compilation.  */
  bool statics_listed;
  uint8_t nstatic_writes;
  uint32_t static_writes[MR_STATIC_WRITES];
  uint32_t stores_through;	/* stores a pointer into the object parameter i points
				   to (on some path) */
  bool stores_wild;		/* stores a pointer through a pointer that is none of
				   its parameters, locals and allocations: it may
				   write any memory the caller did not make */
  /* The integer result, as callers may know it (a predicate, a flag getter, a
     function that returns a constant or one of its integer parameters).  */
  uint8_t nret_truth;		/* the result is nonzero exactly when every one of
				   ret_truth[0 .. nret_truth-1] holds */
  mr_ret_lit ret_truth[MR_RET_LITS];
  bool returns_const;		/* every return gives ret_const */
  int64_t ret_const;
  bool returns_scalar;		/* every return gives integer parameter scalar_param */
  uint8_t scalar_param;
  mr_out_store out_stores[MR_SUMMARY_OUTS];	/* what it leaves in its caller's
						   pointers (summarize-out.c) */
  uint8_t nout_stores;
  uint8_t returns_at;		/* 1 + i: every return gives the value stored at
				   *(parameter i + returns_at_off), a place the
				   function never writes (summarize.c, keeps_place):
				   a getter, `return n_;`, `return p_;`.  Its caller
				   reads the place itself, before the call: two calls
				   with nothing written between give one value, and a
				   pointer is the object the caller has there.  0: not
				   so */
  bool returns_at_pointer;	/* ... and that value is a pointer (else an
				   integer) */
  int64_t returns_at_off;
  uint8_t calls_param;		/* 1 + k: on every path that returns (or where the
				   argument is NULL), calls the function its
				   parameter k holds with parameter calls_param_arg
				   as argument calls_param_pos (`destroy (p, free)`
				   frees p); 0: none */
  uint8_t calls_param_arg, calls_param_pos;
  /* Parameters it frees only as an integer static of the unit it reads and never
     writes decides (a flag tested inside: `static int bad; void sink (char *p) {
     if (bad) free (p); }`): flag_param is the summary's parameter for the static
     (MR_PARAM_STATIC + j, mr_decl.param), or, when no static decides, the
     integer parameter i a branch tests (1 + i: `void release (char *p, int
     owned) { if (owned) free (p); }`); 0: none.  frees_if_set the parameters
     freed on every path that returns with the flag nonzero, frees_if_clear with
     it zero, every path deciding it.  The caller's value of the flag selects
     (MR_EVF_GUARDED).  */
  uint8_t flag_param;
  uint8_t flag_paths;		/* internal: returns seen with the flag set (1),
				   clear (2), undecided (4) */
  uint32_t frees_if_set, frees_if_clear;
  /* Parameters it reads or writes through first (as derefs_first) on every path
     that returns with the flag nonzero (derefs_if_set) or zero (derefs_if_clear):
     `if (ready) p[0] = 5;` (summarize.c, find_derefs_first; expand.c makes
     MR_EVF_GUARDED DEREFs of them).  */
  uint32_t derefs_if_set, derefs_if_clear;
  bool pure;			/* writes nothing but its locals, calls only pure
				   functions, reads only its parameters' objects (and
				   its locals): its result depends on them alone */
  /* The pointer it returns is memory it freed (summarize-out.c, a dangling return
     its own analysis reports): on every path that returns (MR_RET_FREED), or on
     some with NULL on the others (MR_RET_FREED_OR_NULL: `if (!s) return NULL;
     ...; free (r); return r;`, NULL where the caller can tell).  A live block
     returned on some path makes it nothing: the caller could not tell which.
     Its callers' result starts freed, by freed_ret_family at freed_ret_loc
     (expand-out.c).  */
  uint8_t returns_freed;
  uint16_t freed_ret_family;
  mr_loc freed_ret_loc;
  int64_t freed_ret_off;	/* the result points this far into the block (the
				   array cookie a C++ `new T[n]` of a class with a
				   destructor puts before the elements) */
  /* MR_RET_FREED_OR_NULL: 1 + i when parameter i tells the two apart, freed where
     it is not 0 (NULL where it is), or the other way round when
     freed_ret_on_zero (`if (m) return NULL;`); 0: no parameter tells.  A call
     given a constant there has one result; one given a value ties its result's
     test to the argument's.  MR_RET_FREED_OR_LIVE: the same parameter and side,
     anything else where it says the other way (`if (!keep) free (p); return
     p;`).  */
  uint8_t freed_ret_param;
  bool freed_ret_on_zero;
  uint8_t freed_ret_paths;	/* internal: returns seen giving freed memory (1),
				   NULL (2), anything else (4), freed memory that
				   may be NULL (8), freed memory of another family
				   or offset than the first (16) */
  uint32_t freed_ret_nz, freed_ret_z;	/* internal: parameters nonzero, zero on
					   every path returning freed memory */
  uint32_t null_ret_nz, null_ret_z;	/* internal: ... on every path returning
					   NULL */
  uint32_t other_ret_nz, other_ret_z;	/* internal: ... on every path returning
					   anything else */
  uint32_t flag_found;		/* internal: 1 + the decl find_flag found
				   (UINT32_MAX: none), 0 before it was asked
				   (summarize.c, flag_of) */
  bool saw_return;		/* internal: some path returned */
  bool other_return;		/* internal: some path returned something else */
} mr_summary;

typedef struct mr_result
{
  mr_finding *findings;
  uint32_t nfindings, cap_findings;
  bool degraded;		/* some block's states were merged past the budget */
  bool stopped;			/* max_work or max_memory reached: analysis incomplete */
  bool stopped_memory;		/* ... and it was max_memory */
  bool squeezed;		/* past half of max_memory: one state per block */
  uint64_t work;			/* work units spent */
  uint64_t memory_peak;		/* the most bytes one function's analysis held */
  mr_summary summary;		/* of the last function analysed */
} mr_result;

void mr_config_default (mr_config *cfg);

/* Do two summaries say the same to callers (locations aside)?  */
bool mr_summary_same (const mr_summary *a, const mr_summary *b);

/* Analyses f (resolving its copies first) and appends findings to out, in the order
   of their events in the function, one per (rule, event, argument).  */
void mr_analyze (mr_func *f, const mr_config *cfg, mr_result *out);
void mr_result_free (mr_result *r);

#ifdef __cplusplus
}
#endif

#endif /* MR_ENGINE_H */
