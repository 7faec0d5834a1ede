/* check-null.c — null-deref-alloc (MEM32-C, CWE-690).

   The result of an allocation that can return NULL (malloc, calloc, realloc,
   strdup, nothrow new, ...; not plain operator new, which throws) dereferenced or
   passed to a function that dereferences it, on a path where it was not checked:

     char *p = malloc (n);
     memset (p, 0, n);        dereference of possibly-NULL 'p'

   A check through any copy counts (the state is per object), and so does a path
   that ends (return, abort, a function that never returns) when it is NULL.  When
   the NULL branch of a check goes on to the dereference, the finding says so
   (known_null): often the branch calls an error handler that is not declared
   noreturn.  One warning per object and path.  */

#include "engine-int.h"
#include "infer.h"

void
mr_check_null_deref (mr_ctx *c, mr_state *s, const mr_event *ev, mr_opnd subject)
{
  mr_ref r = mr_ref_of (c, s, subject);
  if (!mr_is_object (r.obj))
    return;
  const mr_objst *o = mr_state_obj (s, r.obj);
  /* An allocator known only by its name may report failure another way.  */
  if (!o || (o->flags & MR_OBJF_NULL_REPORTED) || mr_family_uncertain (o->family))
    return;
  bool unchecked = o->ts == MR_TS_ALLOCATED && (o->flags & MR_OBJF_MAYBE_NULL)
		   && !(o->flags & MR_OBJF_NONNULL);
  bool null = o->ts == MR_TS_NULL && o->ev && (o->ev->flags & MR_EVF_MAY_FAIL);
  if (!unchecked && !null)
    return;
  const mr_event *alloc = o->ev;
  bool checked = null && (o->flags & MR_OBJF_NULL_CHECKED);
  mr_state_add_obj_flags (s, r.obj, MR_OBJF_NULL_REPORTED);
  mr_finding *fd = mr_report (c, MR_RULE_NULL_DEREF_ALLOC, ev, subject);
  if (fd)
    {
      fd->alloc = alloc;
      fd->known_null = checked;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, alloc);
    }
}
