/* check-double-free.c — double-free (MEM31-C, MEM51-CPP, CWE-415).

   Fires when free, realloc, delete or delete[] releases an object that is already
   freed on the path being analysed.  Paths are feasible as far as the engine can tell:
   `if (err) free (p); ... if (!err) free (p);` reaches the second free only with p
   live, so it stays silent.  Example that warns:

     free (x);            note: first 'free' here
     ...
     free (x);            warning: double-'free' of 'x'  */

#include "engine-int.h"

void
mr_check_double_free (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  if (target.obj == MR_OBJ_NULL || target.obj == MR_OBJ_NONE)
    return;
  const mr_objst *o = mr_state_obj (s, target.obj);
  if (!o || o->ts != MR_TS_FREED)
    return;
  /* Freed by glibc's realloc (p, 0): that is the realloc-zero-free rule's case.  */
  bool by_realloc0 = (o->flags & MR_OBJF_REALLOC0) != 0;
  mr_finding *fd = mr_report (c, by_realloc0 ? MR_RULE_REALLOC_ZERO_FREE
			      : MR_RULE_DOUBLE_FREE, ev, ev->a);
  if (!fd)
    return;
  fd->freed_by = o->ev;
  mr_finding_note (fd, by_realloc0 ? MR_NOTE_REALLOC_ZERO : MR_NOTE_FIRST_FREE, o->ev);
}
