/* null-deref-alloc.c — null-deref-alloc (MEM32-C, CWE-690).

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

/* Reported on this path: one warning per object and path.  */
#define NULL_REPORTED MR_OBJF_RULE_BIT1

static void
deref (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, bool write)
{
  (void) write;
  mr_ref r = p->ref;
  const mr_objst *o = p->obj;
  if (!mr_is_object (r.obj))
    return;
  /* An allocator known only by its name may report failure another way.  */
  if (!o || (o->flags & NULL_REPORTED) || mr_family_uncertain (o->family))
    return;
  bool unchecked = o->ts == MR_TS_ALLOCATED && (o->flags & MR_OBJF_MAYBE_NULL)
		   && !(o->flags & MR_OBJF_NONNULL);
  bool null = o->ts == MR_TS_NULL && o->ev && (o->ev->flags & MR_EVF_MAY_FAIL);
  if (!unchecked && !null)
    return;
  const mr_event *alloc = o->ev;
  bool checked = null && (o->flags & MR_OBJF_NULL_CHECKED);
  mr_state_add_obj_flags (s, r.obj, NULL_REPORTED);
  mr_finding *fd = mr_report (c, MR_RULE_NULL_DEREF_ALLOC, ev, p->subject);
  if (fd)
    {
      fd->alloc = alloc;
      fd->known_null = checked;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, alloc);
    }
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  mr_message_warn (m, MR_RULE_NULL_DEREF_ALLOC,
		   "dereference of possibly-NULL %s (%s) [memrules-%s]", w->what, NULL);
  /* The NULL branch of a check went on: often its error handler does not return
     but is not declared so.  */
  if (fd->known_null)
    {
      m->last_note = "%s is NULL here on a path that checked it; if that path calls a "
		     "function that does not return, declare it "
		     "%<__attribute__ ((noreturn))%> or list it in a families file "
		     "(%<noreturn NAME%>)";
      m->last_args[0] = w->what;
    }
}

MR_DEFINE_RULE (MR_RULE_NULL_DEREF_ALLOC) = {
  .rule = MR_RULE_NULL_DEREF_ALLOC,
  /* Its mark (NULL_REPORTED) is set whether or not the rule is on.  */
  .always = 1u << MR_HOOK_DEREF,
  .deref = deref,
  .message = message,
};
