/* free-offset.c — free-offset (MEM34-C, CWE-761).

     p = malloc (8);  p++;  free (p);      'free' of 'p' which does not point to the
                                           start of its allocation
                                           note: it points 1 bytes past the start

     void sink (char *p) { p += 2; free (p); }
                                           'free' of 'p' which points past the start
                                           of what the caller passed

   A function that frees its own parameter (its value at entry) moved forward, by
   a constant or by a walk (`for (; *p; p++) ...; free (p);`), frees past the
   start of whatever its caller gave it: undefined for any caller, so reported in
   the function itself, on the paths where the pointer moved (a path that skipped
   the walk holds the parameter at offset 0).  Its callers do not report it again:
   the summary keeps only the offsets it did not report (summarize.c,
   note_free_offset).  What it frees before the pointer it was given (`free (p -
   HDR)`, an allocator's header) depends on the caller: reported at a call that
   passes the start of a block, with notes at the allocation and at the callee's
   free; so is a walk from a pointer the callee loaded from its caller's object.

   The last of the three release rules (dealloc.h): not when the memory is not on
   the heap or its family does not match.  */

#include "dealloc.h"

#include <stdio.h>

/* A release of the function's own parameter past its start (nothing known of
   the memory: a parameter's).  */
static void
judge_param (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  int64_t off;
  if (mr_freed_param_offset (c, s, ev, target, &off) < 0 || !mr_free_past_param (off))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_FREE_OFFSET, ev, ev->a);
  if (fd)
    {
      fd->offset = off;
      if (ev->via)
	mr_finding_note (fd, MR_NOTE_FREED_HERE, ev);
    }
}

static void
judge (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  const mr_objst *o;
  mr_ts ts;
  if (!mr_dealloc_judged (s, ev, target, &o, &ts))
    return;
  if (ts == MR_TS_UNKNOWN)
    {
      judge_param (c, s, ev, target);
      return;
    }
  if (mr_dealloc_nonheap (o, ts) || ts != MR_TS_ALLOCATED || mr_dealloc_mismatch (o, ev))
    return;
  /* A callee frees its argument this far from where it was given it (a walk
     before its free: mr_summary.frees_at_off).  */
  bool in_callee = ev->via && !(ev->flags & MR_EVF_GUARDED) && ev->off != 0;
  if (in_callee)
    target.off = mr_off_add (target.off, ev->off);
  if (target.off == 0 || target.off == MR_OFF_UNKNOWN || mr_family_uncertain (o->family))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_FREE_OFFSET, ev, ev->a);
  if (fd)
    {
      fd->offset = target.off;
      fd->alloc = o->ev;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
      if (in_callee)
	mr_finding_note (fd, MR_NOTE_FREED_HERE, ev);
    }
}

/* A finding with no allocation is of a parameter (judge_param).  */
static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  if (fd->alloc)
    mr_message_warn (m, MR_RULE_FREE_OFFSET,
		     "%qs of %s which does not point to the start of its allocation "
		     "(%s) [memrules-%s]", w->dealloc, w->what, NULL);
  else
    mr_message_warn (m, MR_RULE_FREE_OFFSET,
		     "%qs of %s which points past the start of what the caller passed "
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
