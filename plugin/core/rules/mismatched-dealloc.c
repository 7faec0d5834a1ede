/* mismatched-dealloc.c — mismatched-dealloc (MEM51-CPP, CWE-762).

     int *i = malloc (sizeof *i);   delete i;      'i' should have been deallocated
                                                   with 'free' but was deallocated
                                                   with 'delete'

   The second of the three release rules (dealloc.h): not when the memory is not
   on the heap.  */

#include "dealloc.h"

static void
judge (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  const mr_objst *o;
  mr_ts ts;
  if (!mr_dealloc_judged (s, ev, target, &o, &ts) || mr_dealloc_nonheap (o, ts)
      || ts != MR_TS_ALLOCATED || !mr_dealloc_mismatch (o, ev))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_MISMATCHED_DEALLOC, ev, ev->a);
  if (fd)
    {
      fd->expected = o->family;
      fd->alloc = o->ev;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
    }
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_MISMATCHED_DEALLOC,
		   "%s should have been deallocated with %qs but was deallocated "
		   "with %qs (%s) [memrules-%s]", w->what, w->expected, w->dealloc, NULL);
}

MR_DEFINE_RULE (MR_RULE_MISMATCHED_DEALLOC) = {
  .rule = MR_RULE_MISMATCHED_DEALLOC,
  .release = judge,
  .handover = judge,
  .message = message,
};
