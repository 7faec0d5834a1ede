/* double-free.c — double-free (MEM31-C, MEM51-CPP, CWE-415).

   Fires when free, realloc, delete or delete[] releases an object that is already
   freed on the path being analysed.  Paths are feasible as far as the engine can tell:
   `if (err) free (p); ... if (!err) free (p);` reaches the second free only with p
   live, so it stays silent.  Example that warns:

     free (x);            note: first 'free' here
     ...
     free (x);            warning: double-'free' of 'x'  */

#include "engine-int.h"

/* The member a freed pointer was read from (the lowering puts its identity in a
   LOAD's b operand), or -1.  */
static int64_t
member_of (const mr_func *f, mr_opnd o)
{
  if (o.kind != MR_OPND_VALUE)
    return -1;
  int64_t off;
  uint32_t root = mr_func_root (f, o.id, &off);
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t k = 0; k < f->blocks[b].nevents; k++)
      {
	const mr_event *e = &f->blocks[b].events[k];
	if (e->kind == MR_EV_LOAD && e->dst == root)
	  return e->b.kind == MR_OPND_CONST ? e->b.num : -1;
      }
  return -1;
}

/* The same memory read as two different members (a union, or one struct type
   cast to another: libxml2's xmlFreeNode frees ((xmlEntity *) cur)->ExternalID
   for entities and cur->nsDef for elements, both at offset 96): the two frees
   are under type tests the engine cannot relate across the calls between them.  */
static bool
punned (const mr_ctx *c, const mr_event *first, const mr_event *second)
{
  if (!first || first->kind != MR_EV_FREE || second->kind != MR_EV_FREE)
    return false;
  int64_t m1 = member_of (c->f, first->a), m2 = member_of (c->f, second->a);
  return m1 >= 0 && m2 >= 0 && m1 != m2;
}

/* A FREE or REALLOC of an object already freed on this path (not by realloc
   (p, 0): realloc-zero-free's case).  */
static void
release (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target)
{
  if (target.obj == MR_OBJ_NULL || target.obj == MR_OBJ_NONE)
    return;
  const mr_objst *o = mr_state_obj (s, target.obj);
  if (!o || o->ts != MR_TS_FREED || (o->flags & MR_OBJF_REALLOC0) || punned (c, o->ev, ev))
    return;
  mr_finding *fd = mr_report (c, MR_RULE_DOUBLE_FREE, ev, ev->a);
  if (!fd)
    return;
  fd->freed_by = o->ev;
  mr_finding_note (fd, MR_NOTE_FIRST_FREE, o->ev);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  /* A double delete cites the C++ rule (MEM51-CPP).  */
  mr_rule_cert (MR_RULE_DOUBLE_FREE, mr_family_is_new (fd->ev->family), m);
  if (fd->ev->kind == MR_EV_REALLOC)
    mr_message_warn (m, MR_RULE_DOUBLE_FREE,
		     "%<realloc%> of already freed %s (%s) [memrules-%s]", w->what, NULL);
  else
    mr_message_warn (m, MR_RULE_DOUBLE_FREE, "double-%qs of %s (%s) [memrules-%s]",
		     w->dealloc, w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_DOUBLE_FREE) = {
  .rule = MR_RULE_DOUBLE_FREE,
  .release = release,
  .message = message,
};
