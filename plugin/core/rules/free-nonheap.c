/* free-nonheap.c — free-nonheap (MEM34-C, MEM51-CPP for delete, CWE-590).

     char buf[8];  free (buf);       'free' of 'buf' which points to memory not on
                                     the heap

   Locals, statics, string literals, alloca memory, placement-new objects, and a
   nonzero integer constant made a pointer (`free ((void *) 1234)`).  The first
   of the three release rules (dealloc.h).

   Also a pointer variable released on a path where nothing was assigned to it
   (the glue lowers its SSA default definition as MR_DECL_INDETERMINATE):

     int *i1, *i2;
     try { i1 = new int; i2 = new int; }
     catch (std::bad_alloc &) { delete i1; delete i2; }
                                     'delete' of 'i2', which is uninitialized on
                                     this path

   Its value is no allocation's (MEM34-C: only what an allocation returned may be
   freed; MEM51-CPP's example).  A path the engine finds infeasible is not taken,
   and a join that loses the binding loses the finding: only a path on which the
   variable is surely unassigned is reported.  */

#include "dealloc.h"

/* A nonzero integer constant made a pointer (`free ((void *) 1234)`): no
   allocation returns it, whatever it stands for (a sentinel, an address).  */
static bool
integer_address (const mr_event *ev)
{
  return ev->a.kind == MR_OPND_CONST && ev->a.num != 0 && !(ev->flags & MR_EVF_DTOR)
	 && !mr_family_uncertain (ev->family);
}

static void
judge (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  const mr_objst *o = NULL;
  mr_ts ts;
  if (integer_address (ev))
    {
      mr_report (c, MR_RULE_FREE_NONHEAP, ev, ev->a);
      return;
    }
  if (!mr_dealloc_judged (s, ev, target, &o, &ts) || !mr_dealloc_nonheap (o, ts))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_FREE_NONHEAP, ev, ev->a);
  if (!fd)
    return;
  fd->indeterminate = mr_obj_indeterminate (c->f, target.obj);
  if (o && o->ev)
    mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  /* A delete cites the C++ rule (MEM51-CPP: only what new returned may be
     deleted).  */
  mr_rule_cert (MR_RULE_FREE_NONHEAP, fd && mr_family_is_new (fd->ev->family), m);
  if (fd && fd->indeterminate)
    mr_message_warn (m, MR_RULE_FREE_NONHEAP,
		     "%qs of %s, which is uninitialized on this path (%s) [memrules-%s]",
		     w->dealloc, w->what, NULL);
  else
    mr_message_warn (m, MR_RULE_FREE_NONHEAP,
		     "%qs of %s which points to memory not on the heap (%s) [memrules-%s]",
		     w->dealloc, w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_FREE_NONHEAP) = {
  .rule = MR_RULE_FREE_NONHEAP,
  .release = judge,
  .handover = judge,
  .message = message,
};
