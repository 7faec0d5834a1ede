/* summarize.c — a function's summary for its callers (mr_summary, engine.h).

   At each return, what happened to the parameters' objects and what is returned;
   joined over every path that returns.  The driver (engine.c) runs the event scans
   here once per function (mr_param_uses, mr_summarize_stores,
   mr_find_field_stores, mr_find_param_loads), calls mr_summarize_return and
   mr_summarize_returned_param at each RETURN of its walk, and mr_finish_summary
   after the last one.  */

#include "engine-int.h"
#include "summarize-out.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static bool keeps_place (const mr_func *f, uint8_t **fresh_out, int param, int64_t off);
static const uint8_t *fresh_values (const mr_func *f, uint8_t **fresh_out);

/* Is operand o (a pointer) a local of the function, or nothing to the caller?  */
static bool
local_target (const mr_func *f, mr_opnd o)
{
  if (o.kind == MR_OPND_ADDR)
    return o.id < f->ndecls && f->decls[o.id].kind != MR_DECL_STATIC;
  return false;
}

int
mr_param_of (const mr_func *f, mr_opnd o, int64_t *off)
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
  return mr_param_of (f, o, &off) >= 0;
}

/* The summary parameter whose object operand o points into, *off bytes in: a
   parameter (mr_param_of), or a pointer static of the unit the function reads
   (mr_decl.param: MR_PARAM_STATIC + j, its address an ADDR operand); -1 if none.  */
static int
place_param (const mr_func *f, mr_opnd o, int64_t *off)
{
  if (o.kind == MR_OPND_ADDR && o.id < f->ndecls && f->decls[o.id].param)
    {
      *off = o.num;
      return MR_PARAM_STATIC + f->decls[o.id].param - 1;
    }
  return mr_param_of (f, o, off);
}

/* Is e a read of a static the summary names (mr_decl.param)?  */
static bool
reads_named_static (const mr_func *f, const mr_event *e)
{
  return e->kind == MR_EV_LOAD && e->a.kind == MR_OPND_ADDR && e->a.id < f->ndecls
	 && f->decls[e->a.id].param;
}

/* Does every read of a static the summary names come before any call that may
   change it: one that may write its caller's memory (so may call back into the
   unit), calls that never return aside?  What the function reads from a static
   (a place param >= MR_PARAM_STATIC) is then what its caller left there: `p =
   stash; show (p); free (p);` frees the caller's pointer whatever show does.
   One walk of the blocks a clobbering call reaches.  */
static bool
calls_keep_statics (const mr_func *f)
{
  uint8_t *reached = NULL;
  uint32_t *work = NULL, nwork = 0;
  bool keep = true;
  for (uint32_t b = 0; b < f->nblocks && keep; b++)
    {
      bool called = false;
      for (uint32_t k = 0; k < f->blocks[b].nevents && keep; k++)
	{
	  const mr_event *e = &f->blocks[b].events[k];
	  if (e->kind == MR_EV_CALL
	      && (!e->call || (!(e->flags & MR_EVF_NO_CLOBBER) && !e->call->noreturn)))
	    called = true;
	  else if (called && reads_named_static (f, e))
	    keep = false;
	}
      if (!called)
	continue;
      if (!reached)
	{
	  reached = mr_xcalloc (f->nblocks, 1);
	  work = mr_xcalloc (f->nblocks, sizeof *work);
	}
      for (uint32_t i = 0; i < f->blocks[b].nsuccs; i++)
	{
	  uint32_t d = f->edges[f->blocks[b].succs[i]].dst;
	  if (!reached[d])
	    reached[d] = 1, work[nwork++] = d;
	}
    }
  while (nwork && keep)
    {
      const mr_block *blk = &f->blocks[work[--nwork]];
      for (uint32_t k = 0; k < blk->nevents && keep; k++)
	keep = !reads_named_static (f, &blk->events[k]);
      for (uint32_t i = 0; i < blk->nsuccs; i++)
	{
	  uint32_t d = f->edges[blk->succs[i]].dst;
	  if (!reached[d])
	    reached[d] = 1, work[nwork++] = d;
	}
    }
  free (reached);
  free (work);
  return keep;
}

/* The summary field a value was loaded from (c->param_loads, sorted by value by
   mr_find_param_loads), or -1.  */
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

#define WALK_PHIS 8
static bool walks_from (const mr_func *f, uint32_t v, uint32_t param, uint32_t *seen,
			uint32_t *nseen, bool *moved);

/* A free of root + at, root a PHI that may walk from the pointer start (a
   parameter, a field loaded from a parameter's object): MR_OFF_POSITIVE when it
   may have advanced past it (walks_from), `at` when it is only a copy of it,
   MR_OFF_UNKNOWN otherwise.  */
static int64_t
walked_free_offset (const mr_func *f, uint32_t root, uint32_t start, int64_t at)
{
  uint32_t seen[WALK_PHIS], nseen = 0;
  bool moved = false;
  if (at < 0 || !walks_from (f, root, start, seen, &nseen, &moved))
    return MR_OFF_UNKNOWN;
  return moved ? MR_OFF_POSITIVE : at;
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
	      int64_t at;
	      ff->freed = true;
	      ff->family = o->family;
	      ff->loc = o->ev->loc;
	      uint32_t root = mr_opnd_root (c->f, o->ev->a, &at);
	      ff->freed_at = root ? at : 0;
	      /* A walk from the loaded pointer (`while (*p) p++; free (p);`).  */
	      if (root && root != pl->value
		  && walked_free_offset (c->f, root, pl->value, at) == MR_OFF_POSITIVE)
		ff->freed_at = MR_OFF_POSITIVE;
	    }
	}
    }
  for (uint32_t i = 0; i < sum->nfield_frees; i++)
    {
      /* Every element of a container, by every walk (summarize-elements.c).  */
      if (i < 32 && (c->walked_fields & (1u << i)))
	sat[i] = true;
      /* A parameter NULL on this path has no fields loaded: vacuously freed.  */
      if (sum->field_frees[i].param < 32
	  && (null_params & (1u << sum->field_frees[i].param)))
	sat[i] = true;
      c->field_ok[i] = c->field_ok[i] && sat[i];
    }
}

/* The integer static the function's frees may depend on (mr_summary.flag_param):
   the first one it reads that its summary names as a parameter (mr_decl.param), if
   it never writes it and no call it makes may (one that may call back into the
   unit): every read is then of the caller's value.  Its decl, or UINT32_MAX.  */
static uint32_t
find_flag (const mr_func *f)
{
  uint32_t flag = UINT32_MAX;
  for (uint32_t b = 0; b < f->nblocks && flag == UINT32_MAX; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents && flag == UINT32_MAX; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	/* (At offset 0: a struct static is a parameter for its pointer fields.)  */
	if (e->kind == MR_EV_LOAD && !(e->flags & MR_EVF_POINTER) && e->off == 0
	    && e->a.kind == MR_OPND_ADDR && e->a.num == 0 && e->a.id < f->ndecls
	    && f->decls[e->a.id].param)
	  flag = e->a.id;
      }
  /* Never written by the function.  */
  for (uint32_t b = 0; flag != UINT32_MAX && b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind == MR_EV_STORE && e->a.kind == MR_OPND_ADDR && e->a.id == flag)
	  return UINT32_MAX;
      }
  return flag != UINT32_MAX && calls_keep_statics (f) ? flag : UINT32_MAX;
}

/* find_flag's answer, asked once per function: for the dereferences under the
   flag (find_derefs_first) and then for the frees (mr_find_param_loads); kept
   in sum->flag_found.  */
static uint32_t
flag_of (const mr_func *f, mr_summary *sum)
{
  if (!sum->flag_found)
    {
      uint32_t flag = find_flag (f);
      sum->flag_found = flag == UINT32_MAX ? UINT32_MAX : flag + 1;
    }
  return sum->flag_found == UINT32_MAX ? UINT32_MAX : sum->flag_found - 1;
}

/* The integer parameter the function's frees may depend on when no static does
   (mr_summary.flag_param 1 + i: `void release (char *p, int owned) { if (owned)
   free (p); }`): the first one a branch compares with a constant.  An SSA
   parameter is never assigned, so every test is of the caller's value.  Its
   index, or -1.  */
static int
find_scalar_flag (const mr_func *f)
{
  /* A truth test (`if (owned)`, `== 0`) first, then any comparison: `if (n < 0)
     return;` before `if (owned) free (p);` is not the flag.  */
  for (uint32_t k = 0; k < 2 * f->nblocks; k++)
    {
      const mr_term *t = &f->blocks[k % f->nblocks].term;
      bool truth = (t->op == MR_CMP_EQ || t->op == MR_CMP_NE) && t->rhs.num == 0;
      if (t->kind != MR_TERM_COND || t->lhs.kind != MR_OPND_VALUE
	  || t->rhs.kind != MR_OPND_CONST || (k < f->nblocks && !truth))
	continue;
      int64_t off;
      uint32_t root = mr_func_root (f, t->lhs.id, &off);
      for (uint32_t i = 0; root && off == 0 && i < f->nparams && i < 32; i++)
	if (f->scalar_params[i] == root)
	  return (int) i;
    }
  return -1;
}

/* The flag's decl of the summary's flag_param, or UINT32_MAX.  */
static uint32_t
flag_decl (const mr_func *f, const mr_summary *sum)
{
  for (uint32_t d = 0; sum->flag_param && d < f->ndecls; d++)
    if (f->decls[d].param && MR_PARAM_STATIC + f->decls[d].param - 1 == sum->flag_param)
      return d;
  return UINT32_MAX;
}

/* At a return: is the flag known nonzero (1), zero (0) or not known (-1) on the
   path?  The caller's value is the one the function read first: the static's
   slot keeps it (SYM|value, transfer.c's integer reads), with what the branches
   learnt of it; a parameter's (decl UINT32_MAX, flag_param 1 + i) is its SSA
   value's.  */
static int
flag_at_return (mr_ctx *c, const mr_state *s, uint32_t decl)
{
  uint8_t fp = c->out->summary.flag_param;
  if (decl == UINT32_MAX)
    {
      const mr_fact *fact = fp >= 1 && fp <= 32 && c->f->scalar_params[fp - 1]
			    ? mr_state_fact (s, c->f->scalar_params[fp - 1]) : NULL;
      return !fact ? -1 : mr_fact_zero (fact) ? 0 : mr_fact_nonzero (fact) ? 1 : -1;
    }
  mr_ref at = mr_ref_of (c, s, mr_addr (decl, 0)), content;
  if (!mr_is_object (at.obj) || !mr_state_load (s, at, &content)
      || (content.obj & MR_OBJ_KIND_MASK) != MR_OBJ_SYM)
    return -1;
  const mr_fact *fact = mr_state_fact (s, MR_OBJ_INDEX (content.obj));
  if (!fact)
    return -1;
  return mr_fact_zero (fact) ? 0 : mr_fact_nonzero (fact) ? 1 : -1;
}

/* The parameters freed on this path that returns (or NULL: `delete p` tests it),
   by the flag's value on the path (mr_summary.frees_if_set, frees_if_clear).
   Judged where mr_summarize_returned_param is, on each path into a shared return
   block before their states merge: `if (flag) { if (p) free (p); }` joins the
   path with p NULL to the one with the flag clear, which frees nothing either.  */
static void
summarize_flag_frees (mr_ctx *c, const mr_state *s)
{
  mr_summary *sum = &c->out->summary;
  uint32_t decl = flag_decl (c->f, sum);
  if (decl == UINT32_MAX && !(sum->flag_param >= 1 && sum->flag_param <= 32))
    return;
  uint32_t freed = 0;
  for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
    {
      mr_ref r = c->f->params[i] ? mr_state_lookup (s, c->f->params[i])
				 : (mr_ref) { MR_OBJ_NONE, 0 };
      const mr_objst *o = mr_is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
      if (r.obj == MR_OBJ_NULL
	  || (o && o->ts == MR_TS_FREED && o->ev && o->ev->kind == MR_EV_FREE))
	freed |= 1u << i;
    }
  int set = flag_at_return (c, s, decl);
  uint8_t kind = set == 1 ? 1 : set == 0 ? 2 : 4;
  uint32_t *mask = set == 1 ? &sum->frees_if_set : set == 0 ? &sum->frees_if_clear : NULL;
  if (mask)
    *mask = (sum->flag_paths & kind) ? *mask & freed : freed;
  sum->flag_paths |= kind;
}

static int
param_load_order (const void *a, const void *b)
{
  uint32_t x = ((const mr_param_load *) a)->value, y = ((const mr_param_load *) b)->value;
  return x < y ? -1 : x > y;
}

/* The pointers loaded from *(param + constant) in f: the candidates for the
   summary's field frees (at most MR_SUMMARY_FIELDS distinct fields).  */
void
mr_find_param_loads (mr_ctx *c)
{
  mr_func *f = c->f;
  mr_summary *sum = &c->out->summary;
  uint32_t cap = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_LOAD || !e->dst || !(e->flags & MR_EVF_POINTER)
	    || (e->a.kind != MR_OPND_VALUE && e->a.kind != MR_OPND_ADDR))
	  continue;
	int64_t off;
	int param = place_param (f, e->a, &off);
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
  mr_find_walked_fields (c);
  uint32_t flag = flag_of (f, sum);
  int scalar = flag == UINT32_MAX ? find_scalar_flag (f) : -1;
  if (flag != UINT32_MAX)
    sum->flag_param = (uint8_t) (MR_PARAM_STATIC + f->decls[flag].param - 1);
  else if (scalar >= 0)
    sum->flag_param = (uint8_t) (1 + scalar);
  mr_find_out_stores (c);
}

/* The field store event e makes, as a summary entry: a parameter stored at a
   constant offset into another parameter's object.  */
static bool
as_field_store (const mr_func *f, const mr_event *e, mr_field_store *out)
{
  if (e->kind != MR_EV_STORE || !(e->flags & MR_EVF_POINTER))
    return false;
  int64_t base_off, src_off;
  int dst = mr_param_of (f, e->a, &base_off);
  int src = mr_param_of (f, e->b, &src_off);
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

/* Is edge e out of blk taken only where the value `param` is NULL (`if (!p)
   return;`)?  */
static bool
null_edge (const mr_func *f, const mr_block *blk, const mr_edge *e, uint32_t param)
{
  const mr_term *t = &blk->term;
  if (t->kind != MR_TERM_COND || t->combine != MR_COMBINE_NONE
      || t->lhs.kind != MR_OPND_VALUE || t->rhs.kind != MR_OPND_CONST || t->rhs.num != 0)
    return false;
  int64_t off;
  if (mr_func_root (f, t->lhs.id, &off) != param || off != 0)
    return false;
  return (t->op == MR_CMP_EQ && e->kind == MR_EDGE_TRUE)
	 || (t->op == MR_CMP_NE && e->kind == MR_EDGE_FALSE);
}

/* Does every path from the entry to a return go through block `through`, but
   those where the parameter value `param` is NULL?  A walk of the blocks that
   does not enter it.  */
static bool
on_every_path (const mr_func *f, uint32_t through, uint32_t param)
{
  bool *seen = calloc (f->nblocks, sizeof *seen);
  uint32_t *stack = malloc (f->nblocks * sizeof *stack);
  bool ok = seen && stack && f->entry != through;
  uint32_t n = 0;
  if (ok)
    {
      stack[n++] = f->entry;
      seen[f->entry] = true;
    }
  while (ok && n)
    {
      const mr_block *blk = &f->blocks[stack[--n]];
      for (uint32_t k = 0; k < blk->nevents && ok; k++)
	ok = blk->events[k].kind != MR_EV_RETURN;
      for (uint32_t i = 0; i < blk->nsuccs && ok; i++)
	{
	  const mr_edge *e = &f->edges[blk->succs[i]];
	  if (e->kind == MR_EDGE_NEVER || e->dst == through || seen[e->dst]
	      || null_edge (f, blk, e, param))
	    continue;
	  seen[e->dst] = true;
	  stack[n++] = e->dst;
	}
    }
  free (seen);
  free (stack);
  return ok;
}

/* A call of a function of the unit that calls the function its argument k holds
   with its argument j (mr_call.relay), both parameters of f, not freed by it:
   f calls its parameter with its parameter too (`wrapper (p, rel) { destroy (p,
   rel); }`), on every path the call is.  */
static bool
relays_param_call (const mr_func *f, uint32_t b, const mr_call *call, mr_summary *sum)
{
  int64_t koff, joff;
  uint32_t k = call->relay - 1u, j = call->relay_arg;
  if (!call->relay || k >= call->nargs || j >= call->nargs)
    return false;
  int pk = mr_param_of (f, call->args[k], &koff), pj = mr_param_of (f, call->args[j], &joff);
  if (pk < 0 || pj < 0 || koff || joff || pk == pj || !on_every_path (f, b, f->params[pj]))
    return false;
  sum->calls_param = (uint8_t) (pk + 1);
  sum->calls_param_arg = (uint8_t) pj;
  sum->calls_param_pos = call->relay_pos;
  return true;
}

/* A function that calls a function its caller gives it on another of its
   parameters, on every path (`void destroy (void *p, void (*rel) (void *)) {
   rel (p); }`), itself or through a function of the unit that does (`wrapper
   (p, rel) { destroy (p, rel); }`): mr_summary.calls_param, so that `destroy (p,
   free)` and `wrapper (p, free)` free p in the caller.  The first such call
   found.  */
static void
find_param_calls (const mr_func *f, mr_summary *sum)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind == MR_EV_CALL && e->call && relays_param_call (f, b, e->call, sum))
	  return;
	if (e->kind != MR_EV_CALL || !e->call || !e->call->callee_param
	    || e->call->callee_param > f->nparams)
	  continue;
	for (uint32_t i = 0; i < e->call->nargs && i < 32; i++)
	  {
	    int64_t off;
	    int j = mr_param_of (f, e->call->args[i], &off);
	    if (j < 0 || off != 0 || j + 1 == e->call->callee_param
		|| !on_every_path (f, b, f->params[j]))
	      continue;
	    sum->calls_param = e->call->callee_param;
	    sum->calls_param_arg = (uint8_t) j;
	    sum->calls_param_pos = (uint8_t) i;
	    return;
	  }
      }
}

/* A pointer loaded from a parameter's object on the straight line of blocks
   (find_field_derefs).  */
typedef struct field_load
{
  uint32_t value;
  uint8_t param;
  int64_t off;
} field_load;

/* Value a (an operand) is read or written through: if it was loaded from a
   parameter's object, a place the function never writes, that place is a field
   deref.  */
static void
note_field_deref (const mr_func *f, mr_summary *sum, uint8_t **fresh,
		  const field_load *loads, uint32_t nloads, mr_opnd a)
{
  if (a.kind != MR_OPND_VALUE)
    return;
  int64_t off;
  uint32_t root = mr_func_root (f, a.id, &off);
  for (uint32_t i = 0; i < nloads; i++)
    {
      if (loads[i].value != root)
	continue;
      bool known = false;
      for (uint32_t d = 0; d < sum->nfield_derefs; d++)
	known |= sum->field_derefs[d].param == loads[i].param
		 && sum->field_derefs[d].off == loads[i].off;
      if (!known && sum->nfield_derefs < MR_SUMMARY_DEREFS
	  && keeps_place (f, fresh, loads[i].param, loads[i].off))
	sum->field_derefs[sum->nfield_derefs++]
	  = (mr_field_deref) { loads[i].param, loads[i].off };
      return;
    }
}


/* The block after b on the straight line from the entry (its one successor, which
   has no other predecessor), or UINT32_MAX where the line ends.  */
static uint32_t
next_on_line (const mr_func *f, uint32_t b)
{
  const mr_block *blk = &f->blocks[b];
  if (blk->nsuccs != 1)
    return UINT32_MAX;
  uint32_t next = f->edges[blk->succs[0]].dst;
  return next == b || f->blocks[next].npreds != 1 ? UINT32_MAX : next;
}

/* The pointers the function loads from *(param + off), a place it never writes,
   and reads or writes through on the straight line of blocks from its entry
   (mr_summary.field_derefs): a getter's `return data_[0];`, or hands to a call
   that reads through it or may use it (`strlen (b.ptr)`, `strlen (bp->ptr)`: a
   call that may write the caller's memory leaves no place kept, keeps_place).
   Only its own accesses and calls count (a summarized access checks nothing),
   and only up to a call that never returns.  From the
   events alone: a value used on the line is defined on it (its definition
   dominates the use, and the line's blocks are dominated only by the line), so
   the loads seen on the way are all it needs.  */
static void
find_field_derefs (const mr_func *f, mr_summary *sum)
{
  enum { LOADS = 16 };
  field_load loads[LOADS];
  uint32_t nloads = 0;
  uint8_t *fresh = NULL;
  uint32_t b = f->entry;
  for (uint32_t steps = 0; steps < f->nblocks; steps++)
    {
      const mr_block *blk = &f->blocks[b];
      for (uint32_t k = 0; k < blk->nevents; k++)
	{
	  const mr_event *e = &blk->events[k];
	  if (e->kind == MR_EV_CALL && e->call && e->call->noreturn)
	    goto done;
	  if (e->kind == MR_EV_CALL && e->call && !(e->flags & MR_EVF_SUMMARIZED))
	    {
	      uint32_t used = e->call->deref_mask | e->call->use_mask;
	      for (uint32_t i = 0; i < e->call->nargs && i < 32; i++)
		if (used & (1u << i))
		  note_field_deref (f, sum, &fresh, loads, nloads, e->call->args[i]);
	      continue;
	    }
	  if ((e->kind != MR_EV_DEREF && e->kind != MR_EV_LOAD && e->kind != MR_EV_STORE)
	      || (e->flags & MR_EVF_SUMMARIZED)
	      || (e->a.kind != MR_OPND_VALUE && e->a.kind != MR_OPND_ADDR))
	    continue;
	  note_field_deref (f, sum, &fresh, loads, nloads, e->a);
	  /* A pointer loaded from a parameter's object (or a static the summary
	     names as one) at a known offset.  */
	  int64_t off;
	  int param = place_param (f, e->a, &off);
	  off = mr_off_add (off, e->off);
	  if (e->kind == MR_EV_LOAD && (e->flags & MR_EVF_POINTER) && e->dst && param >= 0
	      && (param < 32 || param >= MR_PARAM_STATIC)
	      && off != MR_OFF_UNKNOWN && off != MR_OFF_POSITIVE && nloads < LOADS)
	    {
	      loads[nloads].value = e->dst;
	      loads[nloads].param = (uint8_t) param;
	      loads[nloads++].off = off;
	    }
	}
      if ((b = next_on_line (f, b)) == UINT32_MAX)
	break;
    }
done:
  free (fresh);
}

/* The field stores every path makes: those on the straight line of blocks from the
   entry, and only if no other store writes the same field.  (And the calls of a
   parameter every path makes, find_param_calls.)  */
void
mr_find_field_stores (const mr_func *f, mr_summary *sum)
{
  find_field_derefs (f, sum);
  find_param_calls (f, sum);
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
      if ((b = next_on_line (f, b)) == UINT32_MAX)
	break;
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
	int dst = mr_param_of (f, e->a, &base_off);
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

/* Closes a set of values (by root) over the pointer PHIs: a PHI one of whose
   arguments is in the set joins it, until nothing grows.  param_values and the
   out-stores' allocation values (summarize-out.c) both need it.  */
void
mr_close_over_phis (const mr_func *f, uint8_t *may)
{
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
		    may[phi->dst] = 1;
		    grew = true;
		    break;
		  }
	      }
	  }
    }
}

/* Which values may be a parameter (plus an offset): its copies, and PHIs with such
   an argument (`return c ? p : q;`, `while (*p) p++; return p;`), by value root.
   A fixpoint over the PHIs; the caller frees the array.  */
static uint8_t *
param_values (const mr_func *f)
{
  uint8_t *may = mr_xcalloc (f->nvalues ? f->nvalues : 1, sizeof *may);
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (f->params[i] && f->params[i] < f->nvalues)
      may[f->params[i]] = 1;
  mr_close_over_phis (f, may);
  return may;
}

/* May some return give back a parameter, directly or through a PHI (per
   param_values)?  */
bool
mr_some_return_may_be_param (const mr_func *f)
{
  uint8_t *may = param_values (f);
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
bool
mr_events_keep_callers_memory (const mr_ctx *c)
{
  const mr_func *f = c->f;
  bool phi_returns = false;
  /* The aggregate the function returns by value (`return &<retval>` after stores
     into it): a pointer stored there goes to the caller, as a returned one does.  */
  uint32_t result_decl = UINT32_MAX;
  for (uint32_t b = 0; b < f->nblocks && result_decl == UINT32_MAX; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      if (f->blocks[b].events[k].kind == MR_EV_RETURN
	  && f->blocks[b].events[k].a.kind == MR_OPND_ADDR)
	{
	  result_decl = f->blocks[b].events[k].a.id;
	  break;
	}
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	switch (e->kind)
	  {
	  case MR_EV_STORE:
	    if (e->a.kind == MR_OPND_ADDR && e->a.id == result_decl
		&& (e->flags & (MR_EVF_POINTER | MR_EVF_AGGREGATE))
		&& e->b.kind != MR_OPND_CONST)
	      return false;
	    if (local_target (f, e->a) || is_summarized_store (f, &c->out->summary, e))
	      break;
	    if ((e->flags & (MR_EVF_POINTER | MR_EVF_AGGREGATE)) || e->off == MR_OFF_UNKNOWN
		|| e->off == MR_OFF_POSITIVE)
	      return false;
	    break;
	  case MR_EV_CALL:
	    /* (One that never returns counts too: a check_oom (p) that exits on
	       NULL is the caller's out-of-memory handler, transfer.c, only as a
	       call that may write its memory.)  */
	    if (!(e->flags & MR_EVF_NO_CLOBBER) || !e->call)
	      return false;
	    /* A callee of the unit that keeps its caller's memory stores no pointer
	       there: what it writes through a parameter of ours (a member's
	       constructor setting integers in *this) is in our writes too, as our
	       own integer stores are, and our callers forget those slots.  A
	       library call's writes may copy pointers (memcpy): only into locals.  */
	    for (uint32_t i = 0; i < e->call->nargs && i < 32; i++)
	      if ((e->call->write_mask & (1u << i)) && !local_target (f, e->call->args[i])
		  && !((e->flags & MR_EVF_SUMMARIZED) && is_param_root (f, e->call->args[i])))
		return false;
	    break;
	  case MR_EV_RETURN:
	    {
	      /* A parameter given back on every path is a copy for the caller
		 (returns_param); any other returned parameter is kept.  */
	      int64_t off;
	      int param = mr_param_of (f, e->a, &off);
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
  return !phi_returns || !mr_some_return_may_be_param (f);
}

/* After the last return: keep the field frees that held on every path and were
   freed on one; the parameters freed or NULL on every path, freed on one.  */
void
mr_finish_summary (mr_ctx *c)
{
  mr_summary *sum = &c->out->summary;
  sum->frees_always &= sum->frees_maybe;
  /* An offset free of a parameter the caller sees freed, at an offset it can
     judge.  */
  if (sum->frees_at_param
      && (!(sum->frees_always & (1u << (sum->frees_at_param - 1)))
	  || sum->frees_at_off == MR_OFF_UNKNOWN))
    sum->frees_at_param = 0;
  bool sometimes = sum->frees_always != sum->frees_maybe;
  uint32_t n = 0;
  int keep = -1;		/* calls_keep_statics, at the first need */
  for (uint32_t i = 0; i < sum->nfield_frees; i++)
    if (sum->field_frees[i].param >= MR_PARAM_STATIC && sum->field_frees[i].freed
	&& c->field_ok[i] && keep < 0)
      keep = calls_keep_statics (c->f);
  for (uint32_t i = 0; i < sum->nfield_frees; i++)
    if (c->field_ok[i] && sum->field_frees[i].freed && sum->saw_return
	&& (sum->field_frees[i].param < MR_PARAM_STATIC || keep > 0))
      sum->field_frees[n++] = sum->field_frees[i];
    else if (sum->field_frees[i].freed)
      sometimes = true;
  sum->nfield_frees = (uint8_t) n;
  /* Frees under the flag: every path decided it, and some path set it so.  */
  if ((sum->flag_paths & 4) || !(sum->flag_paths & 1))
    sum->frees_if_set = 0;
  if ((sum->flag_paths & 4) || !(sum->flag_paths & 2))
    sum->frees_if_clear = 0;
  sum->frees_if_set &= sum->frees_maybe & ~sum->frees_always;
  sum->frees_if_clear &= sum->frees_maybe & ~sum->frees_always;
  if (!sum->frees_if_set && !sum->frees_if_clear
      && !sum->derefs_if_set && !sum->derefs_if_clear)
    sum->flag_param = 0;
  /* The first parameter every return gave back.  */
  for (uint32_t i = 0; i < 32 && sum->saw_return; i++)
    if (c->ret_params & (1u << i))
      {
	sum->returns_param = (int32_t) i;
	sum->returns_param_off = (c->ret_off_set & (1u << i)) ? c->ret_off[i] : 0;
	break;
      }
  mr_finish_out_stores (c);
  mr_finish_freed_result (sum);
  sum->no_clobber = !sometimes && mr_events_keep_callers_memory (c);
  free (c->param_loads);
  c->param_loads = NULL;
  c->nparam_loads = 0;
}

/* Which parameters this return gives back: the returned pointer is the object the
   parameter points to (at some offset), or NULL where the parameter is NULL
   (`if (!p) return NULL;`).  Intersected over every return.  A shared return
   block is judged on each edge into it (enter_block), before the paths' states
   are merged and the returned PHI loses what each path returned.  */
void
mr_summarize_returned_param (mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  uint32_t here = 0;
  mr_ref r = ev->a.kind == MR_OPND_NONE ? (mr_ref) { MR_OBJ_NONE, 0 } : mr_ref_of (c, s, ev->a);
  for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
    {
      uint32_t v = c->f->params[i];
      if (!v || (!mr_is_object (r.obj) && r.obj != MR_OBJ_NULL))
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
  summarize_flag_frees (c, s);
  mr_summarize_freed_result (c, s, ev);
}

/* Does value v advance from the parameter value `param` by copies and PHIs only,
   never backwards (`for (; *p; p++)` makes p a PHI of the parameter and p + 1)?
   *moved: some step advanced it.  The PHIs seen are listed in seen (at most
   WALK_PHIS: beyond that, not known).  A path-blind answer for a pointer the
   state's joins lost the offset of (the symbol of a parameter is no tracked
   object: the paths of a walk meet).  */
static bool
walks_from (const mr_func *f, uint32_t v, uint32_t param, uint32_t *seen, uint32_t *nseen,
	    bool *moved)
{
  if (v == param)
    return true;
  for (uint32_t k = 0; k < *nseen; k++)
    if (seen[k] == v)
      return true;
  if (*nseen == WALK_PHIS)
    return false;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nphis; k++)
      {
	const mr_phi *phi = &f->blocks[b].phis[k];
	if (phi->dst != v)
	  continue;
	seen[(*nseen)++] = v;
	for (uint32_t a = 0; a < f->blocks[b].npreds; a++)
	  {
	    int64_t off;
	    if (phi->args[a].kind != MR_OPND_VALUE)
	      return false;
	    uint32_t r = mr_func_root (f, phi->args[a].id, &off);
	    if (off == MR_OFF_UNKNOWN || (off < 0 && off != MR_OFF_POSITIVE))
	      return false;
	    *moved |= off != 0;
	    if (!walks_from (f, r, param, seen, nseen, moved))
	      return false;
	  }
	return true;
      }
  return false;
}

/* The parameter whose value at entry the pointer a release (FREE or REALLOC)
   releases comes from, and how far from it (*off) it is released: a free here
   releases what its operand holds, target (the state's join of a walk loses the
   offset: then the walk's PHIs tell, path-blind, walked_free_offset); a callee's
   free (via) that much plus where the callee frees it (the FREE's off,
   mr_summary.frees_at_off).  The index, or -1: not a parameter's value (a
   pointer loaded anew, a copy of another), or not known how far.  Shared by the
   summary (note_free_offset) and free-offset's in-function judgement, so that
   what the one reports the other does not pass on to callers.  */
int
mr_freed_param_offset (mr_ctx *c, const mr_state *s, const mr_event *free, mr_ref target,
		       int64_t *off)
{
  if (free->a.kind != MR_OPND_VALUE || !mr_is_object (target.obj))
    return -1;
  for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
    {
      uint32_t v = c->f->params[i];
      mr_ref param = v ? mr_state_lookup (s, v) : (mr_ref) { MR_OBJ_NONE, 0 };
      if (param.obj != target.obj)
	continue;
      if (param.off == MR_OFF_UNKNOWN || param.off == MR_OFF_POSITIVE)
	return -1;
      int64_t o = target.off == MR_OFF_POSITIVE ? MR_OFF_POSITIVE : target.off - param.off;
      if (target.off == MR_OFF_UNKNOWN)
	{
	  int64_t at;
	  uint32_t root = mr_func_root (c->f, free->a.id, &at);
	  o = walked_free_offset (c->f, root, v, at);
	}
      /* A guarded FREE's off is the flag's value it needs, no offset.  */
      if (free->via && !(free->flags & MR_EVF_GUARDED))
	o = mr_off_add (o, free->off);
      if (o == MR_OFF_UNKNOWN)
	return -1;
      *off = o;
      return (int) i;
    }
  return -1;
}

/* Parameter i, freed on this path by the event free: a nonzero offset from the
   pointer it was given joins the others seen (mr_summary.frees_at_param); paths
   that free it at the start are no evidence against them: the pointer may have
   moved.  Only offsets before it (`free (p - HDR)`): one past it is undefined
   whatever the caller gives, and free-offset reports it in this function
   (mr_free_past_param), so its callers do not report it again.  */
static void
note_free_offset (mr_ctx *c, const mr_state *s, uint32_t i, const mr_event *free)
{
  mr_summary *sum = &c->out->summary;
  int64_t off;
  if ((free->flags & MR_EVF_GUARDED)
      || mr_freed_param_offset (c, s, free, mr_ref_of (c, s, free->a), &off) != (int) i
      || off == 0 || mr_free_past_param (off))
    return;
  if (!sum->frees_at_param)
    {
      sum->frees_at_param = (uint8_t) (i + 1);
      sum->frees_at_off = off;
    }
  else if (sum->frees_at_param == i + 1)
    sum->frees_at_off = mr_off_join (sum->frees_at_off, off);
}

void
mr_summarize_return (mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  mr_summary *sum = &c->out->summary;
  uint32_t freed = 0, null = 0;
  for (uint32_t i = 0; i < c->f->nparams && i < 32; i++)
    {
      uint32_t v = c->f->params[i];
      if (!v)
	continue;
      mr_ref r = mr_state_lookup (s, v);
      const mr_objst *o = mr_is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
      if (r.obj == MR_OBJ_NULL)
	null |= 1u << i;	/* `if (p) free (p);` on its NULL path */
      else if (o && o->ts == MR_TS_FREED && o->ev && o->ev->kind == MR_EV_FREE)
	{
	  freed |= 1u << i;
	  note_free_offset (c, s, i, o->ev);
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
  mr_summarize_out_return (c, s, ev);

  /* The returned pointer: a fresh allocation, NULL, or something else.  */
  mr_ref r = ev->a.kind == MR_OPND_VALUE ? mr_ref_of (c, s, ev->a) : (mr_ref) { MR_OBJ_NONE, 0 };
  const mr_objst *o = mr_is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
  bool fresh = o && r.off == 0 && (o->key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD) == MR_OBJ_ALLOC
	       && !(o->flags & MR_OBJF_ESCAPED)
	       && (o->ts == MR_TS_ALLOCATED || o->ts == MR_TS_NULL);
  if (fresh && o->ev && o->ev->kind == MR_EV_REALLOC && o->ev->a.kind == MR_OPND_VALUE)
    {
      int64_t off;
      int param = mr_param_of (c->f, o->ev->a, &off);
      if (param >= 0)
	sum->reallocs_param = param;
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

/* Which parameters the function reads or writes through itself (*derefs), and
   which it hands to a call that reads through them or may use them as it likes,
   the call's deref_mask or use_mask (*uses: a caller that passes freed memory
   there uses it); on any path, in one scan of the events.  */
void
mr_param_uses (const mr_func *f, uint32_t *derefs, uint32_t *uses)
{
  *derefs = *uses = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	int64_t off;
	int param;
	if (e->kind == MR_EV_LOAD || e->kind == MR_EV_STORE || e->kind == MR_EV_DEREF)
	  {
	    if ((param = mr_param_of (f, e->a, &off)) >= 0)
	      *derefs |= 1u << param;
	  }
	else if (e->kind == MR_EV_CALL && e->call)
	  {
	    uint32_t used = e->call->deref_mask | e->call->use_mask;
	    for (uint32_t i = 0; i < e->call->nargs && i < 32; i++)
	      if ((used & (1u << i))
		  && (param = mr_param_of (f, e->call->args[i], &off)) >= 0)
		*uses |= 1u << param;
	  }
      }
}

/* Can the function tell its caller something besides its result (mr_summary's
   error_channel), on any path: a store through a parameter or into a static, or a
   parameter handed to a call that may write through it?  A wrapper that returns
   NULL and sets `*rc` or a global error says so there, and its callers check that
   instead; one without such a channel is checked like malloc.  *besides_outs:
   a channel other than pointers stored through a parameter (an out-parameter
   allocator's `*out = malloc (n)` is the pointer its caller checks, not a way
   to say it failed), when they all go to one place (a second, `*err = "no
   memory"`, may be the message its callers check).  */
static bool
has_error_channel (const mr_func *f, bool *besides_outs)
{
  int out_param = -1;
  int64_t out_off = 0;
  *besides_outs = true;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	int64_t off;
	if (e->kind == MR_EV_STORE)
	  {
	    int param = mr_param_of (f, e->a, &off);
	    off = mr_off_add (off, e->off);
	    if (param >= 0 && (e->flags & MR_EVF_POINTER) && out_param < 0)
	      {
		out_param = param;
		out_off = off;
	      }
	    else if (param >= 0 && (!(e->flags & MR_EVF_POINTER) || param != out_param
				    || off != out_off || off == MR_OFF_UNKNOWN))
	      return true;
	    if (e->a.kind == MR_OPND_ADDR && !local_target (f, e->a))
	      return true;
	  }
	else if (e->kind == MR_EV_CALL && e->call)
	  {
	    const mr_call *call = e->call;
	    uint32_t may_write = call->write_mask | call->use_mask;
	    for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	      if ((may_write & (1u << i)) && mr_param_of (f, call->args[i], &off) >= 0)
		return true;
	  }
      }
  *besides_outs = false;
  return out_param >= 0;
}

/* A function that only reads (mr_summary.pure): it writes no memory but its
   locals, calls only pure functions, and reads its parameters' objects and its
   locals, never memory reached through a pointer it loaded.  Gathered event by
   event (scan_reads) in mr_summarize_stores's walk.  */
typedef struct reads_scan
{
  bool reads_only;		/* writes nothing the caller sees, calls only pure ones */
  bool own_loads;		/* reads only its parameters' objects and its locals */
} reads_scan;

/* Does operand o point into a parameter's object or a local?  */
static bool
own_memory (const mr_func *f, mr_opnd o)
{
  int64_t off;
  return local_target (f, o) || mr_param_of (f, o, &off) >= 0;
}

static void
scan_reads (const mr_func *f, const mr_event *e, reads_scan *r)
{
  switch (e->kind)
    {
    case MR_EV_RETURN:
      return;
    case MR_EV_LOAD:
      r->own_loads = r->own_loads && own_memory (f, e->a);
      return;
    case MR_EV_COPY:
      return;
    case MR_EV_DEREF:
      r->reads_only = r->reads_only && (!(e->flags & MR_EVF_WRITE) || local_target (f, e->a));
      return;
    case MR_EV_STORE:
      r->reads_only = r->reads_only && local_target (f, e->a);
      return;
    case MR_EV_CALL:
      r->reads_only = r->reads_only && (e->flags & MR_EVF_PURE) && e->call;
      for (uint32_t i = 0; r->reads_only && i < e->call->nargs && i < 32; i++)
	if (e->call->deref_mask & (1u << i))
	  r->own_loads = r->own_loads && own_memory (f, e->call->args[i]);
      return;
    default:
      r->reads_only = false;
      return;
    }
}

/* Where the function stores pointers (mr_summary.stores_through, stores_wild), for
   its callers' aliasing (clobber_aliases).  From the events alone, on any path: a
   pointer or aggregate store, or a summarized call that stores through an
   argument, into a parameter's object sets that parameter's bit; into a local or
   an allocation the function made, nothing the caller knows; through anything else
   (a pointer loaded from memory, a call's result, a static), anything the caller's
   unknown pointers may reach.  Calls to functions without a summary are left to
   the caller's unknown-call rule, as when it calls them itself.  And which
   parameters' memory it writes (written_params) and whether it has an error
   channel besides its result (has_error_channel).  The same walk finds whether the
   function only reads (scan_reads).  */
/* The parameters whose memory the function writes on some path (mr_summary's
   writes): a store or a writing dereference through a pointer into it, or a call
   that writes through one.  A pointer into parameter i is a copy of it, or a PHI
   one of whose arguments is (`*out++ = c;` in a loop advances a copy of out): a
   fixpoint over the PHIs gives each value the parameters it may point into.  */
static uint32_t
written_params (const mr_func *f)
{
  uint32_t *into = mr_xcalloc (f->nvalues ? f->nvalues : 1, sizeof *into);
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (f->params[i] && f->params[i] < f->nvalues)
      into[f->params[i]] |= 1u << i;
  for (bool grew = true; grew;)
    {
      grew = false;
      for (uint32_t b = 0; b < f->nblocks; b++)
	for (uint32_t i = 0; i < f->blocks[b].nphis; i++)
	  {
	    const mr_phi *phi = &f->blocks[b].phis[i];
	    if (!phi->is_pointer || phi->dst >= f->nvalues)
	      continue;
	    uint32_t m = into[phi->dst];
	    for (uint32_t k = 0; k < f->blocks[b].npreds; k++)
	      {
		int64_t off;
		if (phi->args[k].kind == MR_OPND_VALUE && phi->args[k].id < f->nvalues)
		  m |= into[mr_func_root (f, phi->args[k].id, &off)];
	      }
	    grew |= m != into[phi->dst];
	    into[phi->dst] = m;
	  }
    }
  uint32_t writes = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	int64_t off;
	if ((e->kind == MR_EV_STORE || (e->kind == MR_EV_DEREF && (e->flags & MR_EVF_WRITE)))
	    && e->a.kind == MR_OPND_VALUE && e->a.id < f->nvalues)
	  writes |= into[mr_func_root (f, e->a.id, &off)];
	else if (e->kind == MR_EV_CALL && e->call)
	  for (uint32_t i = 0; i < e->call->nargs && i < 32; i++)
	    if ((e->call->write_mask & (1u << i)) && e->call->args[i].kind == MR_OPND_VALUE
		&& e->call->args[i].id < f->nvalues)
	      writes |= into[mr_func_root (f, e->call->args[i].id, &off)];
      }
  free (into);
  return writes;
}

/* Adds the static or global of DECL_UID uid to the summary's static_writes;
   false when the list is full.  */
static bool
list_static_uid (mr_summary *sum, uint32_t uid)
{
  for (uint32_t i = 0; i < sum->nstatic_writes; i++)
    if (sum->static_writes[i] == uid)
      return true;
  if (sum->nstatic_writes == MR_STATIC_WRITES)
    return false;
  sum->static_writes[sum->nstatic_writes++] = uid;
  return true;
}

/* A write through pointer t: into a local, an allocation made here or a
   parameter's memory (the caller judges its own argument there), nothing of the
   unit's statics; into a named static, that one (listed).  False for anything
   else: a pointer loaded from memory or returned by a call may point to any
   global.  */
static bool
static_write_known (const mr_func *f, const uint8_t *fresh, mr_summary *sum, mr_opnd t)
{
  if (local_target (f, t) || is_param_root (f, t))
    return true;
  if (t.kind == MR_OPND_ADDR)
    return t.id < f->ndecls && list_static_uid (sum, f->decls[t.id].uid);
  int64_t off;
  uint32_t root = t.kind == MR_OPND_VALUE ? mr_func_root (f, t.id, &off) : 0;
  return root && root < f->nvalues && fresh[root];
}

/* Which statics and globals the function may write (mr_summary.statics_listed,
   static_writes), from its stores, writing dereferences and calls: a call of the
   unit adds what its summary lists (and writes through its arguments as stores
   would), a library call that writes nothing of its caller's (known.def) only
   writes through its arguments, and any other call may write every global.  */
static void
summarize_static_writes (const mr_func *f, const uint8_t *fresh, mr_summary *sum)
{
  sum->nstatic_writes = 0;
  sum->statics_listed = !sum->stores_wild;	/* (a store through an unknown pointer) */
  for (uint32_t b = 0; b < f->nblocks && sum->statics_listed; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents && sum->statics_listed; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	bool ok = true;
	if (e->kind == MR_EV_STORE || (e->kind == MR_EV_DEREF && (e->flags & MR_EVF_WRITE)))
	  ok = static_write_known (f, fresh, sum, e->a);
	else if (e->kind == MR_EV_ESCAPE)
	  ok = false;
	else if (e->kind == MR_EV_CALL)
	  {
	    const mr_call *call = e->call;
	    ok = call && ((e->flags & MR_EVF_SUMMARIZED) ? call->statics_listed
			  : (e->flags & MR_EVF_NO_CLOBBER) != 0);
	    for (uint32_t i = 0; ok && (e->flags & MR_EVF_SUMMARIZED)
				 && i < call->nstatic_writes; i++)
	      ok = list_static_uid (sum, call->static_writes[i]);
	    uint32_t through = ok ? call->write_mask | call->store_mask : 0;
	    for (uint32_t i = 0; ok && i < call->nargs && i < 32; i++)
	      if (through & (1u << i))
		ok = static_write_known (f, fresh, sum, call->args[i]);
	  }
	if (!ok)
	  sum->statics_listed = false;
      }
  if (!sum->statics_listed)
    {
      sum->nstatic_writes = 0;
      memset (sum->static_writes, 0, sizeof sum->static_writes);
    }
}

/* Is operand o the address of a static or global, named (`g = p;`, `g.f = p;`)?
   A store there writes that variable's memory and no other: callers forget its
   slots as a static the call may write (transfer.c, clobber_call), not every
   object an unknown pointer may reach (stores_wild).  */
static bool
named_static (const mr_func *f, mr_opnd o)
{
  return o.kind == MR_OPND_ADDR && o.id < f->ndecls && f->decls[o.id].kind == MR_DECL_STATIC;
}

/* What find_derefs_first follows: parameter `param`'s pointer, or (param < 0)
   the pointer the function reads from the static decl, as the values it loads
   from there (at most a few).  */
#define SUBJECT_LOADS 8
typedef struct deref_subject
{
  int param;
  uint32_t decl;
  uint32_t nloads;
  uint32_t loads[SUBJECT_LOADS];
} deref_subject;

/* Does operand o hold the subject's pointer (at any offset)?  */
static bool
is_subject (const mr_func *f, const deref_subject *sj, mr_opnd o)
{
  int64_t off;
  if (sj->param >= 0)
    return mr_param_of (f, o, &off) == sj->param;
  if (o.kind != MR_OPND_VALUE)
    return false;
  uint32_t root = mr_func_root (f, o.id, &off);
  for (uint32_t k = 0; k < sj->nloads; k++)
    if (sj->loads[k] == root)
      return true;
  return false;
}

/* Does operand o hold the subject's pointer, or decide a truth about it (`b = p
   == NULL`)?  */
static bool
names_subject (const mr_func *f, const deref_subject *sj, mr_opnd o)
{
  if (o.kind != MR_OPND_VALUE)
    return false;
  if (is_subject (f, sj, o))
    return true;
  const mr_truth *t = mr_func_truth (f, o.id);
  return t && !t->ranged
	 && (is_subject (f, sj, t->cond.lhs) || is_subject (f, sj, t->cond.rhs)
	     || is_subject (f, sj, t->cond.lhs2) || is_subject (f, sj, t->cond.rhs2));
}

/* What event e does with the subject, for find_derefs_first: 1 it reads or
   writes through it (a load, a store, a dereference, a library call that reads
   through it, or a callee that does so first: its DEREF event, expand.c); -1 it
   hands it to a call that may test it first, or the function returns; 0
   neither.  A static's pointer is the caller's only until the function stores
   into the static or makes a call that may (one that may call back into the
   unit): -1 there too.  */
static int
deref_or_handed (const mr_func *f, const mr_event *e, const deref_subject *sj)
{
  switch (e->kind)
    {
    case MR_EV_DEREF:
      /* One only under the caller's flag (MR_EVF_GUARDED): its call decides.  */
      if (e->flags & MR_EVF_GUARDED)
	return 0;
      /* Fall through.  */
    case MR_EV_LOAD:
    case MR_EV_STORE:
      if (is_subject (f, sj, e->a))
	return 1;
      if (e->kind == MR_EV_STORE && sj->param < 0 && e->a.kind == MR_OPND_ADDR
	  && e->a.id == sj->decl)
	return -1;
      return e->kind == MR_EV_STORE && is_subject (f, sj, e->b) ? -1 : 0;
    case MR_EV_CALL:
      for (uint32_t k = 0; e->call && k < e->call->nargs; k++)
	if (is_subject (f, sj, e->call->args[k]))
	  return k < 32 && (e->call->deref_mask & (1u << k)) && !(e->flags & MR_EVF_SUMMARIZED)
		 ? 1 : -1;
      if (sj->param < 0
	  && (!e->call || (!(e->flags & MR_EVF_NO_CLOBBER) && !e->call->noreturn)))
	return -1;
      return 0;
    case MR_EV_FREE:
    case MR_EV_REALLOC:
    case MR_EV_ESCAPE:
      return is_subject (f, sj, e->a) ? -1 : 0;
    case MR_EV_RETURN:
      return -1;
    default:
      return 0;
    }
}

/* The flag's value a walk of find_derefs_first assumes the caller gave (-1:
   none), and the values the function loaded from the flag (at most a few).  */
typedef struct flag_walk
{
  int set;
  uint32_t nloads;
  uint32_t loads[4];
} flag_walk;

/* Is t `if (v != 0)` or `if (v == 0)` of a value v loaded from the flag?  Then
   the edge kind the walk's assumed value takes.  MR_EDGE_NEVER otherwise.  */
static mr_edge_kind
flag_edge (const flag_walk *fw, const mr_term *t)
{
  if (fw->set < 0 || t->kind != MR_TERM_COND || t->combine != MR_COMBINE_NONE
      || t->lhs.kind != MR_OPND_VALUE || t->rhs.kind != MR_OPND_CONST || t->rhs.num != 0
      || (t->op != MR_CMP_EQ && t->op != MR_CMP_NE))
    return MR_EDGE_NEVER;
  for (uint32_t k = 0; k < fw->nloads; k++)
    if (fw->loads[k] == t->lhs.id)
      return (t->op == MR_CMP_NE) == (fw->set == 1) ? MR_EDGE_TRUE : MR_EDGE_FALSE;
  return MR_EDGE_NEVER;
}

/* Does every path from the entry that returns read or write through the subject
   (sj) before anything else looks at it: no test of it (`if (!p) return;`), no call
   given it that may test it, no free?  A walk of the blocks that stops at the
   first access on each path.  Paths that end otherwise (abort (), an exception)
   do not count; some path must access it.  Under fw (a flag value assumed), a
   test of the flag takes only the edge that value takes.  */
static bool
derefs_first (const mr_func *f, const deref_subject *sj, const flag_walk *fw, bool *seen,
	      uint32_t *stack)
{
  memset (seen, 0, f->nblocks * sizeof *seen);
  uint32_t n = 0;
  bool found = false;
  stack[n++] = f->entry;
  seen[f->entry] = true;
  while (n)
    {
      const mr_block *blk = &f->blocks[stack[--n]];
      int what = 0;
      for (uint32_t k = 0; k < blk->nevents && !what; k++)
	what = deref_or_handed (f, &blk->events[k], sj);
      if (what < 0)
	return false;
      if (what > 0)
	{
	  found = true;
	  continue;
	}
      const mr_term *t = &blk->term;
      if (t->kind != MR_TERM_NONE
	  && (names_subject (f, sj, t->lhs) || names_subject (f, sj, t->rhs)
	      || names_subject (f, sj, t->lhs2) || names_subject (f, sj, t->rhs2)))
	return false;
      mr_edge_kind only = flag_edge (fw, t);
      for (uint32_t k = 0; k < blk->nsuccs; k++)
	{
	  const mr_edge *e = &f->edges[blk->succs[k]];
	  if (e->kind != MR_EDGE_NEVER && (only == MR_EDGE_NEVER || e->kind == only)
	      && !seen[e->dst])
	    {
	      seen[e->dst] = true;
	      stack[n++] = e->dst;
	    }
	}
    }
  return found;
}

/* The values the function loads from static decl d as a whole (at offset 0, a
   pointer or an integer as `pointer` says), the first `max` of them, into loads;
   their number.  *complete: every load of d is listed (none of another kind,
   none past max).  */
static uint32_t
decl_loads (const mr_func *f, uint32_t d, bool pointer, uint32_t *loads, uint32_t max,
	    bool *complete)
{
  uint32_t n = 0;
  *complete = true;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_LOAD || e->a.kind != MR_OPND_ADDR || e->a.id != d)
	  continue;
	if (e->dst && ((e->flags & MR_EVF_POINTER) != 0) == pointer && e->a.num == 0
	    && e->off == 0 && n < max)
	  loads[n++] = e->dst;
	else
	  *complete = false;
      }
  return n;
}

/* The pointer statics the summary names as parameters (mr_decl.param) whose
   pointer, as the function reads it, it reads or writes through before it looks
   at it otherwise, on every path that returns (mr_summary.static_derefs_first):
   `static char *g; static void sink (void) { g[0] = 'a'; }`, its caller's `g =
   malloc (n); sink ();` dereferences an unchecked allocation.  The walk's
   buffers are made at the first need, in *seen and *stack.  */
static void
find_static_derefs_first (const mr_func *f, mr_summary *sum, bool **seen, uint32_t **stack)
{
  flag_walk none = { .set = -1 };
  for (uint32_t d = 0; d < f->ndecls; d++)
    {
      unsigned j = f->decls[d].param - 1u;
      if (!f->decls[d].param || j >= MR_STATIC_PARAMS)
	continue;
      /* Every load of it listed (an unlisted one could test it unseen).  */
      deref_subject sj = { .param = -1, .decl = d };
      bool all;
      sj.nloads = decl_loads (f, d, true, sj.loads, SUBJECT_LOADS, &all);
      if (!all || !sj.nloads)
	continue;
      if (!*seen)
	{
	  *seen = mr_xcalloc (f->nblocks, sizeof **seen);
	  *stack = mr_xcalloc (f->nblocks, sizeof **stack);
	}
      if (derefs_first (f, &sj, &none, *seen, *stack))
	sum->static_derefs_first |= (uint8_t) (1u << j);
    }
}

/* The parameters the function reads or writes through before it looks at them
   otherwise, on every path that returns (mr_summary.derefs_first): a caller that
   passes NULL there dereferences it.  Only those it reads through somewhere
   (derefs, uses: known already).  */
static void
find_derefs_first (const mr_func *f, mr_summary *sum)
{
  sum->derefs_first = sum->derefs_if_set = sum->derefs_if_clear = 0;
  sum->static_derefs_first = 0;
  uint32_t some = sum->derefs | sum->uses;
  if (!f->nblocks)
    return;
  bool *seen = NULL;
  uint32_t *stack = NULL;
  find_static_derefs_first (f, sum, &seen, &stack);
  if (!some)
    {
      free (seen);
      free (stack);
      return;
    }
  if (!seen)
    {
      seen = malloc (f->nblocks * sizeof *seen);
      stack = malloc (f->nblocks * sizeof *stack);
    }
  flag_walk fw = { .set = -1 };
  for (uint32_t i = 0; seen && stack && i < f->nparams && i < 32; i++)
    {
      deref_subject sj = { .param = (int) i };
      if (f->params[i] && (some & (1u << i)) && derefs_first (f, &sj, &fw, seen, stack))
	sum->derefs_first |= 1u << i;
    }
  /* Those dereferenced first only under the integer static flag the function
     reads (find_flag): `if (ready) p[0] = 5;` (derefs_if_set, derefs_if_clear),
     the caller judging the flag as for the frees under it (expand.c).  */
  uint32_t rest = some & ~sum->derefs_first, flag = UINT32_MAX;
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (!f->params[i])
      rest &= ~(1u << i);
  if (rest && seen && stack)
    flag = flag_of (f, sum);
  /* (A flag test on a load not listed takes both edges: no claim.)  */
  bool all;
  if (flag != UINT32_MAX)
    fw.nloads = decl_loads (f, flag, false, fw.loads, 4, &all);
  for (int set = 0; fw.nloads && set <= 1; set++)
    {
      fw.set = set;
      uint32_t *mask = set ? &sum->derefs_if_set : &sum->derefs_if_clear;
      for (uint32_t i = 0; i < 32; i++)
	{
	  deref_subject sj = { .param = (int) i };
	  if ((rest & (1u << i)) && derefs_first (f, &sj, &fw, seen, stack))
	    *mask |= 1u << i;
	}
    }
  if (sum->derefs_if_set | sum->derefs_if_clear)
    sum->flag_param = (uint8_t) (MR_PARAM_STATIC + f->decls[flag].param - 1);
  free (seen);
  free (stack);
}

void
mr_summarize_stores (const mr_func *f, mr_summary *sum)
{
  find_derefs_first (f, sum);
  sum->error_channel = has_error_channel (f, &sum->error_channel_besides_outs);
  sum->writes = written_params (f);
  /* Values that are allocations made here (their memory is new to the caller).  */
  uint8_t *fresh_buf = NULL;
  const uint8_t *fresh = fresh_values (f, &fresh_buf);
  reads_scan reads = { true, true };
  for (uint32_t b = 0; b < f->nblocks && reads.reads_only; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents && reads.reads_only; k++)
      scan_reads (f, &f->blocks[b].events[k], &reads);
  sum->pure = reads.reads_only && reads.own_loads;
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
	    int param = mr_param_of (f, through[i], &off);
	    uint32_t root = through[i].kind == MR_OPND_VALUE
			    ? mr_func_root (f, through[i].id, &off) : 0;
	    if (param >= 0)
	      sum->stores_through |= 1u << param;
	    else if (!local_target (f, through[i]) && !(root && root < f->nvalues && fresh[root])
		     && !named_static (f, through[i]))
	      sum->stores_wild = true;
	  }
      }
  summarize_static_writes (f, fresh, sum);
  free (fresh_buf);
}

/* The integer a PHI gives on every edge, when its arguments are one constant
   (`return 0;` from several places meets in a PHI of constants).  */
static bool
phi_constant (const mr_func *f, uint32_t v, int64_t *k)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nphis; i++)
      {
	const mr_phi *phi = &f->blocks[b].phis[i];
	if (phi->dst != v)
	  continue;
	if (phi->is_pointer || !f->blocks[b].npreds)
	  return false;
	for (uint32_t a = 0; a < f->blocks[b].npreds; a++)
	  if (phi->args[a].kind != MR_OPND_CONST
	      || (a && phi->args[a].num != phi->args[0].num))
	    return false;
	*k = phi->args[0].num;
	return true;
      }
  return false;
}

/* The values the function's own allocations give (by root), for keeps_place:
   made at the first need (most functions read no place of their caller's), kept
   in *fresh, which the caller frees.  */
static const uint8_t *
fresh_values (const mr_func *f, uint8_t **fresh_out)
{
  if (*fresh_out)
    return *fresh_out;
  uint8_t *fresh = *fresh_out = mr_xcalloc (f->nvalues ? f->nvalues : 1, 1);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if ((e->kind == MR_EV_ALLOC || e->kind == MR_EV_REALLOC) && e->dst
	    && e->dst < f->nvalues)
	  fresh[e->dst] = 1;
      }
  return fresh;
}

/* May a write through operand o (of a store, a writing dereference or a call that
   writes through it) reach *(param + off) of the caller's memory?  Not if o is a
   local, one of the function's own allocations, or param's object at another
   known offset (kind: the write covers one slot, not an aggregate's range);
   anything else may alias it (another parameter, a pointer loaded from memory, a
   static).  */
static bool
may_write_place (const mr_func *f, const uint8_t *fresh, mr_opnd o, int64_t at, bool slot,
		 int param, int64_t off)
{
  if (local_target (f, o))
    return false;
  int64_t base;
  /* No pointer reaches a static whose address is never taken: only a store that
     names it writes it.  */
  if (param >= MR_PARAM_STATIC)
    {
      int p = place_param (f, o, &base);
      int64_t where = mr_off_add (base, at);
      return p == param && (!slot || where == MR_OFF_UNKNOWN || where == MR_OFF_POSITIVE
			    || where == off);
    }
  uint32_t root = o.kind == MR_OPND_VALUE ? mr_func_root (f, o.id, &base) : 0;
  if (root && root < f->nvalues && fresh[root])
    return false;
  int p = mr_param_of (f, o, &base);
  int64_t where = mr_off_add (base, at);
  return p != param || !slot || where == MR_OFF_UNKNOWN || where == MR_OFF_POSITIVE
	 || where == off;
}

/* Does the function leave the place *(param + off) of its caller's memory as it
   found it on every path: no store, writing dereference or writing call that may
   reach it (may_write_place), no call that may write its caller's memory (one that
   never returns ends the path), no free or realloc of a parameter's object?  Then
   the value it reads there is the caller's, before the call as after it: one
   notion for a getter's result (returns_at) and a predicate's field
   (ret_truth).  *fresh_out: fresh_values.  */
static bool
keeps_place (const mr_func *f, uint8_t **fresh_out, int param, int64_t off)
{
  const uint8_t *fresh = fresh_values (f, fresh_out);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	bool slot = !(e->flags & MR_EVF_AGGREGATE);
	switch (e->kind)
	  {
	  case MR_EV_STORE:
	    if (may_write_place (f, fresh, e->a, e->off, slot, param, off))
	      return false;
	    break;
	  case MR_EV_DEREF:
	    if ((e->flags & MR_EVF_WRITE)
		&& may_write_place (f, fresh, e->a, 0, false, param, off))
	      return false;
	    break;
	  case MR_EV_CALL:
	    if (!e->call)
	      return false;
	    if (!(e->flags & MR_EVF_NO_CLOBBER))
	      {
		if (!e->call->noreturn)
		  return false;
		break;
	      }
	    for (uint32_t i = 0; i < e->call->nargs && i < 32; i++)
	      if ((e->call->write_mask & (1u << i))
		  && may_write_place (f, fresh, e->call->args[i], 0, false, param, off))
		return false;
	    break;
	  case MR_EV_FREE:
	  case MR_EV_REALLOC:
	    if (is_param_root (f, e->a))
	      return false;
	    break;
	  default:
	    break;
	  }
      }
  return true;
}

/* The LOAD that defines value v, or NULL.  */
static const mr_event *
defining_load (const mr_func *f, uint32_t v)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->dst == v)
	  return e->kind == MR_EV_LOAD ? e : NULL;
      }
  return NULL;
}

/* A getter (mr_summary.returns_at): every return gives the value loaded from one
   place *(param + off), integer or pointer, and the function leaves that place as
   it found it (keeps_place).  */
static void
find_returned_place (const mr_func *f, uint8_t **fresh, mr_summary *sum)
{
  int param = -1;
  int64_t off = 0;
  bool pointer = false;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_RETURN)
	  continue;
	int64_t at, base;
	uint32_t r = e->a.kind == MR_OPND_VALUE ? mr_func_root (f, e->a.id, &at) : 0;
	const mr_event *ld = r && at == 0 ? defining_load (f, r) : NULL;
	int p = ld ? mr_param_of (f, ld->a, &base) : -1;
	int64_t o = p >= 0 ? mr_off_add (base, ld->off) : MR_OFF_UNKNOWN;
	bool ptr = ld && (ld->flags & MR_EVF_POINTER);
	if (p < 0 || o == MR_OFF_UNKNOWN || o == MR_OFF_POSITIVE
	    || (param >= 0 && (p != param || o != off || ptr != pointer)))
	  return;
	param = p, off = o, pointer = ptr;
      }
  if (param < 0 || param >= 255 || !keeps_place (f, fresh, param, off))
    return;
  sum->returns_at = (uint8_t) (param + 1);
  sum->returns_at_off = off;
  sum->returns_at_pointer = pointer;
}

/* What decides the truth of values in terms of the parameters: the truth records
   of the lowering (mr_truth), the parameters themselves, and integers loaded from
   a place of the caller's memory the function never writes (keeps_place; loads[v]:
   the LOAD that defined v).  */
typedef struct truth_ctx
{
  const mr_func *f;
  const mr_event **loads;
  uint8_t **fresh;		/* keeps_place's */
  mr_ret_lit lits[MR_RET_LITS];
  uint8_t n;
} truth_ctx;

static int
scalar_param_of (const mr_func *f, uint32_t root)
{
  for (uint32_t i = 0; i < f->nparams && i < 32; i++)
    if (root && (f->scalar_params[i] == root || f->params[i] == root))
      return (int) i;
  return -1;
}

static bool
add_lit (truth_ctx *t, mr_ret_lit lit)
{
  if (t->n == MR_RET_LITS)
    return false;
  t->lits[t->n++] = lit;
  return true;
}

static bool truth_of (truth_ctx *t, mr_opnd v, bool neg, int depth);

/* `x op k` for x a parameter or an integer loaded from a parameter's object.  */
static bool
value_lit (truth_ctx *t, uint32_t root, mr_cmp op, int64_t k, bool is_unsigned)
{
  int64_t off;
  mr_ret_lit lit = { .is_unsigned = is_unsigned, .op = (uint8_t) op, .k = k };
  int param = scalar_param_of (t->f, root);
  const mr_event *ld = root < t->f->nvalues && t->loads ? t->loads[root] : NULL;
  if (param >= 0)
    lit.param = (uint8_t) param;
  else if (ld && (param = mr_param_of (t->f, ld->a, &off)) >= 0
	   && mr_off_add (off, ld->off) != MR_OFF_UNKNOWN
	   && mr_off_add (off, ld->off) != MR_OFF_POSITIVE
	   && keeps_place (t->f, t->fresh, param, mr_off_add (off, ld->off)))
    {
      lit.param = (uint8_t) param;
      lit.field = true;
      lit.off = mr_off_add (off, ld->off);
    }
  else
    return false;
  return add_lit (t, lit);
}

/* `x op k` holds (or fails, neg); for k == 0 and op EQ/NE, whatever decides x's
   truth.  */
static bool
cmp_lits (truth_ctx *t, mr_opnd x, mr_cmp op, mr_opnd k, bool is_unsigned, bool neg,
	  int depth)
{
  if (x.kind == MR_OPND_CONST && k.kind != MR_OPND_CONST)
    {
      mr_opnd tmp = x;
      x = k, k = tmp;
      op = op == MR_CMP_LT ? MR_CMP_GT : op == MR_CMP_GT ? MR_CMP_LT
	   : op == MR_CMP_LE ? MR_CMP_GE : op == MR_CMP_GE ? MR_CMP_LE : op;
    }
  if (k.kind != MR_OPND_CONST || x.kind != MR_OPND_VALUE)
    return false;
  if (k.num == 0 && (op == MR_CMP_EQ || op == MR_CMP_NE))
    return truth_of (t, x, neg != (op == MR_CMP_EQ), depth + 1);
  int64_t off;
  uint32_t root = mr_func_root (t->f, x.id, &off);
  return !off && value_lit (t, root, neg ? mr_cmp_negate (op) : op, k.num, is_unsigned);
}

/* Appends the literals whose conjunction is v's truth (neg: v's falsity): an AND
   says only its truth so, an OR only its falsity.  */
static bool
truth_of (truth_ctx *t, mr_opnd v, bool neg, int depth)
{
  if (depth > 8 || v.kind != MR_OPND_VALUE)
    return false;
  int64_t off;
  uint32_t root = mr_func_root (t->f, v.id, &off);
  if (off)
    return false;
  const mr_truth *tr = mr_func_truth (t->f, root);
  if (tr)
    {
      const mr_term *k = &tr->cond;
      if (k->combine == MR_COMBINE_NONE)
	return cmp_lits (t, k->lhs, k->op, k->rhs, k->is_unsigned, neg, depth);
      /* An AND that holds, or an OR that fails: both sides.  */
      if ((k->combine == MR_COMBINE_AND) == neg)
	return false;
      return cmp_lits (t, k->lhs, k->op, k->rhs, k->is_unsigned, neg, depth)
	     && cmp_lits (t, k->lhs2, k->op2, k->rhs2, k->is_unsigned2, neg, depth);
    }
  return value_lit (t, root, neg ? MR_CMP_EQ : MR_CMP_NE, 0, false);
}

/* What the integer result tells the callers (mr_summary's ret_truth, returns_const,
   returns_scalar): every return gives the same value, and that value is a
   constant, an integer parameter, or a truth the lowering recorded in terms of the
   parameters (`return pr * err != 0;`: nonzero when pr and err are).  */
static void
summarize_integer_result (const mr_func *f, uint8_t **fresh, mr_summary *sum)
{
  mr_opnd ret = mr_none ();
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind != MR_EV_RETURN)
	  continue;
	if ((e->flags & MR_EVF_POINTER) || e->a.kind == MR_OPND_NONE
	    || e->a.kind == MR_OPND_UNKNOWN || e->a.kind == MR_OPND_ADDR)
	  return;
	mr_opnd a = e->a;
	int64_t off = 0;
	if (a.kind == MR_OPND_VALUE)
	  a.id = mr_func_root (f, a.id, &off);
	if (off || (ret.kind != MR_OPND_NONE && (ret.kind != a.kind || ret.id != a.id
						  || ret.num != a.num)))
	  return;
	ret = a;
      }
  int64_t k;
  if (ret.kind == MR_OPND_CONST || (ret.kind == MR_OPND_VALUE && phi_constant (f, ret.id, &k)))
    {
      sum->returns_const = true;
      sum->ret_const = ret.kind == MR_OPND_CONST ? ret.num : k;
      return;
    }
  if (ret.kind != MR_OPND_VALUE)
    return;
  int param = scalar_param_of (f, ret.id);
  if (param >= 0 && f->scalar_params[param] == ret.id)
    {
      sum->returns_scalar = true;
      sum->scalar_param = (uint8_t) param;
      return;
    }
  /* A getter's integer: its caller reads the place, which says more than the
     truth of it.  */
  if (sum->returns_at)
    return;
  truth_ctx t = { .f = f, .fresh = fresh };
  t.loads = mr_xcalloc (f->nvalues ? f->nvalues : 1, sizeof *t.loads);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nevents; i++)
      {
	const mr_event *e = &f->blocks[b].events[i];
	if (e->kind == MR_EV_LOAD && e->dst && e->dst < f->nvalues
	    && !(e->flags & MR_EVF_POINTER))
	  t.loads[e->dst] = e;
      }
  if (truth_of (&t, ret, false, 0) && t.n)
    {
      sum->nret_truth = t.n;
      for (uint8_t i = 0; i < t.n; i++)
	sum->ret_truth[i] = t.lits[i];
    }
  free (t.loads);
}

/* What the result tells the callers, from the events alone: the place it is read
   from (a getter), or what the integer stands for.  */
void
mr_summarize_result (const mr_func *f, mr_summary *sum)
{
  uint8_t *fresh = NULL;
  find_returned_place (f, &fresh, sum);
  summarize_integer_result (f, &fresh, sum);
  free (fresh);
}

bool
mr_summary_same (const mr_summary *a, const mr_summary *b)
{
  if (a->valid != b->valid || a->frees_always != b->frees_always
      || a->frees_maybe != b->frees_maybe || a->free_family != b->free_family
      || a->derefs != b->derefs || a->uses != b->uses
      || a->derefs_first != b->derefs_first || a->static_derefs_first != b->static_derefs_first
      || a->frees_at_param != b->frees_at_param
      || (a->frees_at_param && a->frees_at_off != b->frees_at_off)
      || a->error_channel != b->error_channel
      || a->error_channel_besides_outs != b->error_channel_besides_outs || a->writes != b->writes
      || a->returns_alloc != b->returns_alloc
      || a->alloc_family != b->alloc_family || a->may_return_null != b->may_return_null
      || a->reallocs_param != b->reallocs_param || a->no_clobber != b->no_clobber
      || a->returns_param != b->returns_param || a->returns_param_off != b->returns_param_off
      || a->returns_at != b->returns_at || a->returns_at_pointer != b->returns_at_pointer
      || (a->returns_at && a->returns_at_off != b->returns_at_off)
      || a->calls_param != b->calls_param || a->calls_param_arg != b->calls_param_arg
      || a->calls_param_pos != b->calls_param_pos
      || a->pure != b->pure || a->flag_param != b->flag_param
      || a->frees_if_set != b->frees_if_set || a->frees_if_clear != b->frees_if_clear
      || a->derefs_if_set != b->derefs_if_set || a->derefs_if_clear != b->derefs_if_clear
      || a->nfield_frees != b->nfield_frees || a->nfield_stores != b->nfield_stores
      || a->nelem_frees != b->nelem_frees
      || a->nfield_derefs != b->nfield_derefs
      || a->stores_through != b->stores_through || a->stores_wild != b->stores_wild
      || a->statics_listed != b->statics_listed || a->nstatic_writes != b->nstatic_writes
      || memcmp (a->static_writes, b->static_writes, sizeof a->static_writes) != 0
      || a->returns_const != b->returns_const || a->ret_const != b->ret_const
      || a->returns_scalar != b->returns_scalar || a->scalar_param != b->scalar_param
      || a->nret_truth != b->nret_truth || !mr_out_stores_same (a, b))
    return false;
  for (uint32_t i = 0; i < a->nret_truth; i++)
    if (a->ret_truth[i].param != b->ret_truth[i].param
	|| a->ret_truth[i].field != b->ret_truth[i].field
	|| a->ret_truth[i].is_unsigned != b->ret_truth[i].is_unsigned
	|| a->ret_truth[i].op != b->ret_truth[i].op || a->ret_truth[i].off != b->ret_truth[i].off
	|| a->ret_truth[i].k != b->ret_truth[i].k)
      return false;
  for (uint32_t i = 0; i < a->nfield_derefs; i++)
    if (a->field_derefs[i].param != b->field_derefs[i].param
	|| a->field_derefs[i].off != b->field_derefs[i].off)
      return false;
  for (uint32_t i = 0; i < a->nfield_stores; i++)
    if (a->field_stores[i].dst_param != b->field_stores[i].dst_param
	|| a->field_stores[i].src_param != b->field_stores[i].src_param
	|| a->field_stores[i].off != b->field_stores[i].off)
      return false;
  for (uint32_t i = 0; i < a->nelem_frees; i++)
    if (a->elem_frees[i].param != b->elem_frees[i].param
	|| a->elem_frees[i].bound_param != b->elem_frees[i].bound_param
	|| a->elem_frees[i].bound != b->elem_frees[i].bound
	|| a->elem_frees[i].mul != b->elem_frees[i].mul
	|| a->elem_frees[i].family != b->elem_frees[i].family)
      return false;
  for (uint32_t i = 0; i < a->nfield_frees; i++)
    if (a->field_frees[i].param != b->field_frees[i].param
	|| a->field_frees[i].off != b->field_frees[i].off
	|| a->field_frees[i].freed_at != b->field_frees[i].freed_at
	|| a->field_frees[i].family != b->field_frees[i].family)
      return false;
  return true;
}
