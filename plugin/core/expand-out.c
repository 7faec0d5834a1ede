/* expand-out.c — a call's out-stores as events (expand-out.h).

   `make (&s)`, where make leaves a fresh allocation in *out, becomes

     CALL make (&s)                  (an out-parameter: &s is not kept)
     ALLOC v  (make's family)        named after the location, `s`
     STORE *(&s) = v

   plus `FREE v` when make freed it before returning, or, for `*p = realloc (*p,
   n)`, `LOAD old = *(&s)` before the call and `REALLOC v = old` after it; `STORE
   *(&s) = NULL` for a NULL left there.  The call's own effects come first: the
   caller's old pointer there is handed to it (it may free or keep it).  When the
   result tells whether it made the allocation (mr_out_store.tied), a truth record
   says so: `r = make (&s)` is nonzero exactly when v is NULL (or not), so the
   caller's branch on r decides v (refine.c); when the result's ranges tell (the
   callee returns -1 with nothing made, 0 or 1 with it; or -1 only with nothing
   made), a ranged one: `r != -1`, `r >= 0`, `r == -1` decide v too.  */

#include "expand-out.h"

static bool
applies (const mr_out_store *o, const mr_call_site *cs, uint32_t frees)
{
  return o->param < cs->nargs && !(o->param < 32 && (frees & (1u << o->param)));
}

/* Is out-store o applied at this call (old: a REALLOC's old pointer)?  */
static bool
stored (const mr_out_store *o, const mr_call_site *cs, uint32_t frees, const mr_call *call,
	uint32_t old)
{
  if (!applies (o, cs, frees))
    return false;
  mr_opnd base = call->args[o->param];
  /* The callee checks the parameter for NULL: only an address is surely not.  */
  return mr_copyable_arg (base)
	 && !((o->null_path || o->kind == MR_OUT_SOME) && base.kind != MR_OPND_ADDR)
	 && !(o->kind == MR_OUT_REALLOC && !old);
}

static bool
local_address (const mr_func *f, mr_opnd a)
{
  return a.kind == MR_OPND_ADDR && a.num == 0 && a.id < f->ndecls
	 && f->decls[a.id].kind == MR_DECL_LOCAL;
}

uint32_t
mr_expand_out_mask (const mr_summary *sum, const mr_call_site *cs, uint32_t frees,
		    const mr_call *call)
{
  uint32_t mask = 0;
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    {
      const mr_out_store *o = &sum->out_stores[i];
      if (applies (o, cs, frees) && o->param < 32
	  && local_address (cs->f, call->args[o->param]))
	mask |= 1u << o->param;
    }
  return mask;
}

/* Points event e at *(base + off).  */
static void
place (mr_event *e, mr_opnd base, int64_t off)
{
  e->a = base.kind == MR_OPND_ADDR ? mr_addr (base.id, 0) : base;
  e->off = base.kind == MR_OPND_ADDR ? mr_off_add (base.num, off) : off;
}

/* STORE *(base + off) = b.  */
static void
store_at (const mr_call_site *cs, mr_opnd base, int64_t off, mr_opnd b)
{
  mr_event *st = mr_block_add_event (cs->f, cs->bb, MR_EV_STORE, cs->loc);
  place (st, base, off);
  st->b = b;
  st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
}

void
mr_expand_out_loads (const mr_summary *sum, const mr_call_site *cs, uint32_t frees,
		     const mr_call *call, uint32_t old[MR_SUMMARY_OUTS])
{
  for (uint32_t i = 0; i < MR_SUMMARY_OUTS; i++)
    old[i] = 0;
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    {
      const mr_out_store *o = &sum->out_stores[i];
      if (o->drops_old && stored (o, cs, frees, call, old[i]))
	{
	  /* Dropped by the callee, not handed to it: lost before the call.  */
	  store_at (cs, call->args[o->param], o->off, mr_const (0));
	  continue;
	}
      if (o->kind != MR_OUT_REALLOC || !applies (o, cs, frees))
	continue;
      mr_opnd base = call->args[o->param];
      if (!mr_copyable_arg (base))
	continue;
      old[i] = cs->field_value (cs->glue, o->param, o->off);
      mr_event *ld = mr_block_add_event (cs->f, cs->bb, MR_EV_LOAD, cs->loc);
      ld->dst = old[i];
      ld->a = base;
      ld->off = o->off;
      ld->flags = MR_EVF_POINTER | MR_EVF_SUMMARIZED;
    }
}

static bool
known_range (int64_t lo, int64_t hi)
{
  return lo <= hi && (lo != INT64_MIN || hi != INT64_MAX);
}

/* Does the result's range say something of v: a result the hull of both ranges
   holds lies outside one of them?  */
static bool
ranges_tell (const mr_out_store *o)
{
  if (o->made_lo > o->made_hi || o->none_lo > o->none_hi)
    return false;
  int64_t lo = o->made_lo < o->none_lo ? o->made_lo : o->none_lo;
  int64_t hi = o->made_hi > o->none_hi ? o->made_hi : o->none_hi;
  return (known_range (o->made_lo, o->made_hi)
	  && (o->made_lo != lo || o->made_hi != hi))
	 || (known_range (o->none_lo, o->none_hi)
	     && (o->none_lo != lo || o->none_hi != hi));
}

/* May a truth record say what the call's result means: it has one, and nothing
   else of the summary says what it is?  */
static bool
result_open (const mr_summary *sum, const mr_call_site *cs)
{
  return cs->dst && !cs->weak && !sum->nret_truth && !sum->returns_const
	 && !sum->returns_scalar && !sum->returns_at;
}

/* The result's truth is whether v was made (tie): v == NULL exactly when the
   result is nonzero for MR_OUT_MADE_IF_ZERO, v != NULL for MR_OUT_MADE_IF_NONZERO.
   Where the result's ranges tell more (disjoint: `r != -1`, `r >= 0` decide too;
   or one-sided: -1 only with nothing made, 0 either way), a ranged record says
   so instead: v != NULL outside the none range, v == NULL outside the made one.
   Only where nothing else says what the result is (result_open).  */
static bool
tie_result (const mr_summary *sum, const mr_call_site *cs, const mr_out_store *o, uint32_t v)
{
  if (!result_open (sum, cs))
    return false;
  bool disjoint = o->made_hi < o->none_lo || o->none_hi < o->made_lo;
  bool ranged = ranges_tell (o) && (disjoint || o->tied == MR_OUT_UNTIED);
  if (o->tied == MR_OUT_UNTIED && !ranged)
    return false;
  mr_term t = { .kind = MR_TERM_COND, .lhs = mr_value (v), .op = MR_CMP_NE,
		.rhs = mr_const (0) };
  if (ranged)
    {
      mr_func_add_ranged_truth (cs->f, cs->dst, &t, o->made_lo, o->made_hi, o->none_lo,
				o->none_hi);
      return true;
    }
  t.op = o->tied == MR_OUT_MADE_IF_ZERO ? MR_CMP_EQ : MR_CMP_NE;
  mr_func_add_truth (cs->f, cs->dst, &t);
  return true;
}

/* The callee freed the allocation v names where its result lies in o's freed
   range (mr_out_store.frees_on_result): a record for refine.c, whose branch on
   the result frees v's object there, with a FREE of no block at the call in
   the callee's name (the note: "first 'free' here, in 'parse'").  A caller
   that never decides the result keeps v live: freed on some paths only, it is
   not claimed.  */
static void
free_on_result (const mr_call_site *cs, const mr_out_store *o, uint32_t v)
{
  if (!o->frees_on_result || !cs->dst || cs->weak)
    return;
  mr_event *fr = mr_func_new_event (cs->f, MR_EV_FREE, cs->loc);
  fr->a = mr_value (v);
  fr->family = o->family;
  fr->via = mr_func_strdup (cs->f, cs->name);
  fr->via_loc = o->loc;
  mr_free_on_result r = { .value = cs->dst, .obj = v, .live_lo = o->live_lo,
			 .live_hi = o->live_hi, .freed_lo = o->freed_lo,
			 .freed_hi = o->freed_hi, .free = fr };
  mr_func_add_result_free (cs->f, &r);
}

/* The events of out-store o at *(base + off): its allocation (or NULL) stored
   there, freed after when the callee freed it.  old: a REALLOC's old pointer.  */
static void
expand_one (const mr_summary *sum, const mr_call_site *cs, const mr_out_store *o,
	    mr_opnd base, int64_t off, uint32_t old, bool *tied)
{
  if (o->kind == MR_OUT_NULL)
    {
      store_at (cs, base, off, mr_const (0));
      return;
    }
  if (o->kind == MR_OUT_SOME)
    {
      /* A pointer of the callee's, NULL where the result says so: a ranged
	 record whose other side never holds (it may be NULL anywhere).  Read
	 from where the call wrote it: the load defines it anew each time the
	 call runs (in a loop, each call's pointer is another).  */
      uint32_t v = cs->field_value (cs->glue, o->param, o->off);
      mr_event *ld = mr_block_add_event (cs->f, cs->bb, MR_EV_LOAD, cs->loc);
      ld->dst = v;
      place (ld, base, off);
      ld->flags = MR_EVF_POINTER | MR_EVF_SUMMARIZED;
      if (!*tied && result_open (sum, cs))
	{
	  mr_term t = { .kind = MR_TERM_COND, .lhs = mr_value (v), .op = MR_CMP_NE,
			.rhs = mr_const (0) };
	  int64_t lo = o->made_lo < o->none_lo ? o->made_lo : o->none_lo;
	  int64_t hi = o->made_hi > o->none_hi ? o->made_hi : o->none_hi;
	  mr_func_add_ranged_truth (cs->f, cs->dst, &t, o->made_lo, o->made_hi, lo, hi);
	  *tied = true;
	}
      return;
    }
  uint32_t v = cs->field_value (cs->glue, o->param, o->off);
  mr_event *a = mr_block_add_event (cs->f, cs->bb,
				    o->kind == MR_OUT_REALLOC ? MR_EV_REALLOC : MR_EV_ALLOC,
				    cs->loc);
  a->dst = v;
  a->family = o->family;
  a->via = mr_func_strdup (cs->f, cs->name);
  if (o->kind == MR_OUT_REALLOC)
    {
      a->a = mr_value (old);
      a->b = mr_unknown ();
      /* One that may fail: NULL there, the caller's block kept or lost.  */
      if (o->may_null)
	a->flags = MR_EVF_MAY_FAIL;
    }
  else
    {
      a->a = mr_none ();
      /* Maybe NULL, or maybe not made (the caller's pointer kept on some path):
	 as a wrapper's result, the caller is not held to a NULL check and it
	 leaks only once checked.  Otherwise whether it may be NULL is not
	 known (what the callee stored counts as checked by its receiver): the
	 caller's NULL check decides.  A struct returned by value is the
	 callee's result: may be NULL is checked like malloc's.  So is an
	 allocation stored on every path when the pointer is all the caller
	 can check: it drops the result (or there is none: `void source (T
	 *&p) { p = (T *) malloc (n); }`) and the callee has no other channel
	 (an error code through another parameter, a global).  */
      bool only_the_pointer = o->always && !cs->dst && !sum->error_channel_besides_outs;
      a->flags = o->param == MR_OUT_RESULT && o->always
		 ? (o->may_null ? MR_EVF_MAY_FAIL : 0)
		 : only_the_pointer && (o->may_null || o->unchecked) ? MR_EVF_MAY_FAIL
		 : o->may_null || !o->always ? MR_EVF_QUIET_NULL : 0;
      /* One record per result: the first tied allocation.  */
      *tied = *tied || tie_result (sum, cs, o, v);
      free_on_result (cs, o, v);
    }
  store_at (cs, base, off, mr_value (v));
  if (o->kind == MR_OUT_FREED)
    {
      mr_event *fr = mr_block_add_event (cs->f, cs->bb, MR_EV_FREE, cs->loc);
      fr->a = mr_value (v);
      fr->family = o->family;
      fr->via = mr_func_strdup (cs->f, cs->name);
      fr->via_loc = o->loc;
    }
}

void
mr_expand_out_stores (const mr_summary *sum, const mr_call_site *cs, uint32_t frees,
		      const mr_call *call, const uint32_t old[MR_SUMMARY_OUTS])
{
  bool tied = false;
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    {
      const mr_out_store *o = &sum->out_stores[i];
      if (!stored (o, cs, frees, call, old[i]) || o->drops_old)
	continue;
      mr_opnd base = call->args[o->param];
      expand_one (sum, cs, o, base, o->off, old[i], &tied);
    }
}

void
mr_expand_result_stores (const mr_summary *sum, const mr_call_site *cs, mr_opnd base,
			 int64_t off)
{
  bool tied = true;	/* the result is the aggregate: it tells nothing */
  if (!mr_copyable_arg (base))
    return;
  for (uint32_t i = 0; i < sum->nout_stores; i++)
    {
      const mr_out_store *o = &sum->out_stores[i];
      if (o->param == MR_OUT_RESULT && o->kind != MR_OUT_REALLOC && o->kind != MR_OUT_SOME)
	expand_one (sum, cs, o, base, mr_off_add (off, o->off), 0, &tied);
    }
}

bool
mr_freed_result_chosen (const mr_summary *sum, const mr_call_site *cs)
{
  unsigned param = sum->freed_ret_param - 1u;
  if (!sum->valid || sum->returns_freed != MR_RET_FREED_OR_LIVE || !sum->freed_ret_param
      || param >= cs->nargs || !cs->dst || cs->weak || sum->returns_alloc)
    return false;
  mr_opnd arg = cs->arg (cs->glue, param);
  return arg.kind == MR_OPND_CONST && (arg.num == 0) == sum->freed_ret_on_zero;
}

bool
mr_freed_result_applies (const mr_summary *sum, const mr_call_site *cs)
{
  if (sum->returns_freed == MR_RET_FREED_OR_LIVE)
    return mr_freed_result_chosen (sum, cs);
  return sum->valid && sum->returns_freed != MR_RET_NOT_FREED && cs->dst && !cs->weak
	 && !sum->returns_alloc;
}

/* `x = rev (s)`, where rev returns memory it freed, becomes

     ALLOC x  (the free's family)       never NULL when the callee's never was
     FREE x   in rev's name, at its free

   so the caller's result starts freed: passing it on, reading through it and
   freeing it again are its uses and double frees, with the callee's free as
   their note.  A result that may be NULL is neither (no NULL check is asked
   for): the caller's test of it decides, NULL on one side, freed on the other.
   Where a parameter tells which (freed_ret_param), a constant argument there
   decides at the call (`rev (NULL)` is NULL: a COPY of 0), and a value ties the
   result's truth to its own (a truth record: `x != NULL` iff `s != NULL`), so a
   caller that tests the argument after the call knows the result, and one that
   tested it before gets NULL at the call on that path (MR_EVF_NULL_WITH).  A
   result freed or live by a parameter (MR_RET_FREED_OR_LIVE) comes here only
   for a constant selecting the freed side: freed memory, maybe NULL.  */
void
mr_expand_freed_result (const mr_summary *sum, const mr_call_site *cs)
{
  bool never_null = sum->returns_freed == MR_RET_FREED;
  unsigned param = sum->freed_ret_param ? sum->freed_ret_param - 1u : 0;
  mr_opnd arg = sum->freed_ret_param && param < cs->nargs ? cs->arg (cs->glue, param)
		: mr_none ();
  if (arg.kind == MR_OPND_CONST)
    {
      if ((arg.num == 0) != sum->freed_ret_on_zero)
	{
	  mr_event *cp = mr_block_add_event (cs->f, cs->bb, MR_EV_COPY, cs->loc);
	  cp->dst = cs->dst;
	  cp->a = mr_const (0);
	  cp->flags = MR_EVF_POINTER;
	  return;
	}
    }
  /* The block, then the result into it (past an array cookie).  */
  uint32_t block = sum->freed_ret_off ? cs->field_value (cs->glue, MR_OUT_RESULT, 0)
		   : cs->dst;
  mr_event *a = mr_block_add_event (cs->f, cs->bb, MR_EV_ALLOC, cs->loc);
  a->dst = block;
  a->family = sum->freed_ret_family;
  a->a = mr_none ();
  a->flags = never_null ? MR_EVF_NEVER_NULL : 0;
  a->via = mr_func_strdup (cs->f, cs->name);
  /* A path that already knows the argument on the NULL side (`if (s) return;
     x = rev (s);`) has a NULL result: the state decides at the ALLOC.  */
  if (arg.kind == MR_OPND_VALUE && block == cs->dst)
    {
      a->flags |= MR_EVF_NULL_WITH;
      a->b = arg;
      a->off = sum->freed_ret_on_zero;
    }
  mr_event *fr = mr_block_add_event (cs->f, cs->bb, MR_EV_FREE, cs->loc);
  fr->a = mr_value (block);
  fr->family = sum->freed_ret_family;
  fr->via = mr_func_strdup (cs->f, cs->name);
  fr->via_loc = sum->freed_ret_loc;
  if (block != cs->dst)
    mr_add_returned_arg (cs->f, cs->bb, cs->dst, mr_value (block), sum->freed_ret_off,
			 cs->loc);
  if (arg.kind == MR_OPND_VALUE && !sum->nret_truth)
    {
      mr_term t = { .kind = MR_TERM_COND, .lhs = arg,
		    .op = sum->freed_ret_on_zero ? MR_CMP_EQ : MR_CMP_NE, .rhs = mr_const (0) };
      mr_func_add_truth (cs->f, cs->dst, &t);
    }
}
