/* leak.c — leak (MEM31-C, CWE-401).

   An allocation made in this function is leaked when the function returns while
   nothing that outlives the call refers to it: not the returned value, not a static
   or global, not memory the caller can see (anything stored through a parameter or
   into unknown memory escapes), not a callee that may have kept it (an unknown call
   that received it).  Reported at the return, once per allocation:

     char *text = malloc (32);
     if (text == NULL) return -1;
     ...
     return 0;                  leak of 'text'     (note: allocated here)

   Also `p = realloc (p, n)`: when realloc fails, p is overwritten with NULL and the
   block it held is lost (reported at the realloc).

   Not leaks: memory still held when main returns (the program ends: MEM31-C-EX1's
   spirit), paths that end in exit or abort (no return), allocations that failed
   (NULL on that path), alloca memory, and anything the engine lost track of at a
   join or a call — precision first.  */

#include "engine-int.h"
#include "infer.h"
#include "util.h"

#include <stdlib.h>

typedef struct keyset
{
  uint32_t *v;
  uint32_t n, cap;
} keyset;

static bool
keyset_has (const keyset *k, uint32_t key)
{
  for (uint32_t i = 0; i < k->n; i++)
    if (k->v[i] == key)
      return true;
  return false;
}

static bool
keyset_add (keyset *k, uint32_t key)
{
  if (!mr_is_object (key) || keyset_has (k, key))
    return false;
  MR_VEC_PUSH (k->v, k->n, k->cap);
  k->v[k->n - 1] = key;
  return true;
}

/* Was object key freed while nothing else could see it, or is it memory that came
   from outside (a parameter's struct, a pointer loaded) freed here?  Whoever else
   holds such a struct holds a dangling pointer: what only its slots held is lost.
   (A block stored into outside memory goes out of sight at the store, unless it
   was still held there alone when the struct was freed: transfer.c,
   holder_freed.)  */
static bool
freed_holder (const mr_ctx *c, const mr_state *s, uint32_t key)
{
  const mr_objst *o = mr_state_obj (s, key);
  return o && o->ts == MR_TS_FREED
	 && (!(o->flags & MR_OBJF_ESCAPED) || mr_obj_outside (c->f, key));
}

/* Objects the caller can still reach after the return.  */
static void
reachable_after_return (const mr_ctx *c, const mr_state *s, const mr_event *ret, keyset *r)
{
  if (ret->a.kind == MR_OPND_ADDR)
    keyset_add (r, MR_OBJ_DECL | ret->a.id);	/* an aggregate returned by value */
  else if (ret->a.kind != MR_OPND_NONE)
    keyset_add (r, mr_ref_of (c, s, ret->a).obj);
  for (uint32_t i = 0; i < s->nobjs; i++)
    if (s->objs[i].flags & MR_OBJF_ESCAPED)
      keyset_add (r, s->objs[i].key);
  /* Statics, and memory that came from outside (parameters, loads, calls); not
     a static whose value nothing reads (`saved = p;` where every `q = saved;`
     is dropped): what only it holds can never be freed.  */
  for (uint32_t i = 0; i < s->nslots; i++)
    {
      uint32_t base = (uint32_t) (s->slots[i].at >> 32);
      if (mr_obj_outside (c->f, base) && !mr_obj_unread_static (c->f, base))
	keyset_add (r, base);
    }
  /* Close over the slots: what a reachable object holds is reachable, unless the
     object was freed: a struct freed while its field held the only reference to a
     block (`free (gs)` before `free (gs->buf)`, gs a global; `free (s)` before
     `free (s->buf)`, s a parameter) lost the block.  One the function made that
     escaped before is still followed: whoever it was handed to may have taken
     what it held.  */
  for (bool grew = true; grew;)
    {
      grew = false;
      for (uint32_t i = 0; i < s->nslots; i++)
	{
	  uint32_t base = (uint32_t) (s->slots[i].at >> 32);
	  if (keyset_has (r, base) && !freed_holder (c, s, base))
	    grew |= keyset_add (r, s->slots[i].content.obj);
	}
    }
}

/* The allocation (or realloc) event that made object key, if the function made it.  */
static const mr_event *
alloc_event (const mr_func *f, uint32_t key)
{
  if ((key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD) != MR_OBJ_ALLOC)
    return NULL;
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nevents; i++)
      if (f->blocks[b].events[i].id == MR_OBJ_INDEX (key))
	return f->blocks[b].events[i].kind == MR_EV_ALLOC
		 || f->blocks[b].events[i].kind == MR_EV_REALLOC ? &f->blocks[b].events[i] : NULL;
  return NULL;
}

static mr_opnd
alloc_subject (const mr_event *alloc)
{
  return alloc->dst ? mr_value (alloc->dst) : mr_unknown ();
}

/* An allocation by a wrapper that may return NULL and reports failure another way
   (sqlite's idxMalloc (&rc, n)), on a path that never checked it: the caller tested
   the error code instead, and on the failure path there is nothing to leak.  */
static bool
unchecked_quiet_null (const mr_objst *o)
{
  return (o->flags & MR_OBJF_QUIET_NULL) && !(o->flags & MR_OBJF_NONNULL);
}

static void
at_return (mr_ctx *c, mr_state *s, const mr_event *ret, const mr_loc *at)
{
  if (c->f->is_main)
    return;
  keyset reach = { 0 };
  bool computed = false;
  for (uint32_t i = 0; i < s->nobjs; i++)
    {
      const mr_objst *o = &s->objs[i];
      bool lost = (o->flags & MR_OBJF_REALLOC_LOST) != 0;
      if ((o->ts != MR_TS_ALLOCATED && !(lost && o->ts == MR_TS_UNKNOWN))
	  || o->family == MR_FAM_ALLOCA || o->family == MR_FAM_POOL
	  || mr_family_uncertain (o->family)
	  || (o->flags & MR_OBJF_ESCAPED) || !o->ev || unchecked_quiet_null (o)
	  || (!lost && (o->key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD) != MR_OBJ_ALLOC))
	continue;
      if (!computed)
	{
	  reachable_after_return (c, s, ret, &reach);
	  computed = true;
	}
      if (keyset_has (&reach, o->key))
	continue;

      if (o->flags & MR_OBJF_REALLOC_LOST)
	{
	  /* Lost when p = realloc (p, n) failed: say so, at the realloc.  */
	  mr_finding *fd = mr_report (c, MR_RULE_LEAK, o->ev, o->ev->a);
	  if (fd)
	    {
	      fd->alloc = o->ev;
	      const mr_event *made = MR_OBJ_INDEX (o->key) != o->ev->id
				     ? alloc_event (c->f, o->key) : NULL;
	      if (made)
		mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, made);
	    }
	  continue;
	}
      mr_finding *fd = mr_report_once (c, MR_RULE_LEAK, ret, alloc_subject (o->ev), o->ev);
      if (fd)
	{
	  fd->alloc = o->ev;
	  fd->loc = at && at->line ? at : NULL;
	  mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
	}
    }
  free (reach.v);
}

/* Is obj held by anything but the versions of variable var (bindings of roots that
   are copies of var only) and the slot `except`?  */
static bool
held_elsewhere (const mr_ctx *c, const mr_state *s, uint32_t obj, uint32_t var,
		uint64_t except, bool *held_by_var)
{
  *held_by_var = false;
  for (uint32_t i = 0; i < s->nbinds; i++)
    if (s->binds[i].ref.obj == obj)
      {
	uint32_t v = mr_func_root_var (c->f, s->binds[i].value);
	if (var && v == var)
	  *held_by_var = true;
	else if (v != 0)
	  return true;
      }
  for (uint32_t i = 0; i < s->nslots; i++)
    if (s->slots[i].content.obj == obj)
      {
	if (s->slots[i].at == except)
	  *held_by_var = true;
	else
	  return true;
      }
  return false;
}

/* Is object key an argument of the call ev (or the call's own result)?  */
static bool
passed_to_call (const mr_ctx *c, const mr_state *s, const mr_event *ev, uint32_t key)
{
  if (ev->kind != MR_EV_CALL || !ev->call)
    return false;
  for (uint32_t i = 0; i < ev->call->nargs; i++)
    if (mr_ref_of (c, s, ev->call->args[i]).obj == key)
      return true;
  return false;
}

static void
overwrite (mr_ctx *c, mr_state *s, const mr_event *ev, uint32_t var, bool slot, mr_ref at)
{
  if (c->f->is_main || (!var && !slot))
    return;
  uint64_t except = slot ? ((uint64_t) at.obj << 32) | (uint32_t) at.off : UINT64_MAX;
  for (uint32_t i = 0; i < s->nobjs; i++)
    {
      const mr_objst *o = &s->objs[i];
      if (o->ts != MR_TS_ALLOCATED || o->family == MR_FAM_ALLOCA || o->family == MR_FAM_POOL
	  || mr_family_uncertain (o->family)
	  || (o->flags & MR_OBJF_ESCAPED) || !o->ev || unchecked_quiet_null (o)
	  || (o->key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD) != MR_OBJ_ALLOC)
	continue;
      bool held_by_var;
      if (held_elsewhere (c, s, o->key, slot ? 0 : var, except, &held_by_var) || !held_by_var)
	continue;
      /* p = f (p, ...): the call received it before its result replaced it (it
	 may keep it, free it or return it: BIO_push, xmlStrcat).  p = realloc (p,
	 n) moves it: lost only if realloc fails (realloc_fail).  */
      if (passed_to_call (c, s, ev, o->key)
	  || (ev->kind == MR_EV_REALLOC && mr_ref_of (c, s, ev->a).obj == o->key))
	continue;
      uint32_t key = o->key;
      mr_finding *fd = mr_report_once (c, MR_RULE_LEAK, ev, alloc_subject (o->ev), o->ev);
      if (fd)
	{
	  fd->alloc = o->ev;
	  mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
	}
      /* Reported here: not again at the return.  */
      mr_state_add_obj_flags (s, key, MR_OBJF_ESCAPED);
      o = mr_state_obj (s, key);
      i = (uint32_t) (o - s->objs);
    }
}

static void
realloc_fail (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref old)
{
  (void) c;
  if (!(ev->flags & MR_EVF_SAME_VAR) || !mr_is_object (old.obj))
    return;
  const mr_objst *o = mr_state_obj (s, old.obj);
  if (o && (o->flags & MR_OBJF_ESCAPED))
    return;
  /* Reported where the path returns, if it does: a failure handler that exits
     (or a check function given the NULL result) ends the path first.  */
  mr_ts ts = mr_obj_ts (s, old.obj);
  mr_objst *n = mr_state_set_obj (s, old.obj, ts, o ? (mr_family) o->family : MR_FAM_NONE, ev);
  n->flags |= MR_OBJF_REALLOC_LOST;
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  if (fd->ev->kind == MR_EV_REALLOC)
    mr_message_warn (m, MR_RULE_LEAK, "leak of %s if %qs fails (%s) [memrules-%s]",
		     w->what, w->dealloc, NULL);
  else
    mr_message_warn (m, MR_RULE_LEAK, "leak of %s (%s) [memrules-%s]", w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_LEAK) = {
  .rule = MR_RULE_LEAK,
  /* The mark of a block p = realloc (p, n) lost (MR_OBJF_REALLOC_LOST) is set
     whether or not the rule is on; the judging at a return and an overwrite (which
     marks what it reported escaped) run only when it is on.  */
  .always = 1u << MR_HOOK_REALLOC_FAIL,
  .realloc_fail = realloc_fail,
  .overwrite = overwrite,
  .at_return = at_return,
  .message = message,
};
