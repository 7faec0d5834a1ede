/* cmp-known.c — what a path knows of one comparison.

   The early exits (guards.c) ask whether a state may take each way of a test,
   and a callee's result that is NULL where its argument is (transfer.c) asks
   whether the path knows the argument against 0.  Both read the same things:
   for two pointers compared for equality, their bindings (the same object and
   offset) or a pair a branch tested earlier on the path (ptr-eq.c); for a value
   against a constant, the interval the path learnt of the value.  */

#include "engine-int.h"

/* Two pointers compared for equality.  */
static unsigned
ptr_cmp_known (const mr_ctx *c, const mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs)
{
  mr_ref a = mr_ref_of (c, s, lhs), b = mr_ref_of (c, s, rhs);
  if (!mr_is_object (a.obj) || !mr_is_object (b.obj))
    return 3;
  int equal = a.obj == b.obj && a.off == b.off && a.off != MR_OFF_UNKNOWN
	      && a.off != MR_OFF_POSITIVE ? 1 : mr_state_ptr_eq (s, a, b);
  if (equal < 0)
    return 3;
  return (equal == (op == MR_CMP_EQ)) ? 1 : 2;
}

unsigned
mr_cmp_known (const mr_ctx *c, const mr_state *s, mr_opnd lhs, mr_cmp op, mr_opnd rhs,
	      bool is_unsigned, bool is_pointer)
{
  if (is_pointer && (op == MR_CMP_EQ || op == MR_CMP_NE) && lhs.kind == MR_OPND_VALUE
      && rhs.kind == MR_OPND_VALUE)
    return ptr_cmp_known (c, s, lhs, op, rhs);
  if (lhs.kind == MR_OPND_CONST && rhs.kind != MR_OPND_CONST)
    {
      mr_opnd t = lhs;
      lhs = rhs, rhs = t;
      op = mr_cmp_mirror (op);
    }
  int64_t off;
  uint32_t root = rhs.kind == MR_OPND_CONST ? mr_root_of (c, lhs, &off) : 0;
  const mr_fact *fa = root && !off ? mr_state_fact (s, root) : NULL;
  if (!fa || (is_unsigned && (rhs.num < 0 || fa->lo < 0)))
    return 3;
  return mr_range_cmp_may (fa->lo, fa->hi, fa->has_ne, fa->ne, op, rhs.num);
}
