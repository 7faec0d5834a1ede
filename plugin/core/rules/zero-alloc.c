/* zero-alloc.c — zero-alloc (MEM36-C, MEM04-C; CWE-131, off by default).

   An allocation whose size may be 0 on the path is marked (MR_OBJF_MAYBE_ZERO, by
   the allocation's transfer); using it as if it had room (a dereference) is
   reported once per object and path:

     p = malloc (n);          note: allocated here
     p[0] = 1;                allocation of possibly 0 bytes for 'p' used as if it
                              had room  */

#include "engine-int.h"

static void
deref (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, bool write)
{
  (void) write;
  /* A libc call is given the size with the pointer (memset (p, 0, n)): only direct
     accesses assume room.  */
  if (ev->kind == MR_EV_CALL && !(ev->flags & MR_EVF_UNSIZED))
    return;
  mr_ref r = p->ref;
  const mr_objst *o = p->obj;
  if (!mr_is_object (r.obj))
    return;
  if (!o || o->ts != MR_TS_ALLOCATED || !(o->flags & MR_OBJF_MAYBE_ZERO) || !o->ev)
    return;
  /* Facts learnt since the allocation (if (n > 0) p[0] = 1;) count.  */
  mr_opnd size = o->ev->kind == MR_EV_REALLOC ? o->ev->b : o->ev->a;
  if (size.kind != MR_OPND_NONE && !mr_may_be_zero (c, s, size))
    return;
  const mr_event *alloc = o->ev;
  ((mr_objst *) o)->flags &= ~MR_OBJF_MAYBE_ZERO;
  mr_finding *fd = mr_report (c, MR_RULE_ZERO_ALLOC, ev, p->subject);
  if (fd)
    {
      fd->alloc = alloc;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, alloc);
    }
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_ZERO_ALLOC,
		   "allocation of possibly 0 bytes for %s used as if it had room "
		   "(%s) [memrules-%s]", w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_ZERO_ALLOC) = {
  .rule = MR_RULE_ZERO_ALLOC,
  /* It clears MR_OBJF_MAYBE_ZERO after a report, whether or not it is on (the flag
     is part of the state's signature).  */
  .always = 1u << MR_HOOK_DEREF,
  .deref = deref,
  .message = message,
};
