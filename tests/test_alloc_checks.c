/* test_alloc_checks.c — rules about fresh allocations: null-deref-alloc (a result that
   may be NULL used unchecked), uninit-read (malloc'd memory read before a write),
   zero-alloc (off by default: an allocation whose size may be 0 used), and
   alloc-size-overflow (a multiplied size that may overflow).

   Covers, for each: a case that warns (event, subject, "allocated here" note where
   the checker adds one) and the cases the checker documents as silent: a NULL check
   (also through a copy), operator new that throws, realloc's result; a write or a
   writing libc call before the read, calloc, an unknown call; a size known not to be
   0, a constant size, zero-alloc off by default; operands bounded by their type
   width, by a guard, or a guard against SIZE_MAX / size, and sizes not marked as
   coming from outside the function (MR_EVF_SIZE_INPUT); a factor that is a sum
   wrapping in its narrower type; and tainted-allocation-size (a size computed from
   an input value, mr_size.input, with no upper bound that could be allocated).

   The regressions group pins engine bugs found by these tests and since fixed.  */

#define TB_RULES (TB_RULE (MR_RULE_NULL_DEREF_ALLOC) | TB_RULE (MR_RULE_UNINIT_READ) \
		  | TB_RULE (MR_RULE_ZERO_ALLOC) | TB_RULE (MR_RULE_ALLOC_SIZE_OVERFLOW) \
		  | TB_RULE (MR_RULE_TAINTED_ALLOCATION_SIZE))
#include "builder.h"

enum { P = 1, Q = 2, N = 3, M = 4 };

#define MALLOC_FLAGS (MR_EVF_MAY_FAIL | MR_EVF_UNINIT)

/* Only `rule` enabled.  */
static void
analyze_rule (mr_func *f, mr_rule rule, mr_result *r)
{
  mr_config cfg;
  tb_config_only (&cfg, TB_RULE (rule));
  tb_analyze (f, &cfg, r);
}

static void
expect_rule_silent (mr_func *f, mr_rule rule)
{
  mr_config cfg;
  tb_config_only (&cfg, TB_RULE (rule));
  tb_expect_silent_cfg (f, &cfg);
}

/* Only `rule` enabled, one finding of it at event `ev_id`; frees f.  */
static void
expect_rule_only (mr_func *f, mr_rule rule, uint32_t ev_id)
{
  mr_config cfg;
  tb_config_only (&cfg, TB_RULE (rule));
  tb_expect_only_cfg (f, &cfg, rule, ev_id);
}

/* A callee's first dereference (a summarized DEREF) of a nothrow new's result,
   past the new-expression's own NULL test: `p = new (nothrow) C;` is, as g++
   lowers it, `if (p != 0) { C::C (p); t = p; } else t = p;`, every event of it at
   the new-expression's location (line 1).  The line to the call goes on through
   that test, and the NULL it teaches is not the program's check: reported,
   without the "checked" note.  An arm holding the program's own event (line 5)
   makes it the program's branch: silent, as past any branch.  */
static void
test_null_deref_alloc_own_branch (void **state)
{
  (void) state;
  enum { T1 = 5, T2 = 6 };
  for (int programs = 0; programs < 2; programs++)
    {
      mr_func *f = tb_func ("own-branch", 4);
      uint32_t al = tb_alloc_ex (f, 0, P, MR_FAM_NEW, mr_const (16), MR_EVF_MAY_FAIL, 1);
      tb_if (f, 0, mr_value (P), MR_CMP_NE, mr_const (0), 1, 2);
      tb_call (f, 1, 0, "_ZN1CC1Ev", 1, (mr_opnd[]) { mr_value (P) }, 0, 0, 0, 1);
      tb_copy (f, 1, T1, mr_value (P), 0, true, 1);
      tb_goto (f, 1, 3);
      tb_copy (f, 2, T2, mr_value (P), 0, true, programs ? 5 : 1);
      tb_goto (f, 2, 3);
      uint32_t use = tb_deref (f, 3, mr_value (P), false, 7);
      tb_ev (f, use)->flags |= MR_EVF_SUMMARIZED;
      if (programs)
	{
	  expect_rule_silent (f, MR_RULE_NULL_DEREF_ALLOC);
	  continue;
	}
      mr_result r;
      analyze_rule (f, MR_RULE_NULL_DEREF_ALLOC, &r);
      const mr_finding *fd = tb_expect_one (&r, MR_RULE_NULL_DEREF_ALLOC, use);
      assert_int_equal (fd->alloc->id, al);
      assert_false (fd->known_null);
      mr_result_free (&r);
      mr_func_free (f);
    }
}

static void
test_null_deref_alloc (void **state)
{
  (void) state;
  mr_result r;
  /* p = malloc (16); *p = 0; *p = 1;  — once.  */
  mr_func *f = tb_func ("unchecked", 1);
  uint32_t al = tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  uint32_t use = tb_deref (f, 0, mr_value (P), true, 2);
  tb_deref (f, 0, mr_value (P), true, 3);
  analyze_rule (f, MR_RULE_NULL_DEREF_ALLOC, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_NULL_DEREF_ALLOC, use);
  assert_int_equal (fd->alloc->id, al);
  tb_expect_note (fd, MR_NOTE_ALLOCATED_HERE, al);
  mr_result_free (&r);
  mr_func_free (f);

  /* memset (p, 0, 16) unchecked.  */
  f = tb_func ("memset", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  use = tb_call (f, 0, 0, "memset", 3,
		 (mr_opnd[]) { mr_value (P), mr_const (0), mr_const (16) }, 0x1, 0x1,
		 MR_EVF_NO_CLOBBER, 2);
  expect_rule_only (f, MR_RULE_NULL_DEREF_ALLOC, use);

  /* Checked through a copy: q = p; if (!q) return; *p = 0;  */
  f = tb_func ("checked", 3);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  tb_copy (f, 0, Q, mr_value (P), 0, true, 2);
  tb_if (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 3);
  tb_deref (f, 2, mr_value (P), true, 4);
  expect_rule_silent (f, MR_RULE_NULL_DEREF_ALLOC);

  /* operator new throws instead of returning NULL.  */
  f = tb_func ("new", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_NEW, mr_const (16), MR_EVF_UNINIT, 1);
  tb_deref (f, 0, mr_value (P), true, 2);
  expect_rule_silent (f, MR_RULE_NULL_DEREF_ALLOC);

  /* q = realloc (p, 32); *q = 0;  — realloc may fail too; nothing checked it, so
     the finding is not about a checked NULL going on (known_null).  */
  f = tb_func ("realloc", 1);
  tb_realloc (f, 0, Q, mr_value (P), mr_const (32), 1);
  use = tb_deref (f, 0, mr_value (Q), true, 2);
  analyze_rule (f, MR_RULE_NULL_DEREF_ALLOC, &r);
  fd = tb_expect_one (&r, MR_RULE_NULL_DEREF_ALLOC, use);
  assert_false (fd->known_null);
  mr_result_free (&r);
  mr_func_free (f);

  /* p = malloc (16); if (!p) warn (); *p = 0;  — the NULL branch of a check goes
     on (its handler may not return): known_null, which the report's note uses.  */
  f = tb_func ("checked-goes-on", 3);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_call (f, 1, 0, "warn", 0, NULL, 0, 0, 0, 2);
  tb_goto (f, 1, 2);
  use = tb_deref (f, 2, mr_value (P), true, 3);
  analyze_rule (f, MR_RULE_NULL_DEREF_ALLOC, &r);
  fd = tb_expect_one (&r, MR_RULE_NULL_DEREF_ALLOC, use);
  assert_true (fd->known_null);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_uninit_read (void **state)
{
  (void) state;
  mr_result r;
  /* p = malloc (16); if (!p) return; x = p->len; y = p->len;  — once.  */
  mr_func *f = tb_func ("uninit", 3);
  uint32_t al = tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  uint32_t use = tb_load (f, 2, 7, mr_value (P), 8, false, 2);
  tb_load (f, 2, 8, mr_value (P), 8, false, 3);
  analyze_rule (f, MR_RULE_UNINIT_READ, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_UNINIT_READ, use);
  assert_int_equal (fd->alloc->id, al);
  tb_expect_note (fd, MR_NOTE_ALLOCATED_HERE, al);
  mr_result_free (&r);
  mr_func_free (f);

  /* strlen (p) reads it.  */
  f = tb_func ("strlen", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  use = tb_call (f, 0, 0, "strlen", 1, (mr_opnd[]) { mr_value (P) }, 0x1, 0, MR_EVF_NO_CLOBBER, 2);
  expect_rule_only (f, MR_RULE_UNINIT_READ, use);

  /* Written first: p->len = 0; x = p->len;  */
  f = tb_func ("written", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  tb_store (f, 0, mr_value (P), 8, mr_const (0), false, 2);
  tb_load (f, 0, 7, mr_value (P), 8, false, 3);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* memset (p, 0, 16); x = *p;  */
  f = tb_func ("memset", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  tb_call (f, 0, 0, "memset", 3,
	   (mr_opnd[]) { mr_value (P), mr_const (0), mr_const (16) }, 0x1, 0x1,
	   MR_EVF_NO_CLOBBER, 2);
  tb_load (f, 0, 7, mr_value (P), 0, false, 3);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* init (p); x = *p;  — an unknown call may initialise it.  */
  f = tb_func ("unknown-call", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  tb_call1 (f, 0, "init", mr_value (P), 0, 2);
  tb_load (f, 0, 7, mr_value (P), 0, false, 3);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* strtol (s, p, 10); x = *p;  — written through an argument it may be given
     NULL for (endptr): a write, with no NULL check there.  */
  f = tb_func ("endptr", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  tb_call (f, 0, 0, "strtol", 3,
	   (mr_opnd[]) { mr_value (Q), mr_value (P), mr_const (10) }, 0x1, 0x2,
	   MR_EVF_NO_CLOBBER, 2);
  tb_load (f, 0, 7, mr_value (P), 0, true, 3);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);
  f = tb_func ("endptr-null", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  tb_call (f, 0, 0, "strtol", 3,
	   (mr_opnd[]) { mr_value (Q), mr_value (P), mr_const (10) }, 0x1, 0x2,
	   MR_EVF_NO_CLOBBER, 2);
  expect_rule_silent (f, MR_RULE_NULL_DEREF_ALLOC);

  /* calloc: zeroed.  */
  f = tb_func ("calloc", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_none (), MR_EVF_MAY_FAIL, 1);
  tb_load (f, 0, 7, mr_value (P), 0, false, 2);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);
}

/* A pointer variable read unassigned on one path (the glue's stand-in,
   MR_DECL_INDETERMINATE), a parameter on the other, in a function with no
   allocation: `if (n) p = q; x = *p;`.  The entry state tracks the stand-in,
   so the two paths are not joined into one that lost p's binding.  */
static void
test_uninit_indeterminate (void **state)
{
  (void) state;
  mr_result r;
  mr_func *f = tb_func ("indeterminate", 3);
  uint32_t d = mr_func_decl (f, "p", MR_DECL_INDETERMINATE, 7);
  tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 2);
  tb_goto (f, 1, 2);
  tb_phi2 (f, 2, P, true, mr_addr (d, 0), mr_value (Q));	/* from 0, from 1 */
  uint32_t use = tb_load (f, 2, 7, mr_value (P), 0, false, 3);
  analyze_rule (f, MR_RULE_UNINIT_READ, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_UNINIT_READ, use);
  assert_true (fd->indeterminate);
  mr_result_free (&r);
  mr_func_free (f);

  /* if (n) p = q; if (n) x = *p;  — the second test repeats the first.  */
  f = tb_func ("same-test", 5);
  d = mr_func_decl (f, "p", MR_DECL_INDETERMINATE, 7);
  tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 2);
  tb_goto (f, 1, 2);
  tb_phi2 (f, 2, P, true, mr_addr (d, 0), mr_value (Q));
  tb_if (f, 2, mr_value (N), MR_CMP_NE, mr_const (0), 3, 4);
  tb_load (f, 3, 7, mr_value (P), 0, false, 4);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);
}

static void
test_zero_alloc (void **state)
{
  (void) state;
  mr_result r;
  /* p = malloc (n); if (!p) return; *p = 0;  with n unknown (may be 0).  */
  mr_func *f = tb_func ("zero", 3);
  uint32_t al = tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_value (N), MALLOC_FLAGS, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  uint32_t use = tb_deref (f, 2, mr_value (P), true, 2);
  tb_deref (f, 2, mr_value (P), true, 3);
  analyze_rule (f, MR_RULE_ZERO_ALLOC, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_ZERO_ALLOC, use);
  assert_int_equal (fd->alloc->id, al);
  mr_result_free (&r);
  /* Off by default.  */
  mr_config cfg;
  mr_config_default (&cfg);
  assert_false (cfg.enabled[MR_RULE_ZERO_ALLOC]);
  tb_analyze (f, &cfg, &r);
  assert_int_equal (tb_count (&r, MR_RULE_ZERO_ALLOC), 0);
  mr_result_free (&r);
  mr_func_free (f);

  /* if (n == 0) return; p = malloc (n); *p = 0;  */
  f = tb_func ("zero-guarded", 3);
  tb_if (f, 0, mr_value (N), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_alloc_ex (f, 2, P, MR_FAM_MALLOC, mr_value (N), MALLOC_FLAGS, 1);
  tb_deref (f, 2, mr_value (P), true, 2);
  expect_rule_silent (f, MR_RULE_ZERO_ALLOC);

  /* A constant size.  */
  f = tb_func ("zero-const", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (16), MALLOC_FLAGS, 1);
  tb_deref (f, 0, mr_value (P), true, 2);
  expect_rule_silent (f, MR_RULE_ZERO_ALLOC);
}

/* p = malloc (x * mul [* y]) with operand widths, in block b.  */
static uint32_t
sized_alloc (mr_func *f, uint32_t b, mr_opnd x, uint8_t x_bits, uint64_t mul, mr_opnd y,
	     uint8_t y_bits)
{
  mr_size *z = mr_func_new_size (f);
  z->x = x;
  z->x_bits = x_bits;
  z->mul = mul;
  z->y = y;
  z->y_bits = y_bits;
  z->allocator = "malloc";
  uint32_t id = tb_alloc_ex (f, b, P, MR_FAM_MALLOC, mr_value (9),
			    MALLOC_FLAGS | MR_EVF_SIZE_INPUT, 1);
  mr_block *blk = &f->blocks[b];
  blk->events[blk->nevents - 1].size = z;
  return id;
}

static void
test_alloc_size_overflow (void **state)
{
  (void) state;
  mr_result r;
  /* malloc (n * 16) with n a size_t.  */
  mr_func *f = tb_func ("overflow", 1);
  uint32_t al = sized_alloc (f, 0, mr_value (N), 64, 16, mr_none (), 0);
  analyze_rule (f, MR_RULE_ALLOC_SIZE_OVERFLOW, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_ALLOC_SIZE_OVERFLOW, al);
  assert_int_equal (fd->subject.kind, MR_OPND_VALUE);
  assert_int_equal (fd->subject.id, N);
  mr_result_free (&r);
  mr_func_free (f);

  /* malloc (n * m) with two size_t operands.  */
  f = tb_func ("overflow-xy", 1);
  al = sized_alloc (f, 0, mr_value (N), 64, 1, mr_value (M), 64);
  expect_rule_only (f, MR_RULE_ALLOC_SIZE_OVERFLOW, al);

  /* n an unsigned int widened to size_t: n * 16 < 2^36.  */
  f = tb_func ("narrow", 1);
  sized_alloc (f, 0, mr_value (N), 32, 16, mr_none (), 0);
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);

  /* if (n > 1000) return; malloc (n * 16);  */
  f = tb_func ("guarded", 3);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const (1000), 1, 2);
  sized_alloc (f, 2, mr_value (N), 64, 16, mr_none (), 0);
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);

  /* if (n > SIZE_MAX / 16) return; malloc (n * 16);  */
  f = tb_func ("guarded-size-max", 3);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const ((int64_t) (UINT64_MAX / 16)),
		  1, 2);
  sized_alloc (f, 2, mr_value (N), 64, 16, mr_none (), 0);
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);

  /* The guard on the wrong side: if (n <= 1000) return; malloc (n * 16);  */
  f = tb_func ("guard-wrong-side", 3);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_LE, mr_const (1000), 1, 2);
  al = sized_alloc (f, 2, mr_value (N), 64, 16, mr_none (), 0);
  expect_rule_only (f, MR_RULE_ALLOC_SIZE_OVERFLOW, al);

  /* A factor the function computed itself (a loop counter) is not judged.  */
  f = tb_func ("computed", 1);
  al = sized_alloc (f, 0, mr_value (N), 64, 16, mr_none (), 0);
  tb_ev (f, al)->flags &= (uint32_t) ~MR_EVF_SIZE_INPUT;
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);

  /* Constants that fit.  */
  f = tb_func ("const", 1);
  sized_alloc (f, 0, mr_const (100), 64, 16, mr_none (), 0);
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);
}

/* p = malloc ((x + x2) * 4) with the sum computed in sum_bits bits.  */
static uint32_t
sum_alloc (mr_func *f, uint32_t b, uint8_t term_bits, uint8_t sum_bits)
{
  mr_size *z = mr_func_new_size (f);
  z->x = mr_value (N);
  z->x_bits = term_bits;
  z->x2 = mr_value (M);
  z->x2_bits = term_bits;
  z->sum_bits = sum_bits;
  z->mul = 4;
  z->allocator = "malloc";
  uint32_t id = tb_alloc_ex (f, b, P, MR_FAM_MALLOC, mr_value (9),
			    MALLOC_FLAGS | MR_EVF_SIZE_INPUT, 1);
  mr_block *blk = &f->blocks[b];
  blk->events[blk->nevents - 1].size = z;
  return id;
}

static void
test_alloc_size_sum (void **state)
{
  (void) state;
  /* (count + extra) * 4, two unsigned ints added in 32 bits: wraps there.  */
  mr_func *f = tb_func ("sum-wraps", 1);
  uint32_t al = sum_alloc (f, 0, 32, 32);
  expect_rule_only (f, MR_RULE_ALLOC_SIZE_OVERFLOW, al);

  /* Two unsigned shorts added in int: at most 2^17.  */
  f = tb_func ("sum-short", 1);
  sum_alloc (f, 0, 16, 31);
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);

  /* if (count > 4096) return; if (extra > 4096) return; the sum fits.  */
  f = tb_func ("sum-guarded", 5);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const (4096), 1, 2);
  tb_if_unsigned (f, 2, mr_value (M), MR_CMP_GT, mr_const (4096), 3, 4);
  sum_alloc (f, 4, 32, 32);
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);
}

/* p = malloc (s), s computed from input value N (mr_size.input).  */
static uint32_t
input_alloc (mr_func *f, uint32_t b)
{
  mr_size *z = mr_func_new_size (f);
  z->input = mr_value (N);
  z->allocator = "malloc";
  uint32_t id = tb_alloc_ex (f, b, P, MR_FAM_MALLOC, mr_value (9), MALLOC_FLAGS, 1);
  mr_block *blk = &f->blocks[b];
  blk->events[blk->nevents - 1].size = z;
  return id;
}

static void
test_tainted_allocation_size (void **state)
{
  (void) state;
  mr_result r;
  /* No bound: reported, the input named.  */
  mr_func *f = tb_func ("tainted", 1);
  uint32_t al = input_alloc (f, 0);
  analyze_rule (f, MR_RULE_TAINTED_ALLOCATION_SIZE, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_TAINTED_ALLOCATION_SIZE, al);
  assert_int_equal (fd->subject.id, N);
  mr_result_free (&r);
  mr_func_free (f);

  /* if (n > 4096) return; malloc (n);  */
  f = tb_func ("tainted-capped", 3);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const (4096), 1, 2);
  input_alloc (f, 2);
  expect_rule_silent (f, MR_RULE_TAINTED_ALLOCATION_SIZE);

  /* A floor only: if (n < 16) return; malloc (n);  */
  f = tb_func ("tainted-floor", 3);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_LT, mr_const (16), 1, 2);
  al = input_alloc (f, 2);
  expect_rule_only (f, MR_RULE_TAINTED_ALLOCATION_SIZE, al);

  /* An overflow check is no maximum: if (n > SIZE_MAX / 4) return;  */
  f = tb_func ("tainted-overflow-check", 3);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const ((int64_t) (UINT64_MAX / 4)), 1, 2);
  al = input_alloc (f, 2);
  expect_rule_only (f, MR_RULE_TAINTED_ALLOCATION_SIZE, al);
}

/* Known gaps.  */

/* p = malloc (10); if (a) g (); else p[0] = 1; p[1] = 2;
   On the path through g (), p[1] is the first dereference and must be reported; it
   is not, because mr_state_join keeps the "already reported" flag of the state that
   reached the join first (here the p[0] path: the engine runs a branch's later
   successor first).  With the branches swapped both are reported.  Same cause as
   gap_uaf_after_branch_use_on_false in test_use_after_free.c.  */
static void
gap_null_deref_after_branch (void **state)
{
  (void) state;
  mr_func *f = tb_func ("null-branch", 4);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (10), MALLOC_FLAGS, 1);
  tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 2);
  tb_call (f, 1, 0, "g", 0, NULL, 0, 0, 0, 2);
  tb_goto (f, 1, 3);
  tb_deref (f, 2, mr_value (P), true, 3);
  tb_goto (f, 2, 3);
  uint32_t second = tb_deref (f, 3, mr_value (P), true, 4);
  mr_result r;
  analyze_rule (f, MR_RULE_NULL_DEREF_ALLOC, &r);
  assert_non_null (tb_finding_at (&r, MR_RULE_NULL_DEREF_ALLOC, second));
  mr_result_free (&r);
  mr_func_free (f);
}

/* Products bounded by a guard (issue 14): `s <= C / n` (a quotient the lowering
   records) or the overflow flag of n * s tested 0 (GCC's form of `SIZE_MAX / n <
   s`), kept through joins with paths whose intervals bound the product.  */
static void
test_alloc_size_guards (void **state)
{
  (void) state;
  enum { QUOT = 5, FLAG = 6, OTHER = 7 };
  /* if (m <= SIZE_MAX / n) malloc (n * m);  */
  mr_func *f = tb_func ("quotient", 3);
  mr_func_add_quot (f, QUOT, N, 0, UINT64_MAX);
  tb_if_unsigned (f, 0, mr_value (M), MR_CMP_LE, mr_value (QUOT), 1, 2);
  sized_alloc (f, 1, mr_value (N), 64, 1, mr_value (M), 64);
  expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);

  /* The quotient of another value bounds nothing here.  */
  f = tb_func ("other-quotient", 3);
  mr_func_add_quot (f, QUOT, OTHER, 0, UINT64_MAX);
  tb_if_unsigned (f, 0, mr_value (M), MR_CMP_LE, mr_value (QUOT), 1, 2);
  uint32_t al = sized_alloc (f, 1, mr_value (N), 64, 1, mr_value (M), 64);
  expect_rule_only (f, MR_RULE_ALLOC_SIZE_OVERFLOW, al);

  /* OpenBSD's reallocarray guard: if ((n >= 2^32 || m >= 2^32) && overflow (n * m))
     fail;  Three paths reach the allocation: both below 2^32 (intervals), and the
     flag 0 after either test; the join keeps the bound.  */
  for (int flag_checked = 1; flag_checked >= 0; flag_checked--)
    {
      f = tb_func ("reallocarray", 5);
      mr_func_add_quot (f, FLAG, N, M, UINT64_MAX);
      tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const (0xffffffff), 2, 1);
      tb_if_unsigned (f, 1, mr_value (M), MR_CMP_GT, mr_const (0xffffffff), 2, 3);
      if (flag_checked)
	tb_if_unsigned (f, 2, mr_value (FLAG), MR_CMP_NE, mr_const (0), 4, 3);
      else
	tb_goto (f, 2, 3);
      al = sized_alloc (f, 3, mr_value (N), 64, 1, mr_value (M), 64);
      if (flag_checked)
	expect_rule_silent (f, MR_RULE_ALLOC_SIZE_OVERFLOW);
      else
	{
	  expect_rule_only (f, MR_RULE_ALLOC_SIZE_OVERFLOW, al);
	}
    }
}

/* Buffers filled by a loop (issue 14).  The state where the allocation is still
   uninitialised stays apart from the one where the loop body wrote it, and the loop
   condition `i < n` bounds n by i's value: a loop that ran zero times says n <= 0.  */

/* p = malloc (400); for (i = 0; i < BOUND1; i++) p[i] = 5;
   for (j = 0; j < BOUND2; j++) x = p[j];  or, with no second loop, x = p[0].
   Returns the id of the read.  */
static uint32_t
fill_then_read (mr_func *f, mr_opnd bound1, mr_opnd bound2)
{
  enum { I = 10, I2 = 11, J = 12, J2 = 13 };
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (400), MALLOC_FLAGS | MR_EVF_NEVER_NULL, 1);
  tb_goto (f, 0, 1);
  tb_store (f, 2, mr_value (P), MR_OFF_UNKNOWN, mr_const (5), false, 3);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, I, false, mr_const (0), mr_value (I2));
  tb_if (f, 1, mr_value (I), MR_CMP_LT, bound1, 2, 3);
  if (bound2.kind == MR_OPND_NONE)
    return tb_load (f, 3, 7, mr_value (P), 0, false, 4);
  tb_goto (f, 3, 4);
  uint32_t read = tb_load (f, 5, 7, mr_value (P), MR_OFF_UNKNOWN, false, 5);
  tb_goto (f, 5, 4);
  tb_phi2 (f, 4, J, false, mr_const (0), mr_value (J2));
  tb_if (f, 4, mr_value (J), MR_CMP_LT, bound2, 5, 6);
  return read;
}

static void
test_uninit_loops (void **state)
{
  (void) state;
  /* A constant trip count: the loop runs, p[0] is written.  */
  mr_func *f = tb_func ("const_trip", 4);
  fill_then_read (f, mr_const (100), mr_none ());
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* Two loops over the same n: the second runs only if the first did.  */
  uint32_t read;
  f = tb_func ("same_bound", 7);
  fill_then_read (f, mr_value (N), mr_value (N));
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* Over different bounds: the first may run zero times and the second not.  */
  f = tb_func ("other_bound", 7);
  read = fill_then_read (f, mr_value (N), mr_value (M));
  expect_rule_only (f, MR_RULE_UNINIT_READ, read);

  /* Bounds converted from a signed n, (size_t) n, in each loop: a zero-trip first
     loop says (size_t) n <= 0, so n == 0, so the second conversion is 0 too.  */
  f = tb_func ("converted_bound", 7);
  fill_then_read (f, mr_value (20), mr_value (21));
  uint32_t cv = tb_copy (f, 0, 20, mr_value (N), 0, false, 1);
  tb_ev (f, cv)->flags = MR_EVF_CONVERT;
  tb_ev (f, cv)->off = 32;
  cv = tb_copy (f, 3, 21, mr_value (N), 0, false, 4);
  tb_ev (f, cv)->flags = MR_EVF_CONVERT;
  tb_ev (f, cv)->off = 32;
  f->blocks[1].term.is_unsigned = f->blocks[4].term.is_unsigned = true;
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* A variable trip count, then p[0]: n may be 0.  */
  f = tb_func ("var_trip", 4);
  read = fill_then_read (f, mr_value (N), mr_none ());
  expect_rule_only (f, MR_RULE_UNINIT_READ, read);
}

/* p = malloc (404); for (i = 0; i < bound; i++) p[i] = 5 (a filling store:
   elements [0, bound) of 4 bytes); then a read at byte `off` (a constant offset),
   or of p[index] when index is not NONE.  Returns the read's id.  */
static uint32_t
fill_then_read_at (mr_func *f, mr_opnd bound, int64_t off, mr_opnd index)
{
  enum { I = 10, I2 = 11 };
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (404), MALLOC_FLAGS | MR_EVF_NEVER_NULL, 1);
  tb_if (f, 0, mr_value (N), MR_CMP_LE, mr_const (0), 3, 1);	/* n >= 1 */
  uint32_t st = tb_store (f, 2, mr_value (P), MR_OFF_UNKNOWN, mr_const (5), false, 3);
  mr_size *fz = mr_func_new_size (f);
  fz->flags = MR_SIZE_FILL;
  fz->x = bound;
  fz->y = mr_value (P);
  fz->mul = 4;
  tb_ev (f, st)->size = fz;
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, I, false, mr_const (0), mr_value (I2));
  tb_if (f, 1, mr_value (I), MR_CMP_LT, bound, 2, 4);
  uint32_t read = tb_load (f, 4, 7, mr_value (P), off, false, 4);
  if (index.kind != MR_OPND_NONE)
    {
      mr_size *z = mr_func_new_size (f);
      z->flags = MR_SIZE_INDEX;
      z->x = index;
      z->y = mr_value (P);
      z->mul = 4;
      tb_ev (f, read)->size = z;
    }
  tb_goto (f, 4, 3);
  return read;
}

/* Access ev reaches `width` bytes (a field of a struct).  */
static uint32_t
sized (mr_func *f, uint32_t ev, uint16_t width)
{
  tb_ev (f, ev)->width = width;
  return ev;
}

/* Stores of known place and width tell the bytes they wrote from the rest
   (mr_objst.written): `pt->x = 1; y = pt->y;` reads uninitialised memory.  */
static void
test_uninit_fields (void **state)
{
  (void) state;
  /* p = malloc (8); p->x = 1; y = p->y;  */
  mr_func *f = tb_func ("other-field", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2), 4);
  uint32_t read = sized (f, tb_load (f, 0, 7, mr_value (P), 4, false, 3), 4);
  expect_rule_only (f, MR_RULE_UNINIT_READ, read);

  /* ... y = p->x: the field written.  */
  f = tb_func ("same-field", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2), 4);
  sized (f, tb_load (f, 0, 7, mr_value (P), 0, false, 3), 4);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* ... y = *(long *) p: a read of both, one written.  */
  f = tb_func ("overlap", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2), 4);
  sized (f, tb_load (f, 0, 7, mr_value (P), 0, false, 3), 8);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* A read of unknown width, a store of unknown width: no bytes told apart.  */
  f = tb_func ("unknown-width-read", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2), 4);
  tb_load (f, 0, 7, mr_value (P), 4, false, 3);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);
  f = tb_func ("unknown-width-store", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2);
  sized (f, tb_load (f, 0, 7, mr_value (P), 4, false, 3), 4);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* Beyond the bytes told apart: the store initialises the whole object.  */
  f = tb_func ("far-store", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (64), MALLOC_FLAGS, 1);
  sized (f, tb_store (f, 0, mr_value (P), 40, mr_const (1), false, 2), 4);
  sized (f, tb_load (f, 0, 7, mr_value (P), 4, false, 3), 4);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* strlen (p) after p[0] = 0: a call's read is not told apart.  */
  f = tb_func ("call-read", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (0), false, 2), 1);
  tb_call (f, 0, 0, "strlen", 1, (mr_opnd[]) { mr_value (P) }, 0x1, 0, MR_EVF_NO_CLOBBER, 3);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* A join: p->x written on both paths, p->y on one: `if (c) p->y = 2;` then
     y = p->y may read it uninitialised, x = p->x does not.  */
  f = tb_func ("join", 4);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS | MR_EVF_NEVER_NULL, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2), 4);
  tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 2);
  sized (f, tb_store (f, 1, mr_value (P), 4, mr_const (2), false, 3), 4);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  sized (f, tb_load (f, 3, 7, mr_value (P), 0, false, 4), 4);
  read = sized (f, tb_load (f, 3, 8, mr_value (P), 4, false, 5), 4);
  expect_rule_only (f, MR_RULE_UNINIT_READ, read);

  /* Both fields written, on every path: silent.  */
  f = tb_func ("join-both", 4);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS | MR_EVF_NEVER_NULL, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2), 4);
  tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 2);
  sized (f, tb_store (f, 1, mr_value (P), 4, mr_const (2), false, 3), 4);
  tb_goto (f, 1, 3);
  sized (f, tb_store (f, 2, mr_value (P), 4, mr_const (3), false, 3), 4);
  tb_goto (f, 2, 3);
  sized (f, tb_load (f, 3, 8, mr_value (P), 4, false, 5), 4);
  expect_rule_silent (f, MR_RULE_UNINIT_READ);

  /* A join past the budget (one state per block) of a path that wrote p->x only
     with one where a call initialised p: initialised, as before fields were
     told apart (memcached's main: the path that skipped the call cannot reach
     the read, but the budget's join no longer knows).  */
  f = tb_func ("lossy-join", 4);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), MALLOC_FLAGS | MR_EVF_NEVER_NULL, 1);
  sized (f, tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2), 4);
  tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 2);
  tb_call1 (f, 1, "init", mr_value (P), 0, 3);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  sized (f, tb_load (f, 3, 8, mr_value (P), 4, false, 5), 4);
  mr_config cfg;
  tb_config_only (&cfg, TB_RULE (MR_RULE_UNINIT_READ));
  cfg.max_states_per_block = 1;
  tb_expect_silent_cfg (f, &cfg);
}

/* What a filling loop writes: elements [0, bound), and nothing from the bound on.  */
static void
test_uninit_fill (void **state)
{
  (void) state;
  /* Filled up to 100: p[99] is written, p[100] is not.  */
  mr_func *f = tb_func ("fill-99", 5);
  fill_then_read_at (f, mr_const (100), 396, mr_none ());
  expect_rule_silent (f, MR_RULE_UNINIT_READ);
  f = tb_func ("fill-100", 5);
  uint32_t read = fill_then_read_at (f, mr_const (100), 400, mr_none ());
  expect_rule_only (f, MR_RULE_UNINIT_READ, read);

  /* Filled up to n (n >= 1 here): p[n] is not written, p[j] may be.  */
  f = tb_func ("fill-n", 5);
  read = fill_then_read_at (f, mr_value (N), MR_OFF_UNKNOWN, mr_value (N));
  expect_rule_only (f, MR_RULE_UNINIT_READ, read);
  f = tb_func ("fill-j", 5);
  fill_then_read_at (f, mr_value (N), MR_OFF_UNKNOWN, mr_value (M));
  expect_rule_silent (f, MR_RULE_UNINIT_READ);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_null_deref_alloc),
    cmocka_unit_test (test_null_deref_alloc_own_branch),
    cmocka_unit_test (test_uninit_read),
    cmocka_unit_test (test_uninit_indeterminate),
    cmocka_unit_test (test_uninit_loops),
    cmocka_unit_test (test_uninit_fill),
    cmocka_unit_test (test_uninit_fields),
    cmocka_unit_test (test_zero_alloc),
    cmocka_unit_test (test_alloc_size_overflow),
    cmocka_unit_test (test_alloc_size_guards),
    cmocka_unit_test (test_alloc_size_sum),
    cmocka_unit_test (test_tainted_allocation_size),
  };
  const struct CMUnitTest regressions[] = {
    cmocka_unit_test (gap_null_deref_after_branch),
  };
  int rc = cmocka_run_group_tests_name ("alloc-checks", tests, NULL, NULL);
  rc |= cmocka_run_group_tests_name ("alloc-checks regressions", regressions, NULL, NULL);
  return rc;
}
