/* transfer.c — the transfer functions of the events: what each event of memir.h
   does to an abstract state (state.h), and the rules' hooks fired on the way
   (rule.h: before the event's effect, the state as the rules see it).

   mr_apply_event is called by the driver (engine.c) for each state running through
   a block.  An allocation binds its result to a fresh object; a free moves the
   object to "freed"; a realloc splits the state in two or three (success, failure,
   and glibc's free-on-size-0); loads and stores follow pointers through the slots
   of objects, forgetting what an aliased store may have changed; calls clobber
   what the callee may reach.  What a path that returns gives the summary is the
   driver's (mr_path_returns).  */

#include "engine-int.h"
#include "infer.h"
#include "known.h"
#include "util.h"

#include <stdlib.h>

/* Event `dst` defines a new value: whatever the state knew about the object an
   earlier execution of the same statement produced (in a previous loop iteration)
   belongs to that older value, not to this one.  */
static void
fresh_value (mr_state *s, uint32_t dst)
{
  mr_state_unbind (s, dst);
  mr_state_forget_fact (s, dst);
  mr_state_retire (s, MR_OBJ_SYM | dst);
}

/* Marks an object and everything reachable from its slots as out of sight: a
   callee or unknown memory holds it now.  Its contents may be written there, so
   they are forgotten, and it counts as initialised.  */
static void
escape_obj (mr_state *s, uint32_t key, int depth)
{
  if (!mr_is_object (key) || depth > 8)
    return;
  for (uint32_t i = 0; i < s->nslots; i++)
    if ((uint32_t) (s->slots[i].at >> 32) == key)
      escape_obj (s, s->slots[i].content.obj, depth + 1);
  /* Handed on: the receiver may also check it for NULL (shell_check_oom (p)).  */
  mr_state_add_obj_flags (s, key, MR_OBJF_ESCAPED | MR_OBJF_NONNULL);
  mr_state_clear_obj_flags (s, key, MR_OBJF_UNINIT);
  const mr_objst *o = mr_state_obj (s, key);
  if (o)
    ((mr_objst *) o)->fill = NULL;
  mr_state_forget_obj_slots (s, key);
}

/* Escapes what the first MR_HELD_MAX slots of object `key` point to (a callee given
   the object may keep those), leaving the object itself alone; returns how many
   there were (MR_HELD_MAX: maybe more).  Collected first: escaping edits the slot
   table.  */
#define MR_HELD_MAX 8
static uint32_t
escape_held (mr_state *s, uint32_t key)
{
  uint32_t held[MR_HELD_MAX], n = 0, first, last;
  mr_state_obj_slots (s, key, &first, &last);
  for (uint32_t i = first; i < last && n < MR_HELD_MAX; i++)
    held[n++] = s->slots[i].content.obj;
  for (uint32_t i = 0; i < n; i++)
    escape_obj (s, held[i], 0);
  return n;
}

/* Lent to a callee that reads it and keeps no copy (mr_call.borrow_mask): the
   object stays in sight, what it points to may be kept.  The callee may also have
   checked it for NULL, as escape_obj says.  */
static void
lend_obj (mr_state *s, uint32_t key)
{
  if (!mr_is_object (key))
    return;
  if (escape_held (s, key) == MR_HELD_MAX)
    escape_obj (s, key, 0);	/* more than the engine looks at: out of sight */
  else
    mr_state_add_obj_flags (s, key, MR_OBJF_NONNULL);
}

/* Something was written into the object: it is no longer uninitialised.  */
static void
mark_written (mr_state *s, uint32_t key)
{
  const mr_objst *o = mr_is_object (key) ? mr_state_obj (s, key) : NULL;
  if (o && (o->flags & MR_OBJF_UNINIT))
    mr_state_clear_obj_flags (s, key, MR_OBJF_UNINIT);
  if (o)
    ((mr_objst *) o)->fill = NULL;
}

/* The bytes of an object's first MR_WRITTEN_BYTES that access ev (a LOAD or
   STORE of known width) reaches through a pointer at r: a mask as
   mr_objst.written's, or 0 if it reaches beyond them or its place or width is
   not known.  */
uint32_t
mr_access_bytes (const mr_event *ev, mr_ref r)
{
  int64_t off = mr_off_add (r.off, ev->off);
  if (!ev->width || off == MR_OFF_UNKNOWN || off == MR_OFF_POSITIVE || off < 0
      || off + ev->width > MR_WRITTEN_BYTES)
    return 0;
  uint32_t bits = ev->width == 32 ? UINT32_MAX : (1u << ev->width) - 1;
  return bits << off;
}

/* A store into an uninitialised object, of a known width at a known place in
   its first bytes (`pt->x = 1;`): those bytes are written (mr_objst.written),
   the rest stays uninitialised.  False (the whole object counts as written)
   for any other write: an unknown place (an element in a loop), a call's.  */
static bool
mark_bytes_written (mr_state *s, const mr_event *ev, const mr_pointee *p)
{
  /* (Looked up again: the hooks may have changed the table p->obj points into.)  */
  mr_objst *w = ev->kind == MR_EV_STORE && !ev->size && mr_is_object (p->ref.obj)
		? (mr_objst *) mr_state_obj (s, p->ref.obj) : NULL;
  if (!w || !(w->flags & MR_OBJF_UNINIT) || w->fill || w->ts != MR_TS_ALLOCATED)
    return false;
  uint32_t bytes = mr_access_bytes (ev, p->ref);
  if (!bytes)
    return false;
  w->written |= bytes;
  if (w->written == UINT32_MAX)
    mr_state_clear_obj_flags (s, p->ref.obj, MR_OBJF_UNINIT);
  return true;
}

/* A loop's store that fills elements [0, bound) (MR_SIZE_FILL) from the start of
   an object that nothing else wrote (uninitialised with no byte written, or
   filled by this store on the loop's earlier iterations): the object it fills,
   or 0.  After the store, only elements from the bound on are uninitialised.  */
static uint32_t
fill_target (const mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  const mr_size *z = ev->size;
  if (!z || !(z->flags & MR_SIZE_FILL))
    return 0;
  mr_ref base = mr_ref_of (c, s, z->y);
  const mr_objst *o = mr_is_object (base.obj) ? mr_state_obj (s, base.obj) : NULL;
  if (!o || base.off != 0 || o->ts != MR_TS_ALLOCATED
      || !(((o->flags & MR_OBJF_UNINIT) && !o->written) || o->fill == ev))
    return 0;
  return base.obj;
}

/* A local pointer variable passed by address as an out-parameter (`make (&p)`):
   the callee may write it and take what it held, but keeps no copy of the
   address, so the variable stays the function's own after the call: later calls
   do not write it (`OSSL_PARAM_free (params); log (...); ... OSSL_PARAM_free
   (params);` frees one value twice).  */
static void
write_out_param (mr_state *s, uint32_t key)
{
  escape_held (s, key);
  mark_written (s, key);
  mr_state_forget_obj_slots (s, key);
}

/* Is object key a static or global variable?  */
static bool
is_static_obj (const mr_ctx *c, uint32_t key)
{
  return (key & MR_OBJ_KIND_MASK) == MR_OBJ_DECL && MR_OBJ_INDEX (key) < c->f->ndecls
	 && c->f->decls[MR_OBJ_INDEX (key)].kind == MR_DECL_STATIC;
}

/* Globals.  A pointer the function stores into a static or global variable at a
   known offset stays in sight (transfer's STORE): the variable's slot holds it, so
   overwriting the only reference leaks (`g = malloc (10); g = malloc (20);`), as it
   does for a local.  Everyone else may see the variable, so the object goes out of
   sight (escapes) wherever someone else may run: at an unknown call or one that
   writes the caller's memory (clobber_call), at a call that writes nothing but may
   return what a global holds (a getter of the unit, a pure function: escape_globals
   before it), and at the function's return, where the caller takes over and the
   summary must not take the object for its own.  */
#define ALL_STATICS 0u	/* escape_contents: the slots of every static, not
				   of one object (0 is no object's key) */

/* Escapes every object, not escaped yet, held in a slot of object `key` (or of
   any static or global variable: ALL_STATICS); collected MR_HELD_MAX at a time
   (escaping edits the slot table).  One object's slots are found by a binary
   search: a load at an untracked offset asks this on the hot path.  */
static void
escape_contents (mr_ctx *c, mr_state *s, uint32_t key)
{
  uint32_t held[MR_HELD_MAX], n;
  do
    {
      uint32_t first = 0, last = s->nslots;
      if (key != ALL_STATICS)
	mr_state_obj_slots (s, key, &first, &last);
      n = 0;
      for (uint32_t i = first; i < last && n < MR_HELD_MAX; i++)
	{
	  uint32_t o = s->slots[i].content.obj;
	  const mr_objst *st = mr_is_object (o) ? mr_state_obj (s, o) : NULL;
	  uint32_t base = (uint32_t) (s->slots[i].at >> 32);
	  if (st && !(st->flags & MR_OBJF_ESCAPED)
	      && (key != ALL_STATICS
		  || (is_static_obj (c, base) && !mr_obj_unread_static (c->f, base))))
	    held[n++] = o;
	}
      for (uint32_t i = 0; i < n; i++)
	escape_obj (s, held[i], 0);
    }
  while (n == MR_HELD_MAX);
}

static void
escape_globals (mr_ctx *c, mr_state *s)
{
  escape_contents (c, s, ALL_STATICS);
}

/* A call that writes nothing of its caller's may still give back what a global
   holds (`return cache;`) when its result is not known: a function of the unit
   that reads more than its arguments' objects (not MR_EVF_PURE), or one the
   knowledge base does not list (GCC's pure functions may read globals).  */
static bool
may_return_global (const mr_event *ev)
{
  if (!ev->dst)
    return false;
  if (ev->flags & MR_EVF_SUMMARIZED)
    return !(ev->flags & MR_EVF_PURE);
  return !ev->call->callee || !mr_known_lookup (ev->call->callee);
}

/* Does a call leave this slot of an integer static as it is (mr_decl.keep)?  Only
   the function writes it, or the slot holds the one constant the unit ever
   stores there (directly, or as a value a branch fixed to it).  */
static bool
static_kept (const mr_ctx *c, const mr_state *s, const mr_slot *slot)
{
  const mr_decl *d = &c->f->decls[MR_OBJ_INDEX ((uint32_t) (slot->at >> 32))];
  if (d->keep == MR_KEEP_ALWAYS)
    return true;
  mr_ref v = slot->content;
  if (v.obj == MR_OBJ_NULL)
    return v.off == d->keep_value;
  if ((v.obj & MR_OBJ_KIND_MASK) != MR_OBJ_SYM || v.off != 0)
    return false;
  /* It holds its initializer or the constant: not the one, so the other.  */
  const mr_fact *f = mr_state_fact (s, MR_OBJ_INDEX (v.obj));
  int64_t init = d->keep_init;
  return f && ((f->lo == d->keep_value && f->hi == d->keep_value)
	       || (f->has_ne && f->ne == init) || f->lo > init || f->hi < init);
}

/* Can a call of the unit, whose summary lists the statics and globals it may
   write (mr_summary.statics_listed), reach any other?  Only through the memory
   its arguments point to, where it writes: each of those must be an allocation,
   a local or NULL (a static given by address escapes, its slots forgotten, with
   the arguments); a pointer of unknown origin may be a global's address.  */
static bool
call_lists_static_writes (const mr_ctx *c, const mr_state *s, const mr_call *call)
{
  if (!call->statics_listed)
    return false;
  uint32_t through = call->write_mask | call->store_mask;
  for (uint32_t i = 0; i < call->nargs && i < 32; i++)
    {
      if (!(through & (1u << i)))
	continue;
      mr_ref r = mr_ref_of (c, s, call->args[i]);
      uint32_t kind = r.obj & MR_OBJ_KIND_MASK;
      if (r.obj != MR_OBJ_NULL && kind != MR_OBJ_ALLOC && kind != MR_OBJ_DECL)
	return false;
    }
  return true;
}

/* Does such a call leave the static or global `key` as it is: not one it lists?
   The object it holds stays the variable's, though the callee may read the
   variable and keep, free or write what it points to: that object escapes.  */
static bool
call_keeps_static (const mr_ctx *c, const mr_call *call, uint32_t key)
{
  uint32_t uid = c->f->decls[MR_OBJ_INDEX (key)].uid;
  for (uint32_t i = 0; i < call->nstatic_writes; i++)
    if (call->static_writes[i] == uid)
      return false;
  return true;
}

/* A call of the unit that writes nothing of its caller's but integers
   (MR_EVF_NO_CLOBBER) may still set a flag the caller has in a static or global
   (`void fail (void) { failed = 1; }`): the slots of those its summary lists are
   forgotten, so `failed = 0; fail (); if (!failed) ...` is not taken for sure;
   but a slot no call can change keeps its value (static_kept: the unit only ever
   stores the constant it holds).  */
static void
forget_listed_statics (mr_ctx *c, mr_state *s, const mr_call *call)
{
  for (uint32_t i = 0; i < call->nstatic_writes; i++)
    for (uint32_t d = 0; d < c->f->ndecls; d++)
      {
	if (c->f->decls[d].kind != MR_DECL_STATIC || c->f->decls[d].uid != call->static_writes[i])
	  continue;
	uint32_t key = MR_OBJ_DECL | d, first, last;
	if (c->f->decls[d].keep == MR_KEEP_NONE)
	  {
	    mr_state_forget_obj_slots (s, key);
	    continue;
	  }
	mr_state_obj_slots (s, key, &first, &last);
	for (uint32_t k = first; k < last;)
	  if (!static_kept (c, s, &s->slots[k]))
	    {
	      mr_state_forget_slot (s, (mr_ref) { key, (int32_t) (uint32_t) s->slots[k].at });
	      last--;
	    }
	  else
	    k++;
      }
}

/* A call may write through its pointer arguments and anything reachable from them or
   from escaped and global objects: forget what the state knows about their contents.
   An out-parameter is written, not escaped.  A function of the unit that lists the
   statics it writes leaves the others' slots alone (call_keeps_static).  */
static void
clobber_call (mr_ctx *c, mr_state *s, const mr_call *call)
{
  for (uint32_t i = 0; i < call->nargs; i++)
    {
      mr_ref r = mr_ref_of (c, s, call->args[i]);
      bool local = (r.obj & MR_OBJ_KIND_MASK) == MR_OBJ_DECL
		   && MR_OBJ_INDEX (r.obj) < c->f->ndecls
		   && c->f->decls[MR_OBJ_INDEX (r.obj)].kind == MR_DECL_LOCAL;
      if (i < 32 && (call->out_mask & (1u << i)) && local && r.off == 0)
	write_out_param (s, r.obj);
      else if (i < 32 && (call->borrow_mask & (1u << i)))
	lend_obj (s, r.obj);
      else
	escape_obj (s, r.obj, 0);
    }
  /* Slots inside escaped objects and statics: the callee may reach them too.  */
  bool listed = call_lists_static_writes (c, s, call);
  for (uint32_t i = 0; i < s->nslots;)
    {
      uint32_t base = (uint32_t) (s->slots[i].at >> 32);
      const mr_objst *o = mr_state_obj (s, base);
      if (is_static_obj (c, base) && c->f->decls[MR_OBJ_INDEX (base)].keep != MR_KEEP_NONE)
	{
	  if (!static_kept (c, s, &s->slots[i])
	      && !(listed && call_keeps_static (c, call, base)))
	    {
	      mr_state_forget_slot (s, (mr_ref) { base, (int32_t) (uint32_t) s->slots[i].at });
	      continue;
	    }
	}
      /* Nobody reads what a static whose value is never used holds: the callee
	 cannot take it.  */
      else if (mr_obj_unread_static (c->f, base))
	;
      else if (listed && is_static_obj (c, base) && call_keeps_static (c, call, base))
	{
	  uint32_t before = s->nslots;
	  escape_obj (s, s->slots[i].content.obj, 0);
	  if (s->nslots < before)
	    {
	      i = 0;		/* slots moved: rescan (they only shrink) */
	      continue;
	    }
	}
      else if (is_static_obj (c, base) || (o && (o->flags & MR_OBJF_ESCAPED)))
	{
	  uint32_t before = s->nslots;
	  escape_obj (s, base, 0);
	  if (s->nslots < before)
	    {
	      i = 0;		/* slots moved: rescan (they only shrink) */
	      continue;
	    }
	}
      i++;
    }
}

/* The range of one term of a size sum: its fact, its width, its sign.  */
static void
term_range (const mr_ctx *c, const mr_state *s, mr_opnd o, unsigned bits, bool nonneg,
	    __int128 *lo, __int128 *hi)
{
  if (o.kind == MR_OPND_CONST)
    {
      *lo = *hi = o.num;
      return;
    }
  __int128 top = bits && bits < 64 ? ((__int128) 1 << bits) - 1 : (__int128) UINT64_MAX;
  *hi = top;
  *lo = nonneg ? 0 : -top - 1;
  int64_t off;
  uint32_t root = o.kind == MR_OPND_VALUE ? mr_func_root (c->f, o.id, &off) : 0;
  const mr_fact *f = root && off == 0 ? mr_state_fact (s, root) : NULL;
  if (!f)
    return;
  if (f->lo > *lo && (nonneg || f->lo != INT64_MIN))
    *lo = f->lo;
  if (f->hi != INT64_MAX && f->hi < *hi)
    *hi = f->hi;
  if (nonneg && (__int128) (UINT64_MAX - f->ubelow) < *hi)
    *hi = UINT64_MAX - f->ubelow;
}

/* Can the size of allocation ev not be 0 in s: a sum (x + y + c) whose terms'
   ranges leave out 0 without wrapping around (`size + 16` after `if (size >
   SIZE_MAX - 16) fail;`, `2 + n + offs` of two unsigned ints)?  */
static bool
size_never_zero (const mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  const mr_size *z = ev->size;
  if (!z || !(z->flags & MR_SIZE_SUM))
    return false;
  __int128 lo = z->add, hi = z->add, l, h;
  term_range (c, s, z->x, z->x_bits, z->flags & MR_SIZE_X_NONNEG, &l, &h);
  lo += l, hi += h;
  if (z->y.kind != MR_OPND_NONE)
    {
      term_range (c, s, z->y, z->y_bits, z->flags & MR_SIZE_Y_NONNEG, &l, &h);
      lo += l, hi += h;
    }
  unsigned bits = z->product_bits ? z->product_bits : 64;
  __int128 max = bits >= 64 ? (__int128) UINT64_MAX : ((__int128) 1 << bits) - 1;
  if (!(z->flags & MR_SIZE_SIGNED) && (hi > max || lo < 0))
    return false;		/* may wrap around to 0 */
  return lo > 0 || hi < 0;
}

/* True if a fact on o (from a branch) says it may be 0, as opposed to no fact.  */
static bool
size_fact_allows_zero (const mr_ctx *c, const mr_state *s, mr_opnd o)
{
  int64_t off;
  uint32_t root = mr_root_of (c, o, &off);
  const mr_fact *f = root && off == 0 ? mr_state_fact (s, root) : NULL;
  return f && f->lo <= 0 && f->hi >= 0 && !(f->has_ne && f->ne == 0)
	 && f->hi != INT64_MAX;
}

/* The function dereferences `subject` (read or write): the deref hooks (what is not
   about freed memory: NULL from an allocation, size 0, uninitialised reads), then a
   write initialises the object.  */
static void
dereference (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, bool write)
{
  /* Past a dereference the pointer is not NULL: on the path where an unchecked
     allocation failed, the program stopped here.  Later tests of it and the paths
     they guard (an error exit freeing what the object holds) are about the path
     that goes on.  (Read before the hooks, which may copy the object but set
     neither flag.)  */
  bool maybe_null = p->obj && (p->obj->flags & MR_OBJF_MAYBE_NULL)
		    && !(p->obj->flags & MR_OBJF_NONNULL);
  MR_FIRE (c, MR_HOOK_DEREF, deref, c, s, ev, p, write);
  if (write && !mark_bytes_written (s, ev, p))
    mark_written (s, p->ref.obj);
  if (maybe_null)
    mr_state_add_obj_flags (s, p->ref.obj, MR_OBJF_NONNULL);
}

/* What the rules' use and deref hooks are told of an access to `subject`: looked
   up once for all of them (rule.h).  */
static mr_pointee
pointee_of (const mr_ctx *c, const mr_state *s, mr_opnd subject)
{
  mr_pointee p = { subject, mr_ref_of (c, s, subject), NULL };
  if (mr_is_object (p.ref.obj))
    p.obj = mr_state_obj (s, p.ref.obj);
  return p;
}

/* What the path knows of o against 0: 0 known zero (a NULL pointer), 1 known
   nonzero, -1 neither.  Its binding (NULL, or an object a test found NULL), then
   its facts, read as the early exits read them (mr_cmp_known).  */
static int
known_zero_side (const mr_ctx *c, const mr_state *s, mr_opnd o)
{
  mr_ref r = mr_ref_of (c, s, o);
  if (r.obj == MR_OBJ_NULL)
    return r.off != 0;
  if (mr_is_object (r.obj) && mr_obj_ts (s, r.obj) == MR_TS_NULL && r.off == 0)
    return 0;
  unsigned eq = mr_cmp_known (c, s, o, MR_CMP_EQ, mr_const (0), false, false);
  if (!(eq & 2))
    return 0;
  if (!(eq & 1))
    return 1;
  return -1;
}

static void
apply_alloc (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  /* A callee's result that is NULL where its argument is (MR_EVF_NULL_WITH), on
     a path that knows the argument so: NULL, as `rev (NULL)` is.  */
  if ((ev->flags & MR_EVF_NULL_WITH) && known_zero_side (c, s, ev->b) == (ev->off != 0))
    {
      if (ev->dst)
	{
	  mr_state_forget_fact (s, ev->dst);
	  mr_state_bind (s, ev->dst, (mr_ref) { MR_OBJ_NULL, 0 });
	}
      return;
    }
  MR_FIRE (c, MR_HOOK_SIZE, size, c, s, ev);
  uint32_t key = MR_OBJ_ALLOC | ev->id;
  mr_state_retire (s, key);
  mr_objst *o = mr_state_set_obj (s, key, MR_TS_ALLOCATED, (mr_family) ev->family, ev);
  o->flags = 0;
  if (ev->flags & MR_EVF_MAY_FAIL)
    o->flags |= MR_OBJF_MAYBE_NULL;
  if (ev->flags & MR_EVF_NEVER_NULL)
    o->flags |= MR_OBJF_NONNULL;
  if (ev->flags & MR_EVF_QUIET_NULL)
    o->flags |= MR_OBJF_QUIET_NULL;
  if (ev->flags & MR_EVF_UNINIT)
    o->flags |= MR_OBJF_UNINIT;
  o->written = 0;
  o->fill = NULL;
  if (ev->a.kind != MR_OPND_NONE && mr_may_be_zero (c, s, ev->a)
      && !size_never_zero (c, s, ev))
    o->flags |= MR_OBJF_MAYBE_ZERO;
  if (ev->dst)
    {
      mr_state_forget_fact (s, ev->dst);
      mr_state_bind (s, ev->dst, (mr_ref) { key, 0 });
    }
}

/* Memory held by memory the caller can see.  A pointer stored into a parameter's
   struct, or any struct the function did not make (`s->buf = malloc (n)`), goes out
   of sight at the store: the caller may take it from there.  But until someone else
   runs, that slot is its only holder outside the function's own values; if the
   function then frees the struct (`free (s)`) with nothing else holding the block,
   the caller can no longer reach it either, as when a local struct is freed
   (leak.c, freed_private).  So the store marks the block MR_OBJF_HELD_OUTSIDE when
   it escapes only by that store; anything else that hands it on (a second store
   into such memory, a call given it or its holder: escape_obj) or a call that may
   reach it (held_outside_after_call: a callee may have copied the field through a
   pointer the engine does not see) takes the mark away, and a join keeps it only
   if both sides have it.  Freeing a struct whose slot still holds a marked block
   brings the block back into sight (holder_freed): the leak rule judges it as any
   block of the function's own.  */
static void
forget_held_outside (mr_state *s)
{
  for (uint32_t i = 0; i < s->nobjs; i++)
    s->objs[i].flags &= ~MR_OBJF_HELD_OUTSIDE;
}

/* Which calls may take a block held outside out of sight.  Only a call that writes
   nothing of its caller's beyond what is known of it (MR_EVF_NO_CLOBBER) cannot: a
   C library function of known.def, which keeps and frees nothing it is given
   (strlen, memcpy, printf); a function of the unit whose summary says it stores,
   keeps, hands on and frees nothing it is given but what it always frees (those
   frees are events of their own); a const or pure function.  Any other call, even
   one given neither the block nor its holder, may reach both through memory the
   engine does not follow.  A call that writes through an argument may still copy
   the pointer's bytes out of an object it reads through (memcpy (copy, s, size), a
   helper copying a struct): what the slots of those objects hold loses the mark,
   and every block does when one of them is not known.  Only the objects the
   arguments point to are looked at, not those that may alias them (another
   parameter pointing to the same struct), as the engine does not follow pointers
   copied byte by byte elsewhere either.  */
static void
held_outside_after_call (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  const mr_call *call = ev->call;
  if (!call || !(ev->flags & MR_EVF_NO_CLOBBER))
    {
      forget_held_outside (s);
      return;
    }
  if (!call->write_mask)
    return;
  for (uint32_t i = 0; i < call->nargs && i < 32; i++)
    {
      if (!(call->deref_mask & (1u << i)))
	continue;
      mr_ref r = mr_ref_of (c, s, call->args[i]);
      if (r.obj == MR_OBJ_NONE)
	{
	  forget_held_outside (s);
	  return;
	}
      uint32_t first, last;
      mr_state_obj_slots (s, r.obj, &first, &last);
      for (uint32_t k = first; k < last; k++)
	mr_state_clear_obj_flags (s, s->slots[k].content.obj, MR_OBJF_HELD_OUTSIDE);
    }
}

static void
holder_freed (mr_state *s, uint32_t holder)
{
  uint32_t first, last;
  mr_state_obj_slots (s, holder, &first, &last);
  for (uint32_t i = first; i < last; i++)
    {
      uint32_t held = s->slots[i].content.obj;
      const mr_objst *o = held != holder && mr_is_object (held) ? mr_state_obj (s, held) : NULL;
      if (o && (o->flags & MR_OBJF_HELD_OUTSIDE) && o->ts == MR_TS_ALLOCATED)
	((mr_objst *) o)->flags &= ~(MR_OBJF_HELD_OUTSIDE | MR_OBJF_ESCAPED);
    }
}

/* A free or a dereference under a flag (MR_EVF_GUARDED, a summarized callee's
   `if (flag) free (p);`, `if (flag) p[0] = 5;`): does the path know the flag so?
   A flag not known does nothing.  */
static bool
guard_holds (const mr_state *s, const mr_event *ev)
{
  if (!(ev->flags & MR_EVF_GUARDED))
    return true;
  if (ev->b.kind == MR_OPND_CONST)	/* a constant argument: decided */
    return ev->off ? ev->b.num != 0 : ev->b.num == 0;
  const mr_fact *f = ev->b.kind == MR_OPND_VALUE ? mr_state_fact (s, ev->b.id) : NULL;
  if (!f)
    return false;
  return ev->off ? mr_fact_nonzero (f) : mr_fact_zero (f);
}

static void
apply_free (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  if (!guard_holds (s, ev))
    return;
  mr_ref r = mr_ref_of (c, s, ev->a);
  if (ev->flags & MR_EVF_HANDOVER)
    {
      /* A smart pointer takes it: the way it will free it must fit.  Who holds it
	 from now on is the lowering's business (a store into a unique_ptr, an
	 escape into a shared_ptr).  */
      MR_FIRE (c, MR_HOOK_HANDOVER, handover, c, s, ev, r);
      return;
    }
  /* A deallocator known only by a rule, handed a pointer into an object
     (sockhash_destroy (&multi->sockhash)), releases what that part holds, not the
     object: the object is handed to it, as to any call.  */
  if (mr_family_uncertain (ev->family) && r.off != 0)
    {
      escape_obj (s, r.obj, 0);
      return;
    }
  MR_FIRE (c, MR_HOOK_RELEASE, release, c, s, ev, r);
  if (ev->via && mr_is_object (r.obj))
    mr_contents_out_of_sight (s, r.obj);
  mr_ts ts = mr_is_object (r.obj) ? mr_obj_ts (s, r.obj) : MR_TS_UNKNOWN;
  if (mr_is_object (r.obj) && ts != MR_TS_NONHEAP && ts != MR_TS_NULL)
    {
      mr_set_freed (s, r.obj, ev);
      if (!ev->via && r.off == 0)
	holder_freed (s, r.obj);
    }
}

void
mr_contents_out_of_sight (mr_state *s, uint32_t key)
{
  for (uint32_t i = 0; i < s->nslots; i++)
    if ((uint32_t) (s->slots[i].at >> 32) == key)
      mr_state_add_obj_flags (s, s->slots[i].content.obj, MR_OBJF_ESCAPED);
}

void
mr_set_freed (mr_state *s, uint32_t key, const mr_event *ev)
{
  mr_objst *o = mr_state_set_obj (s, key, MR_TS_FREED, (mr_family) ev->family, ev);
  o->flags &= ~(MR_OBJF_REALLOC0 | MR_OBJF_UNINIT | MR_OBJF_MAYBE_ZERO);
  o->written = 0;		/* (only kept with MR_OBJF_UNINIT) */
}

/* A block realloc moved: the new one holds what the old one held (a struct's
   `buf` field is still its only reference).  Up to MOVED_MAX slots are carried
   over; past that, what the old block held goes out of sight.  */
#define MOVED_MAX 16
static void
move_slots (mr_ctx *c, mr_state *s, uint32_t from, uint32_t to)
{
  int64_t off[MOVED_MAX];
  mr_ref held[MOVED_MAX];
  uint32_t n = 0, first, last;
  mr_state_obj_slots (s, from, &first, &last);
  if (last - first > MOVED_MAX)
    {
      escape_contents (c, s, from);
      return;
    }
  for (uint32_t i = first; i < last; i++)
    {
      off[n] = (int32_t) (uint32_t) s->slots[i].at;
      held[n++] = s->slots[i].content;
    }
  for (uint32_t i = 0; i < n; i++)
    mr_state_store (s, (mr_ref) { to, off[i] }, held[i]);
}

/* realloc (a, b): checked like a free of a, then three outcomes.  Success: a is
   freed (moved) and dst is a new block.  Failure: dst is NULL and a untouched
   (freed by reallocf, MR_EVF_FAIL_FREES), or,
   when b may be 0, a freed by glibc's realloc (p, 0) (MEM36-C).  A realloc that
   never returns NULL (no MR_EVF_MAY_FAIL: xrealloc, g_realloc) only succeeds.  */
static void
apply_realloc (mr_ctx *c, mr_state *s, const mr_event *ev, mr_state_list *more)
{
  MR_FIRE (c, MR_HOOK_SIZE, size, c, s, ev);
  mr_ref r = mr_ref_of (c, s, ev->a);
  MR_FIRE (c, MR_HOOK_RELEASE, release, c, s, ev, r);
  uint32_t key = MR_OBJ_ALLOC | ev->id;
  mr_ts ts = mr_is_object (r.obj) ? mr_obj_ts (s, r.obj) : MR_TS_NULL;
  bool moves = mr_is_object (r.obj) && ts != MR_TS_FREED && ts != MR_TS_NONHEAP
	       && ts != MR_TS_NULL;
  /* A size computed by the function (n * 2, a PHI of such) is taken as nonzero
     unless a fact says otherwise; one that comes from outside may be 0.  */
  const mr_size *z = ev->size;
  bool product = z && z->x.kind != MR_OPND_NONE && z->x2.kind == MR_OPND_NONE
		 && !(z->flags & MR_SIZE_SUM);
  bool zero = moves && mr_may_be_zero (c, s, ev->b)
	      && (ev->b.kind == MR_OPND_CONST
		  || (ev->flags & (MR_EVF_SIZE_INPUT | MR_EVF_SIZE_ARITH))
		  || size_fact_allows_zero (c, s, ev->b)
		  /* a product is 0 where a factor is */
		  || (product && (size_fact_allows_zero (c, s, z->x)
				  || (z->y.kind != MR_OPND_NONE
				      && size_fact_allows_zero (c, s, z->y)))))
	      && !size_never_zero (c, s, ev);
  bool nonzero = !(ev->b.kind == MR_OPND_CONST && ev->b.num == 0);
  bool may_fail = (ev->flags & MR_EVF_MAY_FAIL) != 0;
  if (!may_fail)
    zero = false, nonzero = true;
  int64_t off;
  uint32_t size_root = mr_root_of (c, ev->b, &off);
  if (off != 0)
    size_root = 0;

  if (moves && !nonzero)
    {
      /* realloc (p, 0): glibc frees p and returns NULL; that is the only outcome.  */
      mr_objst *o = mr_state_set_obj (s, r.obj, MR_TS_FREED, (mr_family) ev->family, ev);
      o->flags |= MR_OBJF_REALLOC0;
      mr_state_retire (s, key);
      mr_state_set_obj (s, key, MR_TS_NULL, (mr_family) ev->family, ev);
      if (ev->dst)
	{
	  mr_state_forget_fact (s, ev->dst);
	  mr_state_bind (s, ev->dst, (mr_ref) { key, 0 });
	}
      return;
    }
  if (moves && zero)
    {
      mr_state *z = mr_state_copy (s);
      if (!size_root || mr_state_refine (z, size_root, MR_CMP_EQ, 0, true))
	{
	  mr_objst *o = mr_state_set_obj (z, r.obj, MR_TS_FREED, (mr_family) ev->family, ev);
	  o->flags |= MR_OBJF_REALLOC0;
	  mr_state_retire (z, key);
	  mr_state_set_obj (z, key, MR_TS_NULL, (mr_family) ev->family, ev);
	  if (ev->dst)
	    {
	      mr_state_forget_fact (z, ev->dst);
	      mr_state_bind (z, ev->dst, (mr_ref) { key, 0 });
	    }
	  mr_state_list_push (more, z);
	}
      else
	mr_state_free (z);
    }
  if (moves && nonzero && may_fail)
    {
      mr_state *fail = mr_state_copy (s);
      if (!size_root || mr_state_refine (fail, size_root, MR_CMP_NE, 0, true))
	{
	  /* reallocf frees the block it could not grow: nothing is lost.  */
	  if (ev->flags & MR_EVF_FAIL_FREES)
	    mr_state_set_obj (fail, r.obj, MR_TS_FREED, (mr_family) ev->family, ev);
	  else
	    MR_FIRE (c, MR_HOOK_REALLOC_FAIL, realloc_fail, c, fail, ev, r);
	  mr_state_retire (fail, key);
	  mr_state_set_obj (fail, key, MR_TS_NULL, (mr_family) ev->family, ev);
	  if (ev->dst)
	    {
	      mr_state_forget_fact (fail, ev->dst);
	      mr_state_bind (fail, ev->dst, (mr_ref) { key, 0 });
	    }
	  mr_state_list_push (more, fail);
	}
      else
	mr_state_free (fail);
    }
  if (moves)
    mr_state_set_obj (s, r.obj, MR_TS_FREED, (mr_family) ev->family, ev);
  if (moves && size_root)
    mr_state_refine (s, size_root, MR_CMP_NE, 0, true);
  mr_state_retire (s, key);
  /* realloc (NULL, n) is malloc (n), which may fail; a moved block succeeded.  */
  mr_objst *o = mr_state_set_obj (s, key, MR_TS_ALLOCATED, (mr_family) ev->family, ev);
  o->flags = moves ? MR_OBJF_NONNULL
	     : MR_OBJF_UNINIT | (may_fail ? MR_OBJF_MAYBE_NULL : MR_OBJF_NONNULL);
  o->written = 0;
  if (moves)
    move_slots (c, s, r.obj, key);
  if (mr_may_be_zero (c, s, ev->b) && !size_never_zero (c, s, ev))
    o->flags |= MR_OBJF_MAYBE_ZERO;
  if (ev->dst)
    {
      mr_state_forget_fact (s, ev->dst);
      mr_state_bind (s, ev->dst, (mr_ref) { key, 0 });
    }
}

/* An integer constant stored into memory (`u->kind = K_STR`) is remembered in its
   slot as the null pointer plus the constant, {MR_OBJ_NULL, c}: no object, so the
   walks over what slots point to skip it, and an integer load of the slot knows its
   value (the tag of a union read again selects the member written with it).  A
   pointer loaded from such a slot (a union's other member) is not that: it is a new
   unknown value.  */
static bool
int_constant (mr_ref content)
{
  return content.obj == MR_OBJ_NULL && content.off != 0;
}

/* Memory accessed through a pointer known to be NULL on this path: the program
   would stop there, so the path goes no further (its findings would be about a
   path the code's own logic rules out, such as a buffer grown on the first
   iteration by a test the engine cannot evaluate).  */
static bool
through_null (mr_ref base, mr_state *s)
{
  if (base.obj != MR_OBJ_NULL)
    return false;
  s->dead = true;
  return true;
}

/* Aliasing.  A store writes one slot of the object its pointer is known to point
   to, but the same bytes may be reachable through another object key: two unknown
   pointers (two parameters, a parameter and a pointer loaded from memory) may
   address the same memory at any offsets, and the state names them as different
   objects.  The intrusive lists of <sys/queue.h> depend on it: TAILQ_REMOVE unlinks
   the first element by `*elm->field.tqe_prev = next`, which is the store to
   head->tqh_first.  So a store through a pointer into object X forgets what the
   state knew about the slots of every other object that may share memory with X;
   only objects provably distinct from X keep their slots.

   What counts as distinct, object kind by object kind:
   - two allocations (two sites, or two generations of one site): two live blocks
     of the heap never overlap;
   - two named objects (locals, statics): distinct variables;
   - an allocation or a local against a parameter's object: the parameter pointed
     to memory that existed when the function was entered, before the allocation
     was made or the local's frame existed (a block freed and handed out again is a
     dangling pointer, another rule's business);
   - an allocation or a local against a static: distinct storage;
   - an allocation or a local that has not escaped against anything the function
     did not make itself: a pointer to it exists only in the values and slots the
     state follows (storing it where the engine cannot follow, passing it to a call
     or losing it in a join marks it escaped), so no unknown pointer reaches it;
   - an object against itself: only the slot at the store's exact offset changes
     (the existing per-slot update); a store at an unknown offset, or of an
     aggregate (whose size the IR does not give), forgets them all.
   Everything else may alias: an unknown pointer (a parameter, a value loaded from
   memory, a call's result) against another unknown pointer or a static, or against
   an allocation or local that escaped.  A call to a function of the unit does the
   stores its summary lists (summarize_stores) through the same rule.  A store through a pointer the state does
   not know at all (MR_OBJ_NONE: a binding lost in a join) may address any object
   that is not provably private: every unknown object, static and escaped one.

   One distinction of types is made, the one C's effective-type rule makes for
   every compiler that optimises on it: a store of a non-pointer scalar (an int, a
   size, a char) does not change a pointer stored elsewhere, so `im->clip->max += 8`
   keeps `im->clip`.  Pointer stores and aggregate ones (`*p = *q`, which may carry
   pointers) forget the slots that may alias, pointer or integer alike.  What that
   misses: a pointer overwritten byte by byte through a `char *` or through a union's
   integer member, both rare in code that keeps pointers in the structures it
   writes; an integer slot (remembered for its facts) changed through an alias by
   an integer store keeps its old facts, as before this rule.  */

/* Which of the kinds above an object key is.  */
typedef enum alias_kind
{
  ALIAS_UNKNOWN,		/* pointed to by a loaded value, a call result, a PHI */
  ALIAS_ENTRY,			/* what a parameter points to: existed at entry */
  ALIAS_STATIC,			/* a static, a literal, a function */
  ALIAS_PRIVATE,		/* an allocation or a local that has not escaped */
  ALIAS_MADE			/* an allocation or a local that has escaped */
} alias_kind;

static alias_kind
alias_kind_of (const mr_ctx *c, const mr_state *s, uint32_t key)
{
  uint32_t kind = key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD;
  uint32_t index = MR_OBJ_INDEX (key & ~MR_OBJ_OLD);
  if (kind == MR_OBJ_SYM)
    return !(key & MR_OBJ_OLD) && index < c->f->nvalues && c->is_param && c->is_param[index]
	   ? ALIAS_ENTRY : ALIAS_UNKNOWN;
  if (kind == MR_OBJ_DECL
      && (index >= c->f->ndecls || c->f->decls[index].kind != MR_DECL_LOCAL))
    return ALIAS_STATIC;
  const mr_objst *o = mr_state_obj (s, key);
  return o && (o->flags & MR_OBJF_ESCAPED) ? ALIAS_MADE : ALIAS_PRIVATE;
}

/* May memory of kind a and memory of kind b (two different objects) overlap?  */
static bool
kinds_may_alias (alias_kind a, alias_kind b)
{
  if (a == ALIAS_PRIVATE || b == ALIAS_PRIVATE)
    return false;
  if (a == ALIAS_UNKNOWN || b == ALIAS_UNKNOWN)
    return true;
  /* Neither is unknown: entry, static or made.  Entry memory may be reached from a
     static (and two parameters may point into one object); made memory is new.  */
  return (a == ALIAS_ENTRY || a == ALIAS_STATIC) && (b == ALIAS_ENTRY || b == ALIAS_STATIC)
	 && !(a == ALIAS_STATIC && b == ALIAS_STATIC);
}

typedef struct alias_query
{
  const mr_ctx *c;
  alias_kind target;		/* the kind of the object stored into */
} alias_query;

static bool
slot_may_alias (const void *arg, const mr_state *s, uint32_t key)
{
  const alias_query *q = arg;
  /* No pointer reaches a static whose address is never taken.  */
  if (is_static_obj (q->c, key) && q->c->f->decls[MR_OBJ_INDEX (key)].keep != MR_KEEP_NONE)
    return false;
  /* Nor validly a struct freed on this path: what its slots held when it was freed
     is what it lost (`free (h); t->slot = NULL;`, leak.c).  */
  if (mr_obj_ts (s, key) == MR_TS_FREED)
    return false;
  return kinds_may_alias (q->target, alias_kind_of (q->c, s, key));
}

/* A store through a pointer into object `target` (MR_OBJ_NONE: unknown) is about to
   write it: the slots of other objects that may share its memory are forgotten.  */
static void
clobber_aliases (mr_ctx *c, mr_state *s, uint32_t target)
{
  if (!s->nslots)
    return;
  alias_query q = { c, target == MR_OBJ_NONE ? ALIAS_UNKNOWN : alias_kind_of (c, s, target) };
  if (q.target == ALIAS_PRIVATE)
    return;
  mr_state_forget_slots_if (s, target, slot_may_alias, &q);
}

/* A call we know nothing of that is handed an object may unlink it from a list:
   an intrusive list's element points back at the link that points to it, so
   `unlink (n)` may store `*n->prev = n->next`, the store to `l->first` when n is
   first.  Every link holding a handed object in memory an unknown pointer can
   reach (slot_may_alias: a parameter's object, memory reached through loaded
   pointers, a static, an escaped object) is forgotten, so `while ((n = l->first))
   { unlink (n); free (n); }` reads a new element each time.  Links in private
   memory keep it (no pointer the callee loads reaches them), and so do the links
   a const parameter is handed (a reader).  A summarized call stores where its
   summary says (stores_wild, store_mask) instead.  One walk of the slots.  */
static void
forget_links_to_handed (mr_ctx *c, mr_state *s, const mr_call *call)
{
  uint32_t handed[32], n = 0;
  for (uint32_t i = 0; i < call->nargs && i < 32; i++)
    {
      uint32_t o = mr_ref_of (c, s, call->args[i]).obj;
      if (!(call->borrow_mask & (1u << i)) && mr_is_object (o)
	  && mr_obj_ts (s, o) != MR_TS_FREED)
	handed[n++] = o;
    }
  if (!n || !s->nslots)
    return;
  alias_query q = { c, ALIAS_UNKNOWN };
  for (uint32_t i = 0; i < s->nslots;)
    {
      uint32_t base = (uint32_t) (s->slots[i].at >> 32), held = s->slots[i].content.obj;
      bool hit = false;
      for (uint32_t k = 0; k < n && !hit; k++)
	hit = held == handed[k] && base != held;
      if (hit && slot_may_alias (&q, s, base))
	{
	  mr_state_forget_slot (s, (mr_ref) { base, (int32_t) (uint32_t) s->slots[i].at });
	  continue;
	}
      i++;
    }
}

/* dst = a + step (MR_EVF_INT_STEP): known exactly when a is, and the sum stays in
   the type (ev->off: its width, negated when unsigned), so `for (i = 0; i < 1;
   i++)` runs once: i is 0, then 1, and the test sends 1 out of the loop.  Only an
   exact value steps: an interval would grow by the step at every iteration of a
   loop with an unknown bound, where joins never stop it.  */
static void
step_value (const mr_ctx *c, mr_state *s, const mr_event *ev)
{
  int64_t off, v = 0;
  bool known = false;
  if (ev->a.kind == MR_OPND_CONST)
    v = ev->a.num, known = true;
  else
    {
      uint32_t root = mr_root_of (c, ev->a, &off);
      const mr_fact *f = root && !off ? mr_state_fact (s, root) : NULL;
      if (f && f->lo == f->hi && !f->ubelow)
	v = f->lo, known = true;
    }
  mr_state_unbind (s, ev->dst);
  mr_state_forget_fact (s, ev->dst);
  int64_t r;
  if (!known || ev->b.kind != MR_OPND_CONST || __builtin_add_overflow (v, ev->b.num, &r))
    return;
  bool is_unsigned = ev->off < 0;
  int64_t bits = is_unsigned ? -ev->off : ev->off;
  if (bits < 2 || bits > 64)
    return;
  /* The signed type's range; for an unsigned one, its lower half, where the
     state's facts say the same as the bits (a wrap leaves the value unknown).  */
  int64_t max = bits == 64 ? INT64_MAX : ((int64_t) 1 << (bits - 1)) - 1;
  int64_t min = is_unsigned ? 0 : -max - 1;
  if (v < min || v > max || r < min || r > max)
    return;
  mr_state_set_const (s, ev->dst, r);
}

void
mr_apply_event (mr_ctx *c, mr_state *s, const mr_event *ev, mr_state_list *more)
{
  /* A new version of a user variable: what only its old version held is lost.  */
  if (ev->dst && (ev->kind != MR_EV_COPY
		  || (ev->a.kind != MR_OPND_VALUE && ev->a.kind != MR_OPND_UNKNOWN))
      && c->f->value_var && ev->dst < c->f->nvalues && c->f->value_var[ev->dst])
    MR_FIRE (c, MR_HOOK_OVERWRITE, overwrite, c, s, ev, c->f->value_var[ev->dst], false,
	     (mr_ref) { 0, 0 });
  switch (ev->kind)
    {
    case MR_EV_ALLOC:
      apply_alloc (c, s, ev);
      break;

    case MR_EV_FREE:
      apply_free (c, s, ev);
      mr_array_walk_freed (c, s, ev);
      break;

    case MR_EV_REALLOC:
      apply_realloc (c, s, ev, more);
      break;

    case MR_EV_COPY:
      /* Copies of values are resolved statically (mr_func_resolve); only copies of
	 constants and addresses give their destination a binding here.  */
      if (ev->dst && ev->a.kind != MR_OPND_VALUE && (ev->flags & MR_EVF_POINTER))
	{
	  mr_ref r = mr_ref_of (c, s, ev->a);
	  if (r.obj != MR_OBJ_NONE)
	    mr_state_bind (s, ev->dst, r);
	}
      /* A value computed by arithmetic the lowering does not follow: a new unknown
	 value at each definition.  */
      else if (ev->dst && ev->a.kind == MR_OPND_UNKNOWN)
	fresh_value (s, ev->dst);
      /* An integer constant (a static never written, a callee's constant result).  */
      else if (ev->dst && ev->a.kind == MR_OPND_CONST
	       && !(ev->flags & (MR_EVF_POINTER | MR_EVF_CONVERT)))
	{
	  mr_state_forget_fact (s, ev->dst);
	  mr_state_set_const (s, ev->dst, ev->a.num);
	}
      else if (ev->dst && (ev->flags & MR_EVF_INT_STEP))
	step_value (c, s, ev);
      /* (size_t) n: n's fact, when it says n >= 0.  */
      else if (ev->dst && (ev->flags & MR_EVF_CONVERT))
	{
	  int64_t off;
	  uint32_t n = mr_root_of (c, ev->a, &off);
	  const mr_fact *f = n && !off ? mr_state_fact (s, n) : NULL;
	  mr_state_forget_fact (s, ev->dst);
	  if (ev->a.kind == MR_OPND_CONST && ev->a.num >= 0)
	    mr_state_set_const (s, ev->dst, ev->a.num);
	  else if (f && f->lo >= 0)
	    {
	      int64_t flo = f->lo, fhi = f->hi;
	      mr_state_refine (s, ev->dst, MR_CMP_GE, flo, true);
	      if (fhi != INT64_MAX)
		mr_state_refine (s, ev->dst, MR_CMP_LE, fhi, true);
	    }
	}
      break;

    case MR_EV_LOAD:
      {
	/* A load a summarized call makes for its callee was checked by the call.  */
	mr_ref base;
	if (!(ev->flags & MR_EVF_SUMMARIZED))
	  {
	    mr_pointee p = pointee_of (c, s, ev->a);
	    MR_FIRE (c, MR_HOOK_USE, use, c, s, ev, &p, MR_USE_READ, 0);
	    dereference (c, s, ev, &p, false);
	    base = p.ref;	/* the hooks and the marking leave bindings alone */
	  }
	else
	  base = mr_ref_of (c, s, ev->a);
	if (!ev->dst)
	  break;
	if (!(ev->flags & MR_EVF_SUMMARIZED) && through_null (base, s))
	  break;
	mr_ref at = { base.obj, mr_off_add (base.off, ev->off) };
	/* A summarized callee given freed memory: that is the call's finding; what
	   it would free inside is not followed (no cascade of reports).  */
	if ((ev->flags & MR_EVF_SUMMARIZED) && mr_is_object (base.obj)
	    && mr_obj_ts (s, base.obj) == MR_TS_FREED)
	  {
	    fresh_value (s, ev->dst);
	    mr_state_bind (s, ev->dst, (mr_ref) { MR_OBJ_NONE, 0 });
	    break;
	  }
	bool tracked = (ev->flags & MR_EVF_POINTER) && mr_is_object (base.obj)
		       && at.off != MR_OFF_UNKNOWN && at.off != MR_OFF_POSITIVE;
	/* A pointer read at an offset the engine cannot follow (`v[i].data` in a
	   loop) may be any the object holds: they go out of sight with it, so
	   freeing the object is no leak of them.  */
	if ((ev->flags & MR_EVF_POINTER) && mr_is_object (base.obj) && !tracked)
	  escape_contents (c, s, base.obj);
	mr_ref content;
	if (tracked && mr_state_load (s, at, &content) && !int_constant (content))
	  {
	    mr_state_bind (s, ev->dst, content);
	    break;
	  }
	/* An integer read twice from the same place, with nothing written there in
	   between, is the same value: what a branch learnt about the first read holds
	   for the second (`if (a->type == X && a->v) free (a->v); if (a->type == Y &&
	   a->v) free (a->v);`).  The slot remembers the first value as SYM|value and
	   keeps it: a later read is bound to it (refine.c passes what a branch learns
	   about the later read on to it), so a read inside a loop leaves the slot as
	   it found it and the loop's joins keep it.  */
	if (!(ev->flags & MR_EVF_POINTER) && mr_is_object (base.obj)
	    && at.off != MR_OFF_UNKNOWN && at.off != MR_OFF_POSITIVE)
	  {
	    mr_state_forget_fact (s, ev->dst);
	    bool known = mr_state_load (s, at, &content);
	    if (known && content.obj == MR_OBJ_NULL)
	      {
		/* A constant stored there (`u->kind = K_STR`, int_constant), or a
		   null pointer read as an integer: the value is known.  */
		mr_state_unbind (s, ev->dst);
		mr_state_set_const (s, ev->dst, content.off);
	      }
	    else if (known && (content.obj & MR_OBJ_KIND_MASK) == MR_OBJ_SYM)
	      {
		if (MR_OBJ_INDEX (content.obj) != ev->dst)
		  {
		    mr_state_copy_fact (s, ev->dst, MR_OBJ_INDEX (content.obj));
		    mr_state_bind (s, ev->dst, (mr_ref) { content.obj, 0 });
		  }
	      }
	    else
	      {
		mr_state_unbind (s, ev->dst);
		mr_state_store (s, at, (mr_ref) { MR_OBJ_SYM | ev->dst, 0 });
	      }
	    break;
	  }
	/* Nothing known about the slot: the value is a new unknown one, and the slot
	   holds it from now on, so that loading it again yields the same object.  */
	fresh_value (s, ev->dst);
	mr_array_walk_load (c, s, ev, base, at);
	if (tracked)
	  {
	    /* The base may have been the retired instance: look it up again.  */
	    base = mr_ref_of (c, s, ev->a);
	    at = (mr_ref) { base.obj, mr_off_add (base.off, ev->off) };
	    mr_state_store (s, at, (mr_ref) { MR_OBJ_SYM | ev->dst, 0 });
	  }
	break;
      }

    case MR_EV_STORE:
      {
	mr_pointee p = pointee_of (c, s, ev->a);
	MR_FIRE (c, MR_HOOK_USE, use, c, s, ev, &p, MR_USE_WRITE, 0);
	uint32_t filled = fill_target (c, s, ev);
	dereference (c, s, ev, &p, true);
	if (filled)
	  ((mr_objst *) mr_state_obj (s, filled))->fill = ev;
	mr_ref base = p.ref;	/* the hooks and the marking leave bindings alone */
	if (through_null (base, s))
	  break;
	mr_ref src = mr_ref_of (c, s, ev->b);
	if (!mr_is_object (base.obj))
	  {
	    /* Stored through a pointer the state does not know (one whose object it
	       had to forget): out of sight, and it may have written any slot that
	       is not provably private.  */
	    if (base.obj == MR_OBJ_NONE && mr_is_object (src.obj))
	      escape_obj (s, src.obj, 0);
	    if (base.obj == MR_OBJ_NONE && (ev->flags & (MR_EVF_POINTER | MR_EVF_AGGREGATE)))
	      clobber_aliases (c, s, MR_OBJ_NONE);
	    break;
	  }
	if (ev->flags & (MR_EVF_POINTER | MR_EVF_AGGREGATE))
	  clobber_aliases (c, s, base.obj);
	mr_ref at = { base.obj, mr_off_add (base.off, ev->off) };
	/* An aggregate covers the slots from its offset on, to a size the IR does
	   not give: all of the object's are forgotten.  */
	bool exact = at.off != MR_OFF_UNKNOWN && at.off != MR_OFF_POSITIVE
		     && !(ev->flags & MR_EVF_AGGREGATE);
	bool local = (base.obj & MR_OBJ_KIND_MASK) == MR_OBJ_DECL
		     && c->f->decls[MR_OBJ_INDEX (base.obj)].kind == MR_DECL_LOCAL;
	bool global = is_static_obj (c, base.obj);
	if (exact && (local || global) && (ev->flags & MR_EVF_POINTER))
	  MR_FIRE (c, MR_HOOK_OVERWRITE, overwrite, c, s, ev, 0, true, at);
	/* What pure calls given the object returned may differ now.  */
	if (exact)
	  mr_state_forget_slot_range (s, base.obj, MR_OFF_PURE, MR_OFF_PURE_END);
	if (!exact)
	  mr_state_forget_obj_slots (s, base.obj);
	else if (src.obj != MR_OBJ_NONE
		 && ((ev->flags & MR_EVF_POINTER) || mr_is_object (src.obj)))
	  mr_state_store (s, at, src);
	else if (ev->b.kind == MR_OPND_CONST && !(ev->flags & MR_EVF_POINTER))
	  mr_state_store (s, at, (mr_ref) { MR_OBJ_NULL, ev->b.num });
	else
	  mr_state_forget_slot (s, at);
	/* A pointer stored into memory the function does not own is out of its sight;
	   so is one stored at an offset the engine cannot follow.  A global's slot
	   keeps it in sight until someone else may run (escape_globals).  */
	bool owned = local || global || (base.obj & MR_OBJ_KIND_MASK) == MR_OBJ_ALLOC;
	if (mr_is_object (src.obj) && (!owned || !exact))
	  {
	    const mr_objst *o = mr_state_obj (s, src.obj);
	    bool first_holder = o && !(o->flags & MR_OBJF_ESCAPED) && exact && src.off == 0
				&& (ev->flags & MR_EVF_POINTER)
				&& (src.obj & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD) == MR_OBJ_ALLOC;
	    escape_obj (s, src.obj, 0);
	    if (first_holder)
	      mr_state_add_obj_flags (s, src.obj, MR_OBJF_HELD_OUTSIDE);
	  }
	break;
      }

    case MR_EV_DEREF:
      {
	if (!guard_holds (s, ev))
	  break;
	mr_pointee p = pointee_of (c, s, ev->a);
	/* A summarized callee's (expand.c) says only that the pointer is
	   dereferenced: its call judges the rest (freed memory, contents read),
	   so the hooks are told of a write.  */
	if (ev->flags & MR_EVF_SUMMARIZED)
	  {
	    dereference (c, s, ev, &p, true);
	    break;
	  }
	MR_FIRE (c, MR_HOOK_USE, use, c, s, ev, &p,
		 (ev->flags & MR_EVF_WRITE) ? MR_USE_WRITE : MR_USE_READ, 0);
	dereference (c, s, ev, &p, (ev->flags & MR_EVF_WRITE) != 0);
	through_null (p.ref, s);
      }
      break;

    case MR_EV_CALL:
      {
	const mr_call *call = ev->call;
	held_outside_after_call (c, s, ev);
	if (!call)
	  break;
	for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	  if (call->deref_mask & (1u << i))
	    {
	      if (i == 0 && (ev->flags & MR_EVF_DTOR))
		continue;
	      mr_pointee p = pointee_of (c, s, call->args[i]);
	      MR_FIRE (c, MR_HOOK_USE, use, c, s, ev, &p, MR_USE_CALL_ARG, i);
	      /* A summarized callee may check for NULL or write before it reads.  */
	      if (!(ev->flags & MR_EVF_SUMMARIZED))
		dereference (c, s, ev, &p, (call->write_mask & (1u << i)) != 0);
	      else if (call->write_mask & (1u << i))
		mark_written (s, p.ref.obj);	/* a helper that fills it */
	    }
	/* Handed to a callee that may do anything with it (use_mask): nothing is
	   dereferenced here, but a freed pointer's value is indeterminate, so
	   passing it on is a use (only the use hooks run).  */
	uint32_t handed = call->use_mask & ~call->deref_mask;
	for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	  if (handed & (1u << i))
	    {
	      if (i == 0 && (ev->flags & MR_EVF_DTOR))
		continue;
	      mr_pointee p = pointee_of (c, s, call->args[i]);
	      MR_FIRE (c, MR_HOOK_USE, use, c, s, ev, &p, MR_USE_HANDED, i);
	    }
	/* Written only when not NULL (strtol's endptr): nothing to check, but the
	   memory counts as written.  */
	for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	  if ((call->write_mask & ~call->deref_mask) & (1u << i))
	    mark_written (s, mr_ref_of (c, s, call->args[i]).obj);
	if (ev->size)
	  MR_FIRE (c, MR_HOOK_SIZE, size, c, s, ev);
	if (ev->dst)
	  fresh_value (s, ev->dst);
	if ((ev->flags & MR_EVF_CLEARS) && call->nargs)
	  {
	    mr_ref r = mr_ref_of (c, s, call->args[0]);
	    if (mr_is_object (r.obj))
	      mr_state_add_obj_flags (s, r.obj, MR_OBJF_CLEARED);
	  }
	/* exit (), abort (), or a function seen never to return: the path ends.  */
	if (call->noreturn)
	  s->dead = true;
	/* A function given the NULL result of a failed allocation is taken for the
	   program's out-of-memory handler (xalloc_die (), check_oom (p)): the
	   failure path ends there.  */
	if (!(ev->flags & MR_EVF_NO_CLOBBER))
	  for (uint32_t i = 0; i < call->nargs; i++)
	    {
	      mr_ref r = mr_ref_of (c, s, call->args[i]);
	      const mr_objst *o = mr_is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
	      if (o && o->ts == MR_TS_NULL && o->ev && (o->ev->flags & MR_EVF_MAY_FAIL))
		s->dead = true;
	    }
	/* A function of the unit that stores pointers where the caller's other
	   objects may be (an unlink helper writing *n->prev): as those stores.  */
	if (!(ev->flags & MR_EVF_NO_CLOBBER))
	  {
	    if (call->stores_wild)
	      clobber_aliases (c, s, MR_OBJ_NONE);
	    for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	      if (call->store_mask & (1u << i))
		{
		  mr_ref r = mr_ref_of (c, s, call->args[i]);
		  if (r.obj != MR_OBJ_NULL)
		    clobber_aliases (c, s, r.obj);
		}
	  }
	if (ev->flags & MR_EVF_NO_CLOBBER)
	  {
	    if (may_return_global (ev))
	      escape_globals (c, s);
	    if (ev->flags & MR_EVF_SUMMARIZED)
	      forget_listed_statics (c, s, call);
	    for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	      if (call->write_mask & (1u << i))
		{
		  mr_ref r = mr_ref_of (c, s, call->args[i]);
		  if (mr_is_object (r.obj))
		    mr_state_forget_obj_slots (s, r.obj);
		}
	  }
	else
	  {
	    clobber_call (c, s, call);
	    if (!(ev->flags & MR_EVF_SUMMARIZED))
	      forget_links_to_handed (c, s, call);
	  }
	break;
      }

    case MR_EV_RETURN:
      if (ev->a.kind != MR_OPND_NONE)
	{
	  mr_pointee p = pointee_of (c, s, ev->a);
	  MR_FIRE (c, MR_HOOK_USE, use, c, s, ev, &p, MR_USE_RETURN, 0);
	}
      escape_globals (c, s);
      mr_path_returns (c, s, ev);
      break;

    case MR_EV_ESCAPE:
      escape_obj (s, mr_ref_of (c, s, ev->a).obj, 0);
      break;

    case MR_EV_THROW:
      /* The function is left as by a return, but only what leaves it is judged
	 (a leak, what the caller sees): not its summary, whose callers follow the
	 normal return.  Only an exception of a throw-expression or a rethrow
	 (kind 1 or more): any call may throw, and judging those edges would flood
	 real code.  A state joined from both (a handler's call and its rethrow
	 reach one cleanup) had the same objects on each path, so it is judged.  */
      if (ev->b.kind == MR_OPND_VALUE)
	{
	  const mr_fact *f = mr_state_fact (s, ev->b.id);
	  if (!f || f->hi < 1)
	    break;
	}
      MR_FIRE (c, MR_HOOK_AT_RETURN, at_return, c, s, ev, NULL);
      break;
    }
}

