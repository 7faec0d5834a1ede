/* free-nonheap.c — free-nonheap (MEM34-C, CWE-590).

     char buf[8];  free (buf);       'free' of 'buf' which points to memory not on
                                     the heap

   Locals, statics, string literals, alloca memory, placement-new objects.  The
   first of the three release rules (dealloc.h).  */

#include "dealloc.h"

static void
judge (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  const mr_objst *o;
  mr_ts ts;
  if (!mr_dealloc_judged (s, ev, target, &o, &ts) || !mr_dealloc_nonheap (o, ts))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_FREE_NONHEAP, ev, ev->a);
  if (fd && o && o->ev)
    mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
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
