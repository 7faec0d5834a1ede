/* free-offset.c — free-offset (MEM34-C, CWE-761).

     p = malloc (8);  p++;  free (p);      'free' of 'p' which does not point to the
                                           start of its allocation
                                           note: it points 1 bytes past the start

   The last of the three release rules (dealloc.h): not when the memory is not on
   the heap or its family does not match.  */

#include "dealloc.h"

#include <stdio.h>

static void
judge (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  const mr_objst *o;
  mr_ts ts;
  if (!mr_dealloc_judged (s, ev, target, &o, &ts) || mr_dealloc_nonheap (o, ts)
      || ts != MR_TS_ALLOCATED || mr_dealloc_mismatch (o, ev))
    return;
  if (target.off == 0 || target.off == MR_OFF_UNKNOWN || mr_family_uncertain (o->family))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_FREE_OFFSET, ev, ev->a);
  if (fd)
    {
      fd->offset = target.off;
      fd->alloc = o->ev;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
    }
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  mr_message_warn (m, MR_RULE_FREE_OFFSET,
		   "%qs of %s which does not point to the start of its allocation "
		   "(%s) [memrules-%s]", w->dealloc, w->what, NULL);
  if (fd->offset > 0)
    {
      snprintf (m->number, sizeof m->number, "%lld", (long long) fd->offset);
      m->note = "it points %s bytes past the start";
      m->note_args[0] = m->number;
    }
}

MR_DEFINE_RULE (MR_RULE_FREE_OFFSET) = {
  .rule = MR_RULE_FREE_OFFSET,
  .release = judge,
  .handover = judge,
  .message = message,
};
