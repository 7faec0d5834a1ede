/* uninit-read.c — uninit-read (MEM33-C, CWE-908).

   Memory from malloc (not calloc), aligned_alloc or operator new read before
   anything was written to it:

     struct s *p = malloc (sizeof *p);
     if (p->len > 0)          read of uninitialized memory 'p'

   The whole object counts as written by a libc call that writes through it
   (memset, memcpy, strcpy, fread, ...), a call the engine does not know (it may
   initialise it) or a store whose place or width is not known.  A store of known
   place and width into the first MR_WRITTEN_BYTES bytes writes those bytes only
   (mr_objst.written, transfer.c): a LOAD of none but unwritten bytes there is
   reported (`pt->x = 1; y = pt->y;`), any other read of a partly written object
   is not.  An object written only by a loop that fills its elements [0, n)
   (`for (i = 0; i < n; i++) d[i] = 0;`, MR_SIZE_FILL) is uninitialised from
   element n on, so reading d[n] after it is reported.

   Also a pointer variable used on a path where nothing was assigned to it (the
   glue lowers its SSA default definition as MR_DECL_INDETERMINATE, as for
   free-nonheap):

     int *p;
     if (c) p = malloc (4);
     *p = 1;                  use of 'p', which is uninitialized on this path

   Its value is indeterminate, so any access through it (a read, a write, a
   call that reads through it) is undefined (EXP33-C).  Only a path on which the
   variable is surely unassigned is reported: a path the engine finds
   infeasible (a second test repeating the first) is not taken, and a join that
   loses the binding loses the finding.  */

#include "engine-int.h"
#include "infer.h"

/* The largest (*hi) and least (*lo) value operand o has in s.  */
static void
opnd_range (const mr_ctx *c, const mr_state *s, mr_opnd o, int64_t *lo, int64_t *hi)
{
  *lo = INT64_MIN, *hi = INT64_MAX;
  if (o.kind == MR_OPND_CONST)
    {
      *lo = *hi = o.num;
      return;
    }
  int64_t off;
  uint32_t root = o.kind == MR_OPND_VALUE ? mr_func_root (c->f, o.id, &off) : 0;
  const mr_fact *f = root && off == 0 ? mr_state_fact (s, root) : NULL;
  if (f)
    *lo = f->lo, *hi = f->hi;
}

/* Does LOAD ev of r read element `bound` or later of the object filled by `fill`?  */
static bool
beyond_fill (const mr_ctx *c, const mr_state *s, const mr_event *ev, mr_ref r,
	     const mr_event *fill)
{
  const mr_size *fz = fill->size, *z = ev->size;
  int64_t blo, bhi;
  opnd_range (c, s, fz->x, &blo, &bhi);
  if (z && (z->flags & MR_SIZE_INDEX))
    {
      /* y[x]: the same element size, from the start of the object.  */
      mr_ref base = mr_ref_of (c, s, z->y);
      if (z->mul != fz->mul || base.obj != r.obj || base.off != 0)
	return false;
      int64_t xo, bo;
      if (z->x.kind == MR_OPND_VALUE && fz->x.kind == MR_OPND_VALUE
	  && mr_func_root (c->f, z->x.id, &xo) == mr_func_root (c->f, fz->x.id, &bo)
	  && xo == 0 && bo == 0)
	return true;		/* d[n] after filling d[0 .. n) */
      int64_t ilo, ihi;
      opnd_range (c, s, z->x, &ilo, &ihi);
      return bhi != INT64_MAX && ilo >= bhi;
    }
  int64_t off = mr_off_add (r.off, ev->off);
  if (off == MR_OFF_UNKNOWN || off == MR_OFF_POSITIVE || off < 0 || !fz->mul
      || bhi == INT64_MAX || bhi < 0)
    return false;
  return (uint64_t) off / fz->mul >= (uint64_t) bhi;
}

/* An access through a pointer never assigned on the path, read or write.  */
static bool
indeterminate_use (mr_ctx *c, const mr_event *ev, const mr_pointee *p)
{
  if (!mr_obj_indeterminate (c->f, p->ref.obj))
    return false;
  mr_finding *fd = mr_report (c, MR_RULE_UNINIT_READ, ev, p->subject);
  if (fd)
    fd->indeterminate = true;
  return true;
}

/* A read (a write marks the object written: transfer.c).  */
static void
deref (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, bool write)
{
  if (indeterminate_use (c, ev, p) || write)
    return;
  mr_ref r = p->ref;
  const mr_objst *o = p->obj;
  if (!mr_is_object (r.obj))
    return;
  if (o && o->fill && o->fill->kind == MR_EV_STORE && ev->kind == MR_EV_LOAD
      && o->ts == MR_TS_ALLOCATED
      && !mr_family_uncertain (o->family) && beyond_fill (c, s, ev, r, o->fill))
    {
      const mr_event *alloc = o->ev;
      ((mr_objst *) o)->fill = NULL;	/* one warning per object and path */
      mr_finding *fd = mr_report (c, MR_RULE_UNINIT_READ, ev, p->subject);
      if (fd)
	{
	  fd->alloc = alloc;
	  mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, alloc);
	}
      return;
    }
  if (!o || o->ts != MR_TS_ALLOCATED || !(o->flags & MR_OBJF_UNINIT)
      || mr_family_uncertain (o->family))
    return;
  /* Partly written (`pt->x = 1;`): only a read of none but unwritten bytes, at a
     known place among those told apart, is of uninitialised memory.  */
  if (o->written)
    {
      uint32_t bytes = ev->kind == MR_EV_LOAD ? mr_access_bytes (ev, r) : 0;
      if (!bytes || (bytes & o->written))
	return;
    }
  const mr_event *alloc = o->ev;
  mr_state_clear_obj_flags (s, o->key, MR_OBJF_UNINIT);	/* one warning per object and path */
  mr_finding *fd = mr_report (c, MR_RULE_UNINIT_READ, ev, p->subject);
  if (fd)
    {
      fd->alloc = alloc;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, alloc);
    }
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  if (fd && fd->indeterminate)
    {
      /* A variable never assigned, not memory never written: EXP33-C.  */
      mr_rule_cert (MR_RULE_UNINIT_READ, true, m);
      mr_message_warn (m, MR_RULE_UNINIT_READ,
		       "use of %s, which is uninitialized on this path (%s) [memrules-%s]",
		       w->what, NULL);
      return;
    }
  mr_message_warn (m, MR_RULE_UNINIT_READ, "read of uninitialized memory %s (%s) [memrules-%s]",
		   w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_UNINIT_READ) = {
  .rule = MR_RULE_UNINIT_READ,
  /* It clears MR_OBJF_UNINIT and the fill after a report, whether or not it is on.  */
  .always = 1u << MR_HOOK_DEREF,
  .deref = deref,
  .message = message,
};
