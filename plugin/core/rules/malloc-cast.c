/* malloc-cast.c — malloc-cast (MEM02-A, CWE-704), off by default.

   In C, the result of malloc, calloc, realloc or aligned_alloc cast to a pointer
   type: `int *p = (int *) malloc (n);`.  The cast is gone by GIMPLE, so the
   detection is in the glue, on the C front end's GENERIC body:
   plugin/gcc/malloc-cast.cc calls mr_report_malloc_cast (report.cc), which takes
   the message from here.  No engine hook.  */

#include "engine-int.h"

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_MALLOC_CAST,
		   "the result of %qs is cast to %qs; in C the cast is not needed "
		   "(%s) [memrules-%s]", w->allocator, w->type, NULL);
  m->note = "%<void *%> converts to any object pointer type without a cast";
}

MR_DEFINE_RULE (MR_RULE_MALLOC_CAST) = {
  .rule = MR_RULE_MALLOC_CAST,
  .message = message,
};
