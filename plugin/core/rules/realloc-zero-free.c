/* realloc-zero-free.c — realloc-zero-free (MEM04-C, MEM36-C, CWE-415).

   glibc's realloc (p, 0) frees p and returns NULL; C23 makes a size of 0 undefined.
   Code that takes NULL from realloc for a failure that left p alive frees or uses p
   again.  The realloc transfer (transfer.c) splits the path where the size may be 0:
   on that path p is freed with MR_OBJF_REALLOC0.  Then:

     q = realloc (p, n);          note: 'realloc' frees 'p' when the size is 0
     if (!q) { free (p); ... }    'free' of 'p' after 'realloc' of size 0 freed it

   A use (read, write, call argument read through, return) is reported like a
   use-after-free, once per object and path, sharing use-after-free's mark
   (MR_OBJF_UAF_REPORTED); passing it to a function nothing is known of is not
   (MR_USE_HANDED: two guesses on top of each other).  */

#include "engine-int.h"
#include "freed-use.h"

/* Is o (an object's state, or NULL) freed by realloc (p, 0)?  */
static bool
freed_by_realloc0 (const mr_objst *o)
{
  return o && o->ts == MR_TS_FREED && (o->flags & MR_OBJF_REALLOC0);
}

static void
release (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  if (!mr_is_object (target.obj))
    return;
  const mr_objst *o = mr_state_obj (s, target.obj);
  if (!freed_by_realloc0 (o))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_REALLOC_ZERO_FREE, ev, ev->a);
  if (!fd)
    return;
  fd->freed_by = o->ev;
  mr_finding_note (fd, MR_NOTE_REALLOC_ZERO, o->ev);
}

static void
use (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, mr_use_kind kind,
     uint32_t arg)
{
  const mr_objst *o = p->obj;
  /* That the size may be 0 is already a guess (a size from outside the function):
     a callee that may only look at the address is not evidence enough on top of
     it (sqlite's `malloc_usable_size (pPrior)` when realloc failed).  */
  if (kind == MR_USE_HANDED)
    return;
  if (!mr_is_object (p->ref.obj) || !freed_by_realloc0 (o) || (o->flags & MR_OBJF_UAF_REPORTED))
    return;
  const mr_event *freed_by = o->ev;
  mr_state_add_obj_flags (s, p->ref.obj, MR_OBJF_UAF_REPORTED);
  mr_finding *fd = mr_report (c, MR_RULE_REALLOC_ZERO_FREE, ev, p->subject);
  if (!fd)
    return;
  fd->use = kind;
  fd->arg = arg;
  fd->freed_by = freed_by;
  mr_finding_note (fd, MR_NOTE_REALLOC_ZERO, freed_by);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  if (fd->ev->kind == MR_EV_FREE || fd->ev->kind == MR_EV_REALLOC)
    mr_message_warn (m, MR_RULE_REALLOC_ZERO_FREE,
		     "%qs of %s after %<realloc%> of size 0 freed it (%s) [memrules-%s]",
		     w->dealloc, w->what, NULL);
  else
    mr_message_warn (m, MR_RULE_REALLOC_ZERO_FREE,
		     "use of %s after %<realloc%> of size 0 freed it (%s) [memrules-%s]",
		     w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_REALLOC_ZERO_FREE) = {
  .rule = MR_RULE_REALLOC_ZERO_FREE,
  /* The use mark is use-after-free's too: it is set whether or not this rule is on.  */
  .always = 1u << MR_HOOK_USE,
  .release = release,
  .use = use,
  .message = message,
};
