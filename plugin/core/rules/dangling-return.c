/* dangling-return.c — dangling-return (MEM30-C, CWE-416).

   A pointer to memory freed on the path returned to the caller:

     free (p);
     return p;              return of 'p' after 'free'     (note: freed here)

   CERT MEM30-C counts evaluating the pointer as undefined; callers often only
   compare it or ignore it, so this is a rule of its own, apart from
   use-after-free, that users can silence alone.  */

#include "engine-int.h"
#include "freed-use.h"

static void
use (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, mr_use_kind kind,
     uint32_t arg)
{
  if (kind == MR_USE_RETURN)
    mr_report_freed_use (c, s, ev, p, kind, arg, MR_RULE_DANGLING_RETURN);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_DANGLING_RETURN, "return of %s after %qs (%s) [memrules-%s]",
		   w->what, w->freed_by, NULL);
}

MR_DEFINE_RULE (MR_RULE_DANGLING_RETURN) = {
  .rule = MR_RULE_DANGLING_RETURN,
  /* Its mark (MR_OBJF_UAF_REPORTED) is set whether or not the rule is on.  */
  .always = 1u << MR_HOOK_USE,
  .use = use,
  .message = message,
};
