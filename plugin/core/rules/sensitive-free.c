/* sensitive-free.c — sensitive-free (MEM03-A, CWE-226/244), off by default.

   Memory whose pointer is named like a secret (password, passwd, secret, token,
   passphrase, credential, *key) freed or realloc'd without first being wiped by a
   function the compiler may not remove (explicit_bzero, memset_explicit, memset_s,
   OPENSSL_cleanse, sodium_memzero).  Plain memset does not count: GCC deletes a
   memset of memory that is freed right after.  The name test is done by the lowering
   (MR_EVF_SENSITIVE); the state remembers the wipe (MR_OBJF_CLEARED, set by the
   call's transfer).  */

#include "engine-int.h"

static void
release (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  if (!(ev->flags & MR_EVF_SENSITIVE) || !mr_is_object (target.obj))
    return;
  const mr_objst *o = mr_state_obj (s, target.obj);
  mr_ts ts = mr_obj_ts (s, target.obj);
  if (ts == MR_TS_FREED || ts == MR_TS_NULL || ts == MR_TS_NONHEAP
      || (o && (o->flags & MR_OBJF_CLEARED)))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_SENSITIVE_FREE, ev, ev->a);
  if (fd && o && o->ev && o->ts == MR_TS_ALLOCATED)
    mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, o->ev);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_SENSITIVE_FREE,
		   "%s holds sensitive data and is freed without being cleared "
		   "(%s) [memrules-%s]", w->what, NULL);
  m->note = "clear it first with %<explicit_bzero%> or %<memset_explicit%>; "
	    "a plain %<memset%> before %<free%> may be removed by the compiler";
}

MR_DEFINE_RULE (MR_RULE_SENSITIVE_FREE) = {
  .rule = MR_RULE_SENSITIVE_FREE,
  .release = release,
  .message = message,
};
