/* check-use-after-free.c — use-after-free (MEM30-C, CWE-416).

   Fires when freed memory is read or written (`*p`, `p[i]`, `p->next`) or passed to a
   function known to read or write through that argument (memcpy, strlen, printf's %s,
   ...).  Returning it is its own rule, dangling-return (CERT MEM30-C: evaluating
   the pointer is undefined, but callers often only compare or ignore it), so users
   can tell it apart and silence it alone.  Passing a freed pointer to an unknown
   function, comparing it or printing it with %p is not a use: the callee may only
   look at the address.

   One warning per freed object and path: after the first use is reported the object is
   marked, so `p->a`, `p->b`, `p->c` after free(p) give one warning, not three.  */

#include "engine-int.h"

void
mr_check_use_after_free (mr_ctx *c, mr_state *s, const mr_event *ev, mr_opnd subject,
			 mr_use_kind use, uint32_t arg)
{
  mr_ref r = mr_ref_of (c, s, subject);
  if (r.obj == MR_OBJ_NULL || r.obj == MR_OBJ_NONE)
    return;
  const mr_objst *o = mr_state_obj (s, r.obj);
  if (!o || o->ts != MR_TS_FREED || (o->flags & MR_OBJF_UAF_REPORTED))
    return;
  const mr_event *freed_by = o->ev;
  bool by_realloc0 = (o->flags & MR_OBJF_REALLOC0) != 0;
  mr_state_add_obj_flags (s, r.obj, MR_OBJF_UAF_REPORTED);
  mr_rule rule = by_realloc0 ? MR_RULE_REALLOC_ZERO_FREE
		 : use == MR_USE_RETURN ? MR_RULE_DANGLING_RETURN : MR_RULE_USE_AFTER_FREE;
  mr_finding *fd = mr_report (c, rule, ev, subject);
  if (!fd)
    return;
  fd->use = use;
  fd->arg = arg;
  fd->freed_by = freed_by;
  mr_finding_note (fd, by_realloc0 ? MR_NOTE_REALLOC_ZERO : MR_NOTE_FREED_HERE, freed_by);
}
