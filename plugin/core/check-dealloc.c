/* check-dealloc.c — what a free, delete, delete[] or realloc releases:
   mismatched-dealloc (MEM51-CPP, CWE-762), free-nonheap (MEM34-C, CWE-590) and
   free-offset (MEM34-C, CWE-761).

     int *i = malloc (sizeof *i);   delete i;      'i' should have been deallocated
                                                   with 'free' but was deallocated
                                                   with 'delete'
     char buf[8];  free (buf);                     'free' of 'buf' which points to
                                                   memory not on the heap
     p = malloc (8);  p++;  free (p);              'free' of 'p' which does not point
                                                   to the start of its allocation

   Only memory whose origin the function saw is judged: an allocation it made, or a
   named object.  A pointer that came from a parameter may point anywhere.  */

#include "engine-int.h"
#include "infer.h"

/* The family of memory a deallocation event expects.  */
static uint16_t
used_family (const mr_event *ev)
{
  return ev->family;
}

void
mr_check_dealloc (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  /* A deallocator known only by its name or its pointer's name releases what it
     releases: certain enough for double-free, not for these three rules.  */
  if (!mr_is_object (target.obj) || mr_family_uncertain (ev->family))
    return;
  const mr_objst *o = mr_state_obj (s, target.obj);
  mr_ts ts = mr_obj_ts (s, target.obj);
  if (ts == MR_TS_NONHEAP || (ts == MR_TS_ALLOCATED && o->family == MR_FAM_ALLOCA))
    {
      mr_finding *fd = mr_report (c, MR_RULE_FREE_NONHEAP, ev, ev->a);
      if (fd && o && o->ev)
	mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
      return;
    }
  if (ts != MR_TS_ALLOCATED)
    return;
  uint16_t used = used_family (ev);
  if (o->family != MR_FAM_NONE && used != MR_FAM_NONE && o->family != used
      && !mr_family_uncertain (o->family))
    {
      mr_finding *fd = mr_report (c, MR_RULE_MISMATCHED_DEALLOC, ev, ev->a);
      if (fd)
	{
	  fd->expected = o->family;
	  fd->alloc = o->ev;
	  mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
	}
      return;
    }
  if (target.off != 0 && target.off != MR_OFF_UNKNOWN && !mr_family_uncertain (o->family))
    {
      mr_finding *fd = mr_report (c, MR_RULE_FREE_OFFSET, ev, ev->a);
      if (fd)
	{
	  fd->offset = target.off;
	  fd->alloc = o->ev;
	  mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
	}
    }
}
