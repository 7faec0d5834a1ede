/* freed-use.h — what use-after-free and dangling-return share: a use of memory
   freed on the path (not by realloc (p, 0): realloc-zero-free's case), reported
   once per object and path, by whichever of the two rules sees it first (the mark
   MR_OBJF_UAF_REPORTED, which realloc-zero-free shares too).  */

#ifndef MR_FREED_USE_H
#define MR_FREED_USE_H

#include "engine-int.h"

/* A use of the freed object was reported on this path (by any of the three).  */
#define MR_OBJF_UAF_REPORTED MR_OBJF_RULE_BIT0

static inline void
mr_report_freed_use (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p,
		     mr_use_kind kind, uint32_t arg, mr_rule rule)
{
  mr_ref r = p->ref;
  if (r.obj == MR_OBJ_NULL || r.obj == MR_OBJ_NONE)
    return;
  const mr_objst *o = p->obj;
  if (!o || o->ts != MR_TS_FREED || (o->flags & (MR_OBJF_UAF_REPORTED | MR_OBJF_REALLOC0)))
    return;
  const mr_event *freed_by = o->ev;
  mr_state_add_obj_flags (s, r.obj, MR_OBJF_UAF_REPORTED);
  mr_finding *fd = mr_report (c, rule, ev, p->subject);
  if (!fd)
    return;
  fd->use = kind;
  fd->arg = arg;
  fd->freed_by = freed_by;
  mr_finding_note (fd, MR_NOTE_FREED_HERE, freed_by);
}

#endif /* MR_FREED_USE_H */
