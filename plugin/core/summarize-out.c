/* summarize-out.c — what a function leaves in its caller's pointers
   (mr_summary.out_stores, engine.h).

   An out-parameter allocator stores a fresh allocation through a parameter:

     static int make (char **out)          void source (T *&p)     void C::init ()
     {                                     {                       {
       *out = malloc (n);                    p = new T[10];          p_ = new int;
       ...                                 }                       }

   Its callers see a new allocation in *arg (its family, whether it may be NULL), so
   they leak it, free it twice or use it after a free like one they made.  The
   summary is per location *(param + off) the function stores a pointer into at a
   constant offset (at most MR_SUMMARY_OUTS), judged at each return from what the
   slot holds in the state:

     a fresh allocation of the function   ALLOC (a NULL one counts: may be NULL)
     that allocation, freed               FREED  (`p = new T; ...; delete p;`)
     realloc of what the slot held        REALLOC (`*p = realloc (*p, n)`)
     NULL                                 NULL   (`free (*p); *p = NULL;`)
     what the caller had there            kept: the path did not write it
     anything else                        the location is dropped

   joined over every return.  An allocation on some paths and the caller's pointer
   kept on the others (`if (!p) return -1; *out = p; return 0;`) is an allocation
   the caller may not have: it is quiet about NULL and leaks only once the caller
   checked it (MR_EVF_QUIET_NULL), so no leak is claimed on a path where the callee
   did not allocate.  When the integer result tells the two apart (0 on the paths
   that made it, not NULL, and nonzero on the others, or the other way round:
   `return 0;` after `*out = p;`, `return -1;` with *out kept or NULL), the entry
   says so (tied), and the caller's branch on the result decides the allocation:
   there on one side, NULL on the other (expand-out.c).  So is one the function tests for NULL and returns on
   (`*out = malloc (n); if (!*out) return -1;`: once stored where the caller sees
   it, the states take it for checked, so the NULL path is found in the CFG).
   The other kinds must hold on every path, but for one mix: an allocation freed on
   some paths (`free (c->buf); return -1;`, a parser's error path leaving the field
   dangling) and live on others stays an ALLOC entry when the results of the two
   kinds of paths lie apart (frees_on_result, with the ranges): the caller's branch
   on the result frees it on its side (expand-out.c, refine.c).

   A fresh allocation counts only if the caller gets the only reference: it is not
   returned, not in two of the locations, not handed to a call that may keep it,
   not stored anywhere but a local, its own allocations or these locations (an
   event scan), and the parameter's object was not handed on (it may have been
   written out of sight).  */

#include "summarize-out.h"
#include "infer.h"

#include <stdlib.h>

/* The parameter operand o is (plus *off), MR_OUT_RESULT for the address of the
   aggregate returned by value (result_decl: its decl + 1), or -1.  */
static int
param_at (const mr_func *f, uint32_t result_decl, mr_opnd o, int64_t *off)
{
  *off = 0;
  if (o.kind == MR_OPND_ADDR && result_decl && o.id + 1 == result_decl)
    {
      *off = o.num;
      return MR_OUT_RESULT;
    }
  return mr_param_of (f, o, off);
}

static bool
known_off (int64_t off)
{
  return off != MR_OFF_UNKNOWN && off != MR_OFF_POSITIVE;
}

/* The candidate for *(param + off), or -1.  */
static int
candidate (const mr_summary *sum, int param, int64_t off)
{
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    if (sum->out_stores[i].param == param && sum->out_stores[i].off == off)
      return (int) i;
  return -1;
}

/* The candidate a store or load event e goes through (at e->a + e->off), or -1.  */
static int
event_candidate (const mr_func *f, uint32_t result_decl, const mr_summary *sum,
		 const mr_event *e)
{
  int64_t base;
  int param = param_at (f, result_decl, e->a, &base);
  int64_t off = mr_off_add (base, e->off);
  return param >= 0 && known_off (off) ? candidate (sum, param, off) : -1;
}

/* The aggregate the function returns by value (`return &<retval>`, a return ends
   its block), its decl + 1, or 0.  */
static uint32_t
returned_aggregate (const mr_func *f)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      const mr_block *blk = &f->blocks[b];
      const mr_event *e = blk->nevents ? &blk->events[blk->nevents - 1] : NULL;
      if (e && e->kind == MR_EV_RETURN && e->a.kind == MR_OPND_ADDR && e->a.num == 0
	  && e->a.id < f->ndecls && f->decls[e->a.id].kind == MR_DECL_LOCAL)
	return e->a.id + 1;
    }
  return 0;
}

void
mr_find_out_stores (mr_ctx *c)
{
  const mr_func *f = c->f;
  mr_summary *sum = &c->out->summary;
  c->result_decl = returned_aggregate (f);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_STORE || !(e->flags & MR_EVF_POINTER)
	    || (e->flags & MR_EVF_AGGREGATE))
	  continue;
	int64_t base;
	int param = param_at (f, c->result_decl, e->a, &base);
	int64_t off = mr_off_add (base, e->off);
	if (param < 0 || !known_off (off) || candidate (sum, param, off) >= 0
	    || sum->nout_stores == MR_SUMMARY_OUTS)
	  continue;
	sum->out_stores[sum->nout_stores++]
	  = (mr_out_store) { .param = (uint8_t) param, .kind = MR_OUT_NONE,
			     .always = true, .off = off,
			     .made_lo = INT64_MAX, .made_hi = INT64_MIN,
			     .none_lo = INT64_MAX, .none_hi = INT64_MIN,
			     .freed_lo = INT64_MAX, .freed_hi = INT64_MIN,
			     .live_lo = INT64_MAX, .live_hi = INT64_MIN };
      }
}

/* The location value v was loaded from, *(param + off) as a field-free candidate
   (c->param_loads, sorted by value: the pointers the function loads from its
   parameters' objects), or NULL.  */
static const mr_field_free *
loaded_field (const mr_ctx *c, uint32_t v)
{
  uint32_t lo = 0, hi = c->nparam_loads;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (c->param_loads[mid].value == v)
	return &c->out->summary.field_frees[c->param_loads[mid].field];
      if (c->param_loads[mid].value < v)
	lo = mid + 1;
      else
	hi = mid;
    }
  return NULL;
}

/* Was value v loaded from *(param + off)?  */
static bool
loaded_from (const mr_ctx *c, uint32_t v, uint8_t param, int64_t off)
{
  const mr_field_free *ff = loaded_field (c, v);
  return ff && ff->param == param && ff->off == off;
}

/* The result classes of out_seen, for the tie (mr_out_store.classes).  */
enum
{
  MADE_ZERO = 1, MADE_NONZERO = 2, OTHER_ZERO = 4, OTHER_NONZERO = 8, UNTIED = 16
};

/* The integer result at a return as the state knows it: its range [lo, hi] (the
   whole line when not known), and its class, 0, not 0 (1), or either (-1).  */
typedef struct result_seen
{
  int cls;
  int64_t lo, hi;
} result_seen;

static result_seen
result_at (const mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  result_seen r = { -1, INT64_MIN, INT64_MAX };
  if (ev->a.kind == MR_OPND_CONST)
    return (result_seen) { ev->a.num != 0, ev->a.num, ev->a.num };
  if (ev->a.kind != MR_OPND_VALUE || (ev->flags & MR_EVF_POINTER))
    return r;
  int64_t off;
  uint32_t root = mr_func_root (c->f, ev->a.id, &off);
  const mr_fact *f = off == 0 ? mr_state_fact (s, root) : NULL;
  if (!f)
    return r;
  r.lo = f->lo, r.hi = f->hi;
  if (mr_fact_zero (f))
    r.cls = 0;
  else if (mr_fact_nonzero (f))
    r.cls = 1;
  return r;
}

/* Widens the range [*lo, *hi] to take [lo, hi] in.  */
static void
widen (int64_t *lo, int64_t *hi, int64_t l, int64_t h)
{
  if (l < *lo)
    *lo = l;
  if (h > *hi)
    *hi = h;
}

/* What one path leaves at a candidate location.  */
typedef struct out_seen
{
  mr_out_kind kind;		/* NONE: kept (the caller's pointer) */
  bool param_null;		/* the parameter is NULL on the path: nothing written */
  bool maybe_param_null;	/* it may be (a join of the two): kind is the other side's */
  uint32_t obj;			/* ALLOC, FREED, REALLOC: the object */
  uint16_t family;
  bool may_null;
  mr_loc loc;
} out_seen;

static bool
own_allocation (uint32_t key)
{
  return (key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD) == MR_OBJ_ALLOC;
}

/* The allocation in a slot at a return, as an out_seen.  */
static out_seen
seen_allocation (const mr_ctx *c, const mr_state *s, const mr_out_store *o, mr_ref content)
{
  out_seen seen = { .kind = MR_OUT_OTHER, .obj = content.obj };
  const mr_objst *st = mr_state_obj (s, content.obj);
  if (!st || !st->ev || content.off != 0)
    return seen;
  seen.family = st->family;
  if (st->ts == MR_TS_NULL)
    seen.kind = MR_OUT_NULL;
  else if (st->ts == MR_TS_FREED && st->ev->kind == MR_EV_FREE)
    {
      seen.kind = MR_OUT_FREED;
      seen.loc = st->ev->loc;
    }
  else if (st->ts == MR_TS_ALLOCATED)
    {
      seen.may_null = (st->flags & (MR_OBJF_MAYBE_NULL | MR_OBJF_QUIET_NULL))
		      && !(st->flags & MR_OBJF_NONNULL);
      int64_t off;
      uint32_t from = st->ev->kind == MR_EV_REALLOC ? mr_opnd_root (c->f, st->ev->a, &off) : 0;
      if (st->ev->kind == MR_EV_ALLOC)
	seen.kind = MR_OUT_ALLOC;
      /* A realloc of what the caller had there, that did not fail on the way out
	 (a failed one leaves the caller's pointer lost or kept: not followed).  */
      else if (st->ev->kind == MR_EV_REALLOC && from && off == 0
	       && loaded_from (c, from, o->param, o->off))
	seen.kind = MR_OUT_REALLOC;
    }
  /* A realloc of what the caller had there that failed: NULL left in its place,
     the caller's block untouched, or freed by that realloc for a zero size
     (realloc (p, 0)), not by the function otherwise (`if (!q) free (p);`).  The
     entry may fail (may_null).  */
  if (seen.kind == MR_OUT_NULL && st->ev->kind == MR_EV_REALLOC)
    {
      int64_t off;
      uint32_t from = mr_opnd_root (c->f, st->ev->a, &off);
      mr_ref old = mr_ref_of (c, s, st->ev->a);
      const mr_objst *was = mr_is_object (old.obj) ? mr_state_obj (s, old.obj) : NULL;
      if (from && off == 0 && loaded_from (c, from, o->param, o->off)
	  && !(was && was->ts == MR_TS_FREED && !(was->flags & MR_OBJF_REALLOC0)))
	{
	  seen.kind = MR_OUT_REALLOC;
	  seen.may_null = true;
	}
    }
  return seen;
}

/* What the slot *(p + o->off) holds in state s, p the parameter's object.  */
static out_seen
seen_in_slot (const mr_ctx *c, const mr_state *s, const mr_out_store *o, mr_ref p)
{
  out_seen seen = { .kind = MR_OUT_OTHER };
  const mr_objst *po = mr_is_object (p.obj) ? mr_state_obj (s, p.obj) : NULL;
  /* Handed on: what the slot holds may have been written out of sight.  */
  if (!mr_is_object (p.obj) || (po && (po->flags & MR_OBJF_ESCAPED)))
    return seen;
  mr_ref at = { p.obj, mr_off_add (p.off, o->off) }, content;
  if (!known_off (at.off))
    return seen;
  if (!mr_state_load (s, at, &content))
    return (out_seen) { .kind = MR_OUT_NONE };
  if (content.obj == MR_OBJ_NULL)
    return (out_seen) { .kind = MR_OUT_NULL };
  if ((content.obj & MR_OBJ_KIND_MASK) == MR_OBJ_SYM && content.off == 0
      && loaded_from (c, MR_OBJ_INDEX (content.obj), o->param, o->off))
    return (out_seen) { .kind = MR_OUT_NONE };
  if (mr_is_object (content.obj) && own_allocation (content.obj))
    return seen_allocation (c, s, o, content);
  return seen;
}

static out_seen
seen_at_return (const mr_ctx *c, const mr_state *s, const mr_out_store *o)
{
  uint32_t v = o->param < c->f->nparams ? c->f->params[o->param] : 0;
  if (!v && !(o->param == MR_OUT_RESULT && c->result_decl))
    return (out_seen) { .kind = MR_OUT_OTHER };
  /* The returned aggregate: the caller's object the result lands in.  */
  mr_ref p = v ? mr_state_lookup (s, v)
	     : mr_ref_of (c, s, mr_addr (c->result_decl - 1, 0));
  if (p.obj == MR_OBJ_NULL)
    return (out_seen) { .kind = MR_OUT_NONE, .param_null = true };
  /* A parameter is its own object or NULL: a binding lost in a join is a join of
     the two (`if (out == NULL || v == NULL) return -1;`, the paths meeting before
     the return), and the slots the state keeps are those of the object's side.  */
  bool maybe_null = v && p.obj == MR_OBJ_NONE;
  if (maybe_null)
    p = (mr_ref) { MR_OBJ_SYM | v, 0 };
  out_seen seen = seen_in_slot (c, s, o, p);
  seen.maybe_param_null = maybe_null;
  return seen;
}

/* Notes the result's class on a path that made the allocation, not NULL (made),
   or left the slot without one (kept, NULL, or the parameter NULL); a path that
   left one that may be NULL, or a result of either class, unties them.  The
   result's range goes to the made range, the none range, or both (one that may
   be NULL); a path that left the allocation freed, to the made range alone (a
   freed pointer is not NULL) and the freed range, and one that left it live to
   the live range: where the two never meet, the result says which
   (frees_on_result).  */
static void
note_class (mr_out_store *o, const out_seen *seen, const result_seen *result)
{
  bool made = seen->kind == MR_OUT_ALLOC && !seen->may_null && !seen->maybe_param_null;
  bool other = seen->param_null || seen->kind == MR_OUT_NONE || seen->kind == MR_OUT_NULL;
  bool freed = seen->kind == MR_OUT_FREED;
  if (result->cls < 0 || (!made && !other))
    o->classes |= UNTIED;
  else if (made)
    o->classes |= result->cls ? MADE_NONZERO : MADE_ZERO;
  else
    o->classes |= result->cls ? OTHER_NONZERO : OTHER_ZERO;
  if (!other)
    widen (&o->made_lo, &o->made_hi, result->lo, result->hi);
  if (!made && !freed)
    widen (&o->none_lo, &o->none_hi, result->lo, result->hi);
  if (freed)
    widen (&o->freed_lo, &o->freed_hi, result->lo, result->hi);
  else if (!other)
    widen (&o->live_lo, &o->live_hi, result->lo, result->hi);
}

/* Joins what one path left into the summary's entry.  A path that left the
   allocation freed and others that left it live or NULL (a helper's error path
   `free (c->buf); return -1;`) make an ALLOC (or, until a live one comes, NULL)
   entry with a freed range (note_class): mr_finish_out_stores keeps it only
   where the results tell the freed paths from the live ones.  */
static void
join_seen (mr_out_store *o, const out_seen *seen, const result_seen *result)
{
  bool had_freed = o->freed_lo <= o->freed_hi;
  note_class (o, seen, result);		/* (an OTHER may still be SOME) */
  if (o->kind == MR_OUT_OTHER)
    return;
  if (seen->param_null)
    {
      o->null_path = true;
      return;
    }
  o->null_path |= seen->maybe_param_null;
  if (seen->kind == MR_OUT_NONE)
    {
      o->always = false;
      return;
    }
  mr_out_kind k = seen->kind;
  bool first = o->kind == MR_OUT_NONE;
  bool mixed = (k == MR_OUT_FREED && (o->kind == MR_OUT_ALLOC || o->kind == MR_OUT_NULL))
	       || (o->kind == MR_OUT_FREED && (k == MR_OUT_ALLOC || k == MR_OUT_NULL));
  /* (A NULL entry with a freed path has its free's family: an allocation of
     another family is no mix.)  */
  if (k == MR_OUT_ALLOC && o->kind == MR_OUT_NULL && had_freed && seen->family != o->family)
    o->kind = MR_OUT_OTHER;
  else if (mixed && o->kind != MR_OUT_NULL && k != MR_OUT_NULL && seen->family != o->family)
    o->kind = MR_OUT_OTHER;
  else if (mixed)
    {
      /* The allocation's family: the free's while only NULL joined it.  */
      if (k == MR_OUT_ALLOC || o->kind == MR_OUT_NULL)
	o->family = seen->family;
      if (!had_freed)
	o->loc = seen->loc;	/* (the first free seen names the note) */
      o->may_null |= seen->may_null || k == MR_OUT_NULL || o->kind == MR_OUT_NULL;
      if (k != MR_OUT_FREED)
	o->kind = (uint8_t) k;
    }
  else if (k == MR_OUT_NULL && (first || o->kind == MR_OUT_NULL))
    o->kind = MR_OUT_NULL;
  else if (k == MR_OUT_NULL && o->kind == MR_OUT_ALLOC)
    o->may_null = true;
  else if (k == MR_OUT_ALLOC && (first || o->kind == MR_OUT_NULL))
    {
      o->may_null = seen->may_null || o->kind == MR_OUT_NULL;
      o->kind = MR_OUT_ALLOC;
      o->family = seen->family;
    }
  else if (first && (k == MR_OUT_FREED || k == MR_OUT_REALLOC))
    {
      o->kind = (uint8_t) k;
      o->family = seen->family;
      o->loc = seen->loc;
      o->may_null = seen->may_null;
    }
  else if (k != o->kind || seen->family != o->family)
    o->kind = MR_OUT_OTHER;
  else
    o->may_null |= seen->may_null;
}

void
mr_summarize_out_return (mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  mr_summary *sum = &c->out->summary;
  if (!sum->nout_stores)
    return;
  out_seen seen[MR_SUMMARY_OUTS];
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    seen[i] = seen_at_return (c, s, &sum->out_stores[i]);
  /* The caller must get the only reference: not returned too, not in two slots.  */
  mr_ref ret = ev->a.kind == MR_OPND_VALUE ? mr_ref_of (c, s, ev->a)
					   : (mr_ref) { MR_OBJ_NONE, 0 };
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    {
      bool fresh = seen[i].kind == MR_OUT_ALLOC || seen[i].kind == MR_OUT_REALLOC;
      if (!fresh)
	continue;
      bool shared = ret.obj == seen[i].obj;
      for (uint32_t k = 0; k < sum->nout_stores; k++)
	shared |= k != i && seen[k].obj == seen[i].obj;
      if (shared)
	seen[i].kind = MR_OUT_OTHER;
    }
  result_seen result = result_at (c, s, ev);
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    join_seen (&sum->out_stores[i], &seen[i], &result);
}

/* Values that may hold the function's allocations: the results of its allocations
   and reallocations, the pointers loaded from the candidate locations, and PHIs
   of those (a fixpoint).  Indexed by root value.  */
static uint8_t *
allocation_values (const mr_func *f, uint32_t result_decl, const mr_summary *sum)
{
  uint8_t *may = mr_xcalloc (f->nvalues ? f->nvalues : 1, 1);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	bool made = (e->kind == MR_EV_ALLOC || e->kind == MR_EV_REALLOC)
		    || (e->kind == MR_EV_LOAD && event_candidate (f, result_decl, sum, e) >= 0);
	if (made && e->dst && e->dst < f->nvalues)
	  may[e->dst] = 1;
      }
  mr_close_over_phis (f, may);
  return may;
}

static bool
in_values (const mr_func *f, const uint8_t *may, mr_opnd o)
{
  int64_t off;
  uint32_t r = mr_opnd_root (f, o, &off);
  return r && r < f->nvalues && may[r];
}

/* Do the function's allocations reach only its locals, its own allocations and
   the candidate locations (the event scan above)?  */
static bool
allocations_stay_put (const mr_func *f, uint32_t result_decl, const mr_summary *sum,
		      const uint8_t *may)
{
  bool ok = true;
  for (uint32_t b = 0; b < f->nblocks && ok; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents && ok; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	switch (e->kind)
	  {
	  case MR_EV_STORE:
	    if (in_values (f, may, e->b))
	      ok = (e->a.kind == MR_OPND_ADDR && e->a.id < f->ndecls
		    && f->decls[e->a.id].kind == MR_DECL_LOCAL)
		   || in_values (f, may, e->a)
		   || event_candidate (f, result_decl, sum, e) >= 0;
	    break;
	  case MR_EV_ESCAPE:
	  case MR_EV_RETURN:
	    ok = !in_values (f, may, e->a);
	    break;
	  case MR_EV_CALL:
	    if (!e->call || (e->flags & MR_EVF_NO_CLOBBER) || e->call->noreturn)
	      break;
	    /* A lent argument (a `const T *` parameter without a body, a struct
	       passed by value: mr_call.borrow_mask) is read, not kept: `show
	       (&d[0])` leaves the block the caller's.  */
	    for (uint32_t i = 0; i < e->call->nargs && ok; i++)
	      ok = (i < 32 && (e->call->borrow_mask & (1u << i)))
		   || !in_values (f, may, e->call->args[i]);
	    break;
	  default:
	    break;
	  }
      }
  return ok;
}

/* Does the path from block b reach a return, as far as a straight line of blocks
   shows (a branch or a long way: it may)?  A call that never returns ends it.  */
static bool
reaches_return (const mr_func *f, uint32_t b)
{
  for (uint32_t steps = 0; steps < 16; steps++)
    {
      const mr_block *blk = &f->blocks[b];
      for (uint32_t k = 0; k < blk->nevents; k++)
	{
	  const mr_event *e = &blk->events[k];
	  if (e->kind == MR_EV_CALL && e->call && e->call->noreturn)
	    return false;
	  if (e->kind == MR_EV_RETURN)
	    return true;
	}
      if (blk->nsuccs == 0)
	return false;
      if (blk->nsuccs != 1)
	return true;
      b = f->edges[blk->succs[0]].dst;
    }
  return true;
}

/* The result returned on the straight line of blocks edge leads to, from the IR:
   a constant (*value), or a PHI of the return block given one on that edge; 1 then,
   -1 when not known, 2 when the line never returns.  */
static int
result_after (const mr_func *f, uint32_t edge, int64_t *value)
{
  for (uint32_t steps = 0; steps < 16; steps++)
    {
      uint32_t b = f->edges[edge].dst;
      const mr_block *blk = &f->blocks[b];
      for (uint32_t k = 0; k < blk->nevents; k++)
	{
	  const mr_event *e = &blk->events[k];
	  if (e->kind == MR_EV_CALL && e->call && e->call->noreturn)
	    return 2;
	  if (e->kind != MR_EV_RETURN)
	    continue;
	  mr_opnd a = e->a;
	  for (uint32_t i = 0; a.kind == MR_OPND_VALUE && i < blk->nphis; i++)
	    for (uint32_t p = 0; blk->phis[i].dst == a.id && p < blk->npreds; p++)
	      if (blk->preds[p] == edge)
		{
		  a = blk->phis[i].args[p];
		  break;
		}
	  *value = a.num;
	  return a.kind == MR_OPND_CONST ? 1 : -1;
	}
      if (blk->nsuccs == 0)
	return 2;
      if (blk->nsuccs != 1)
	return -1;
      edge = blk->succs[0];
    }
  return -1;
}

/* Does the function test one of its allocations for NULL and return on the NULL
   side (`*out = malloc (n); if (!*out) return -1;`)?  Then it may leave NULL, which
   the states do not show: a pointer stored where the caller sees it counts as
   checked by its receiver (not NULL) from then on.  An allocation it never tests,
   or tests and gives up on (`exit (1)`), is not NULL for the caller.  The results
   those NULL sides return go to *classes, as a path that left NULL (OTHER_ZERO,
   OTHER_NONZERO, UNTIED when not known), for the tie, and their range to
   [*lo, *hi].  */
static bool
returns_on_null (const mr_func *f, const uint8_t *may, uint8_t *classes, int64_t *lo,
		 int64_t *hi)
{
  bool found = false;
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      const mr_block *blk = &f->blocks[b];
      const mr_term *t = &blk->term;
      if (t->kind != MR_TERM_COND || blk->nsuccs != 2)
	continue;
      bool l = in_values (f, may, t->lhs) && t->rhs.kind == MR_OPND_CONST && t->rhs.num == 0;
      bool r = in_values (f, may, t->rhs) && t->lhs.kind == MR_OPND_CONST && t->lhs.num == 0;
      bool l2 = t->combine != MR_COMBINE_NONE
		&& ((in_values (f, may, t->lhs2) && t->rhs2.kind == MR_OPND_CONST)
		    || (in_values (f, may, t->rhs2) && t->lhs2.kind == MR_OPND_CONST));
      if (l2 || ((l || r) && t->op != MR_CMP_EQ && t->op != MR_CMP_NE))
	{
	  *classes |= UNTIED;
	  widen (lo, hi, INT64_MIN, INT64_MAX);
	  return true;
	}
      if (!l && !r)
	continue;
      /* The NULL side: the TRUE edge of `p == 0`, the FALSE edge of `p != 0`.  */
      for (uint32_t k = 0; k < 2; k++)
	{
	  const mr_edge *e = &f->edges[blk->succs[k]];
	  bool null_side = (e->kind == MR_EDGE_TRUE) == (t->op == MR_CMP_EQ);
	  if (!null_side || !reaches_return (f, e->dst))
	    continue;
	  found = true;
	  int64_t value = 0;
	  int result = result_after (f, blk->succs[k], &value);
	  *classes |= result < 0 ? UNTIED : result == 2 ? 0
		      : value == 0 ? OTHER_ZERO : OTHER_NONZERO;
	  if (result < 0)
	    widen (lo, hi, INT64_MIN, INT64_MAX);
	  else if (result == 1)
	    widen (lo, hi, value, value);
	}
    }
  return found;
}

/* Is operand x a value rooted at v?  */
static bool
rooted_at (const mr_func *f, mr_opnd x, uint32_t v)
{
  int64_t off;
  return v && x.kind == MR_OPND_VALUE && mr_func_root (f, x.id, &off) == v;
}

#define DROPS_OLD_LOADS 8

/* Does the function drop what its caller had at NULL out-store o (`*pp = 0;`,
   a unique_ptr's `u.release ()` whose result is ignored)?  It reads the location
   only into values nothing uses but a branch, and the parameter goes nowhere but
   into the address of its own loads and stores: not to a call, not stored, not
   returned.  Then the old pointer is neither kept nor read by the callee, and
   the caller may store the NULL before the call (expand-out.c): a block it held
   there is lost at the call, not handed over.  One scan of the events.  */
static bool
drops_old (const mr_func *f, uint32_t result_decl, const mr_out_store *o)
{
  (void) result_decl;
  uint32_t p = o->kind == MR_OUT_NULL && o->param < f->nparams ? f->params[o->param] : 0;
  if (!p)
    return false;
  uint32_t old[DROPS_OLD_LOADS], nold = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	bool through = (e->kind == MR_EV_LOAD || e->kind == MR_EV_STORE
			|| e->kind == MR_EV_DEREF) && rooted_at (f, e->a, p);
	if ((!through && rooted_at (f, e->a, p)) || rooted_at (f, e->b, p))
	  return false;
	if (e->kind == MR_EV_CALL && e->call)
	  for (uint32_t i = 0; i < e->call->nargs; i++)
	    if (rooted_at (f, e->call->args[i], p))
	      return false;
	if (!through || e->kind != MR_EV_LOAD)
	  continue;
	int64_t base;
	mr_func_root (f, e->a.id, &base);
	int64_t off = mr_off_add (base, e->off);
	if (known_off (off) && off != o->off)
	  continue;
	if (nold == DROPS_OLD_LOADS)
	  return false;
	old[nold++] = e->dst;
      }
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      const mr_block *blk = &f->blocks[b];
      for (uint32_t i = 0; i < blk->nphis; i++)
	for (uint32_t a = 0; a < blk->npreds; a++)
	  for (uint32_t v = 0; v < nold; v++)
	    if (rooted_at (f, blk->phis[i].args[a], old[v]))
	      return false;
      for (uint32_t k = 0; k < blk->nevents; k++)
	{
	  const mr_event *e = &blk->events[k];
	  for (uint32_t v = 0; v < nold; v++)
	    {
	      if (rooted_at (f, e->a, old[v]) || rooted_at (f, e->b, old[v]))
		return false;
	      for (uint32_t i = 0; e->kind == MR_EV_CALL && e->call && i < e->call->nargs; i++)
		if (rooted_at (f, e->call->args[i], old[v]))
		  return false;
	    }
	}
    }
  return true;
}

/* The tie the classes seen show: each side of the result (0, not 0) seen, and
   only ever with one outcome.  */
static uint8_t
tie_of (uint8_t classes)
{
  if (classes == (MADE_ZERO | OTHER_NONZERO))
    return MR_OUT_MADE_IF_ZERO;
  if (classes == (MADE_NONZERO | OTHER_ZERO))
    return MR_OUT_MADE_IF_NONZERO;
  return MR_OUT_UNTIED;
}

/* Are the function's allocations ones that may fail (malloc's, not xmalloc's
   or new's) that it never looks at: no test of them, no access through them, not
   handed to any call (which might check them, `check_oom (p)`)?  Then what it
   leaves in its caller's pointer is NULL where the allocation failed, though
   the states, which take a pointer stored where the caller sees it for checked
   by its receiver, do not say so (mr_out_store.unchecked).  One scan.  */
static bool
allocations_unchecked (const mr_func *f, const uint8_t *may)
{
  bool any = false;
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      const mr_term *t = &f->blocks[b].term;
      if (t->kind == MR_TERM_COND
	  && (in_values (f, may, t->lhs) || in_values (f, may, t->rhs)
	      || (t->combine != MR_COMBINE_NONE
		  && (in_values (f, may, t->lhs2) || in_values (f, may, t->rhs2)))))
	return false;
      for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
	{
	  const mr_event *e = &f->blocks[b].events[k];
	  switch (e->kind)
	    {
	    case MR_EV_ALLOC:
	    case MR_EV_REALLOC:
	      if (!e->dst || e->dst >= f->nvalues || !may[e->dst])
		break;
	      if (!(e->flags & MR_EVF_MAY_FAIL) || (e->flags & MR_EVF_NEVER_NULL))
		return false;
	      any = true;
	      break;
	    case MR_EV_DEREF:
	    case MR_EV_LOAD:
	    case MR_EV_STORE:
	    case MR_EV_FREE:
	      if (in_values (f, may, e->a))
		return false;
	      break;
	    case MR_EV_CALL:
	      for (uint32_t i = 0; e->call && i < e->call->nargs; i++)
		if (in_values (f, may, e->call->args[i]))
		  return false;
	      break;
	    default:
	      break;
	    }
	}
    }
  return any;
}

/* Do the results of the paths that left NULL or kept the caller's pointer go
   past those of the paths that stored anything else (`-1 only with *out NULL`)?  */
static bool
null_outside_made (const mr_out_store *o)
{
  if (o->made_lo > o->made_hi || o->none_lo > o->none_hi
      || (o->made_lo == INT64_MIN && o->made_hi == INT64_MAX))
    return false;
  return o->none_lo < o->made_lo || o->none_hi > o->made_hi;
}

/* Do the results of the paths that left the allocation freed lie apart from
   those of the paths that left it live, both known (`return -1;` after `free
   (c->buf);`, `return 0;` with it live)?  Then a result in the freed range says
   the caller's pointer is freed or NULL (mr_out_store.frees_on_result).  */
static bool
freed_told (const mr_out_store *o)
{
  if (o->freed_lo > o->freed_hi || o->live_lo > o->live_hi
      || (o->freed_lo == INT64_MIN && o->freed_hi == INT64_MAX))
    return false;
  return o->freed_hi < o->live_lo || o->live_hi < o->freed_lo;
}

/* Does every return give nothing (a void function)?  */
static bool
returns_nothing (const mr_func *f)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      if (f->blocks[b].events[k].kind == MR_EV_RETURN
	  && f->blocks[b].events[k].a.kind != MR_OPND_NONE)
	return false;
  return true;
}

void
mr_finish_out_stores (mr_ctx *c)
{
  mr_summary *sum = &c->out->summary;
  bool fresh = false;
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    fresh |= sum->out_stores[i].kind == MR_OUT_ALLOC
	     || sum->out_stores[i].kind == MR_OUT_REALLOC;
  /* (Scanned with every candidate: a store into one dropped below still counts.)  */
  uint8_t *may = fresh ? allocation_values (c->f, c->result_decl, sum) : NULL;
  bool fresh_ok = fresh && allocations_stay_put (c->f, c->result_decl, sum, may);
  uint8_t null_classes = 0;
  int64_t null_lo = INT64_MAX, null_hi = INT64_MIN;
  bool null_out = fresh_ok && returns_on_null (c->f, may, &null_classes, &null_lo, &null_hi);
  bool unchecked = fresh_ok && !null_out && allocations_unchecked (c->f, may);
  free (may);
  uint32_t n = 0;
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    {
      mr_out_store o = sum->out_stores[i];
      if (o.kind != MR_OUT_FREED && o.kind != MR_OUT_OTHER && o.freed_lo <= o.freed_hi)
	{
	  o.frees_on_result = o.kind == MR_OUT_ALLOC && freed_told (&o);
	  if (!o.frees_on_result)
	    o.kind = MR_OUT_OTHER;
	}
      bool keep = sum->saw_return && o.kind != MR_OUT_NONE && o.kind != MR_OUT_OTHER
		  && (o.always || o.kind == MR_OUT_ALLOC);
      if (o.kind == MR_OUT_ALLOC || o.kind == MR_OUT_REALLOC)
	keep = keep && fresh_ok;
      if (o.kind == MR_OUT_ALLOC)
	{
	  o.may_null |= null_out;
	  o.unchecked = unchecked;
	  o.tied = tie_of (o.classes | (null_out ? null_classes : 0));
	  if (null_out)
	    widen (&o.none_lo, &o.none_hi, null_lo, null_hi);
	}
      /* A realloc that may fail leaves NULL and the caller's block: only where the
	 caller has no other way to tell (a function without a result); one
	 whose failure the states lost (it tested the result and returned), not
	 at all.  */
      else if (o.kind == MR_OUT_REALLOC && ((null_out && !o.may_null)
					    || (o.may_null && !returns_nothing (c->f))))
	keep = false;
      /* Anything else, or an allocation the caller may not get alone, but NULL
	 (or kept) on the paths of some results only: SOME.  */
      if (sum->saw_return && !keep && (o.kind == MR_OUT_OTHER || o.kind == MR_OUT_ALLOC)
	  && null_outside_made (&o))
	{
	  o.kind = MR_OUT_SOME;
	  o.tied = MR_OUT_UNTIED;
	  o.family = 0;
	  o.may_null = true;
	  keep = true;
	}
      if (o.kind != MR_OUT_ALLOC && o.kind != MR_OUT_SOME)
	o.made_lo = o.made_hi = o.none_lo = o.none_hi = 0;
      if (o.kind != MR_OUT_ALLOC)
	o.frees_on_result = false;
      if (!o.frees_on_result)
	o.freed_lo = o.freed_hi = o.live_lo = o.live_hi = 0;
      if (keep)
	o.drops_old = drops_old (c->f, c->result_decl, &o);
      if (keep)
	sum->out_stores[n++] = o;
    }
  sum->nout_stores = (uint8_t) n;
}

/* What the state says of parameter i: 0, not 0, or not known (-1).  A pointer
   is 0 where bound to NULL, not 0 where a test or a dereference showed it; an
   integer by its facts.  */
static int
param_zero (const mr_ctx *c, const mr_state *s, uint32_t i)
{
  uint32_t v = c->f->params[i];
  if (v)
    {
      mr_ref r = mr_state_lookup (s, v);
      if (r.obj == MR_OBJ_NULL)
	return r.off == 0;
      const mr_objst *o = mr_is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
      if (o && o->ts == MR_TS_NULL)
	return 1;
      return o && (o->flags & MR_OBJF_NONNULL) ? 0 : -1;
    }
  v = c->f->scalar_params[i];
  const mr_fact *f = v ? mr_state_fact (s, v) : NULL;
  if (!f)
    return -1;
  return mr_fact_zero (f) ? 1 : mr_fact_nonzero (f) ? 0 : -1;
}

/* Intersects *nz and *z, first when !seen, with the parameters this path knows
   are not 0 and are 0.  */
static void
note_param_sides (const mr_ctx *c, const mr_state *s, bool seen, uint32_t *nz, uint32_t *z)
{
  uint32_t here_nz = 0, here_z = 0;
  for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
    {
      int zero = param_zero (c, s, i);
      if (zero == 1)
	here_z |= 1u << i;
      else if (zero == 0)
	here_nz |= 1u << i;
    }
  *nz = seen ? *nz & here_nz : here_nz;
  *z = seen ? *z & here_z : here_z;
}

/* The returned pointer, on one path into a return: memory the function freed
   (by a free of its own or a summarized call's, not by realloc), NULL, or
   anything else; and which parameters the path knows are 0 or not.  Into the
   block at a known offset, the same on every such path (`new T[n]` of a class
   with a destructor returns the elements, after the array cookie).  */
void
mr_summarize_freed_result (mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  mr_summary *sum = &c->out->summary;
  mr_ref r = ev->a.kind == MR_OPND_NONE ? (mr_ref) { MR_OBJ_NONE, 0 } : mr_ref_of (c, s, ev->a);
  const mr_objst *o = mr_is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
  if ((r.obj == MR_OBJ_NULL && r.off == 0) || (o && o->ts == MR_TS_NULL))
    {
      note_param_sides (c, s, sum->freed_ret_paths & 2, &sum->null_ret_nz, &sum->null_ret_z);
      sum->freed_ret_paths |= 2;
      return;
    }
  bool freed = o && known_off (r.off) && o->ts == MR_TS_FREED && o->ev
	       && o->ev->kind == MR_EV_FREE && !(o->flags & MR_OBJF_REALLOC0);
  if (!freed)
    {
      note_param_sides (c, s, sum->freed_ret_paths & 4, &sum->other_ret_nz,
			&sum->other_ret_z);
      sum->freed_ret_paths |= 4;
      return;
    }
  if (!(o->flags & MR_OBJF_NONNULL))
    sum->freed_ret_paths |= 8;
  note_param_sides (c, s, sum->freed_ret_paths & 1, &sum->freed_ret_nz, &sum->freed_ret_z);
  if (!(sum->freed_ret_paths & 1))
    {
      sum->freed_ret_family = o->family;
      sum->freed_ret_loc = o->ev->loc;
      sum->freed_ret_off = r.off;
    }
  else if (sum->freed_ret_family != o->family || sum->freed_ret_off != r.off)
    sum->freed_ret_paths |= 16;	/* two ways of freeing: the caller could not tell */
  sum->freed_ret_paths |= 1;
}

/* After the last return: freed memory on some path, NULL on the others at most;
   the first parameter that tells the NULL paths from the others.  Or freed
   memory on some, anything else on the others (NULL too), when a parameter tells
   them apart (MR_RET_FREED_OR_LIVE: `if (!keep) free (p); return p;`).  */
void
mr_finish_freed_result (mr_summary *sum)
{
  uint8_t paths = sum->freed_ret_paths;
  bool live = (paths & 4) != 0;
  sum->returns_freed = !(paths & 1) || (paths & 16) ? MR_RET_NOT_FREED
		       : live ? MR_RET_FREED_OR_LIVE
		       : (paths & (2 | 8)) ? MR_RET_FREED_OR_NULL : MR_RET_FREED;
  sum->freed_ret_param = 0;
  sum->freed_ret_on_zero = false;
  /* The sides every path that gave no freed memory knew.  */
  uint32_t none_z = live ? sum->other_ret_z : sum->null_ret_z;
  uint32_t none_nz = live ? sum->other_ret_nz : sum->null_ret_nz;
  if (live && (paths & 2))
    none_z &= sum->null_ret_z, none_nz &= sum->null_ret_nz;
  uint32_t on_nonzero = sum->freed_ret_nz & none_z;
  uint32_t on_zero = sum->freed_ret_z & none_nz;
  if (live && !(on_nonzero | on_zero))
    sum->returns_freed = MR_RET_NOT_FREED;
  if ((live || sum->returns_freed == MR_RET_FREED_OR_NULL) && (paths & (2 | 4))
      && (on_nonzero | on_zero))
    for (uint32_t i = 0; i < 32; i++)
      if ((on_nonzero | on_zero) & (1u << i))
	{
	  sum->freed_ret_param = (uint8_t) (i + 1);
	  sum->freed_ret_on_zero = !(on_nonzero & (1u << i));
	  break;
	}
  if (!sum->returns_freed)
    {
      sum->freed_ret_family = 0;
      sum->freed_ret_loc = (mr_loc) { 0 };
      sum->freed_ret_off = 0;
    }
}

bool
mr_out_stores_same (const mr_summary *a, const mr_summary *b)
{
  if (a->nout_stores != b->nout_stores || a->returns_freed != b->returns_freed
      || a->freed_ret_family != b->freed_ret_family
      || a->freed_ret_param != b->freed_ret_param
      || a->freed_ret_on_zero != b->freed_ret_on_zero
      || a->freed_ret_off != b->freed_ret_off)
    return false;
  for (uint32_t i = 0; i < a->nout_stores; i++)
    {
      const mr_out_store *x = &a->out_stores[i], *y = &b->out_stores[i];
      if (x->param != y->param || x->kind != y->kind || x->family != y->family
	  || x->may_null != y->may_null || x->unchecked != y->unchecked
	  || x->always != y->always
	  || x->null_path != y->null_path || x->off != y->off || x->tied != y->tied
	  || x->made_lo != y->made_lo || x->made_hi != y->made_hi
	  || x->none_lo != y->none_lo || x->none_hi != y->none_hi
	  || x->drops_old != y->drops_old || x->frees_on_result != y->frees_on_result
	  || x->freed_lo != y->freed_lo || x->freed_hi != y->freed_hi
	  || x->live_lo != y->live_lo || x->live_hi != y->live_hi)
	return false;
    }
  return true;
}
