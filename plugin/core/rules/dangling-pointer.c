/* dangling-pointer.c — dangling-pointer (MEM01-A, CWE-416), off by default.

   When the function returns, memory the caller can reach (a field of a parameter's
   object, a global) still holds a pointer the function freed:
     free (s->buf);          's->buf' is freed but left pointing to freed memory
     return;                 when the function returns; set it to NULL
   A later use in the same function is already a use-after-free; this is about the
   next user of s.  Reported at the free.  */

#include "engine-int.h"

static void
at_return (mr_ctx *c, mr_state *s, const mr_event *ret, const mr_loc *at)
{
  (void) ret, (void) at;
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

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_DANGLING_POINTER,
		   "%s is freed but left pointing to freed memory when the function "
		   "returns; set it to NULL (%s) [memrules-%s]", w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_DANGLING_POINTER) = {
  .rule = MR_RULE_DANGLING_POINTER,
  .at_return = at_return,
  .message = message,
};
