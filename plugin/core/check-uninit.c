/* check-uninit.c — uninit-read (MEM33-C, CWE-908).

   Memory from malloc (not calloc), aligned_alloc or operator new read before
   anything was written to it:

     struct s *p = malloc (sizeof *p);
     if (p->len > 0)          read of uninitialized memory 'p'

   The whole object counts as written by any store into it, a libc call that writes
   through it (memset, memcpy, strcpy, fread, ...) or a call the engine does not know
   (it may initialise it).  That loses reads of one field after another field was
   written, and never reports an object that was partly initialised.  */

#include "engine-int.h"
#include "infer.h"

void
mr_check_uninit_read (mr_ctx *c, mr_state *s, const mr_event *ev, mr_opnd subject)
{
  mr_ref r = mr_ref_of (c, s, subject);
  if (!mr_is_object (r.obj))
    return;
  const mr_objst *o = mr_state_obj (s, r.obj);
  if (!o || o->ts != MR_TS_ALLOCATED || !(o->flags & MR_OBJF_UNINIT)
      || mr_family_uncertain (o->family))
    return;
  const mr_event *alloc = o->ev;
  ((mr_objst *) o)->flags &= ~MR_OBJF_UNINIT;	/* one warning per object and path */
  mr_finding *fd = mr_report (c, MR_RULE_UNINIT_READ, ev, subject);
  if (fd)
    {
      fd->alloc = alloc;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, alloc);
    }
}
