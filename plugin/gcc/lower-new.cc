/* lower-new.cc — C++ allocation forms beyond the plain operators (lower-cxx.cc
   recognises those): what a placement new-expression does to the storage it is
   given.  */

#include "lower-int.h"

/* `new (p) T`: the placement operator new (`_ZnwmPv`, argument 1 the storage)
   returns p, then T's constructor, or the initialiser, writes the object there.
   Building an object in storage already released is a use of it (MEM30-C),
   wherever the object's first write is: a constructor without a body in sight
   writes it out of sight, and `new (p) T` of a trivial T may write nothing at
   all.  So the storage counts as handed to the new-expression, a use of it
   (mr_call.use_mask), before its result is taken; the call changes nothing
   else (MR_EVF_NO_CLOBBER).  */
void
lower_placement_storage (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc)
{
  if (gimple_call_num_args (s) != 2)
    return;
  mr_call *call = new_lowered_call (c, bb, s, "operator new", loc);
  call->use_mask = 1u << 1;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  e->call = call;
  e->flags = MR_EVF_NO_CLOBBER;
}
