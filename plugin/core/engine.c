/* engine.c — the analysis driver: worklist over blocks, refinement on edges, ESP
   merging, the budget and the memory cap (see engine.h).  What each event does to a
   state is transfer.c's; the rules are plug-ins (rule.h, rules/), fired by it.

   Shape of the loop:
     states[b]  the states at the entry of block b, one per distinct typestate table
     worklist   blocks whose states changed, taken in reverse post-order so that a join
                point usually sees all its predecessors before it runs
   Processing a block runs each changed ("dirty") state through the block's events
   (a realloc splits a state in two: success and failure), then, for each successor
   edge, refines a copy on the edge's condition, applies the successor's PHIs for that
   edge and merges it into the successor's states.  */

#include "engine-int.h"
#include "infer.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Functions above this many blocks keep proportionally fewer states per block.  */
#define MR_BIG_FUNCTION 256

/* The default memory cap, in MiB (mr_config.max_memory).  */
#define MR_DEFAULT_MEMORY_MIB 256

void
mr_config_default (mr_config *cfg)
{
  memset (cfg, 0, sizeof *cfg);
  mr_rules_default (cfg);
  cfg->max_states_per_block = 16;
  cfg->max_work = 20000000;
  cfg->max_memory = (uint64_t) MR_DEFAULT_MEMORY_MIB << 20;
}

void
mr_result_free (mr_result *r)
{
  free (r->findings);
  memset (r, 0, sizeof *r);
}

/* Findings.  */

mr_finding *
mr_report_once (mr_ctx *c, mr_rule rule, const mr_event *ev, mr_opnd subject,
		const mr_event *dedup)
{
  if (!c->cfg->enabled[rule])
    return NULL;
  mr_result *out = c->out;
  for (uint32_t i = 0; i < out->nfindings; i++)
    {
      mr_finding *fd = &out->findings[i];
      if (fd->rule == rule && fd->dedup == dedup && fd->subject.kind == subject.kind
	  && fd->subject.id == subject.id)
	return NULL;
    }
  MR_VEC_PUSH (out->findings, out->nfindings, out->cap_findings);
  mr_finding *fd = &out->findings[out->nfindings - 1];
  memset (fd, 0, sizeof *fd);
  fd->rule = rule;
  fd->ev = ev;
  fd->subject = subject;
  fd->dedup = dedup;
  return fd;
}

mr_finding *
mr_report (mr_ctx *c, mr_rule rule, const mr_event *ev, mr_opnd subject)
{
  return mr_report_once (c, rule, ev, subject, ev);
}

void
mr_finding_note (mr_finding *fd, mr_note_kind kind, const mr_event *ev)
{
  if (ev && fd->nnotes < MR_MAX_NOTES)
    fd->notes[fd->nnotes++] = (mr_note) { kind, ev };
}

/* The names the summary and refinement code use for engine-int.h's mr_is_object
   and mr_root_of.  */
static bool
is_object (uint32_t key)
{
  return mr_is_object (key);
}

static uint32_t
root_of (const mr_ctx *c, mr_opnd o, int64_t *off)
{
  return mr_root_of (c, o, off);
}

/* Is operand o (a pointer) a local of the function, or nothing to the caller?  */
static bool
local_target (const mr_func *f, mr_opnd o)
{
  if (o.kind == MR_OPND_ADDR)
    return o.id < f->ndecls && f->decls[o.id].kind != MR_DECL_STATIC;
  return false;
}

/* The parameter operand o is (plus *off), or -1.  */
static int
param_of (const mr_func *f, mr_opnd o, int64_t *off)
{
  *off = 0;
  if (o.kind != MR_OPND_VALUE)
    return -1;
  uint32_t root = mr_func_root (f, o.id, off);
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (root && f->params[i] == root)
      return (int) i;
  return -1;
}

static bool
is_param_root (const mr_func *f, mr_opnd o)
{
  int64_t off;
  return param_of (f, o, &off) >= 0;
}

/* Summaries.  At each return, what happened to the parameters' objects and what is
   returned; joined over every path that returns.  */

/* The summary field a value was loaded from (c->param_loads, sorted by value by
   find_param_loads), or -1.  */
static int
param_load_field (const mr_ctx *c, uint32_t value)
{
  uint32_t lo = 0, hi = c->nparam_loads;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (c->param_loads[mid].value == value)
	return (int) c->param_loads[mid].field;
      if (c->param_loads[mid].value < value)
	lo = mid + 1;
      else
	hi = mid;
    }
  return -1;
}

/* The fields of parameters' objects the function frees (a destructor, a clear
   function): a candidate (param, off) holds on a path that returns if the pointer
   first loaded from there is freed or NULL on it, or if the parameter itself is
   NULL on it (`if (!x) return;`).  Only the pointer the caller had there counts: the
   object must be the one a load from that field made (MR_OBJ_SYM of a load), not
   something the function stored first.  */
static void
summarize_field_frees (mr_ctx *c, const mr_state *s, uint32_t null_params)
{
  mr_summary *sum = &c->out->summary;
  bool sat[MR_SUMMARY_FIELDS] = { false };
  for (uint32_t k = 0; k < c->nparam_loads; k++)
    {
      const mr_param_load *pl = &c->param_loads[k];
      mr_field_free *ff = &sum->field_frees[pl->field];
      if (ff->param < 32 && (null_params & (1u << ff->param)))
	{
	  sat[pl->field] = true;
	  continue;
	}
      mr_ref r = mr_state_lookup (s, pl->value);
      if (r.obj == MR_OBJ_NULL)
	{
	  sat[pl->field] = true;
	  continue;
	}
      if ((r.obj & MR_OBJ_KIND_MASK) != MR_OBJ_SYM || r.off != 0)
	continue;
      /* The object must come from a load of the same field.  */
      bool from_field = param_load_field (c, MR_OBJ_INDEX (r.obj)) == (int) pl->field;
      const mr_objst *o = mr_state_obj (s, r.obj);
      if (from_field && o && o->ts == MR_TS_FREED && o->ev && o->ev->kind == MR_EV_FREE)
	{
	  sat[pl->field] = true;
	  if (!ff->freed)
	    {
	      ff->freed = true;
	      ff->family = o->family;
	      ff->loc = o->ev->loc;
	    }
	}
    }
  for (uint32_t i = 0; i < sum->nfield_frees; i++)
    {
      /* A parameter NULL on this path has no fields loaded: vacuously freed.  */
      if (sum->field_frees[i].param < 32
	  && (null_params & (1u << sum->field_frees[i].param)))
	sat[i] = true;
      c->field_ok[i] = c->field_ok[i] && sat[i];
    }
}

static int
param_load_order (const void *a, const void *b)
{
  uint32_t x = ((const mr_param_load *) a)->value, y = ((const mr_param_load *) b)->value;
  return x < y ? -1 : x > y;
}

/* The pointers loaded from *(param + constant) in f: the candidates for the
   summary's field frees (at most MR_SUMMARY_FIELDS distinct fields).  */
static void
find_param_loads (mr_ctx *c)
{
  mr_func *f = c->f;
  mr_summary *sum = &c->out->summary;
  uint32_t cap = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_LOAD || !e->dst || !(e->flags & MR_EVF_POINTER)
	    || e->a.kind != MR_OPND_VALUE)
	  continue;
	int64_t off;
	int param = param_of (f, e->a, &off);
	off = mr_off_add (off, e->off);
	if (param < 0 || off == MR_OFF_UNKNOWN || off == MR_OFF_POSITIVE)
	  continue;
	uint32_t field = sum->nfield_frees;
	for (uint32_t i = 0; i < sum->nfield_frees; i++)
	  if (sum->field_frees[i].param == param && sum->field_frees[i].off == off)
	    field = i;
	if (field == sum->nfield_frees)
	  {
	    if (field == MR_SUMMARY_FIELDS)
	      continue;
	    sum->field_frees[field] = (mr_field_free) { .param = (uint8_t) param, .off = off };
	    c->field_ok[field] = true;
	    sum->nfield_frees++;
	  }
	MR_VEC_PUSH (c->param_loads, c->nparam_loads, cap);
	c->param_loads[c->nparam_loads - 1] = (mr_param_load) { e->dst, field };
      }
  if (c->nparam_loads > 1)
    qsort (c->param_loads, c->nparam_loads, sizeof *c->param_loads, param_load_order);
}

/* The field store event e makes, as a summary entry: a parameter stored at a
   constant offset into another parameter's object.  */
static bool
as_field_store (const mr_func *f, const mr_event *e, mr_field_store *out)
{
  if (e->kind != MR_EV_STORE || !(e->flags & MR_EVF_POINTER))
    return false;
  int64_t base_off, src_off;
  int dst = param_of (f, e->a, &base_off);
  int src = param_of (f, e->b, &src_off);
  int64_t off = mr_off_add (base_off, e->off);
  if (dst < 0 || src < 0 || dst == src || src_off != 0 || off == MR_OFF_UNKNOWN
      || off == MR_OFF_POSITIVE)
    return false;
  *out = (mr_field_store) { (uint8_t) dst, (uint8_t) src, off };
  return true;
}

static bool
is_summarized_store (const mr_func *f, const mr_summary *sum, const mr_event *e)
{
  mr_field_store fs;
  if (!as_field_store (f, e, &fs))
    return false;
  for (uint32_t i = 0; i < sum->nfield_stores; i++)
    if (sum->field_stores[i].dst_param == fs.dst_param
	&& sum->field_stores[i].src_param == fs.src_param && sum->field_stores[i].off == fs.off)
      return true;
  return false;
}

/* The field stores every path makes: those on the straight line of blocks from the
   entry, and only if no other store writes the same field.  */
static void
find_field_stores (const mr_func *f, mr_summary *sum)
{
  uint32_t b = f->entry;
  for (uint32_t steps = 0; steps < f->nblocks; steps++)
    {
      const mr_block *blk = &f->blocks[b];
      for (uint32_t k = 0; k < blk->nevents; k++)
	{
	  mr_field_store fs;
	  if (as_field_store (f, &blk->events[k], &fs)
	      && sum->nfield_stores < MR_SUMMARY_FIELDS)
	    sum->field_stores[sum->nfield_stores++] = fs;
	}
      if (blk->nsuccs != 1)
	break;
      uint32_t next = f->edges[blk->succs[0]].dst;
      if (next == b || f->blocks[next].npreds != 1)
	break;
      b = next;
    }
  if (!sum->nfield_stores)
    return;
  /* Any other store to one of these fields (a parameter's object at that offset)
     makes it conditional: dropped.  */
  for (uint32_t bb = 0; bb < f->nblocks; bb++)
    for (uint32_t k = 0; k < f->blocks[bb].nevents; k++)
      {
	const mr_event *e = &f->blocks[bb].events[k];
	if (e->kind != MR_EV_STORE || is_summarized_store (f, sum, e))
	  continue;
	int64_t base_off;
	int dst = param_of (f, e->a, &base_off);
	int64_t off = mr_off_add (base_off, e->off);
	if (dst < 0)
	  continue;
	uint32_t n = 0;
	for (uint32_t i = 0; i < sum->nfield_stores; i++)
	  if (sum->field_stores[i].dst_param != dst
	      || (off != MR_OFF_UNKNOWN && off != MR_OFF_POSITIVE
		  && sum->field_stores[i].off != off))
	    sum->field_stores[n++] = sum->field_stores[i];
	sum->nfield_stores = (uint8_t) n;
      }
}

/* Which values may be a parameter (plus an offset): its copies, and PHIs with such
   an argument (`return c ? p : q;`, `while (*p) p++; return p;`), by value root.
   A fixpoint over the PHIs; the caller frees the array.  */
static bool *
param_values (const mr_func *f)
{
  bool *may = mr_xcalloc (f->nvalues, sizeof *may);
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (f->params[i] && f->params[i] < f->nvalues)
      may[f->params[i]] = true;
  for (bool grew = true; grew;)
    {
      grew = false;
      for (uint32_t b = 0; b < f->nblocks; b++)
	for (uint32_t i = 0; i < f->blocks[b].nphis; i++)
	  {
	    const mr_phi *phi = &f->blocks[b].phis[i];
	    if (!phi->is_pointer || phi->dst >= f->nvalues || may[phi->dst])
	      continue;
	    for (uint32_t k = 0; k < f->blocks[b].npreds; k++)
	      {
		int64_t off;
		mr_opnd a = phi->args[k];
		if (a.kind == MR_OPND_VALUE && a.id < f->nvalues
		    && may[mr_func_root (f, a.id, &off)])
		  {
		    may[phi->dst] = grew = true;
		    break;
		  }
	      }
	  }
    }
  return may;
}

/* May some return give back a parameter, directly or through a PHI (per
   param_values)?  */
static bool
some_return_may_be_param (const mr_func *f)
{
  bool *may = param_values (f);
  bool yes = false;
  for (uint32_t b = 0; b < f->nblocks && !yes; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents && !yes; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	int64_t off;
	yes = e->kind == MR_EV_RETURN && e->a.kind == MR_OPND_VALUE && e->a.id < f->nvalues
	      && may[mr_func_root (f, e->a.id, &off)];
      }
  free (may);
  return yes;
}

/* The part of no_clobber the events alone decide (see mr_summary): every store is
   to a local or a non-pointer value at a known offset, every call is one that
   writes nothing the caller sees, no parameter is returned or stored, and every
   free is of a parameter or of a pointer loaded from a parameter's object (the
   summary then says whether it always happens).  */
static bool
events_keep_callers_memory (const mr_ctx *c)
{
  const mr_func *f = c->f;
  bool phi_returns = false;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	switch (e->kind)
	  {
	  case MR_EV_STORE:
	    if (local_target (f, e->a) || is_summarized_store (f, &c->out->summary, e))
	      break;
	    if ((e->flags & (MR_EVF_POINTER | MR_EVF_AGGREGATE)) || e->off == MR_OFF_UNKNOWN
		|| e->off == MR_OFF_POSITIVE)
	      return false;
	    break;
	  case MR_EV_CALL:
	    if (!(e->flags & MR_EVF_NO_CLOBBER) || !e->call)
	      return false;
	    for (uint32_t i = 0; i < e->call->nargs && i < 32; i++)
	      if ((e->call->write_mask & (1u << i)) && !local_target (f, e->call->args[i]))
		return false;
	    break;
	  case MR_EV_RETURN:
	    {
	      /* A parameter given back on every path is a copy for the caller
		 (returns_param); any other returned parameter is kept.  */
	      int64_t off;
	      int param = param_of (f, e->a, &off);
	      if (param >= 0 && param != c->out->summary.returns_param)
		return false;
	      phi_returns |= param < 0 && c->out->summary.returns_param < 0
			     && e->a.kind == MR_OPND_VALUE;
	      break;
	    }
	  case MR_EV_DEREF:
	    if ((e->flags & MR_EVF_WRITE) && !local_target (f, e->a))
	      return false;
	    break;
	  case MR_EV_ESCAPE:
	  case MR_EV_REALLOC:
	    return false;
	  case MR_EV_FREE:
	    {
	      if (is_param_root (f, e->a))
		break;
	      int64_t off;
	      uint32_t root = e->a.kind == MR_OPND_VALUE ? mr_func_root (f, e->a.id, &off) : 0;
	      if (!root || param_load_field (c, root) < 0)
		return false;
	      break;
	    }
	  default:
	    break;
	  }
      }
  /* A returned PHI that may be a parameter (`return c ? p : q;`) keeps it.  */
  return !phi_returns || !some_return_may_be_param (f);
}

/* After the last return: keep the field frees that held on every path and were
   freed on one; the parameters freed or NULL on every path, freed on one.  */
static void
finish_summary (mr_ctx *c)
{
  mr_summary *sum = &c->out->summary;
  sum->frees_always &= sum->frees_maybe;
  bool sometimes = sum->frees_always != sum->frees_maybe;
  uint32_t n = 0;
  for (uint32_t i = 0; i < sum->nfield_frees; i++)
    if (c->field_ok[i] && sum->field_frees[i].freed && sum->saw_return)
      sum->field_frees[n++] = sum->field_frees[i];
    else if (sum->field_frees[i].freed)
      sometimes = true;
  sum->nfield_frees = (uint8_t) n;
  /* The first parameter every return gave back.  */
  for (uint32_t i = 0; i < 32 && sum->saw_return; i++)
    if (c->ret_params & (1u << i))
      {
	sum->returns_param = (int32_t) i;
	sum->returns_param_off = (c->ret_off_set & (1u << i)) ? c->ret_off[i] : 0;
	break;
      }
  sum->no_clobber = !sometimes && events_keep_callers_memory (c);
  free (c->param_loads);
  c->param_loads = NULL;
  c->nparam_loads = 0;
}

/* Which parameters this return gives back: the returned pointer is the object the
   parameter points to (at some offset), or NULL where the parameter is NULL
   (`if (!p) return NULL;`).  Intersected over every return.  A shared return
   block is judged on each edge into it (enter_block), before the paths' states
   are merged and the returned PHI loses what each path returned.  */
static void
summarize_returned_param (mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  uint32_t here = 0;
  mr_ref r = ev->a.kind == MR_OPND_NONE ? (mr_ref) { MR_OBJ_NONE, 0 } : mr_ref_of (c, s, ev->a);
  for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
    {
      uint32_t v = c->f->params[i];
      if (!v || (!is_object (r.obj) && r.obj != MR_OBJ_NULL))
	continue;
      mr_ref p = mr_state_lookup (s, v);
      if (p.obj != r.obj)
	continue;
      here |= 1u << i;
      if (r.obj == MR_OBJ_NULL)
	continue;
      bool exact = r.off != MR_OFF_UNKNOWN && p.off != MR_OFF_UNKNOWN
		   && r.off != MR_OFF_POSITIVE && p.off != MR_OFF_POSITIVE;
      int64_t off = exact ? r.off - p.off : MR_OFF_UNKNOWN;
      if (!(c->ret_off_set & (1u << i)))
	c->ret_off[i] = off;
      else if (c->ret_off[i] != off)
	c->ret_off[i] = MR_OFF_UNKNOWN;
      c->ret_off_set |= 1u << i;
    }
  c->ret_params = c->ret_seen ? c->ret_params & here : here;
  c->ret_seen = true;
}

static void
summarize_return (mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  mr_summary *sum = &c->out->summary;
  uint32_t freed = 0, null = 0;
  for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
    {
      uint32_t v = c->f->params[i];
      if (!v)
	continue;
      mr_ref r = mr_state_lookup (s, v);
      const mr_objst *o = is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
      if (r.obj == MR_OBJ_NULL)
	null |= 1u << i;	/* `if (p) free (p);` on its NULL path */
      else if (o && o->ts == MR_TS_FREED && o->ev && o->ev->kind == MR_EV_FREE)
	{
	  freed |= 1u << i;
	  if (!sum->frees_maybe)
	    {
	      sum->free_family = o->family;
	      sum->free_loc = o->ev->loc;
	    }
	}
    }
  /* Freed or NULL on every path; that some path frees is checked at the end.  */
  sum->frees_always = sum->saw_return ? sum->frees_always & (freed | null) : freed | null;
  sum->frees_maybe |= freed;
  summarize_field_frees (c, s, null);

  /* The returned pointer: a fresh allocation, NULL, or something else.  */
  mr_ref r = ev->a.kind == MR_OPND_VALUE ? mr_ref_of (c, s, ev->a) : (mr_ref) { MR_OBJ_NONE, 0 };
  const mr_objst *o = is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
  bool fresh = o && r.off == 0 && (o->key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD) == MR_OBJ_ALLOC
	       && !(o->flags & MR_OBJF_ESCAPED)
	       && (o->ts == MR_TS_ALLOCATED || o->ts == MR_TS_NULL);
  if (fresh && o->ev && o->ev->kind == MR_EV_REALLOC && o->ev->a.kind == MR_OPND_VALUE)
    {
      int64_t off;
      uint32_t root = mr_func_root (c->f, o->ev->a.id, &off);
      for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
	if (root && c->f->params[i] == root)
	  sum->reallocs_param = (int32_t) i;
    }
  if (r.obj == MR_OBJ_NULL || (o && o->ts == MR_TS_NULL))
    sum->may_return_null = true;
  else if (fresh)
    {
      if (o->flags & MR_OBJF_MAYBE_NULL && !(o->flags & MR_OBJF_NONNULL))
	sum->may_return_null = true;
      if (!sum->returns_alloc && !sum->other_return)
	sum->alloc_family = o->family;
      else if (sum->alloc_family != o->family)
	sum->other_return = true;
      sum->returns_alloc = true;
    }
  else
    sum->other_return = true;
  sum->saw_return = true;
}

/* Which parameters the function reads or writes through, on any path.  */
static uint32_t
deref_params (const mr_func *f)
{
  uint32_t mask = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_LOAD && e->kind != MR_EV_STORE && e->kind != MR_EV_DEREF)
	  continue;
	int64_t off;
	int param = param_of (f, e->a, &off);
	if (param >= 0)
	  mask |= 1u << param;
      }
  return mask;
}

/* Where the function stores pointers (mr_summary.stores_through, stores_wild), for
   its callers' aliasing (clobber_aliases).  From the events alone, on any path: a
   pointer or aggregate store, or a summarized call that stores through an
   argument, into a parameter's object sets that parameter's bit; into a local or
   an allocation the function made, nothing the caller knows; through anything else
   (a pointer loaded from memory, a call's result, a static), anything the caller's
   unknown pointers may reach.  Calls to functions without a summary are left to
   the caller's unknown-call rule, as when it calls them itself.  */
static void
summarize_stores (const mr_func *f, mr_summary *sum)
{
  /* Values that are allocations made here (their memory is new to the caller).  */
  uint8_t *fresh = mr_xcalloc (f->nvalues ? f->nvalues : 1, 1);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if ((e->kind == MR_EV_ALLOC || e->kind == MR_EV_REALLOC) && e->dst
	    && e->dst < f->nvalues)
	  fresh[e->dst] = 1;
      }
  for (uint32_t b = 0; b < f->nblocks && !sum->stores_wild; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	uint32_t mask, n;
	const mr_opnd *through;
	if (e->kind == MR_EV_STORE && (e->flags & (MR_EVF_POINTER | MR_EVF_AGGREGATE)))
	  mask = 1, n = 1, through = &e->a;
	else if (e->kind == MR_EV_CALL && e->call && !(e->flags & MR_EVF_NO_CLOBBER))
	  {
	    if (e->call->stores_wild)
	      sum->stores_wild = true;
	    mask = e->call->store_mask, n = e->call->nargs, through = e->call->args;
	  }
	else
	  continue;
	for (uint32_t i = 0; mask && i < n && i < 32; i++, mask >>= 1)
	  {
	    if (!(mask & 1))
	      continue;
	    int64_t off;
	    int param = param_of (f, through[i], &off);
	    uint32_t root = through[i].kind == MR_OPND_VALUE
			    ? mr_func_root (f, through[i].id, &off) : 0;
	    if (param >= 0)
	      sum->stores_through |= 1u << param;
	    else if (!local_target (f, through[i]) && !(root && root < f->nvalues && fresh[root]))
	      sum->stores_wild = true;
	  }
      }
  free (fresh);
}

/* Edge refinement.  */

static mr_cmp
mirror (mr_cmp op)
{
  switch (op)
    {
    case MR_CMP_LT: return MR_CMP_GT;
    case MR_CMP_LE: return MR_CMP_GE;
    case MR_CMP_GT: return MR_CMP_LT;
    case MR_CMP_GE: return MR_CMP_LE;
    default: return op;
    }
}

static bool
eval_cmp (int64_t a, mr_cmp op, int64_t b)
{
  switch (op)
    {
    case MR_CMP_EQ: return a == b;
    case MR_CMP_NE: return a != b;
    case MR_CMP_LT: return a < b;
    case MR_CMP_LE: return a <= b;
    case MR_CMP_GT: return a > b;
    case MR_CMP_GE: return a >= b;
    }
  return true;
}

/* Refines s with "v is null" (is_null) or "v is not null".  Returns false if that
   cannot hold in s.  */
static bool
refine_null (mr_ctx *c, mr_state *s, mr_opnd v, bool is_null)
{
  mr_ref r = mr_ref_of (c, s, v);
  if (r.obj == MR_OBJ_NONE)
    return true;
  if (r.obj == MR_OBJ_NULL)
    return is_null == (r.off == 0);
  mr_ts ts = mr_obj_ts (s, r.obj);
  if (ts == MR_TS_NULL)
    return is_null;
  if (ts == MR_TS_NONHEAP || (r.off != 0 && r.off != MR_OFF_UNKNOWN))
    return !is_null;
  const mr_objst *o = mr_state_obj (s, r.obj);
  if (is_null)
    {
      if (o && (o->flags & MR_OBJF_NONNULL))
	return false;
      if (ts == MR_TS_ALLOCATED)
	{
	  mr_state_set_obj (s, r.obj, MR_TS_NULL, (mr_family) o->family, o->ev);
	  mr_state_add_obj_flags (s, r.obj, MR_OBJF_NULL_CHECKED);
	}
      else
	{
	  int64_t off;
	  uint32_t root = root_of (c, v, &off);
	  if (root && off == 0)
	    mr_state_bind (s, root, (mr_ref) { MR_OBJ_NULL, 0 });
	}
      return true;
    }
  mr_state_add_obj_flags (s, r.obj, MR_OBJF_NONNULL);
  return true;
}

/* Two pointers compared (p == q, p != buf): the engine knows when they must be
   equal (same object and offset) or must differ (distinct objects it made or
   named: an allocation is not a local array, two allocations are not one).  */
static bool
refine_ptr_cmp (mr_ctx *c, mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs)
{
  if (op != MR_CMP_EQ && op != MR_CMP_NE)
    return true;
  mr_ref a = mr_ref_of (c, s, lhs), b = mr_ref_of (c, s, rhs);
  if (!is_object (a.obj) || !is_object (b.obj))
    return true;
  bool same = a.obj == b.obj && a.off == b.off && a.off != MR_OFF_UNKNOWN
	      && a.off != MR_OFF_POSITIVE;
  uint32_t ka = a.obj & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD;
  uint32_t kb = b.obj & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD;
  bool distinct = a.obj != b.obj && ka != MR_OBJ_SYM && kb != MR_OBJ_SYM
		  && mr_obj_ts (s, a.obj) != MR_TS_NULL && mr_obj_ts (s, b.obj) != MR_TS_NULL;
  if (op == MR_CMP_EQ)
    return !distinct;
  return !same;
}

/* A fact on `root` changed: the bounds of the allocation sizes' products it is a
   factor of (mr_state_note_product).  */
static void
note_products (const mr_ctx *c, mr_state *s, uint32_t root)
{
  for (uint32_t i = 0; i < c->nproducts; i++)
    if (c->products[i][0] == root || c->products[i][1] == root)
      mr_state_note_product (s, c->products[i][0], c->products[i][1]);
}

static int
conv_order (const void *a, const void *b)
{
  uint32_t x = (*(const mr_event *const *) a)->dst, y = (*(const mr_event *const *) b)->dst;
  return x < y ? -1 : x > y;
}

/* The conversions of signed values to unsigned wider ones (MR_EVF_CONVERT).  */
static void
find_conversions (mr_ctx *c)
{
  const mr_func *f = c->f;
  uint32_t cap = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind == MR_EV_COPY && (e->flags & MR_EVF_CONVERT) && e->dst
	    && e->a.kind == MR_OPND_VALUE)
	  {
	    MR_VEC_PUSH (c->convs, c->nconvs, cap);
	    c->convs[c->nconvs - 1] = e;
	  }
      }
  if (c->nconvs > 1)
    qsort (c->convs, c->nconvs, sizeof *c->convs, conv_order);
}

/* A fact learnt on u = (unsigned) n that keeps u within n's positive values holds
   for n too (a negative n would have made u larger than that).  */
static bool
note_conversion (const mr_ctx *c, mr_state *s, uint32_t u)
{
  uint32_t lo = 0, hi = c->nconvs;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      const mr_event *e = c->convs[mid];
      if (e->dst < u)
	lo = mid + 1;
      else if (e->dst > u)
	hi = mid;
      else
	{
	  const mr_fact *f = mr_state_fact (s, u);
	  int64_t off;
	  uint32_t n = mr_func_root (c->f, e->a.id, &off);
	  int64_t nmax = e->off >= 64 ? INT64_MAX : (int64_t) ((1ull << (e->off - 1)) - 1);
	  if (!f || off || f->lo < 0 || f->hi > nmax || f->hi == INT64_MAX)
	    return true;
	  int64_t flo = f->lo, fhi = f->hi;
	  return mr_state_refine (s, n, MR_CMP_GE, flo, false)
		 && mr_state_refine (s, n, MR_CMP_LE, fhi, false);
	}
    }
  return true;
}

/* The products of two values in allocation sizes, for note_products.  */
static void
find_products (mr_ctx *c)
{
  const mr_func *f = c->f;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	const mr_size *z = e->size;
	if (!z || (e->kind != MR_EV_ALLOC && e->kind != MR_EV_REALLOC && e->kind != MR_EV_CALL)
	    || z->x.kind != MR_OPND_VALUE || z->y.kind != MR_OPND_VALUE
	    || (z->flags & MR_SIZE_SUM) || c->nproducts == 4)
	  continue;
	int64_t xoff, yoff;
	uint32_t x = mr_func_root (f, z->x.id, &xoff), y = mr_func_root (f, z->y.id, &yoff);
	bool dup = x == y || xoff || yoff;
	for (uint32_t i = 0; i < c->nproducts; i++)
	  dup |= c->products[i][0] == x && c->products[i][1] == y;
	if (!dup)
	  {
	    c->products[c->nproducts][0] = x;
	    c->products[c->nproducts++][1] = y;
	  }
      }
}

/* The interval a fact gives value `root` (the type's whole range without one).  */
static void
fact_range (const mr_state *s, uint32_t root, bool is_unsigned, int64_t *lo, int64_t *hi)
{
  const mr_fact *f = mr_state_fact (s, root);
  *lo = f ? f->lo : is_unsigned ? 0 : INT64_MIN;
  *hi = f ? f->hi : INT64_MAX;
  if (is_unsigned && *lo < 0)
    *lo = 0, *hi = INT64_MAX;	/* signed facts on bits compared unsigned */
}

/* Two integer values compared (`i < n`): each is bounded by the other's interval.
   After `for (i = 0; i < n; i++)` ran zero times, i is 0 and so n <= 0; a second
   loop `for (j = 0; j < n; j++)` then cannot run either.  Returns false when the
   comparison cannot hold.  (INT64_MAX is no bound: unsigned values go past it.)  */
static bool
refine_values_1 (const mr_ctx *c, mr_state *s, uint32_t x, mr_cmp op, uint32_t y,
		 bool is_unsigned);

static bool
refine_values (const mr_ctx *c, mr_state *s, uint32_t x, mr_cmp op, uint32_t y,
	       bool is_unsigned)
{
  if (!refine_values_1 (c, s, x, op, y, is_unsigned) || !note_conversion (c, s, x)
      || !note_conversion (c, s, y))
    return false;
  note_products (c, s, x);
  note_products (c, s, y);
  return true;
}

static bool
refine_values_1 (const mr_ctx *c, mr_state *s, uint32_t x, mr_cmp op, uint32_t y,
		 bool is_unsigned)
{
  /* x <= num / d (x < it, x == it): x * d <= num, whatever the intervals.  */
  const mr_quot *q = op == MR_CMP_LT || op == MR_CMP_LE || op == MR_CMP_EQ
		     ? mr_func_quot (c->f, y) : NULL;
  if (q && !q->other && q->divisor && q->divisor < c->f->nvalues)
    {
      int64_t off;
      uint32_t d = mr_func_root (c->f, q->divisor, &off);
      if (d != x && off == 0)
	mr_state_bound_product (s, x, d, q->num, is_unsigned);
    }
  if (op == MR_CMP_EQ && (q = mr_func_quot (c->f, x)) && !q->other && q->divisor
      && q->divisor < c->f->nvalues)
    {
      int64_t off;
      uint32_t d = mr_func_root (c->f, q->divisor, &off);
      if (d != y && off == 0)
	mr_state_bound_product (s, y, d, q->num, is_unsigned);
    }
  int64_t xlo, xhi, ylo, yhi;
  fact_range (s, x, is_unsigned, &xlo, &xhi);
  fact_range (s, y, is_unsigned, &ylo, &yhi);
  bool ok = true;
  switch (op)
    {
    case MR_CMP_LT:
    case MR_CMP_LE:
      if (yhi != INT64_MAX)
	ok = ok && mr_state_refine (s, x, op, yhi, is_unsigned);
      if (xlo != INT64_MIN)
	ok = ok && mr_state_refine (s, y, op == MR_CMP_LT ? MR_CMP_GT : MR_CMP_GE, xlo,
				    is_unsigned);
      return ok;
    case MR_CMP_GT:
    case MR_CMP_GE:
      return refine_values_1 (c, s, y, mirror (op), x, is_unsigned);
    case MR_CMP_EQ:
      if (yhi != INT64_MAX)
	ok = ok && mr_state_refine (s, x, MR_CMP_LE, yhi, is_unsigned);
      if (ylo != INT64_MIN)
	ok = ok && mr_state_refine (s, x, MR_CMP_GE, ylo, is_unsigned);
      if (xhi != INT64_MAX)
	ok = ok && mr_state_refine (s, y, MR_CMP_LE, xhi, is_unsigned);
      if (xlo != INT64_MIN)
	ok = ok && mr_state_refine (s, y, MR_CMP_GE, xlo, is_unsigned);
      return ok;
    case MR_CMP_NE:
      if (ylo == yhi)
	ok = ok && mr_state_refine (s, x, MR_CMP_NE, ylo, is_unsigned);
      if (xlo == xhi)
	ok = ok && mr_state_refine (s, y, MR_CMP_NE, xlo, is_unsigned);
      return ok;
    }
  return true;
}

/* Refines s with one comparison `lhs op rhs` known to hold.  */
static bool
refine_cmp (mr_ctx *c, mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs, bool is_unsigned)
{
  if (lhs.kind == MR_OPND_CONST && rhs.kind != MR_OPND_CONST)
    {
      mr_opnd tmp = lhs;
      lhs = rhs, rhs = tmp;
      op = mirror (op);
    }
  if (lhs.kind == MR_OPND_CONST && rhs.kind == MR_OPND_CONST)
    return eval_cmp (lhs.num, op, rhs.num);
  if (rhs.kind != MR_OPND_CONST)
    {
      if (!refine_ptr_cmp (c, s, lhs, op, rhs))
	return false;
      int64_t xoff, yoff;
      uint32_t x = root_of (c, lhs, &xoff), y = root_of (c, rhs, &yoff);
      if (!x || !y || xoff || yoff || x == y)
	return true;
      return refine_values (c, s, x, op, y, is_unsigned);
    }
  if (rhs.num == 0 && (op == MR_CMP_EQ || op == MR_CMP_NE)
      && (lhs.kind == MR_OPND_VALUE || lhs.kind == MR_OPND_ADDR)
      && !refine_null (c, s, lhs, op == MR_CMP_EQ))
    return false;
  int64_t off;
  uint32_t root = root_of (c, lhs, &off);
  if (!root || off != 0)
    return true;
  if (!mr_state_refine (s, root, op, rhs.num, is_unsigned) || !note_conversion (c, s, root))
    return false;
  note_products (c, s, root);
  /* An overflow flag known to be 0: the product it checks fits.  */
  const mr_fact *f = mr_state_fact (s, root);
  const mr_quot *q = f && f->lo == 0 && f->hi == 0 ? mr_func_quot (c->f, root) : NULL;
  if (q && q->other && q->divisor < c->f->nvalues && q->other < c->f->nvalues)
    {
      int64_t xoff, yoff;
      uint32_t x = mr_func_root (c->f, q->divisor, &xoff);
      uint32_t y = mr_func_root (c->f, q->other, &yoff);
      if (!xoff && !yoff && x != y)
	mr_state_bound_product (s, x, y, q->num, true);
    }
  return true;
}

/* Refines s for taking edge e out of block b.  Returns false if infeasible.  A
   combined condition that fails (a && b false) or holds (a || b true) is two cases;
   the second goes to *extra (NULL if it cannot happen).  */
static bool
refine_edge (mr_ctx *c, mr_state *s, const mr_block *b, const mr_edge *e, mr_state **extra)
{
  const mr_term *t = &b->term;
  *extra = NULL;
  if (t->kind == MR_TERM_COND && (e->kind == MR_EDGE_TRUE || e->kind == MR_EDGE_FALSE))
    {
      bool taken = e->kind == MR_EDGE_TRUE;
      if (t->combine == MR_COMBINE_NONE)
	return refine_cmp (c, s, t->lhs, taken ? t->op : mr_cmp_negate (t->op), t->rhs,
			   t->is_unsigned);
      /* Both hold: AND taken, or OR not taken (both negated).  */
      bool both = (t->combine == MR_COMBINE_AND) == taken;
      mr_cmp op1 = taken ? t->op : mr_cmp_negate (t->op);
      mr_cmp op2 = taken ? t->op2 : mr_cmp_negate (t->op2);
      if (both)
	return refine_cmp (c, s, t->lhs, op1, t->rhs, t->is_unsigned)
	       && refine_cmp (c, s, t->lhs2, op2, t->rhs2, t->is_unsigned2);
      /* Either: the first holds, or the first fails and the second holds.  */
      mr_state *second = mr_state_copy (s);
      if (refine_cmp (c, second, t->lhs, mr_cmp_negate (op1), t->rhs, t->is_unsigned)
	  && refine_cmp (c, second, t->lhs2, op2, t->rhs2, t->is_unsigned2))
	*extra = second;
      else
	mr_state_free (second);
      return refine_cmp (c, s, t->lhs, op1, t->rhs, t->is_unsigned);
    }
  if (t->kind == MR_TERM_SWITCH)
    {
      int64_t off;
      uint32_t root = root_of (c, t->lhs, &off);
      if (!root || off != 0)
	return true;
      if (e->kind == MR_EDGE_CASE)
	{
	  if (!mr_state_refine (s, root, MR_CMP_GE, e->case_lo, t->is_unsigned)
	      || !mr_state_refine (s, root, MR_CMP_LE, e->case_hi, t->is_unsigned))
	    return false;
	  note_products (c, s, root);
	  return true;
	}
      if (e->kind == MR_EDGE_DEFAULT)
	{
	  /* The default edge is infeasible when the value is known to hit a case.  */
	  const mr_fact *fact = mr_state_fact (s, root);
	  if (fact && fact->lo == fact->hi)
	    for (uint32_t i = 0; i < b->nsuccs; i++)
	      {
		const mr_edge *ce = &c->f->edges[b->succs[i]];
		if (ce->kind == MR_EDGE_CASE && fact->lo >= ce->case_lo
		    && fact->lo <= ce->case_hi)
		  return false;
	      }
	}
    }
  return true;
}

/* PHIs of block `to` for its incoming edge number `k`, as one parallel assignment.  */
static void
apply_phis (mr_ctx *c, mr_state *s, const mr_block *to, uint32_t k)
{
  if (!to->nphis)
    return;
  mr_ref refs[64];
  uint32_t n = to->nphis < 64 ? to->nphis : 64;
  for (uint32_t i = 0; i < n; i++)
    refs[i] = to->phis[i].is_pointer ? mr_ref_of (c, s, to->phis[i].args[k])
				     : (mr_ref) { MR_OBJ_NONE, 0 };
  /* Integer PHIs: facts move with the values; computed before any is assigned.  */
  mr_fact facts[64];
  bool has[64];
  for (uint32_t i = 0; i < n; i++)
    {
      mr_opnd a = to->phis[i].args[k];
      has[i] = false;
      if (to->phis[i].is_pointer)
	continue;
      if (a.kind == MR_OPND_CONST)
	{
	  facts[i] = (mr_fact) { .lo = a.num, .hi = a.num };
	  has[i] = true;
	}
      else
	{
	  int64_t off;
	  uint32_t root = root_of (c, a, &off);
	  const mr_fact *f = root && off == 0 ? mr_state_fact (s, root) : NULL;
	  if (f)
	    facts[i] = *f, has[i] = true;
	}
    }
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t dst = to->phis[i].dst;
      if (to->phis[i].is_pointer)
	{
	  mr_state_forget_fact (s, dst);
	  if (refs[i].obj == MR_OBJ_NONE)
	    {
	      mr_state_unbind (s, dst);
	      mr_state_retire (s, MR_OBJ_SYM | dst);
	    }
	  else
	    mr_state_bind (s, dst, refs[i]);
	}
      else if (has[i])
	{
	  mr_state_forget_fact (s, dst);
	  if (facts[i].prod_with == dst)
	    facts[i].prod_with = 0;
	  mr_state_set_const (s, dst, 0);
	  mr_fact *f = (mr_fact *) mr_state_fact (s, dst);
	  facts[i].value = dst;
	  *f = facts[i];
	}
      else
	mr_state_forget_fact (s, dst);
    }
  for (uint32_t i = n; i < to->nphis; i++)
    {
      mr_state_unbind (s, to->phis[i].dst);
      mr_state_forget_fact (s, to->phis[i].dst);
    }
}

/* The driver.  */

typedef struct block_states
{
  mr_state **v;
  uint32_t n, cap;
} block_states;

typedef struct driver
{
  mr_ctx ctx;
  block_states *at;		/* states at each block's entry */
  uint32_t *rpo_index;		/* block -> position in reverse post-order */
  uint32_t *heap;		/* worklist: a binary min-heap of rpo positions */
  uint32_t nheap;
  bool *queued;
  uint32_t *rpo;		/* position -> block */
  const mr_event **return_ev;	/* block -> its RETURN if it only returns, else NULL */
  bool *loop_target;		/* block -> reached by a back edge */
  uint32_t max_states;		/* states kept per block: the configured number,
				   scaled for big functions, 1 once squeezed */
  uint64_t state_base;		/* mr_state_bytes_live () when the analysis began */
  uint64_t own_bytes;		/* the driver's tables: per block, per value */
  bool squeezed;		/* past half the memory cap: one state per block */
  bool halted;			/* the memory cap stopped the analysis */
} driver;

static void
heap_push (driver *d, uint32_t block)
{
  if (d->queued[block])
    return;
  d->queued[block] = true;
  uint32_t i = d->nheap++;
  d->heap[i] = d->rpo_index[block];
  while (i && d->heap[(i - 1) / 2] > d->heap[i])
    {
      uint32_t p = (i - 1) / 2, t = d->heap[p];
      d->heap[p] = d->heap[i];
      d->heap[i] = t;
      i = p;
    }
}

static uint32_t
heap_pop (driver *d)
{
  uint32_t top = d->heap[0];
  d->heap[0] = d->heap[--d->nheap];
  for (uint32_t i = 0;;)
    {
      uint32_t l = 2 * i + 1, r = l + 1, m = i;
      if (l < d->nheap && d->heap[l] < d->heap[m])
	m = l;
      if (r < d->nheap && d->heap[r] < d->heap[m])
	m = r;
      if (m == i)
	break;
      uint32_t t = d->heap[m];
      d->heap[m] = d->heap[i];
      d->heap[i] = t;
      i = m;
    }
  uint32_t block = d->rpo[top];
  d->queued[block] = false;
  return block;
}

/* Reverse post-order of the blocks reachable from the entry; unreachable blocks get
   positions after them (they are never queued).  */
static void
compute_rpo (driver *d, const mr_func *f)
{
  uint32_t n = f->nblocks;
  uint32_t *post = mr_xmalloc (n * sizeof *post);
  uint32_t *stack = mr_xmalloc (n * sizeof *stack);
  uint32_t *next_succ = mr_xcalloc (n, sizeof *next_succ);
  bool *seen = mr_xcalloc (n, sizeof *seen);
  uint32_t npost = 0, sp = 0;
  stack[sp++] = f->entry;
  seen[f->entry] = true;
  while (sp)
    {
      uint32_t b = stack[sp - 1];
      if (next_succ[b] < f->blocks[b].nsuccs)
	{
	  uint32_t s = f->edges[f->blocks[b].succs[next_succ[b]++]].dst;
	  if (!seen[s])
	    {
	      seen[s] = true;
	      stack[sp++] = s;
	    }
	}
      else
	{
	  post[npost++] = b;
	  sp--;
	}
    }
  uint32_t pos = 0;
  for (uint32_t i = npost; i-- > 0;)
    {
      d->rpo[pos] = post[i];
      d->rpo_index[post[i]] = pos++;
    }
  for (uint32_t b = 0; b < n; b++)
    if (!seen[b])
      {
	d->rpo[pos] = b;
	d->rpo_index[b] = pos++;
      }
  free (post);
  free (stack);
  free (next_succ);
  free (seen);
}

/* The memory cap.  What one function's analysis holds is counted where it is
   allocated: the states (state.c keeps a running total of their structs and
   tables) and the driver's own tables.  Past half of cfg->max_memory the states of
   every block are merged into one and each block keeps one state from then on
   (squeeze): the analysis goes on, path-insensitive, with a fraction of the
   memory.  Past cfg->max_memory it stops, as at the work budget.  */

/* Bytes the analysis holds now; records the peak.  */
static uint64_t
memory_used (driver *d)
{
  uint64_t used = mr_state_bytes_live () - d->state_base + d->own_bytes;
  if (used > d->ctx.out->memory_peak)
    d->ctx.out->memory_peak = used;
  return used;
}

/* Merges each block's states into its first one, lossily, and keeps one state per
   block from then on.  A block whose state changed runs again.  */
static void
squeeze (driver *d)
{
  d->squeezed = true;
  d->ctx.out->squeezed = true;
  d->max_states = 1;
  for (uint32_t b = 0; b < d->ctx.f->nblocks; b++)
    {
      block_states *bs = &d->at[b];
      if (bs->n < 2)
	continue;
      d->ctx.out->degraded = true;
      mr_state *first = bs->v[0];
      bool dirty = first->dirty;
      for (uint32_t i = 1; i < bs->n; i++)
	{
	  dirty |= bs->v[i]->dirty;
	  dirty |= mr_state_join_lossy (first, bs->v[i]);
	  mr_state_free (bs->v[i]);
	}
      bs->n = 1;
      first->sig = mr_state_signature (first);
      first->dirty = dirty;
      if (dirty)
	heap_push (d, b);
    }
}

/* Checks the memory cap: squeezes past half of it, halts past it.  Returns true
   if the analysis must stop.  */
static bool
over_memory (driver *d)
{
  uint64_t cap = d->ctx.cfg->max_memory;
  if (d->halted)
    return true;
  uint64_t used = memory_used (d);
  if (!cap)
    return false;
  if (used > cap / 2 && !d->squeezed)
    {
      squeeze (d);
      used = memory_used (d);
    }
  if (used <= cap)
    return false;
  d->halted = true;
  d->ctx.out->stopped = true;
  d->ctx.out->stopped_memory = true;
  return true;
}

/* Merges t into the states at block b (taking ownership of t).  Returns true if the
   block has new work.  */
static bool
add_state (driver *d, uint32_t b, mr_state *t)
{
  block_states *bs = &d->at[b];
  t->sig = mr_state_signature (t);
  for (uint32_t i = 0; i < bs->n; i++)
    if (bs->v[i]->sig == t->sig && mr_state_same_typestates (bs->v[i], t))
      {
	bool changed = mr_state_join (bs->v[i], t);
	mr_state_free (t);
	if (changed)
	  bs->v[i]->dirty = true;
	return changed;
      }
  if (bs->n < d->max_states)
    {
      t->dirty = true;
      uint32_t cap = bs->cap;
      MR_VEC_PUSH (bs->v, bs->n, bs->cap);
      d->own_bytes += (uint64_t) (bs->cap - cap) * sizeof *bs->v;
      bs->v[bs->n - 1] = t;
      return true;
    }
  /* Over budget: merge into the last state, losing path sensitivity here.  */
  d->ctx.out->degraded = true;
  mr_state *last = bs->v[bs->n - 1];
  bool changed = mr_state_join_lossy (last, t);
  last->sig = mr_state_signature (last);
  mr_state_free (t);
  if (changed)
    last->dirty = true;
  return changed;
}

static uint32_t pred_index (const mr_func *f, uint32_t edge);

/* State t arrives at the destination of edge e: its PHIs, the checks of a path that
   returns, then the merge.  */
static void
enter_block (driver *d, const mr_edge *e, mr_state *t)
{
  mr_ctx *c = &d->ctx;
  const mr_func *f = c->f;
  uint32_t edge = (uint32_t) (e - f->edges);
  if (d->halted)
    {
      mr_state_free (t);
      return;
    }
  apply_phis (c, t, &f->blocks[e->dst], pred_index (f, edge));
  if (d->return_ev[e->dst])
    {
      summarize_returned_param (c, t, d->return_ev[e->dst]);
      MR_FIRE (c, MR_HOOK_AT_RETURN, at_return, c, t, d->return_ev[e->dst], &e->loc);
    }
  if (add_state (d, e->dst, t))
    heap_push (d, e->dst);
  over_memory (d);
}

void
mr_path_returns (mr_ctx *c, mr_state *s, const mr_event *ret)
{
  summarize_return (c, s, ret);
  /* A shared return block's were judged on each edge into it (enter_block).  */
  if (!c->return_block_ev || c->return_block_ev != ret)
    {
      summarize_returned_param (c, s, ret);
      MR_FIRE (c, MR_HOOK_AT_RETURN, at_return, c, s, ret, NULL);
    }
}

/* Index of edge e among the preds of its destination.  */
static uint32_t
pred_index (const mr_func *f, uint32_t edge)
{
  const mr_block *to = &f->blocks[f->edges[edge].dst];
  for (uint32_t k = 0; k < to->npreds; k++)
    if (to->preds[k] == edge)
      return k;
  return 0;
}

static void
process_block (driver *d, uint32_t b)
{
  mr_ctx *c = &d->ctx;
  const mr_func *f = c->f;
  const mr_block *blk = &f->blocks[b];
  block_states *bs = &d->at[b];
  mr_state_list run = { 0 };
  c->return_block_ev = d->return_ev[b];
  for (uint32_t i = 0; i < bs->n; i++)
    if (bs->v[i]->dirty)
      {
	bs->v[i]->dirty = false;
	mr_state_list_push (&run, mr_state_copy (bs->v[i]));
      }
  for (uint32_t i = 0; i < run.n; i++)
    c->out->work += mr_state_size (run.v[i]) + blk->nevents + 1;
  /* Events, with splits appended to the running list.  */
  for (uint32_t k = 0; k < blk->nevents && !over_memory (d); k++)
    {
      uint32_t n = run.n;
      for (uint32_t i = 0; i < n; i++)
	if (!run.v[i]->dead)
	  mr_apply_event (c, run.v[i], &blk->events[k], &run);
    }
  /* Successors.  Past the memory cap (checked as each state arrives) the rest of
     the states are dropped.  */
  for (uint32_t i = 0; i < run.n; i++)
    {
      if (run.v[i]->dead || over_memory (d))
	{
	  mr_state_free (run.v[i]);
	  continue;
	}
      for (uint32_t k = 0; k < blk->nsuccs && !d->halted; k++)
	{
	  uint32_t edge = blk->succs[k];
	  const mr_edge *e = &f->edges[edge];
	  /* The last successor takes the state itself instead of a copy.  */
	  mr_state *t = k + 1 == blk->nsuccs ? run.v[i] : mr_state_copy (run.v[i]);
	  if (k + 1 == blk->nsuccs)
	    run.v[i] = NULL;
	  mr_state *extra;
	  bool feasible = refine_edge (c, t, blk, e, &extra);
	  if (extra)
	    enter_block (d, e, extra);
	  if (!feasible)
	    {
	      mr_state_free (t);
	      continue;
	    }
	  enter_block (d, e, t);
	}
      mr_state_free (run.v[i]);
    }
  free (run.v);
}

/* Blocks that do nothing but return (after copies), reached by several paths: at
   -O0 every `return x;` jumps to one such block.  A leak is judged on each edge into
   it, where the path's own `return` statement is, instead of at the shared one.  */
static void
find_return_blocks (driver *d, const mr_func *f)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    {
      const mr_block *blk = &f->blocks[b];
      if (!blk->npreds || b == f->entry)
	continue;
      for (uint32_t i = 0; i < blk->nevents; i++)
	{
	  mr_event_kind k = blk->events[i].kind;
	  if (k == MR_EV_RETURN)
	    {
	      d->return_ev[b] = &blk->events[i];
	      break;
	    }
	  if (k != MR_EV_COPY)
	    break;
	}
    }
  /* Blocks with nothing in them (a scope's end: only clobbers) that lead straight
     to a return block are part of it: the path's own return is before them.  */
  for (bool grew = true; grew;)
    {
      grew = false;
      for (uint32_t b = 0; b < f->nblocks; b++)
	{
	  const mr_block *blk = &f->blocks[b];
	  if (d->return_ev[b] || b == f->entry || blk->nevents || blk->nsuccs != 1
	      || blk->term.kind != MR_TERM_NONE)
	    continue;
	  uint32_t next = f->edges[blk->succs[0]].dst;
	  if (d->return_ev[next] && f->blocks[next].nphis == 0)
	    {
	      d->return_ev[b] = d->return_ev[next];
	      grew = true;
	    }
	}
    }
}

/* True if the function contains anything the enabled rules look at, or returns
   what may be a parameter (its summary's returns_param).  */
static bool
worth_analysing (const mr_func *f)
{
  bool returns_pointer = false;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nevents; i++)
      {
	const mr_event *e = &f->blocks[b].events[i];
	if (e->kind == MR_EV_FREE || e->kind == MR_EV_REALLOC || e->kind == MR_EV_ALLOC
	    || (e->kind == MR_EV_CALL && e->size))
	  return true;
	returns_pointer |= e->kind == MR_EV_RETURN && e->a.kind == MR_OPND_VALUE;
      }
  return returns_pointer && some_return_may_be_param (f);
}

static int
finding_order (const void *a, const void *b)
{
  const mr_finding *x = a, *y = b;
  if (x->ev->id != y->ev->id)
    return x->ev->id < y->ev->id ? -1 : 1;
  return (int) x->rule - (int) y->rule;
}

bool
mr_summary_same (const mr_summary *a, const mr_summary *b)
{
  if (a->valid != b->valid || a->frees_always != b->frees_always
      || a->frees_maybe != b->frees_maybe || a->free_family != b->free_family
      || a->derefs != b->derefs || a->returns_alloc != b->returns_alloc
      || a->alloc_family != b->alloc_family || a->may_return_null != b->may_return_null
      || a->reallocs_param != b->reallocs_param || a->no_clobber != b->no_clobber
      || a->returns_param != b->returns_param || a->returns_param_off != b->returns_param_off
      || a->nfield_frees != b->nfield_frees || a->nfield_stores != b->nfield_stores
      || a->stores_through != b->stores_through || a->stores_wild != b->stores_wild)
    return false;
  for (uint32_t i = 0; i < a->nfield_stores; i++)
    if (a->field_stores[i].dst_param != b->field_stores[i].dst_param
	|| a->field_stores[i].src_param != b->field_stores[i].src_param
	|| a->field_stores[i].off != b->field_stores[i].off)
      return false;
  for (uint32_t i = 0; i < a->nfield_frees; i++)
    if (a->field_frees[i].param != b->field_frees[i].param
	|| a->field_frees[i].off != b->field_frees[i].off
	|| a->field_frees[i].family != b->field_frees[i].family)
      return false;
  return true;
}

void
mr_analyze (mr_func *f, const mr_config *cfg_in, mr_result *out)
{
  memset (&out->summary, 0, sizeof out->summary);
  out->summary.reallocs_param = -1;
  out->summary.returns_param = -1;
  mr_config cfg_copy = *cfg_in;
  if (cfg_copy.max_states_per_block < 1)
    cfg_copy.max_states_per_block = 1;
  /* Huge functions (a 1000-block option parser) keep fewer states per block: the
     states kept are the memory and the time, and a big function's paths would
     exceed the budget long before they were told apart.  */
  if (f->nblocks > MR_BIG_FUNCTION)
    {
      uint64_t scaled = (uint64_t) cfg_copy.max_states_per_block * MR_BIG_FUNCTION / f->nblocks;
      cfg_copy.max_states_per_block = scaled < 2 ? 2 : (uint32_t) scaled;
    }
  const mr_config *cfg = &cfg_copy;
  if (!f->nblocks)
    return;
  mr_func_resolve (f);
  out->summary.derefs = deref_params (f);
  summarize_stores (f, &out->summary);
  find_field_stores (f, &out->summary);
  if (!worth_analysing (f))
    {
      out->summary.valid = true;	/* frees nothing, allocates nothing */
      mr_ctx quick = { .f = f, .cfg = cfg_in, .out = out };
      out->summary.no_clobber = events_keep_callers_memory (&quick);
      return;
    }
  uint32_t first = out->nfindings;
  driver d = { .ctx = { f, cfg, out, NULL } };
  uint32_t n = f->nblocks;
  d.at = mr_xcalloc (n, sizeof *d.at);
  d.rpo_index = mr_xcalloc (n, sizeof *d.rpo_index);
  d.rpo = mr_xcalloc (n, sizeof *d.rpo);
  d.heap = mr_xcalloc (n, sizeof *d.heap);
  d.queued = mr_xcalloc (n, sizeof *d.queued);
  d.return_ev = mr_xcalloc (n, sizeof *d.return_ev);
  d.loop_target = mr_xcalloc (n, sizeof *d.loop_target);
  compute_rpo (&d, f);
  find_return_blocks (&d, f);
  for (uint32_t e = 0; e < f->nedges; e++)
    if (d.rpo_index[f->edges[e].src] >= d.rpo_index[f->edges[e].dst])
      d.loop_target[f->edges[e].dst] = true;

  find_param_loads (&d.ctx);
  find_products (&d.ctx);
  find_conversions (&d.ctx);
  d.ctx.is_param = mr_xcalloc (f->nvalues ? f->nvalues : 1, 1);
  mr_rules_plan (&d.ctx.rules, cfg);
  d.max_states = cfg->max_states_per_block;
  d.state_base = mr_state_bytes_live ();
  d.own_bytes = (uint64_t) n * (sizeof *d.at + sizeof *d.rpo_index + sizeof *d.rpo
				+ sizeof *d.heap + sizeof *d.queued + sizeof *d.return_ev
				+ sizeof *d.loop_target)
		+ f->nvalues;
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (f->params[i] && f->params[i] < f->nvalues)
      d.ctx.is_param[f->params[i]] = 1;
  add_state (&d, f->entry, mr_state_new ());
  heap_push (&d, f->entry);
  uint64_t start = out->work;
  while (d.nheap)
    {
      if (out->work - start >= cfg->max_work)
	{
	  out->stopped = true;
	  break;
	}
      if (over_memory (&d))
	break;
      uint32_t b = heap_pop (&d);
      process_block (&d, b);
      /* A block no back edge reaches has seen all its predecessors (they come first
	 in reverse post-order): its states are not needed again.  Freeing them keeps
	 the memory to the blocks of the loop being iterated.  */
      if (!d.loop_target[b])
	{
	  for (uint32_t i = 0; i < d.at[b].n; i++)
	    mr_state_free (d.at[b].v[i]);
	  d.at[b].n = 0;
	}
    }

  for (uint32_t b = 0; b < n; b++)
    {
      for (uint32_t i = 0; i < d.at[b].n; i++)
	mr_state_free (d.at[b].v[i]);
      free (d.at[b].v);
    }
  free (d.at);
  free (d.rpo_index);
  free (d.rpo);
  free (d.heap);
  free (d.queued);
  free (d.return_ev);
  free (d.loop_target);
  free (d.ctx.is_param);
  finish_summary (&d.ctx);
  free (d.ctx.convs);
  out->summary.valid = !out->stopped;
  if (out->summary.other_return)
    out->summary.returns_alloc = false;
  /* NULL on every path is not a deallocator: freed on one at least.  */
  out->summary.frees_always &= out->summary.frees_maybe;
  if (out->nfindings > first)
    qsort (out->findings + first, out->nfindings - first, sizeof *out->findings,
	   finding_order);
}
