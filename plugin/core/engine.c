/* engine.c — the analysis driver: worklist over blocks, transfer functions of events,
   refinement on edges, ESP merging, the budget and the memory cap (see engine.h).

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

const mr_rule_info mr_rules[MR_RULE_COUNT] = {
#define MR_RULE(ENUM, SLUG, CERT, CWE, ON, DESC) { SLUG, CERT, DESC, CWE, ON },
#include "rules.def"
#undef MR_RULE
};

mr_rule
mr_rule_by_slug (const char *slug)
{
  for (int r = 0; r < MR_RULE_COUNT; r++)
    if (strcmp (mr_rules[r].slug, slug) == 0)
      return (mr_rule) r;
  return MR_RULE_COUNT;
}

/* Functions above this many blocks keep proportionally fewer states per block.  */
#define MR_BIG_FUNCTION 256

/* The default memory cap, in MiB (mr_config.max_memory).  */
#define MR_DEFAULT_MEMORY_MIB 256

void
mr_config_default (mr_config *cfg)
{
  memset (cfg, 0, sizeof *cfg);
  for (int r = 0; r < MR_RULE_COUNT; r++)
    cfg->enabled[r] = mr_rules[r].default_on;
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

/* Operands to references.  */


mr_ref
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

bool
mr_obj_outside (const mr_func *f, uint32_t key)
{
  uint32_t kind = key & MR_OBJ_KIND_MASK & ~MR_OBJ_OLD;
  return kind == MR_OBJ_SYM
	 || (kind == MR_OBJ_DECL && MR_OBJ_INDEX (key) < f->ndecls
	     && f->decls[MR_OBJ_INDEX (key)].kind == MR_DECL_STATIC);
}

mr_ts
mr_obj_ts (const mr_state *s, uint32_t key)
{
  const mr_objst *o = mr_state_obj (s, key);
  if (o)
    return (mr_ts) o->ts;
  if ((key & MR_OBJ_KIND_MASK) == MR_OBJ_DECL)
    return MR_TS_NONHEAP;
  return MR_TS_UNKNOWN;
}

static bool
is_object (uint32_t key)
{
  return key != MR_OBJ_NULL && key != MR_OBJ_NONE;
}

bool
mr_is_object (uint32_t key)
{
  return is_object (key);
}

/* The root value an operand names, for bindings and facts; 0 if none.  */
static uint32_t
root_of (const mr_ctx *c, mr_opnd o, int64_t *off)
{
  *off = 0;
  if (o.kind != MR_OPND_VALUE)
    return 0;
  return mr_func_root (c->f, o.id, off);
}

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

/* A list of states, for the splits within a block.  */
typedef struct state_list
{
  mr_state **v;
  uint32_t n, cap;
} state_list;

static void
list_push (state_list *l, mr_state *s)
{
  MR_VEC_PUSH (l->v, l->n, l->cap);
  l->v[l->n - 1] = s;
}

/* Marks an object and everything reachable from its slots as out of sight: a
   callee or unknown memory holds it now.  Its contents may be written there, so
   they are forgotten, and it counts as initialised.  */
static void
escape_obj (mr_state *s, uint32_t key, int depth)
{
  if (!is_object (key) || depth > 8)
    return;
  for (uint32_t i = 0; i < s->nslots; i++)
    if ((uint32_t) (s->slots[i].at >> 32) == key)
      escape_obj (s, s->slots[i].content.obj, depth + 1);
  /* Handed on: the receiver may also check it for NULL (shell_check_oom (p)).  */
  mr_state_add_obj_flags (s, key, MR_OBJF_ESCAPED | MR_OBJF_NONNULL);
  const mr_objst *o = mr_state_obj (s, key);
  if (o && (o->flags & MR_OBJF_UNINIT))
    ((mr_objst *) o)->flags &= ~MR_OBJF_UNINIT;
  if (o)
    ((mr_objst *) o)->fill = NULL;
  mr_state_forget_obj_slots (s, key);
}

/* Something was written into the object: it is no longer uninitialised.  */
static void
mark_written (mr_state *s, uint32_t key)
{
  const mr_objst *o = is_object (key) ? mr_state_obj (s, key) : NULL;
  if (o && (o->flags & MR_OBJF_UNINIT))
    ((mr_objst *) o)->flags &= ~MR_OBJF_UNINIT;
  if (o)
    ((mr_objst *) o)->fill = NULL;
}

/* A loop's store that fills elements [0, bound) (MR_SIZE_FILL) from the start of
   an object that nothing else wrote (uninitialised, or filled by this store on
   the loop's earlier iterations): the object it fills, or 0.  After the store,
   only elements from the bound on are uninitialised.  */
static uint32_t
fill_target (const mr_ctx *c, const mr_state *s, const mr_event *ev)
{
  const mr_size *z = ev->size;
  if (!z || !(z->flags & MR_SIZE_FILL))
    return 0;
  mr_ref base = mr_ref_of (c, s, z->y);
  const mr_objst *o = is_object (base.obj) ? mr_state_obj (s, base.obj) : NULL;
  if (!o || base.off != 0 || o->ts != MR_TS_ALLOCATED
      || !((o->flags & MR_OBJF_UNINIT) || o->fill == ev))
    return 0;
  return base.obj;
}

/* A call may write through its pointer arguments and anything reachable from them or
   from escaped and global objects: forget what the state knows about their contents.  */
static void
clobber_call (mr_ctx *c, mr_state *s, const mr_call *call)
{
  for (uint32_t i = 0; i < call->nargs; i++)
    escape_obj (s, mr_ref_of (c, s, call->args[i]).obj, 0);
  /* Slots inside escaped objects and statics: the callee may reach them too.  */
  for (uint32_t i = 0; i < s->nslots;)
    {
      uint32_t base = (uint32_t) (s->slots[i].at >> 32);
      const mr_objst *o = mr_state_obj (s, base);
      bool is_static = (base & MR_OBJ_KIND_MASK) == MR_OBJ_DECL
		       && MR_OBJ_INDEX (base) < c->f->ndecls
		       && c->f->decls[MR_OBJ_INDEX (base)].kind == MR_DECL_STATIC;
      if (is_static || (o && (o->flags & MR_OBJF_ESCAPED)))
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

/* Could the operand be 0 in state s?  */
bool
mr_may_be_zero (const mr_ctx *c, const mr_state *s, mr_opnd o)
{
  if (o.kind == MR_OPND_CONST)
    return o.num == 0;
  int64_t off;
  uint32_t root = root_of (c, o, &off);
  if (!root || off != 0)
    return o.kind != MR_OPND_ADDR;
  const mr_fact *f = mr_state_fact (s, root);
  if (!f)
    return true;
  return f->lo <= 0 && f->hi >= 0 && !(f->has_ne && f->ne == 0);
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
  uint32_t root = root_of (c, o, &off);
  const mr_fact *f = root && off == 0 ? mr_state_fact (s, root) : NULL;
  return f && f->lo <= 0 && f->hi >= 0 && !(f->has_ne && f->ne == 0)
	 && f->hi != INT64_MAX;
}

/* Checks of a dereference of `subject` (read or write) that are not about freed
   memory: NULL from an allocation, allocations of size 0, uninitialised reads.  */
static void
check_access (mr_ctx *c, mr_state *s, const mr_event *ev, mr_opnd subject, bool write)
{
  mr_check_null_deref (c, s, ev, subject);
  /* A libc call is given the size with the pointer (memset (p, 0, n)): only direct
     accesses assume room.  */
  if (ev->kind != MR_EV_CALL || (ev->flags & MR_EVF_UNSIZED))
    mr_check_zero_alloc_use (c, s, ev, subject);
  if (write)
    mark_written (s, mr_ref_of (c, s, subject).obj);
  else
    mr_check_uninit_read (c, s, ev, subject);
}

static void
apply_alloc (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  mr_check_alloc_size (c, s, ev);
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

static void
apply_free (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  mr_ref r = mr_ref_of (c, s, ev->a);
  if (ev->flags & MR_EVF_HANDOVER)
    {
      /* A smart pointer takes it: the way it will free it must fit.  Who holds it
	 from now on is the lowering's business (a store into a unique_ptr, an
	 escape into a shared_ptr).  */
      mr_check_dealloc (c, s, ev, r);
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
  mr_check_double_free (c, s, ev, r);
  /* A smart pointer's deleter was checked when it took the pointer.  */
  if (!(ev->flags & MR_EVF_DTOR))
    mr_check_dealloc (c, s, ev, r);
  mr_check_sensitive_free (c, s, ev, r);
  /* A helper that frees an object may have freed what it holds (a destructor):
     its contents are out of sight, not leaked.  */
  if (ev->via && is_object (r.obj))
    for (uint32_t i = 0; i < s->nslots; i++)
      if ((uint32_t) (s->slots[i].at >> 32) == r.obj)
	mr_state_add_obj_flags (s, s->slots[i].content.obj, MR_OBJF_ESCAPED);
  mr_ts ts = is_object (r.obj) ? mr_obj_ts (s, r.obj) : MR_TS_UNKNOWN;
  if (is_object (r.obj) && ts != MR_TS_NONHEAP && ts != MR_TS_NULL)
    {
      mr_objst *o = mr_state_set_obj (s, r.obj, MR_TS_FREED, (mr_family) ev->family, ev);
      o->flags &= ~(MR_OBJF_REALLOC0 | MR_OBJF_UNINIT | MR_OBJF_MAYBE_ZERO);
    }
}

/* realloc (a, b): checked like a free of a, then three outcomes.  Success: a is
   freed (moved) and dst is a new block.  Failure: dst is NULL and a untouched, or,
   when b may be 0, a freed by glibc's realloc (p, 0) (MEM36-C).  A realloc that
   never returns NULL (no MR_EVF_MAY_FAIL: xrealloc, g_realloc) only succeeds.  */
static void
apply_realloc (mr_ctx *c, mr_state *s, const mr_event *ev, state_list *more)
{
  mr_check_alloc_size (c, s, ev);
  mr_ref r = mr_ref_of (c, s, ev->a);
  mr_check_double_free (c, s, ev, r);
  mr_check_dealloc (c, s, ev, r);
  mr_check_sensitive_free (c, s, ev, r);
  uint32_t key = MR_OBJ_ALLOC | ev->id;
  mr_ts ts = is_object (r.obj) ? mr_obj_ts (s, r.obj) : MR_TS_NULL;
  bool moves = is_object (r.obj) && ts != MR_TS_FREED && ts != MR_TS_NONHEAP
	       && ts != MR_TS_NULL;
  /* A size computed by the function (n * 2, a PHI of such) is taken as nonzero
     unless a fact says otherwise; one that comes from outside may be 0.  */
  bool zero = moves && mr_may_be_zero (c, s, ev->b)
	      && (ev->b.kind == MR_OPND_CONST || (ev->flags & MR_EVF_SIZE_INPUT)
		  || size_fact_allows_zero (c, s, ev->b))
	      && !size_never_zero (c, s, ev);
  bool nonzero = !(ev->b.kind == MR_OPND_CONST && ev->b.num == 0);
  bool may_fail = (ev->flags & MR_EVF_MAY_FAIL) != 0;
  if (!may_fail)
    zero = false, nonzero = true;
  int64_t off;
  uint32_t size_root = root_of (c, ev->b, &off);
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
	  list_push (more, z);
	}
      else
	mr_state_free (z);
    }
  if (moves && nonzero && may_fail)
    {
      mr_state *fail = mr_state_copy (s);
      if (!size_root || mr_state_refine (fail, size_root, MR_CMP_NE, 0, true))
	{
	  mr_check_realloc_leak (c, fail, ev, r);
	  mr_state_retire (fail, key);
	  mr_state_set_obj (fail, key, MR_TS_NULL, (mr_family) ev->family, ev);
	  if (ev->dst)
	    {
	      mr_state_forget_fact (fail, ev->dst);
	      mr_state_bind (fail, ev->dst, (mr_ref) { key, 0 });
	    }
	  list_push (more, fail);
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
  if (mr_may_be_zero (c, s, ev->b) && !size_never_zero (c, s, ev))
    o->flags |= MR_OBJF_MAYBE_ZERO;
  if (ev->dst)
    {
      mr_state_forget_fact (s, ev->dst);
      mr_state_bind (s, ev->dst, (mr_ref) { key, 0 });
    }
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

/* Applies one event to s.  Splits go to `more` (realloc's failure states).  */
static void
apply_event (mr_ctx *c, mr_state *s, const mr_event *ev, state_list *more)
{
  /* A new version of a user variable: what only its old version held is lost.  */
  if (ev->dst && (ev->kind != MR_EV_COPY
		  || (ev->a.kind != MR_OPND_VALUE && ev->a.kind != MR_OPND_UNKNOWN))
      && c->f->value_var && ev->dst < c->f->nvalues && c->f->value_var[ev->dst])
    mr_check_overwrite_leak (c, s, ev, c->f->value_var[ev->dst], false, (mr_ref) { 0, 0 });
  switch (ev->kind)
    {
    case MR_EV_ALLOC:
      apply_alloc (c, s, ev);
      break;

    case MR_EV_FREE:
      apply_free (c, s, ev);
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
      /* (size_t) n: n's fact, when it says n >= 0.  */
      else if (ev->dst && (ev->flags & MR_EVF_CONVERT))
	{
	  int64_t off;
	  uint32_t n = root_of (c, ev->a, &off);
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
	if (!(ev->flags & MR_EVF_SUMMARIZED))
	  {
	    mr_check_use_after_free (c, s, ev, ev->a, MR_USE_READ, 0);
	    check_access (c, s, ev, ev->a, false);
	  }
	if (!ev->dst)
	  break;
	mr_ref base = mr_ref_of (c, s, ev->a);
	if (!(ev->flags & MR_EVF_SUMMARIZED) && through_null (base, s))
	  break;
	mr_ref at = { base.obj, mr_off_add (base.off, ev->off) };
	/* A summarized callee given freed memory: that is the call's finding; what
	   it would free inside is not followed (no cascade of reports).  */
	if ((ev->flags & MR_EVF_SUMMARIZED) && is_object (base.obj)
	    && mr_obj_ts (s, base.obj) == MR_TS_FREED)
	  {
	    fresh_value (s, ev->dst);
	    mr_state_bind (s, ev->dst, (mr_ref) { MR_OBJ_NONE, 0 });
	    break;
	  }
	bool tracked = (ev->flags & MR_EVF_POINTER) && is_object (base.obj)
		       && at.off != MR_OFF_UNKNOWN && at.off != MR_OFF_POSITIVE;
	mr_ref content;
	if (tracked && mr_state_load (s, at, &content))
	  {
	    mr_state_bind (s, ev->dst, content);
	    break;
	  }
	/* An integer read twice from the same place, with nothing written there in
	   between, is the same value: what a branch learnt about the first read holds
	   for the second (`if (a->type == X && a->v) free (a->v); if (a->type == Y &&
	   a->v) free (a->v);`).  The slot remembers the first value as SYM|value.  */
	if (!(ev->flags & MR_EVF_POINTER) && is_object (base.obj)
	    && at.off != MR_OFF_UNKNOWN && at.off != MR_OFF_POSITIVE)
	  {
	    mr_state_forget_fact (s, ev->dst);
	    if (mr_state_load (s, at, &content)
		&& (content.obj & MR_OBJ_KIND_MASK) == MR_OBJ_SYM)
	      {
		if (MR_OBJ_INDEX (content.obj) != ev->dst)
		  mr_state_copy_fact (s, ev->dst, MR_OBJ_INDEX (content.obj));
	      }
	    else
	      mr_state_store (s, at, (mr_ref) { MR_OBJ_SYM | ev->dst, 0 });
	    break;
	  }
	/* Nothing known about the slot: the value is a new unknown one, and the slot
	   holds it from now on, so that loading it again yields the same object.  */
	fresh_value (s, ev->dst);
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
	mr_check_use_after_free (c, s, ev, ev->a, MR_USE_WRITE, 0);
	uint32_t filled = fill_target (c, s, ev);
	check_access (c, s, ev, ev->a, true);
	if (filled)
	  ((mr_objst *) mr_state_obj (s, filled))->fill = ev;
	mr_ref base = mr_ref_of (c, s, ev->a);
	if (through_null (base, s))
	  break;
	mr_ref src = mr_ref_of (c, s, ev->b);
	if (!is_object (base.obj))
	  {
	    /* Stored through a pointer the state does not know (one whose object it
	       had to forget): out of sight, and it may have written any slot that
	       is not provably private.  */
	    if (base.obj == MR_OBJ_NONE && is_object (src.obj))
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
	if (exact && local && (ev->flags & MR_EVF_POINTER))
	  mr_check_overwrite_leak (c, s, ev, 0, true, at);
	if (!exact)
	  mr_state_forget_obj_slots (s, base.obj);
	else if (src.obj != MR_OBJ_NONE
		 && ((ev->flags & MR_EVF_POINTER) || is_object (src.obj)))
	  mr_state_store (s, at, src);
	else
	  mr_state_forget_slot (s, at);
	/* A pointer stored into memory the function does not own is out of its sight;
	   so is one stored at an offset the engine cannot follow.  */
	bool owned = local || (base.obj & MR_OBJ_KIND_MASK) == MR_OBJ_ALLOC;
	if (is_object (src.obj) && (!owned || !exact))
	  escape_obj (s, src.obj, 0);
	break;
      }

    case MR_EV_DEREF:
      mr_check_use_after_free (c, s, ev, ev->a,
			       (ev->flags & MR_EVF_WRITE) ? MR_USE_WRITE : MR_USE_READ, 0);
      check_access (c, s, ev, ev->a, (ev->flags & MR_EVF_WRITE) != 0);
      through_null (mr_ref_of (c, s, ev->a), s);
      break;

    case MR_EV_CALL:
      {
	const mr_call *call = ev->call;
	if (!call)
	  break;
	for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	  if (call->deref_mask & (1u << i))
	    {
	      if (i == 0 && (ev->flags & MR_EVF_DTOR))
		continue;
	      mr_check_use_after_free (c, s, ev, call->args[i], MR_USE_CALL_ARG, i);
	      /* A summarized callee may check for NULL or write before it reads.  */
	      if (!(ev->flags & MR_EVF_SUMMARIZED))
		check_access (c, s, ev, call->args[i], (call->write_mask & (1u << i)) != 0);
	    }
	/* Written only when not NULL (strtol's endptr): nothing to check, but the
	   memory counts as written.  */
	for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	  if ((call->write_mask & ~call->deref_mask) & (1u << i))
	    mark_written (s, mr_ref_of (c, s, call->args[i]).obj);
	if (ev->size)
	  mr_check_alloc_size (c, s, ev);
	if (ev->dst)
	  fresh_value (s, ev->dst);
	if ((ev->flags & MR_EVF_CLEARS) && call->nargs)
	  {
	    mr_ref r = mr_ref_of (c, s, call->args[0]);
	    if (is_object (r.obj))
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
	      const mr_objst *o = is_object (r.obj) ? mr_state_obj (s, r.obj) : NULL;
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
	    for (uint32_t i = 0; i < call->nargs && i < 32; i++)
	      if (call->write_mask & (1u << i))
		{
		  mr_ref r = mr_ref_of (c, s, call->args[i]);
		  if (is_object (r.obj))
		    mr_state_forget_obj_slots (s, r.obj);
		}
	  }
	else
	  clobber_call (c, s, call);
	break;
      }

    case MR_EV_RETURN:
      if (ev->a.kind != MR_OPND_NONE)
	mr_check_use_after_free (c, s, ev, ev->a, MR_USE_RETURN, 0);
      mr_summarize_return (c, s, ev);
      /* A shared return block's were judged on each edge into it (enter_block).  */
      if (!c->return_block_ev || c->return_block_ev != ev)
	{
	  mr_summarize_returned_param (c, s, ev);
	  mr_check_dangling_at_return (c, s, ev);
	}
      /* Leaks on the paths into a shared return block were judged on the edges.  */
      if (!c->return_block_ev || c->return_block_ev != ev)
	mr_check_leaks_at_return (c, s, ev, NULL);
      break;

    case MR_EV_ESCAPE:
      escape_obj (s, mr_ref_of (c, s, ev->a).obj, 0);
      break;
    }
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
      mr_summarize_returned_param (c, t, d->return_ev[e->dst]);
      mr_check_leaks_at_return (c, t, d->return_ev[e->dst], &e->loc);
      mr_check_dangling_at_return (c, t, d->return_ev[e->dst]);
    }
  if (add_state (d, e->dst, t))
    heap_push (d, e->dst);
  over_memory (d);
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
  state_list run = { 0 };
  c->return_block_ev = d->return_ev[b];
  for (uint32_t i = 0; i < bs->n; i++)
    if (bs->v[i]->dirty)
      {
	bs->v[i]->dirty = false;
	list_push (&run, mr_state_copy (bs->v[i]));
      }
  for (uint32_t i = 0; i < run.n; i++)
    c->out->work += mr_state_size (run.v[i]) + blk->nevents + 1;
  /* Events, with splits appended to the running list.  */
  for (uint32_t k = 0; k < blk->nevents && !over_memory (d); k++)
    {
      uint32_t n = run.n;
      for (uint32_t i = 0; i < n; i++)
	if (!run.v[i]->dead)
	  apply_event (c, run.v[i], &blk->events[k], &run);
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
	  bool feasible = mr_refine_edge (c, t, blk, e, &extra);
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
  return returns_pointer && mr_some_return_may_be_param (f);
}

static int
finding_order (const void *a, const void *b)
{
  const mr_finding *x = a, *y = b;
  if (x->ev->id != y->ev->id)
    return x->ev->id < y->ev->id ? -1 : 1;
  return (int) x->rule - (int) y->rule;
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
  out->summary.derefs = mr_deref_params (f);
  mr_summarize_stores (f, &out->summary);
  mr_find_field_stores (f, &out->summary);
  if (!worth_analysing (f))
    {
      out->summary.valid = true;	/* frees nothing, allocates nothing */
      mr_ctx quick = { .f = f, .cfg = cfg_in, .out = out };
      out->summary.no_clobber = mr_events_keep_callers_memory (&quick);
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

  mr_find_param_loads (&d.ctx);
  mr_find_products (&d.ctx);
  mr_find_conversions (&d.ctx);
  d.ctx.is_param = mr_xcalloc (f->nvalues ? f->nvalues : 1, 1);
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
  mr_finish_summary (&d.ctx);
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
