/* check-recommend.c — the CERT recommendations, off by default:
   sensitive-free (MEM03-A, CWE-226/244) and dangling-pointer (MEM01-A, CWE-416).

   sensitive-free: memory whose pointer is named like a secret (password, passwd,
   secret, token, passphrase, credential, *key) freed or realloc'd without first being
   wiped by a function the compiler may not remove (explicit_bzero, memset_explicit,
   memset_s, OPENSSL_cleanse, sodium_memzero).  Plain memset does not count: GCC
   deletes a memset of memory that is freed right after.  The name test is done by
   the lowering (MR_EVF_SENSITIVE); the state remembers the wipe.

   dangling-pointer: when the function returns, memory the caller can reach (a field
   of a parameter's object, a global) still holds a pointer the function freed:
     free (s->buf);          'dangling-pointer': 's->buf' is freed but not set to NULL
     return;
   A later use in the same function is already a use-after-free; this is about the
   next user of s.  Reported at the free.  */

#include "engine-int.h"

void
mr_check_sensitive_free (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
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

void
mr_check_dangling_at_return (mr_ctx *c, mr_state *s, const mr_event *ret)
{
  (void) ret;
  if (!c->cfg->enabled[MR_RULE_DANGLING_POINTER])
    return;
  for (uint32_t i = 0; i < s->nslots; i++)
    {
      uint32_t base = (uint32_t) (s->slots[i].at >> 32);
      if (!mr_obj_outside (c->f, base) || mr_obj_ts (s, base) == MR_TS_FREED)
	continue;
      uint32_t content = s->slots[i].content.obj;
      const mr_objst *o = mr_is_object (content) ? mr_state_obj (s, content) : NULL;
      if (!o || o->ts != MR_TS_FREED || !o->ev || o->ev->kind != MR_EV_FREE)
	continue;
      mr_report (c, MR_RULE_DANGLING_POINTER, o->ev, o->ev->a);
    }
}
