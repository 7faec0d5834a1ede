/* tainted-allocation-size.c — tainted-allocation-size (MEM35-C; CWE-789).

   An allocation whose size is computed from a value read from outside the program
   (inputs.def: read, recv, fread, fscanf into a variable or a buffer, atoi or
   strtol of such text, of getenv's or of main's argv, rand, ntohl) with no upper
   bound on the path: whoever writes the input chooses how much memory the program
   asks for.  The lowering names the input value (mr_size.input,
   plugin/gcc/lower-range.cc); the size is bounded when a fact of the path bounds
   that value or the size itself from above (`if (n > MAX) fail;`, `n < 100 &&
   ...`) by at most 2^56 (a larger bound is an overflow check, below):

     fscanf (f, "%zu", &n);
     p = malloc (n);       size of 'malloc' comes from input 'n' with no upper bound

   A value of 16 bits or fewer (ntohs) is bounded by its type and not followed.

   Between the unit's functions (plugin/gcc/lower-input-calls.cc): a function
   whose result is input is a source for its callers; a call that passes input
   to a parameter its callee allocates with, unbounded, carries the size on its
   own event (a CALL, or the ALLOC of a wrapper), judged here by the caller's
   facts and named by the allocator inside the callee.  */

#include "engine-int.h"

#include <string.h>

/* A bound above 2^56, the largest object a 64-bit address space holds, limits
   nothing: it is an overflow check (`n > SIZE_MAX / sizeof (T)`, the one g++
   makes before new T[n]), not a maximum the program chose.  */
#define LARGEST_LIMIT ((int64_t) 1 << 56)

/* Does a fact of the path bound operand o from above, to a size that could be
   allocated?  */
static bool
bounded_above (const mr_ctx *c, const mr_state *s, mr_opnd o)
{
  if (o.kind == MR_OPND_CONST)
    return true;
  int64_t off;
  uint32_t root = o.kind == MR_OPND_VALUE ? mr_func_root (c->f, o.id, &off) : 0;
  const mr_fact *f = root ? mr_state_fact (s, root) : NULL;
  if (!f)
    return false;
  return f->hi <= LARGEST_LIMIT
	 || (f->ubelow != 0 && UINT64_MAX - f->ubelow <= (uint64_t) LARGEST_LIMIT);
}

static void
size (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  const mr_size *z = ev->size;
  if (!z || z->input.kind != MR_OPND_VALUE
      || (ev->kind != MR_EV_ALLOC && ev->kind != MR_EV_REALLOC && ev->kind != MR_EV_CALL))
    return;
  mr_opnd whole = ev->kind == MR_EV_REALLOC ? ev->b
		  : ev->kind == MR_EV_CALL ? z->input : ev->a;
  if (bounded_above (c, s, z->input) || bounded_above (c, s, whole))
    return;
  mr_report (c, MR_RULE_TAINTED_ALLOCATION_SIZE, ev, z->input);
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  /* The allocation is inside the function called here.  */
  const char *callee = fd->ev->kind == MR_EV_CALL && fd->ev->call ? fd->ev->call->callee
		       : fd->ev->via;
  if (callee && strcmp (w->what, "memory") == 0)
    mr_message_warn (m, MR_RULE_TAINTED_ALLOCATION_SIZE,
		     "size of %qs in %qs comes from input with no upper bound (%s) [memrules-%s]",
		     w->allocator, callee, NULL);
  else if (callee)
    mr_message_warn (m, MR_RULE_TAINTED_ALLOCATION_SIZE,
		     "size of %qs in %qs comes from input %s with no upper bound (%s) [memrules-%s]",
		     w->allocator, callee, w->what, NULL);
  /* An input without a name (a call's result) is "memory" to the glue.  */
  else if (strcmp (w->what, "memory") == 0)
    mr_message_warn (m, MR_RULE_TAINTED_ALLOCATION_SIZE,
		     "size of %qs comes from input with no upper bound (%s) [memrules-%s]",
		     w->allocator, NULL);
  else
    mr_message_warn (m, MR_RULE_TAINTED_ALLOCATION_SIZE,
		     "size of %qs comes from input %s with no upper bound (%s) [memrules-%s]",
		     w->allocator, w->what, NULL);
}

MR_DEFINE_RULE (MR_RULE_TAINTED_ALLOCATION_SIZE) = {
  .rule = MR_RULE_TAINTED_ALLOCATION_SIZE,
  .size = size,
  .message = message,
};
