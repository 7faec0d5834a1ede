/* use-after-free.c — use-after-free (MEM30-C, CWE-416).

   Fires when freed memory is read or written (`*p`, `p[i]`, `p->next`) or a freed
   pointer is passed to a function: one known to read or write through that argument
   (memcpy, strlen, printf's %s, ...), or one nothing is known of (a function without
   a body, a call through a pointer, a method defined elsewhere: its use_mask), where
   evaluating the pointer is already undefined (CERT MEM30-C).  Returning it is its
   own rule, dangling-return (callers often only compare or ignore it), so users can
   tell it apart and silence it alone.  Not a use: comparing it, printing it with %p,
   passing it to a `const` function or to one the knowledge base or a summary says
   does not read it (the lowering leaves those out of use_mask).

   One warning per freed object and path: after the first use is reported the object is
   marked, so `p->a`, `p->b`, `p->c` after free(p) give one warning, not three.  */

#include "engine-int.h"
#include "freed-use.h"

/* A read, write or call argument; a return is dangling-return's (freed-use.h).  */
static void
use (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, mr_use_kind kind,
     uint32_t arg)
{
  if (kind == MR_USE_RETURN)
    return;			/* dangling-return */
  mr_report_freed_use (c, s, ev, p, kind, arg, MR_RULE_USE_AFTER_FREE);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_USE_AFTER_FREE, "use after %qs of %s (%s) [memrules-%s]",
		   w->freed_by, w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_USE_AFTER_FREE) = {
  .rule = MR_RULE_USE_AFTER_FREE,
  /* Its mark (MR_OBJF_UAF_REPORTED) is set whether or not the rule is on.  */
  .always = 1u << MR_HOOK_USE,
  .use = use,
  .message = message,
};
