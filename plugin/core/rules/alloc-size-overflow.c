/* alloc-size-overflow.c — alloc-size-overflow (MEM35-C, MEM37-C, INT30-C;
   CWE-190/680).

   The lowering describes a size computed by a multiplication,
   (x + add) * mul [* y].  Each variable operand is bounded by the facts on the path
   (a dominating `if (n > SIZE_MAX / sizeof (T)) return;` or `if (n >= 1000) return;`
   leaves n <= bound) or, failing that, by the width of its type before it was widened
   to size_t, or what its definition bounds it by (lower-range.cc's static ranges: a
   string's length is less than the size of its object): an unsigned int count
   times sizeof (T) cannot overflow a 64-bit size_t.  A product x * y is also
   bounded by a guard on the product itself (`if (s && n > SIZE_MAX / s) fail;`,
   GCC's overflow flag of it, OpenBSD's MUL_NO_OVERFLOW test), kept as a fact.
   A factor that is a sum of two values, (x + x2 + add), is bounded by the sum of
   their bounds, and checked against the width of the type the sum is computed in:
   `(count + extra) * sizeof (T)` with two unsigned ints wraps at 2^32 before it is
   widened to size_t.
   The product is computed in 128 bits; above SIZE_MAX it may overflow:

     p = malloc (n * sizeof (struct item));   multiplication in the size of
                                              'malloc' may overflow: 'n * 16'

   calloc is never reported: glibc's calloc checks its own multiplication and fails
   cleanly.  new T[n] is never reported: g++ emits its own check.  A signed operand
   widened from int counts as its positive range: a negative count is another bug.  */

#include "engine-int.h"

typedef unsigned __int128 mr_u128;

/* The largest value operand o may have, or 0 if unbounded.  */
static mr_u128
operand_max (const mr_ctx *c, const mr_state *s, mr_opnd o, unsigned bits, int64_t add)
{
  mr_u128 max;
  if (o.kind == MR_OPND_CONST)
    max = (mr_u128) (uint64_t) o.num;
  else
    {
      max = bits >= 64 || bits == 0 ? (mr_u128) UINT64_MAX : ((mr_u128) 1 << bits) - 1;
      int64_t off;
      uint32_t root = o.kind == MR_OPND_VALUE ? mr_func_root (c->f, o.id, &off) : 0;
      const mr_fact *f = root ? mr_state_fact (s, root) : NULL;
      if (f && f->hi != INT64_MAX && f->hi >= 0 && (mr_u128) f->hi < max)
	max = (mr_u128) f->hi;
    }
  if (add > 0)
    max += (mr_u128) add;
  return max;
}

/* Is x * y bounded by a guard on the path (`if (y > SIZE_MAX / x) fail;`, in any
   of its arithmetic forms), so that x * y * mul stays within limit?  */
static bool
product_bounded (const mr_ctx *c, const mr_state *s, const mr_size *z, mr_u128 limit)
{
  if (z->x.kind != MR_OPND_VALUE || z->y.kind != MR_OPND_VALUE || z->add != 0)
    return false;
  int64_t xoff, yoff;
  uint32_t x = mr_func_root (c->f, z->x.id, &xoff), y = mr_func_root (c->f, z->y.id, &yoff);
  if (xoff || yoff)
    return false;
  const mr_fact *fx = mr_state_fact (s, x), *fy = mr_state_fact (s, y);
  mr_u128 max;
  if (fx && fx->prod_with == y)
    max = fx->prod_max;
  else if (fy && fy->prod_with == x)
    max = fy->prod_max;
  else
    return false;
  return max * z->mul <= limit;
}

static void
size (mr_ctx *c, mr_state *s, const mr_event *ev)
{
  const mr_size *z = ev->size;
  /* Only factors that come from outside the function's own arithmetic: a count
     computed by a loop (proto_count++) is bounded by what the loop walks.  */
  if (!z || z->x.kind == MR_OPND_NONE || !(ev->flags & MR_EVF_SIZE_INPUT)
      || (z->flags & MR_SIZE_SUM))
    return;
  mr_u128 limit = z->product_bits && z->product_bits < 64
		  ? ((mr_u128) 1 << z->product_bits) - 1 : (mr_u128) UINT64_MAX;
  mr_u128 x = operand_max (c, s, z->x, z->x_bits, z->add);
  bool overflow = false;
  if (z->x2.kind != MR_OPND_NONE)
    {
      /* x + x2 + add, computed in sum_bits bits: it may wrap there first.  */
      x += operand_max (c, s, z->x2, z->x2_bits, 0);
      overflow = z->sum_bits && z->sum_bits < 64 && x > ((mr_u128) 1 << z->sum_bits) - 1;
    }
  mr_u128 product = x * (mr_u128) z->mul;
  overflow = overflow || x > limit || (z->mul && x > limit / z->mul) || product > limit;
  if (!overflow && z->y.kind != MR_OPND_NONE)
    {
      mr_u128 y = operand_max (c, s, z->y, z->y_bits, 0);
      overflow = y && product > limit / y;
    }
  if (!overflow || product_bounded (c, s, z, limit))
    return;
  mr_report (c, MR_RULE_ALLOC_SIZE_OVERFLOW, ev, z->x);
}


static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  (void) fd;
  mr_message_warn (m, MR_RULE_ALLOC_SIZE_OVERFLOW,
		   "multiplication in the size of %qs may overflow: %s (%s) [memrules-%s]",
		   w->allocator, w->product, NULL);
}

MR_DEFINE_RULE (MR_RULE_ALLOC_SIZE_OVERFLOW) = {
  .rule = MR_RULE_ALLOC_SIZE_OVERFLOW,
  .size = size,
  .message = message,
};
