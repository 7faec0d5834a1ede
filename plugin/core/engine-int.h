/* engine-int.h — what the engine's driver, its transfer functions and the rules
   share.

   The driver (engine.c) walks the function; the transfer functions (transfer.c)
   apply each event's effect on the state and, before that, fire the hooks of the
   rules interested in the event (rule.h; one file per rule under rules/).  */

#ifndef MR_ENGINE_INT_H
#define MR_ENGINE_INT_H

#include "engine.h"
#include "state.h"
#include "rule.h"
#include "util.h"

/* A pointer that is not tracked (a non-zero constant, an unknown operand).  */
#define MR_OBJ_NONE 0xffffffffu

/* A pointer the function loads from its caller's memory, *(param + off): the
   candidates of the summary's field frees (summarize.c).  */
typedef struct mr_param_load
{
  uint32_t value;		/* the loaded SSA value */
  uint32_t field;		/* index in the summary's field_frees */
} mr_param_load;

/* A loop that frees every element of a C array, `for (i = 0; i < n; i++) free
   (a[i]);`, by one of its frees (array-walks.c).  */
typedef struct mr_elem_walk
{
  uint32_t free_id;		/* the FREE event of an element */
  uint32_t index;		/* the counter i, from 0 by 1 */
  mr_opnd bound;		/* n: the loop runs while i < n */
  mr_opnd base;			/* the array a (the loads' y) */
  uint64_t mul;			/* the element size */
} mr_elem_walk;

typedef struct mr_ctx
{
  mr_func *f;
  const mr_config *cfg;
  mr_result *out;
  const mr_event *return_block_ev;	/* the RETURN of the block being run, if that
					   block only returns (its leaks are judged on
					   the edges into it) */
  mr_param_load *param_loads;
  uint32_t nparam_loads;
  uint32_t walked_fields;	/* field frees (by index) every walk over a
				   container releases element by element
				   (summarize-elements.c) */
  mr_elem_walk *elem_walks;	/* by free_id (array-walks.c) */
  uint32_t nelem_walks;
  mr_elem_free elem_cands[MR_SUMMARY_ELEM_FREES];	/* parameters' arrays a walk frees,
				   while every return so far had them freed */
  uint32_t elem_cand_walk[MR_SUMMARY_ELEM_FREES];	/* ... by that walk's index */
  uint8_t nelem_cands;
  uint32_t result_decl;		/* the aggregate returned by value, its decl + 1, or 0
				   (summarize-out.c) */
  bool field_ok[MR_SUMMARY_FIELDS];	/* freed or NULL on every return so far */
  bool ret_seen;			/* some return was summarized */
  uint32_t ret_params;			/* parameters every return so far gave back */
  uint32_t ret_off_set;			/* ... of which ret_off[i] holds an offset */
  int64_t ret_off[32];			/* the offset into parameter i returned */
  uint32_t products[4][2];	/* the roots multiplied in allocation sizes (x * y) */
  uint32_t nproducts;
  const mr_event **convs;	/* MR_EVF_CONVERT copies, sorted by dst */
  uint32_t nconvs;
  uint8_t *is_param;		/* value -> a parameter of the function (aliasing) */
  struct mr_guards *guards;	/* early exits that rule paths out (guards.c) */
  struct mr_witnesses *witnesses;	/* conditions a free witnesses (witness.c) */
  uint32_t *event_block;	/* event id -> its block, once asked (event-block.c) */
  mr_rule_plan rules;		/* the rules each hook runs (rule.h) */
} mr_ctx;

/* findings.c.  Records a finding (deduplicated on rule, event and argument); returns it, or NULL
   if the rule is off or the finding was already made on another path.  */
mr_finding *mr_report (mr_ctx *c, mr_rule rule, const mr_event *ev, mr_opnd subject);
/* The same, deduplicated on `dedup` instead of ev (a leak is one finding per
   allocation, whichever return loses it first).  */
mr_finding *mr_report_once (mr_ctx *c, mr_rule rule, const mr_event *ev, mr_opnd subject,
			    const mr_event *dedup);
void mr_finding_note (mr_finding *fd, mr_note_kind kind, const mr_event *ev);

/* What the state says about an operand: the questions the rules ask, and the
   transfer functions too.  Inline: they run on every event, and defining them here
   keeps the rules from depending on transfer.c.  */

/* Is key an object (not NULL, not an untracked pointer)?  */
static inline bool
mr_is_object (uint32_t key)
{
  return key != MR_OBJ_NULL && key != MR_OBJ_NONE;
}

/* The root value operand o names in function f, for bindings and facts (plus
   *off); 0 if none.  */
static inline uint32_t
mr_opnd_root (const mr_func *f, mr_opnd o, int64_t *off)
{
  *off = 0;
  if (o.kind != MR_OPND_VALUE)
    return 0;
  return mr_func_root (f, o.id, off);
}

/* The same in the function being analysed.  */
static inline uint32_t
mr_root_of (const mr_ctx *c, mr_opnd o, int64_t *off)
{
  return mr_opnd_root (c->f, o, off);
}

/* The object and offset an operand points to in state s.  */
static inline mr_ref
mr_ref_of (const mr_ctx *c, const mr_state *s, mr_opnd o)
{
  switch (o.kind)
    {
    case MR_OPND_VALUE:
      {
	int64_t off;
	uint32_t root = mr_func_root (c->f, o.id, &off);
	mr_ref r = mr_state_lookup (s, root);
	if (r.obj != MR_OBJ_NULL && r.obj != MR_OBJ_NONE)
	  r.off = mr_off_add (r.off, off);
	return r;
      }
    case MR_OPND_CONST:
      return (mr_ref) { o.num == 0 ? MR_OBJ_NULL : MR_OBJ_NONE, 0 };
    case MR_OPND_ADDR:
      return (mr_ref) { MR_OBJ_DECL | o.id, o.num };
    default:
      return (mr_ref) { MR_OBJ_NONE, 0 };
    }
}

/* Does the object belong to the caller's world: what a parameter, a load or a call
   pointed to, or a static?  What it holds outlives the function.  */
static inline bool
mr_obj_outside (const mr_func *f, uint32_t key)
{
  uint32_t kind = key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD;
  return kind == MR_OBJ_SYM
	 || (kind == MR_OBJ_DECL && MR_OBJ_INDEX (key) < f->ndecls
	     && f->decls[MR_OBJ_INDEX (key)].kind == MR_DECL_STATIC);
}

/* Is object key a pointer static whose value nothing in the unit uses
   (mr_decl.unread)?  What it holds is out of everyone's reach but its own.  */
static inline bool
mr_obj_unread_static (const mr_func *f, uint32_t key)
{
  return (key & MR_OBJ_KIND_MASK) == MR_OBJ_DECL && MR_OBJ_INDEX (key) < f->ndecls
	 && f->decls[MR_OBJ_INDEX (key)].kind == MR_DECL_STATIC
	 && f->decls[MR_OBJ_INDEX (key)].unread;
}

/* Is object key the stand-in for a pointer variable read where nothing was
   assigned to it (MR_DECL_INDETERMINATE: free-nonheap, uninit-read)?  */
static inline bool
mr_obj_indeterminate (const mr_func *f, uint32_t key)
{
  return (key & MR_OBJ_KIND_MASK) == MR_OBJ_DECL && MR_OBJ_INDEX (key) < f->ndecls
	 && f->decls[MR_OBJ_INDEX (key)].kind == MR_DECL_INDETERMINATE;
}

/* Is family one of operator new's (a finding on it cites the C++ rule)?  */
static inline bool
mr_family_is_new (unsigned family)
{
  return family == MR_FAM_NEW || family == MR_FAM_NEW_ARRAY || family == MR_FAM_CLASS_NEW
	 || family == MR_FAM_CLASS_NEW_ARRAY;
}

/* The typestate of an object, with decls non-heap by default.  */
static inline mr_ts
mr_obj_ts (const mr_state *s, uint32_t key)
{
  const mr_objst *o = mr_state_obj (s, key);
  if (o)
    return (mr_ts) o->ts;
  if ((key & MR_OBJ_KIND_MASK) == MR_OBJ_DECL)
    return MR_TS_NONHEAP;
  return MR_TS_UNKNOWN;
}

/* Could operand o be 0 on the path of state s (no fact excluding it)?  */
static inline bool
mr_may_be_zero (const mr_ctx *c, const mr_state *s, mr_opnd o)
{
  if (o.kind == MR_OPND_CONST)
    return o.num == 0;
  int64_t off;
  uint32_t root = mr_root_of (c, o, &off);
  if (!root || off != 0)
    return o.kind != MR_OPND_ADDR;
  const mr_fact *f = mr_state_fact (s, root);
  if (!f)
    return true;
  return f->lo <= 0 && f->hi >= 0 && !(f->has_ne && f->ne == 0);
}

/* A list of states, for the splits within a block.  */
typedef struct mr_state_list
{
  mr_state **v;
  uint32_t n, cap;
} mr_state_list;

static inline void
mr_state_list_push (mr_state_list *l, mr_state *s)
{
  MR_VEC_PUSH (l->v, l->n, l->cap);
  l->v[l->n - 1] = s;
}

/* Applies one event to s (transfer.c).  Splits go to `more` (realloc's failure
   states).  */
void mr_apply_event (mr_ctx *c, mr_state *s, const mr_event *ev, mr_state_list *more);
/* A helper freed object key (a destructor, a callee's summary): what the object
   held is out of sight, not leaked, as the helper may have freed it too
   (transfer.c).  */
void mr_contents_out_of_sight (mr_state *s, uint32_t key);
/* Object key is freed by ev: FREED, of ev's family, none of the flags of a live
   block (transfer.c).  */
void mr_set_freed (mr_state *s, uint32_t key, const mr_event *ev);
/* The bytes of an object's first MR_WRITTEN_BYTES a LOAD or STORE through a
   pointer at r reaches, as mr_objst.written (0: not told, beyond them)
   (transfer.c).  */
uint32_t mr_access_bytes (const mr_event *ev, mr_ref r);
/* The path of s returns at ret: what it gives the summary, and the rules' judging
   at a return (engine.c).  */
void mr_path_returns (mr_ctx *c, mr_state *s, const mr_event *ret);

/* Firing a hook: the rules of the plan, in rules.def order (rule.h).  */
#define MR_FIRE(c, hook, field, ...)					\
  do									\
    for (const mr_rule_def *const *r_ = (c)->rules.hooks[hook]; *r_; r_++)	\
      (*r_)->field (__VA_ARGS__);					\
  while (0)


/* summarize.c: the function's summary (mr_summary), computed along the walk.  */
/* Once per function, before the walk: which parameters it reads or writes through,
   where it stores pointers, the field stores every path makes (into c->out's
   summary), and the pointers loaded from parameters' objects (into c).  */
void mr_param_uses (const mr_func *f, uint32_t *derefs, uint32_t *uses);
/* The parameter (of the first 32) operand o is, plus *off, or -1.  */
int mr_param_of (const mr_func *f, mr_opnd o, int64_t *off);
void mr_summarize_stores (const mr_func *f, mr_summary *sum);
void mr_summarize_result (const mr_func *f, mr_summary *sum);
void mr_find_field_stores (const mr_func *f, mr_summary *sum);
void mr_find_param_loads (mr_ctx *c);
/* At each RETURN the walk runs, in state s.  */
void mr_summarize_return (mr_ctx *c, const mr_state *s, const mr_event *ev);
void mr_summarize_returned_param (mr_ctx *c, const mr_state *s, const mr_event *ev);
/* The parameter whose value at entry a release's target comes from, and how far
   from it it is released (*off, MR_OFF_POSITIVE after a walk), or -1.  */
int mr_freed_param_offset (mr_ctx *c, const mr_state *s, const mr_event *free,
			   mr_ref target, int64_t *off);
/* Is a release that far from a parameter's value past its start: undefined
   whatever the caller passed (free-offset reports it in the function)?  */
static inline bool
mr_free_past_param (int64_t off)
{
  return off == MR_OFF_POSITIVE || (off > 0 && off != MR_OFF_UNKNOWN);
}
/* After the last return; frees what mr_find_param_loads gathered.  */
void mr_finish_summary (mr_ctx *c);
/* summarize-elements.c, after mr_find_param_loads: c->walked_fields, the field
   frees that stand for every element of a container (MR_EVF_COUNT) and that
   every walk over it releases, on every path that returns.  */
void mr_find_walked_fields (mr_ctx *c);
/* array-walks.c.  Once per function, before the walk: the loops that free every
   element of an array (c->elem_walks); mr_free_array_walks after it.  */
void mr_find_array_walks (mr_ctx *c);
void mr_free_array_walks (mr_ctx *c);
/* At a return, in state s: drops the summary's candidates the path did not free.  */
void mr_array_walks_at_return (mr_ctx *c, const mr_state *s);
/* After the last return: the candidates every return freed, into the summary.  */
void mr_array_walks_summary (mr_ctx *c);
/* After FREE ev: marks the array whose element it freed, if ev is such a free.  */
void mr_array_walk_freed (mr_ctx *c, mr_state *s, const mr_event *ev);
/* After LOAD ev of a pointer the state did not know, from base (at): an element
   a marked array's loop may have freed is that free's.  */
void mr_array_walk_load (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref base, mr_ref at);
/* The summary's no_clobber, as far as the events alone decide it.  */
bool mr_events_keep_callers_memory (const mr_ctx *c);
/* May some return give back a parameter (directly or through a PHI)?  */
bool mr_some_return_may_be_param (const mr_func *f);
void mr_close_over_phis (const mr_func *f, uint8_t *may);

/* cond-group.c: a group of condition blocks that sends paths to one block
   (target), entered at its head (blocks[0]), left otherwise to one block (cont).
   guards.c and witness.c ask whether a state could have gone through it one way.  */
#define MR_GROUP_BLOCKS 8
#define MR_NO_BLOCK UINT32_MAX
typedef struct mr_cond_group
{
  uint32_t blocks[MR_GROUP_BLOCKS];
  uint32_t nblocks;
  uint32_t target, cont;
} mr_cond_group;
/* A block that only tests: no PHIs, events that change nothing, a condition.  */
bool mr_block_tests_only (const mr_block *blk);
/* The group of conditions leading to block t, if there is one (two tests at
   least).  every_pred_tests: t's predecessors must all be conditions.  */
bool mr_cond_group_to (const mr_func *f, uint32_t t, bool every_pred_tests,
		       mr_cond_group *g);
/* What a comparison may do given what the caller knows of its operands: bit 0,
   it may hold; bit 1, it may fail.  */
typedef unsigned (*mr_cmp_may_fn) (const void *env, mr_opnd lhs, mr_cmp op, mr_opnd rhs,
				   bool is_unsigned, bool is_pointer);
/* The same for a value known to lie in [lo, hi] (and to differ from ne if
   has_ne), compared with the constant k.  */
unsigned mr_range_cmp_may (int64_t lo, int64_t hi, bool has_ne, int64_t ne, mr_cmp op,
			   int64_t k);
/* May a state go from g's head to its target (to_target) or to its cont?  */
bool mr_cond_group_may_reach (const mr_func *f, const mr_cond_group *g, bool to_target,
			      mr_cmp_may_fn cmp_may, const void *env);

/* event-block.c: the block of each event, by id (MR_NO_BLOCK: in none), built
   on the first call; freed with the context.  */
const uint32_t *mr_event_blocks (mr_ctx *c);
void mr_free_event_blocks (mr_ctx *c);

/* cmp-known.c: what the path of state s knows of `lhs op rhs` (two pointers
   compared for equality: their bindings and the pairs tested on the path; a
   value against a constant: its facts): bit 0, it may hold; bit 1, it may
   fail.  */
unsigned mr_cmp_known (const mr_ctx *c, const mr_state *s, mr_opnd lhs, mr_cmp op,
		       mr_opnd rhs, bool is_unsigned, bool is_pointer);

/* guards.c: early exits whose conditions rule out paths after them.  Found once
   per function; mr_guards_allow says whether a state at block b may be on a path
   that passed them.  */
void mr_find_guards (mr_ctx *c);
void mr_free_guards (mr_ctx *c);
bool mr_guards_allow (const mr_ctx *c, const mr_state *s, uint32_t b);

/* witness.c: a freed object's free witnesses the conditions that led to it.
   Found once per function; mr_witnesses_allow says whether a state leaving block
   b may be on a path that passed them.  */
void mr_find_witnesses (mr_ctx *c);
void mr_free_witnesses (mr_ctx *c);
bool mr_witnesses_allow (const mr_ctx *c, const mr_state *s, uint32_t b);

/* refine.c: what the edges' conditions teach.  */
/* Once per function, before the walk: the size products and the signed-to-unsigned
   conversions whose facts follow from those refined on edges.  */
void mr_find_products (mr_ctx *c);
void mr_find_conversions (mr_ctx *c);
/* Refines s for taking edge e out of block b.  Returns false if infeasible; a
   combined condition's second case goes to *extra (NULL if none).  */
bool mr_refine_edge (mr_ctx *c, mr_state *s, const mr_block *b, const mr_edge *e,
		  mr_state **extra);

#endif /* MR_ENGINE_INT_H */
