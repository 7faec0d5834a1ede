/* dealloc.h — what mismatched-dealloc, free-nonheap and free-offset share: which
   releases they judge, and which of the three judges one.

   Only memory whose origin the function saw is judged: an allocation it made, or a
   named object.  A pointer that came from a parameter may point anywhere.  The
   order matters: non-heap memory first, then a family that does not match, then
   an offset: the first that applies is the one reported (one warning per
   release), so each rule tests that the ones before it do not apply.  */

#ifndef MR_DEALLOC_H
#define MR_DEALLOC_H

#include "engine-int.h"
#include "infer.h"

/* Does the release ev of target concern these rules?  Sets *o and *ts.  Serves
   both their release and handover hooks.  */
static inline bool
mr_dealloc_judged (const mr_state *s, const mr_event *ev, mr_ref target,
		   const mr_objst **o, mr_ts *ts)
{
  /* A smart pointer's deleter (a FREE with MR_EVF_DTOR) was judged when the smart
     pointer took the pointer (the handover).  */
  if (ev->kind == MR_EV_FREE && (ev->flags & MR_EVF_DTOR))
    return false;
  /* A deallocator known only by its name or its pointer's name releases what it
     releases: certain enough for double-free, not for these three rules.  */
  if (!mr_is_object (target.obj) || mr_family_uncertain (ev->family))
    return false;
  *o = mr_state_obj (s, target.obj);
  *ts = mr_obj_ts (s, target.obj);
  return true;
}

/* 1. free-nonheap: not heap memory, or alloca's.  */
static inline bool
mr_dealloc_nonheap (const mr_objst *o, mr_ts ts)
{
  return ts == MR_TS_NONHEAP || (ts == MR_TS_ALLOCATED && o->family == MR_FAM_ALLOCA);
}

/* 2. mismatched-dealloc: heap memory of another family than the event releases
   (o is an allocated object, not non-heap).  */
static inline bool
mr_dealloc_mismatch (const mr_objst *o, const mr_event *ev)
{
  uint16_t used = ev->family;
  return o->family != MR_FAM_NONE && used != MR_FAM_NONE && o->family != used
	 && !mr_family_uncertain (o->family);
}

#endif /* MR_DEALLOC_H */
