/* expand.c — a call whose effect on memory is known, as events (expand.h).  */

#include "expand.h"
#include "expand-out.h"

#include <string.h>

/* The events of a block move when it grows: an event is held by its index while
   arguments are lowered after it.  */
static uint32_t
add_event (const mr_call_site *cs, mr_event_kind kind)
{
  mr_block_add_event (cs->f, cs->bb, kind, cs->loc);
  return cs->f->blocks[cs->bb].nevents - 1;
}

static mr_event *
event_at (const mr_call_site *cs, uint32_t i)
{
  return &cs->f->blocks[cs->bb].events[i];
}

bool
mr_copyable_arg (mr_opnd a)
{
  return a.kind == MR_OPND_VALUE || a.kind == MR_OPND_ADDR;
}

void
mr_add_returned_arg (mr_func *f, uint32_t bb, uint32_t dst, mr_opnd arg, int64_t off,
		     mr_loc loc)
{
  mr_event *e = mr_block_add_event (f, bb, MR_EV_COPY, loc);
  e->dst = dst;
  e->a = arg;
  e->off = off;
  e->flags = MR_EVF_POINTER;
}

/* A hash of a callee's name (FNV-1a), which places its result in an object
   (MR_OFF_PURE).  */
static uint32_t
name_hash (const char *name)
{
  uint32_t h = 2166136261u;
  for (const char *p = name ? name : ""; *p; p++)
    h = (h ^ (unsigned char) *p) * 16777619u;
  return h;
}

/* Does the call give the callee parameter param of its summary: one of its
   arguments, or a static it reads (MR_PARAM_STATIC + j, mr_decl.param), which the
   glue lowers as the static's address?  */
static bool
has_param (const mr_call_site *cs, unsigned param)
{
  return param < cs->nargs
	 || (param >= MR_PARAM_STATIC && param < MR_PARAM_STATIC + MR_STATIC_PARAMS);
}

/* The callee frees the pointer at *(argument + off): the caller loads it (a value
   named like the field, `c.p_` or `x->buf`) and frees it, in the callee's name.
   The load checks nothing: the callee may test for NULL first.  */
static void
expand_field_free (const mr_call_site *cs, const mr_field_free *ff)
{
  if (!has_param (cs, ff->param))
    return;
  mr_opnd base = cs->arg (cs->glue, ff->param);
  if (base.kind != MR_OPND_VALUE && base.kind != MR_OPND_ADDR)
    return;
  uint32_t v = cs->field_value (cs->glue, ff->param, ff->off);
  mr_event *ld = mr_block_add_event (cs->f, cs->bb, MR_EV_LOAD, cs->loc);
  ld->dst = v;
  ld->a = base;
  ld->off = ff->off;
  ld->flags = MR_EVF_POINTER | MR_EVF_SUMMARIZED;
  /* What the callee frees, relative to the pointer it loaded (the array cookie
     before a `new T[n]` of objects with destructors).  */
  if (ff->freed_at != 0 && ff->freed_at != MR_OFF_UNKNOWN
      && ff->freed_at != MR_OFF_POSITIVE)
    {
      uint32_t start = cs->field_value (cs->glue, ff->param, ff->off);
      mr_event *cp = mr_block_add_event (cs->f, cs->bb, MR_EV_COPY, cs->loc);
      cp->dst = start;
      cp->a = mr_value (v);
      cp->off = ff->freed_at;
      cp->flags = MR_EVF_POINTER;
      v = start;
    }
  mr_event *fr = mr_block_add_event (cs->f, cs->bb, MR_EV_FREE, cs->loc);
  fr->a = mr_value (v);
  /* Somewhere past it, after a walk (free-offset).  */
  fr->off = ff->freed_at == MR_OFF_POSITIVE ? MR_OFF_POSITIVE : 0;
  fr->family = ff->family;
  fr->via = mr_func_strdup (cs->f, cs->name);
  fr->via_loc = ff->loc;
}

/* The elements [0, n) of an array argument the callee frees (mr_elem_free): a
   load of one of them before the call's event, marked as the walk's
   (MR_SIZE_WALK, n in x), whose value is returned; 0 if the call does not give
   what it needs.  */
static uint32_t
load_elem (const mr_call_site *cs, const mr_elem_free *ef)
{
  if (ef->param >= cs->nargs || (ef->bound_param && ef->bound_param - 1u >= cs->nargs))
    return 0;
  mr_opnd base = cs->arg (cs->glue, ef->param);
  mr_opnd bound = ef->bound_param ? cs->arg (cs->glue, ef->bound_param - 1u)
		  : (mr_opnd) { .kind = MR_OPND_CONST, .num = ef->bound };
  if ((base.kind != MR_OPND_VALUE && base.kind != MR_OPND_ADDR)
      || (bound.kind != MR_OPND_VALUE && bound.kind != MR_OPND_CONST))
    return 0;
  uint32_t v = cs->field_value (cs->glue, ef->param, 0);
  mr_size *z = mr_func_new_size (cs->f);
  z->flags = MR_SIZE_INDEX | MR_SIZE_WALK;
  z->x = bound;
  z->y = base;
  z->mul = ef->mul;
  mr_event *ld = mr_block_add_event (cs->f, cs->bb, MR_EV_LOAD, cs->loc);
  ld->dst = v;
  ld->a = base;
  ld->off = MR_OFF_UNKNOWN;
  ld->flags = MR_EVF_POINTER | MR_EVF_SUMMARIZED;
  ld->size = z;
  return v;
}

/* ... and its free in the callee's name, after the call's event (which may
   clobber the array: the mark the free leaves stays, array-walks.c).  */
static void
free_elem (const mr_call_site *cs, const mr_elem_free *ef, uint32_t v)
{
  mr_event *fr = mr_block_add_event (cs->f, cs->bb, MR_EV_FREE, cs->loc);
  fr->a = mr_value (v);
  fr->family = ef->family;
  fr->via = mr_func_strdup (cs->f, cs->name);
  fr->via_loc = ef->loc;
}

/* dst = *(base + off), a place of the caller's memory the callee reads and never
   writes (summarize.c's keeps_place), read by the caller before the call: the value
   the callee finds there, and still there after it.  Reads of the same place with
   nothing written between give one value (transfer.c), so what a branch learnt
   of one call's result holds for the next, and a pointer is the object the
   caller has there.  */
static void
read_place (const mr_call_site *cs, uint32_t dst, mr_opnd base, int64_t off, bool pointer)
{
  mr_event *ld = mr_block_add_event (cs->f, cs->bb, MR_EV_LOAD, cs->loc);
  ld->dst = dst;
  ld->a = base;
  ld->off = off;
  ld->flags = MR_EVF_SUMMARIZED | (pointer ? MR_EVF_POINTER : 0);
}

/* The callee reads or writes through the pointer at *(argument + off) (a getter's
   `return data_[0];`): the caller loads it, as it has it, and hands it to a call
   in the callee's name that reads through it, so a freed one is used there (the
   use rules' hooks, no more: the callee may check it first).  Before the call
   and its field frees: the callee reads before it frees.  */
static void
expand_field_deref (const mr_summary *sum, const mr_call_site *cs, const mr_field_deref *fd)
{
  if (!has_param (cs, fd->param)
      || (fd->param < 32 && (sum->frees_always & (1u << fd->param))))
    return;
  mr_opnd base = cs->arg (cs->glue, fd->param);
  if (!mr_copyable_arg (base))
    return;
  uint32_t v = cs->field_value (cs->glue, fd->param, fd->off);
  read_place (cs, v, base, fd->off, true);
  mr_call *call = mr_func_new_call (cs->f, cs->name, 1);
  call->args[0] = mr_value (v);
  call->deref_mask = 1;
  call->statics_listed = true;	/* it only reads */
  mr_event *e = mr_block_add_event (cs->f, cs->bb, MR_EV_CALL, cs->loc);
  e->call = call;
  e->flags = MR_EVF_SUMMARIZED | MR_EVF_NO_CLOBBER | (sum->pure ? MR_EVF_PURE : 0);
}

/* The callee reads or writes through these arguments before it looks at them
   otherwise (mr_summary.derefs_first): the call dereferences them, before
   anything else it does, so NULL there is a NULL dereference at the call.  What
   it reads or writes is its call's (deref_mask, write_mask): transfer.c.  */
static void
expand_derefs_first (const mr_summary *sum, const mr_call_site *cs, mr_opnd flag)
{
  if (!sum->valid || cs->weak)
    return;
  for (unsigned i = 0; i < cs->nargs && i < 32; i++)
    for (int guard = -1; guard <= 1; guard++)
      {
	/* Those it dereferences first only with the flag set (derefs_if_set) or
	   clear: a DEREF done where the caller's state knows the flag so
	   (MR_EVF_GUARDED, transfer.c), none where it does not know.  */
	uint32_t mask = guard < 0 ? sum->derefs_first
			: flag.kind == MR_OPND_NONE ? 0
			: guard ? sum->derefs_if_set : sum->derefs_if_clear;
	if (!(mask & (1u << i)))
	  continue;
	uint32_t at = add_event (cs, MR_EV_DEREF);
	mr_opnd a = cs->arg (cs->glue, i);
	mr_event *e = event_at (cs, at);
	e->a = a;
	e->flags = MR_EVF_SUMMARIZED;
	if (guard >= 0)
	  {
	    e->b = flag;
	    e->off = guard;
	    e->flags |= MR_EVF_GUARDED;
	  }
      }
}

/* The pointer statics the callee reads and dereferences first
   (mr_summary.static_derefs_first): the caller reads each as it has it (a value
   named after the static) and the call dereferences that, so a NULL the caller
   left there (an unchecked `g = malloc (n);`) is a NULL dereference at the
   call.  */
static void
expand_static_derefs_first (const mr_summary *sum, const mr_call_site *cs)
{
  if (!sum->valid || cs->weak)
    return;
  for (unsigned j = 0; j < MR_STATIC_PARAMS; j++)
    {
      unsigned param = MR_PARAM_STATIC + j;
      if (!(sum->static_derefs_first & (1u << j)) || !has_param (cs, param))
	continue;
      mr_opnd base = cs->arg (cs->glue, param);
      if (base.kind != MR_OPND_ADDR)
	continue;
      uint32_t v = cs->field_value (cs->glue, param, 0);
      read_place (cs, v, base, 0, true);
      mr_event *e = mr_block_add_event (cs->f, cs->bb, MR_EV_DEREF, cs->loc);
      e->a = mr_value (v);
      e->flags = MR_EVF_SUMMARIZED;
    }
}

/* Where the callee frees parameter i, relative to the pointer it is given
   (mr_summary.frees_at_off: a header before it, `free (p - HDR)`): the FREE's
   off, which free-offset adds to the argument.  0: at the pointer.  */
static int64_t
callee_free_offset (const mr_summary *sum, unsigned i)
{
  return sum->frees_at_param == i + 1 ? sum->frees_at_off : 0;
}

/* The flag a callee's frees depend on (mr_summary.flag_param), read by the caller
   before the call as it has it: a static's value, or the argument given for an
   integer parameter (a constant or a value); none if the call gives none.  */
static mr_opnd
read_flag (const mr_summary *sum, const mr_call_site *cs)
{
  unsigned param = sum->flag_param < MR_PARAM_STATIC ? sum->flag_param - 1u
		   : sum->flag_param;
  if (!sum->flag_param
      || !(sum->frees_if_set | sum->frees_if_clear | sum->derefs_if_set | sum->derefs_if_clear)
      || !has_param (cs, param))
    return mr_none ();
  mr_opnd base = cs->arg (cs->glue, param);
  if (param < MR_PARAM_STATIC)
    return base.kind == MR_OPND_CONST || base.kind == MR_OPND_VALUE ? base : mr_none ();
  if (base.kind != MR_OPND_ADDR)
    return mr_none ();
  uint32_t v = cs->field_value (cs->glue, param, 0);
  read_place (cs, v, base, 0, false);
  return mr_value (v);
}

/* The callee's frees under the flag read into value flag: each done where the
   caller's state knows the flag so (transfer.c), none where it does not know.  */
static void
expand_flag_frees (const mr_summary *sum, const mr_call_site *cs, mr_opnd flag)
{
  for (unsigned i = 0; flag.kind != MR_OPND_NONE && i < cs->nargs && i < 32; i++)
    for (int set = 0; set <= 1; set++)
      if ((set ? sum->frees_if_set : sum->frees_if_clear) & (1u << i))
	{
	  uint32_t at = add_event (cs, MR_EV_FREE);
	  mr_opnd a = cs->arg (cs->glue, i);
	  mr_event *fr = event_at (cs, at);
	  fr->a = a;
	  fr->b = flag;
	  fr->off = set;
	  fr->flags = MR_EVF_GUARDED;
	  fr->family = sum->free_family;
	  fr->via = mr_func_strdup (cs->f, cs->name);
	  fr->via_loc = sum->free_loc;
	}
}

/* What the callee's integer result says, at this call (mr_summary's returns_const,
   returns_scalar, ret_truth), before the call's event: the result is a constant
   (*k), a copy of an argument (*copy), or its truth is decided by the literals
   left once those with constant arguments are evaluated (*live, a mask).
   Returns false when nothing is known.  */
typedef enum result_kind
{
  RESULT_UNKNOWN, RESULT_CONST, RESULT_COPY, RESULT_TRUTH
} result_kind;

static result_kind
known_result (const mr_summary *sum, const mr_call_site *cs, int64_t *k, mr_opnd *copy,
	      uint32_t *live)
{
  if (!sum->valid || !cs->dst || cs->weak)
    return RESULT_UNKNOWN;
  if (sum->returns_const)
    {
      *k = sum->ret_const;
      return RESULT_CONST;
    }
  if (sum->returns_scalar && sum->scalar_param < cs->nargs)
    {
      *copy = cs->arg (cs->glue, sum->scalar_param);
      if (copy->kind == MR_OPND_CONST)
	{
	  *k = copy->num;
	  return RESULT_CONST;
	}
      return copy->kind == MR_OPND_VALUE ? RESULT_COPY : RESULT_UNKNOWN;
    }
  *live = 0;
  for (uint32_t i = 0; i < sum->nret_truth && i < MR_RET_LITS; i++)
    {
      const mr_ret_lit *lit = &sum->ret_truth[i];
      if (lit->param >= cs->nargs)
	return RESULT_UNKNOWN;
      if (lit->field)
	{
	  *live |= 1u << i;
	  continue;
	}
      mr_opnd a = cs->arg (cs->glue, lit->param);
      if (a.kind == MR_OPND_VALUE)
	*live |= 1u << i;
      else if (a.kind != MR_OPND_CONST)
	return RESULT_UNKNOWN;
      else if (!mr_cmp_holds (a.num, (mr_cmp) lit->op, lit->k, lit->is_unsigned))
	{
	  *k = 0;		/* a conjunction that fails: the result is 0 */
	  return RESULT_CONST;
	}
    }
  return *live ? RESULT_TRUTH : RESULT_UNKNOWN;
}

/* A getter (mr_summary.returns_at): the result is its place, read so.  */
static bool
read_returned_place (const mr_summary *sum, const mr_call_site *cs, const mr_call *call)
{
  unsigned param = sum->returns_at - 1u;
  if (!sum->returns_at || !cs->dst || param >= cs->nargs
      || !mr_copyable_arg (call->args[param]))
    return false;
  read_place (cs, cs->dst, call->args[param], sum->returns_at_off, sum->returns_at_pointer);
  return true;
}

/* The places the live literals of a truth result compare (mr_ret_lit.field), read
   so into values[i] (named after the field); 0 where the argument is no object
   the caller can name.  */
static void
read_literal_places (const mr_summary *sum, const mr_call_site *cs, const mr_call *call,
		     uint32_t live, uint32_t values[MR_RET_LITS])
{
  for (uint32_t i = 0; i < sum->nret_truth && i < MR_RET_LITS; i++)
    {
      const mr_ret_lit *lit = &sum->ret_truth[i];
      values[i] = 0;
      if (!(live & (1u << i)) || !lit->field || lit->param >= cs->nargs
	  || !mr_copyable_arg (call->args[lit->param]))
	continue;
      values[i] = cs->field_value (cs->glue, lit->param, lit->off);
      read_place (cs, values[i], call->args[lit->param], lit->off, false);
    }
}

/* After the call: dst is the constant or the argument (a COPY), or a truth record
   says what decides it, over the arguments and the places the callee reads
   (places[i], read before the call by read_literal_places).  */
static void
expand_result (const mr_summary *sum, const mr_call_site *cs, result_kind kind, int64_t k,
	       mr_opnd copy, uint32_t live, const uint32_t places[MR_RET_LITS])
{
  mr_func *f = cs->f;
  if (kind == RESULT_CONST || kind == RESULT_COPY)
    {
      mr_event *e = mr_block_add_event (f, cs->bb, MR_EV_COPY, cs->loc);
      e->dst = cs->dst;
      e->a = kind == RESULT_CONST ? mr_const (k) : copy;
      return;
    }
  mr_term t = { .kind = MR_TERM_COND };
  uint32_t n = 0;
  for (uint32_t i = 0; i < sum->nret_truth && i < MR_RET_LITS; i++)
    {
      if (!(live & (1u << i)))
	continue;
      const mr_ret_lit *lit = &sum->ret_truth[i];
      if (lit->field && !places[i])
	return;
      mr_opnd x = lit->field ? mr_value (places[i]) : cs->arg (cs->glue, lit->param);
      if (n++ == 0)
	{
	  t.lhs = x;
	  t.op = (mr_cmp) lit->op;
	  t.rhs = mr_const (lit->k);
	  t.is_unsigned = lit->is_unsigned;
	}
      else
	{
	  t.combine = MR_COMBINE_AND;
	  t.lhs2 = x;
	  t.op2 = (mr_cmp) lit->op;
	  t.rhs2 = mr_const (lit->k);
	  t.is_unsigned2 = lit->is_unsigned;
	}
    }
  if (n)
    mr_func_add_truth (f, cs->dst, &t);
}

/* The summary says which parameters the callee frees, whether it returns a fresh
   allocation (a wrapper of malloc: xmalloc), or realloc of a parameter (gdRealloc),
   and which parameters it reads through.  The call becomes those events, named
   after the callee.  */
void
mr_expand_summary (const mr_summary *sum, const mr_call_site *cs)
{
  mr_func *f = cs->f;
  unsigned nargs = cs->nargs;
  uint32_t dst = cs->dst;
  /* A wrapper that returns something else on some path (sqlite3DbRealloc returns
     p itself when it still fits, NULL without freeing p after an earlier failure)
     is a realloc only sometimes: an ordinary call.  */
  if (sum->reallocs_param >= 0 && (unsigned) sum->reallocs_param < nargs && dst
      && !sum->other_return)
    {
      uint32_t at = add_event (cs, MR_EV_REALLOC);
      mr_opnd a = cs->arg (cs->glue, (unsigned) sum->reallocs_param);
      mr_event *e = event_at (cs, at);
      e->dst = dst;
      e->a = a;
      e->b = mr_unknown ();
      /* The family of what it returns (an uncertain one stays uncertain).  */
      e->family = sum->alloc_family ? sum->alloc_family : (uint16_t) MR_FAM_MALLOC;
      /* A wrapper that aborts when realloc fails (jq's jv_mem_realloc) never
	 fails for its callers.  */
      e->flags = sum->may_return_null && !cs->returns_nonnull
		 ? MR_EVF_MAY_FAIL | (cs->result_overwrites_realloc_arg ? MR_EVF_SAME_VAR : 0)
		 : 0;
      e->via = mr_func_strdup (f, cs->name);
      return;
    }
  /* The flag, read before the dereferences under it when there are some, else
     just before the call's event (once either way).  */
  bool flag_first = (sum->derefs_if_set | sum->derefs_if_clear) != 0;
  mr_opnd flag = flag_first ? read_flag (sum, cs) : mr_none ();
  expand_derefs_first (sum, cs, flag);
  expand_static_derefs_first (sum, cs);
  uint32_t frees = sum->frees_always;
  for (unsigned i = 0; i < sum->nfield_derefs && i < MR_SUMMARY_DEREFS; i++)
    expand_field_deref (sum, cs, &sum->field_derefs[i]);
  /* Fields the callee frees (a destructor's `delete p_`): they are read from the
     arguments as the caller sees them before the call.  */
  for (unsigned i = 0; i < sum->nfield_frees; i++)
    expand_field_free (cs, &sum->field_frees[i]);
  uint32_t elems[MR_SUMMARY_ELEM_FREES] = { 0 };
  for (unsigned i = 0; i < sum->nelem_frees && i < MR_SUMMARY_ELEM_FREES; i++)
    elems[i] = load_elem (cs, &sum->elem_frees[i]);
  mr_call *call = mr_func_new_call (f, cs->name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = (i < 32 && (frees & (1u << i))) ? mr_unknown () : cs->arg (cs->glue, i);
  call->deref_mask = sum->derefs & ~frees;
  call->write_mask = sum->writes & ~frees;	/* a helper that fills a buffer */
  call->use_mask = sum->uses & ~frees;
  call->noreturn = cs->noreturn;
  call->out_mask = mr_expand_out_mask (sum, cs, frees, call);
  /* The function it calls that its caller gives it (`destroy (p, rel)`): a
     caller that only passes its own parameters on relays it (summarize.c).  */
  if (sum->calls_param && sum->calls_param <= nargs && sum->calls_param_arg < nargs)
    {
      call->relay = sum->calls_param;
      call->relay_arg = sum->calls_param_arg;
      call->relay_pos = sum->calls_param_pos;
    }
  /* The parameter it gives back, if it does (lowered before the call's event:
     an address into an object adds one).  */
  mr_opnd given = sum->returns_param >= 0 && (unsigned) sum->returns_param < nargs
		  && !mr_freed_result_chosen (sum, cs)
		  ? cs->arg (cs->glue, (unsigned) sum->returns_param) : mr_none ();
  bool copies = mr_copyable_arg (given);
  int64_t k = 0;
  mr_opnd copy = mr_none ();
  uint32_t live = 0;
  result_kind result = copies || sum->returns_alloc ? RESULT_UNKNOWN
		       : known_result (sum, cs, &k, &copy, &live);
  bool result_given = result == RESULT_CONST || result == RESULT_COPY;
  call->store_mask = sum->stores_through & ~frees;	/* a freed object's slots are moot */
  call->stores_wild = sum->stores_wild;
  call->statics_listed = sum->valid && sum->statics_listed;
  call->nstatic_writes = sum->nstatic_writes;
  memcpy (call->static_writes, sum->static_writes, sizeof call->static_writes);
  /* Pointers it reallocates through its parameters, as the caller has them.  */
  uint32_t old[MR_SUMMARY_OUTS];
  mr_expand_out_loads (sum, cs, frees, call, old);
  /* The places its result is read from (a getter's, a predicate's fields), read
     by the caller itself before the call.  */
  bool getter = sum->valid && !cs->weak && !copies && !sum->returns_alloc && !result_given
		&& read_returned_place (sum, cs, call);
  uint32_t places[MR_RET_LITS] = { 0 };
  if (result == RESULT_TRUTH && !getter)
    read_literal_places (sum, cs, call, live, places);
  /* A pure function of one object (`return max (a_, b_);`) is read from a place
     of the object no store reaches (MR_OFF_PURE), which any write into the object
     forgets (transfer.c).  */
  bool pure = sum->valid && sum->pure;
  mr_opnd pure_base = pure && nargs == 1 && dst && !copies && !sum->returns_alloc
		      && !result_given && !getter
		      ? call->args[0] : mr_none ();
  bool reads_pure = mr_copyable_arg (pure_base);
  /* Memory it freed (`free (r); return r;`), when nothing above says more.  */
  bool freed_result = mr_freed_result_applies (sum, cs) && !copies && !getter
		      && !result_given && !reads_pure;
  int64_t pure_off = MR_OFF_PURE + (int64_t) (name_hash (cs->name) % (MR_OFF_PURE / 2));
  if (!flag_first)
    flag = read_flag (sum, cs);
  mr_event *e = mr_block_add_event (f, cs->bb, MR_EV_CALL, cs->loc);
  e->call = call;
  e->flags |= MR_EVF_SUMMARIZED;
  if (cs->dtor)
    e->flags |= MR_EVF_DTOR;
  /* A callee that keeps nothing and writes nothing of its caller's leaves the
     caller's knowledge of its memory intact: the objects passed stay the caller's
     (a leak after the call is still a leak), their fields stay known.  */
  if (sum->valid && sum->no_clobber)
    e->flags |= MR_EVF_NO_CLOBBER;
  if (pure)
    e->flags |= MR_EVF_PURE;
  e->dst = sum->returns_alloc || copies || getter || result_given || reads_pure
	   || freed_result ? 0 : dst;
  /* Parameters the callee stores into another's object (a constructor).  */
  for (unsigned i = 0; i < sum->nfield_stores; i++)
    {
      const mr_field_store *fs = &sum->field_stores[i];
      if (fs->dst_param >= nargs || fs->src_param >= nargs)
	continue;
      uint32_t at = add_event (cs, MR_EV_STORE);
      mr_opnd a = cs->arg (cs->glue, fs->dst_param);
      mr_opnd b = cs->arg (cs->glue, fs->src_param);
      mr_event *st = event_at (cs, at);
      st->a = a;
      st->off = fs->off;
      st->b = b;
      st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
    }
  for (unsigned i = 0; i < nargs && i < 32; i++)
    if (frees & (1u << i))
      {
	uint32_t at = add_event (cs, MR_EV_FREE);
	mr_opnd a = cs->arg (cs->glue, i);
	mr_event *fr = event_at (cs, at);
	fr->a = a;
	fr->off = callee_free_offset (sum, i);
	fr->family = sum->free_family;
	fr->via = mr_func_strdup (f, cs->name);
	fr->via_loc = sum->free_loc;
      }
  expand_flag_frees (sum, cs, flag);
  for (unsigned i = 0; i < sum->nelem_frees && i < MR_SUMMARY_ELEM_FREES; i++)
    if (elems[i])
      free_elem (cs, &sum->elem_frees[i], elems[i]);
  if (reads_pure)
    read_place (cs, dst, pure_base, pure_off, false);
  /* It gives a parameter back (`return dst;`): the result is that argument.  */
  if (copies && dst)
    mr_add_returned_arg (f, cs->bb, dst, given, sum->returns_param_off, cs->loc);
  if (result != RESULT_UNKNOWN && !getter)
    expand_result (sum, cs, result, k, copy, live, places);
  /* Also when the caller drops the result (`wrap ();`): the block is made all
     the same, held by nothing, and leaks as `malloc (8);` does.  */
  if (sum->returns_alloc && (dst || cs->discarded))
    {
      mr_event *a = mr_block_add_event (f, cs->bb, MR_EV_ALLOC, cs->loc);
      a->dst = dst;
      a->family = sum->alloc_family;
      a->a = mr_none ();
      /* A wrapper that may return NULL and can say so another way too (an error
	 code through a parameter, sqlite's idxMalloc (&rc, n), or a global) leaves
	 its callers free to check that instead: they are not held to a NULL check.
	 One whose result is all it can say is checked like malloc.  */
      a->flags = !sum->may_return_null || cs->returns_nonnull ? MR_EVF_NEVER_NULL
		 : sum->error_channel ? MR_EVF_QUIET_NULL : MR_EVF_MAY_FAIL;
      a->via = mr_func_strdup (f, cs->name);
    }
  if (freed_result)
    mr_expand_freed_result (sum, cs);
  /* What it leaves in the caller's pointers (an out-parameter allocator).  */
  mr_expand_out_stores (sum, cs, frees, call, old);
}

/* Its arguments are handed to it first (an unknown call's effects), then the
   allocation or release happens.  `returns_nonnull` on its declaration says it
   never returns NULL, whatever the entry says.  */
bool
mr_expand_library_call (const mr_lib *lib, const mr_call_site *cs, bool arg_is_null)
{
  if (!lib || lib->kind == MR_LIB_NORETURN)
    return false;
  bool may_fail = (lib->flags & MR_KF_MAY_FAIL) && !cs->returns_nonnull;
  unsigned nargs = cs->nargs;
  /* Stores through an argument (lower_library_out_call, in the glue); allocates
     only when handed NULL (realpath (p, buf) returns buf).  */
  if (lib->kind == MR_LIB_OUT
      || ((lib->flags & MR_KF_ALLOC_IF_NULL_ARG) && !(lib->arg < nargs && arg_is_null)))
    return false;
  uint16_t family = lib->kind == MR_LIB_POOL ? (uint16_t) MR_FAM_POOL
		    : (uint16_t) mr_family_by_name (lib->family);
  if ((lib->kind == MR_LIB_FREE || lib->kind == MR_LIB_REALLOC) && lib->arg >= nargs)
    return false;
  if (lib->kind == MR_LIB_FREE)
    {
      uint32_t at = add_event (cs, MR_EV_FREE);
      mr_opnd a = cs->arg (cs->glue, lib->arg);
      mr_event *e = event_at (cs, at);
      e->a = a;
      e->family = family;
      return true;
    }
  if (lib->kind == MR_LIB_REALLOC)
    {
      uint32_t at = add_event (cs, MR_EV_REALLOC);
      mr_opnd a = cs->arg (cs->glue, lib->arg);
      mr_opnd b = lib->arg + 1 < nargs ? cs->arg (cs->glue, lib->arg + 1) : mr_unknown ();
      mr_event *e = event_at (cs, at);
      e->dst = cs->dst;
      e->a = a;
      e->b = b;
      e->family = family;
      /* xrealloc and g_realloc do not return when out of memory: no failure
	 path.  One that may fail loses p in `p = sqlite3_realloc (p, n)`.  */
      e->flags = may_fail ? MR_EVF_MAY_FAIL | (cs->result_overwrites_realloc_arg
					       ? MR_EVF_SAME_VAR : 0) : 0;
      if (lib->flags & MR_KF_FAIL_FREES)
	e->flags |= MR_EVF_FAIL_FREES;
      e->via = mr_func_strdup (cs->f, cs->name);
      return true;
    }
  /* ALLOC or POOL: the arguments go to an ordinary call first (a constructor may
     keep or read them), then the result is fresh memory.  */
  mr_call *call = mr_func_new_call (cs->f, cs->name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = cs->arg (cs->glue, i);
  call->use_mask = cs->handed;
  mr_event *ce = mr_block_add_event (cs->f, cs->bb, MR_EV_CALL, cs->loc);
  ce->call = call;
  if (!cs->dst && !cs->discarded)
    return true;
  mr_event *e = mr_block_add_event (cs->f, cs->bb, MR_EV_ALLOC, cs->loc);
  e->dst = cs->dst;
  e->family = family;
  e->a = mr_none ();
  /* g_malloc and the like abort rather than return NULL.  */
  e->flags = may_fail ? MR_EVF_MAY_FAIL : MR_EVF_NEVER_NULL;
  return true;
}

void
mr_expand_user_free (const mr_call_site *cs, unsigned argno, unsigned family)
{
  uint32_t at = add_event (cs, MR_EV_FREE);
  mr_opnd a = cs->arg (cs->glue, argno);
  mr_event *e = event_at (cs, at);
  e->a = a;
  e->family = (uint16_t) family;
}

void
mr_expand_user_alloc (const mr_call_site *cs, unsigned family)
{
  mr_event *e = mr_block_add_event (cs->f, cs->bb, MR_EV_ALLOC, cs->loc);
  e->dst = cs->dst;
  e->family = (uint16_t) family;
  e->a = mr_none ();
  /* An allocator may return NULL, as malloc does (GCC's analyzer reads the
     attribute so too), unless it is declared returns_nonnull.  */
  e->flags |= cs->returns_nonnull ? MR_EVF_NEVER_NULL : MR_EVF_MAY_FAIL;
}
