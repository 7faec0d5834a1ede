/* test_double_free.c — whole-function analyses for the double-free rule, built with
   builder.h and checked through mr_analyze's findings.

   Covers: straight-line double free of a parameter (rule, event, subject, freed_by,
   "first free" note); frees through copies (offset 0, constant and unknown offsets);
   free(p); p = NULL; free(p) silent; free of the null constant; the NULL typestate of a
   failed allocation; a callee's freed result that is NULL where a parameter the
   path already tested is (MR_EVF_NULL_WITH); non-heap objects; correlated branches (edge refinement on
   err != 0 / err == 0, relational conditions, constants on the left, a pointer null
   check) against uncorrelated ones; a flag variable through an integer PHI with
   constant arguments; pointer PHIs; switch CASE / DEFAULT edges; constant conditions
   and unreachable blocks; loops (free in the body without reset warns, a fresh
   allocation per iteration or the linked-list free loop stays silent, two generations
   of an allocation site); a local filled through an out-parameter, freed twice
   across an unknown call.

   The regressions group pins engine bugs found by these tests and since fixed.  */

#include "builder.h"

enum { P = 1, Q = 2, ERR = 3, B = 4, FLAG = 5, N = 6 };

static void
test_straight_line (void **state)
{
  (void) state;
  mr_func *f = tb_func ("straight", 1);
  uint32_t first = tb_free (f, 0, mr_value (P), 10);
  uint32_t second = tb_free (f, 0, mr_value (P), 11);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, second);
  assert_int_equal (fd->ev->loc.line, 11);
  assert_int_equal (fd->subject.kind, MR_OPND_VALUE);
  assert_int_equal (fd->subject.id, P);
  assert_non_null (fd->freed_by);
  assert_int_equal (fd->freed_by->id, first);
  assert_int_equal (fd->nnotes, 1);
  tb_expect_note (fd, MR_NOTE_FIRST_FREE, first);
  assert_false (r.degraded);
  assert_false (r.stopped);
  mr_result_free (&r);
  assert_null (r.findings);
  assert_int_equal (r.nfindings, 0);
  mr_func_free (f);
}

static void
test_three_frees (void **state)
{
  (void) state;
  /* free; free; free: the second and the third warn, each naming the free before.  */
  mr_func *f = tb_func ("three", 1);
  uint32_t e0 = tb_free (f, 0, mr_value (P), 1);
  uint32_t e1 = tb_free (f, 0, mr_value (P), 2);
  uint32_t e2 = tb_free (f, 0, mr_value (P), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_int_equal (r.nfindings, 2);
  assert_int_equal (r.findings[0].ev->id, e1);
  assert_int_equal (r.findings[0].freed_by->id, e0);
  assert_int_equal (r.findings[1].ev->id, e2);
  assert_int_equal (r.findings[1].freed_by->id, e1);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_through_copies (void **state)
{
  (void) state;
  /* q = p; free (p); free (q);  */
  mr_func *f = tb_func ("copy0", 1);
  tb_copy (f, 0, Q, mr_value (P), 0, true, 1);
  uint32_t first = tb_free (f, 0, mr_value (P), 2);
  uint32_t second = tb_free (f, 0, mr_value (Q), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, second);
  assert_int_equal (fd->subject.id, Q);
  assert_int_equal (fd->freed_by->id, first);
  mr_result_free (&r);
  mr_func_free (f);

  /* Both frees through copies of a common root: q = p; r = q; free (r); free (q).  */
  f = tb_func ("copy-chain", 1);
  tb_copy (f, 0, Q, mr_value (P), 0, true, 1);
  tb_copy (f, 0, 7, mr_value (Q), 0, true, 2);
  tb_free (f, 0, mr_value (7), 3);
  second = tb_free (f, 0, mr_value (Q), 4);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

  /* An offset or an unknown offset still names the same object: q = p + 8;
     free (p); free (q) and q = p + i; free (p); free (q).  */
  int64_t offs[2] = { 8, MR_OFF_UNKNOWN };
  for (int i = 0; i < 2; i++)
    {
      f = tb_func ("copy-off", 1);
      tb_copy (f, 0, Q, mr_value (P), offs[i], true, 1);
      tb_free (f, 0, mr_value (P), 2);
      second = tb_free (f, 0, mr_value (Q), 3);
      tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
    }

  /* Copies of different roots are different objects.  */
  f = tb_func ("copy-other", 1);
  tb_copy (f, 0, 7, mr_value (Q), 0, true, 1);
  tb_free (f, 0, mr_value (P), 2);
  tb_free (f, 0, mr_value (7), 3);
  tb_expect_silent (f);
}

static void
test_null_reset (void **state)
{
  (void) state;
  /* free (p); p = NULL; free (p);  — in SSA the second p is a new value.  */
  mr_func *f = tb_func ("reset", 1);
  tb_free (f, 0, mr_value (P), 1);
  tb_copy (f, 0, 7, mr_const (0), 0, true, 2);
  tb_free (f, 0, mr_value (7), 3);
  tb_free (f, 0, mr_value (7), 4);
  tb_expect_silent (f);

  /* if (a) { free (p); p = NULL; } free (p);  — the PHI merges NULL and p.  */
  f = tb_func ("reset-phi", 3);
  tb_if (f, 0, mr_value (ERR), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 1);
  tb_copy (f, 1, 8, mr_const (0), 0, true, 2);
  tb_goto (f, 1, 2);
  assert_int_equal (tb_pred_block (f, 2, 0), 0);
  tb_phi2 (f, 2, 9, true, mr_value (P), mr_value (8));
  tb_free (f, 2, mr_value (9), 3);
  tb_expect_silent (f);

  /* The same PHI with p on both edges warns.  */
  f = tb_func ("no-reset-phi", 3);
  tb_if (f, 0, mr_value (ERR), MR_CMP_NE, mr_const (0), 1, 2);
  uint32_t first = tb_free (f, 1, mr_value (P), 1);
  tb_goto (f, 1, 2);
  tb_phi2 (f, 2, 9, true, mr_value (P), mr_value (P));
  uint32_t second = tb_free (f, 2, mr_value (9), 3);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, second, first);
}

static void
test_free_null_constant (void **state)
{
  (void) state;
  mr_func *f = tb_func ("free-null", 1);
  tb_free (f, 0, mr_const (0), 1);
  tb_free (f, 0, mr_const (0), 2);
  tb_free (f, 0, mr_unknown (), 3);
  tb_free (f, 0, mr_unknown (), 4);
  tb_expect_silent (f);
}

static void
test_null_check_branches (void **state)
{
  (void) state;
  /* if (p == NULL) free (p); free (p);  — the first free frees nothing.  */
  mr_func *f = tb_func ("null-then-free", 3);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 1);
  tb_goto (f, 1, 2);
  tb_free (f, 2, mr_value (P), 2);
  tb_expect_silent (f);

  /* if (p != NULL) free (p); free (p);  — a real double free when p is not NULL.  */
  f = tb_func ("nonnull-then-free", 3);
  tb_if (f, 0, mr_value (P), MR_CMP_NE, mr_const (0), 1, 2);
  uint32_t first = tb_free (f, 1, mr_value (P), 1);
  tb_goto (f, 1, 2);
  uint32_t second = tb_free (f, 2, mr_value (P), 2);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, second, first);
}

static void
test_failed_allocation (void **state)
{
  (void) state;
  /* p = malloc (n); free (p); free (p);  — warns, naming the first free.  */
  mr_func *f = tb_func ("malloc-df", 1);
  tb_alloc (f, 0, Q, 1);
  uint32_t first = tb_free (f, 0, mr_value (Q), 2);
  uint32_t second = tb_free (f, 0, mr_value (Q), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, second);
  tb_expect_note (fd, MR_NOTE_FIRST_FREE, first);
  mr_result_free (&r);
  mr_func_free (f);

  /* p = malloc (n); if (p == NULL) { free (p); free (p); } else free (p);
     frees of a failed allocation free nothing.  */
  f = tb_func ("malloc-null", 4);
  tb_alloc (f, 0, Q, 1);
  tb_if (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (Q), 2);
  tb_free (f, 1, mr_value (Q), 3);
  tb_goto (f, 1, 3);
  tb_free (f, 2, mr_value (Q), 4);
  tb_goto (f, 2, 3);
  tb_expect_silent (f);
}

/* x = rev (p), rev returning memory it freed or NULL where p is NULL
   (MR_EVF_NULL_WITH), then free (x): a path that found p NULL before the call
   has a NULL x; one that found it not NULL, the freed block.  */
static uint32_t
freed_result (mr_func *f, uint32_t b)
{
  uint32_t a = tb_alloc_ex (f, b, B, MR_FAM_MALLOC, mr_none (), MR_EVF_NULL_WITH, 5);
  tb_ev (f, a)->b = mr_value (P);
  tb_ev (f, a)->off = 0;
  return tb_free (f, b, mr_value (B), 5);
}

static void
test_freed_result_decided (void **state)
{
  (void) state;
  /* if (p) return; x = rev (p); free (x);  */
  mr_func *f = tb_func ("null-before", 3);
  tb_if_pointer (f, 0, mr_value (P), MR_CMP_NE, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 1);
  freed_result (f, 2);
  tb_free (f, 2, mr_value (B), 6);
  tb_expect_silent (f);

  /* if (!p) return; x = rev (p); free (x);  */
  f = tb_func ("nonnull-before", 3);
  tb_if_pointer (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 1);
  uint32_t first = freed_result (f, 2);
  uint32_t second = tb_free (f, 2, mr_value (B), 6);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, second, first);
}

static void
test_nonheap (void **state)
{
  (void) state;
  /* free (&buf) twice: not a heap object, never "freed" (free-nonheap is another
     rule).  */
  mr_func *f = tb_func ("nonheap", 1);
  uint32_t buf = mr_func_decl (f, "buf", MR_DECL_LOCAL, 1);
  tb_copy (f, 0, Q, mr_addr (buf, 0), 0, true, 1);
  tb_free (f, 0, mr_value (Q), 2);
  tb_free (f, 0, mr_value (Q), 3);
  tb_free (f, 0, mr_addr (buf, 0), 4);
  tb_expect_silent (f);

  /* if (&buf == NULL) { free (p); free (p); }: the address of a local is never NULL.  */
  f = tb_func ("addr-null", 3);
  buf = mr_func_decl (f, "buf", MR_DECL_LOCAL, 1);
  tb_if (f, 0, mr_addr (buf, 0), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 1);
  tb_free (f, 1, mr_value (P), 2);
  tb_goto (f, 1, 2);
  tb_expect_silent (f);
}

/* Two diamonds in sequence:
     bb0: if (c1) goto bb1; else goto bb2;     bb1: free (p);
     bb2: if (c2) goto bb3; else goto bb4;     bb3: free (p);     bb4: return;
   Returns the id of the second free.  */
static uint32_t
two_diamonds (mr_func *f, mr_opnd l1, mr_cmp op1, mr_opnd r1, mr_opnd l2, mr_cmp op2,
	      mr_opnd r2)
{
  tb_if (f, 0, l1, op1, r1, 1, 2);
  tb_free (f, 1, mr_value (P), 10);
  tb_goto (f, 1, 2);
  tb_if (f, 2, l2, op2, r2, 3, 4);
  uint32_t second = tb_free (f, 3, mr_value (P), 20);
  tb_goto (f, 3, 4);
  return second;
}

static void
test_correlated_branches (void **state)
{
  (void) state;
  /* if (err != 0) free (p); if (err == 0) free (p);  */
  mr_func *f = tb_func ("correlated", 5);
  two_diamonds (f, mr_value (ERR), MR_CMP_NE, mr_const (0),
		mr_value (ERR), MR_CMP_EQ, mr_const (0));
  tb_expect_silent (f);

  /* The same with the constant on the left: if (0 != err) ...; if (0 == err) ...  */
  f = tb_func ("correlated-mirrored", 5);
  two_diamonds (f, mr_const (0), MR_CMP_NE, mr_value (ERR),
		mr_const (0), MR_CMP_EQ, mr_value (ERR));
  tb_expect_silent (f);

  /* if (n > 10) free (p); if (n < 5) free (p);  */
  f = tb_func ("correlated-ranges", 5);
  two_diamonds (f, mr_value (N), MR_CMP_GT, mr_const (10),
		mr_value (N), MR_CMP_LT, mr_const (5));
  tb_expect_silent (f);

  /* if (n >= 10) free (p); if (n <= 9) free (p);  */
  f = tb_func ("correlated-ge-le", 5);
  two_diamonds (f, mr_value (N), MR_CMP_GE, mr_const (10),
		mr_value (N), MR_CMP_LE, mr_const (9));
  tb_expect_silent (f);

  /* Through a copy of err: e2 = err; if (err) free (p); if (!e2) free (p);  */
  f = tb_func ("correlated-copy", 5);
  tb_copy (f, 0, 7, mr_value (ERR), 0, false, 1);
  two_diamonds (f, mr_value (ERR), MR_CMP_NE, mr_const (0),
		mr_value (7), MR_CMP_EQ, mr_const (0));
  tb_expect_silent (f);

  /* if (q == NULL) free (p); if (q != NULL) free (p);  */
  f = tb_func ("correlated-ptr", 5);
  two_diamonds (f, mr_value (Q), MR_CMP_EQ, mr_const (0),
		mr_value (Q), MR_CMP_NE, mr_const (0));
  tb_expect_silent (f);
}

static void
test_uncorrelated_branches (void **state)
{
  (void) state;
  mr_result r;
  /* if (a) free (p); if (b) free (p);  */
  mr_func *f = tb_func ("uncorrelated", 5);
  uint32_t second = two_diamonds (f, mr_value (ERR), MR_CMP_NE, mr_const (0),
				  mr_value (B), MR_CMP_NE, mr_const (0));
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, second);
  assert_int_equal (fd->freed_by->loc.line, 10);
  mr_result_free (&r);
  mr_func_free (f);

  /* if (err) free (p); if (err) free (p);  — same condition twice.  */
  f = tb_func ("same-cond", 5);
  second = two_diamonds (f, mr_value (ERR), MR_CMP_NE, mr_const (0),
			 mr_value (ERR), MR_CMP_NE, mr_const (0));
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

  /* if (n > 10) free (p); if (n > 5) free (p);  — overlapping ranges.  */
  f = tb_func ("overlap", 5);
  second = two_diamonds (f, mr_value (N), MR_CMP_GT, mr_const (10),
			 mr_value (N), MR_CMP_GT, mr_const (5));
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

  /* if (n != 3) free (p); if (n != 4) free (p);  — n == 5 takes both.  */
  f = tb_func ("two-ne", 5);
  second = two_diamonds (f, mr_value (N), MR_CMP_NE, mr_const (3),
			 mr_value (N), MR_CMP_NE, mr_const (4));
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
}

/* int freed = 0; if (a) { free (p); freed = 1; } if (!freed) free (p);
   with the PHI's constants for the (bb0 -> bb2, bb1 -> bb2) edges given.  */
static uint32_t
flag_phi (mr_func *f, int64_t on_skip, int64_t on_free)
{
  tb_if (f, 0, mr_value (ERR), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 10);
  tb_goto (f, 1, 2);
  assert_int_equal (tb_pred_block (f, 2, 0), 0);
  assert_int_equal (tb_pred_block (f, 2, 1), 1);
  tb_phi2 (f, 2, FLAG, false, mr_const (on_skip), mr_const (on_free));
  tb_if (f, 2, mr_value (FLAG), MR_CMP_EQ, mr_const (0), 3, 4);
  uint32_t second = tb_free (f, 3, mr_value (P), 20);
  tb_goto (f, 3, 4);
  return second;
}

static void
test_flag_phi (void **state)
{
  (void) state;
  mr_func *f = tb_func ("flag", 5);
  flag_phi (f, 0, 1);
  tb_expect_silent (f);

  /* The flag set on the wrong side: the path that freed p frees it again.  */
  f = tb_func ("flag-wrong", 5);
  uint32_t second = flag_phi (f, 1, 0);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

  /* The flag copied through a second integer PHI in a join block with one pred
     keeps its fact.  */
  f = tb_func ("flag-phi-chain", 6);
  tb_if (f, 0, mr_value (ERR), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 10);
  tb_goto (f, 1, 2);
  tb_phi2 (f, 2, FLAG, false, mr_const (0), mr_const (1));
  tb_goto (f, 2, 5);
  mr_opnd arg = mr_value (FLAG);
  tb_phi (f, 5, 7, false, 1, &arg);
  tb_if (f, 5, mr_value (7), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_free (f, 3, mr_value (P), 20);
  tb_goto (f, 3, 4);
  tb_expect_silent (f);
}

/* switch (x) { case 1: free (p); break; case 2: break; default: break; }
   if (x == k) free (p);  */
static uint32_t
switch_then_if (mr_func *f, int64_t case_lo, int64_t case_hi, int64_t k)
{
  tb_switch (f, 0, mr_value (N), false);
  tb_case (f, 0, 1, case_lo, case_hi);
  tb_case (f, 0, 2, 20, 20);
  tb_default (f, 0, 3);
  tb_free (f, 1, mr_value (P), 10);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  tb_if (f, 3, mr_value (N), MR_CMP_EQ, mr_const (k), 4, 5);
  uint32_t second = tb_free (f, 4, mr_value (P), 20);
  tb_goto (f, 4, 5);
  return second;
}

static void
test_switch (void **state)
{
  (void) state;
  /* The case-1 path has x == 1: the second free needs x == 20.  */
  mr_func *f = tb_func ("switch-silent", 6);
  switch_then_if (f, 1, 1, 20);
  tb_expect_silent (f);

  /* ... or x == 5, outside the case range 1..3.  */
  f = tb_func ("switch-range-silent", 6);
  switch_then_if (f, 1, 3, 5);
  tb_expect_silent (f);

  /* x == 1: the same path frees twice.  */
  f = tb_func ("switch-warns", 6);
  uint32_t second = switch_then_if (f, 1, 1, 1);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

  /* x == 3 is inside the range 1..3.  */
  f = tb_func ("switch-range-warns", 6);
  second = switch_then_if (f, 1, 3, 3);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

}

static void
test_switch_case_set (void **state)
{
  (void) state;
  /* if (x == k) switch (x) { case 1 ... 3: free (p); free (p); default: break; }
     where the case's edge holds only 1 and 3 (mr_edge.case_set, the exception
     kinds a handler takes): x == 2 does not take it, x == 3 does.  */
  for (int k = 2; k <= 3; k++)
    {
      mr_func *f = tb_func ("switch-set", 5);
      tb_if (f, 0, mr_value (N), MR_CMP_EQ, mr_const (k), 1, 4);
      tb_switch (f, 1, mr_value (N), false);
      uint32_t e = tb_case (f, 1, 2, 1, 3);
      f->edges[e].case_set = 1u | 4u;
      tb_default (f, 1, 3);
      tb_free (f, 2, mr_value (P), 1);
      uint32_t second = tb_free (f, 2, mr_value (P), 2);
      tb_goto (f, 2, 4);
      tb_goto (f, 3, 4);
      if (k == 2)
	tb_expect_silent (f);
      else
	tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
    }
}

static void
test_switch_case_fold (void **state)
{
  (void) state;
  /* if (x OP k) switch (x) { case 0 ... 3: if (x == t) { free (p); free (p); } }
     where the case's edge, whose set holds `set`, folds the values up to 1
     into 5 (mr_edge.case_fold: an exception of no known type that a handler
     for E takes is an E).  x == 0 is 5 past the edge, x == 2 stays 2, x <= 2
     is 2 or 5; a range holding a value the set leaves out (x <= 2 with 1 left
     out), or an edge without a set, is 5 alone.  */
  static const struct { mr_cmp op; int64_t k; uint64_t set; int64_t t; bool warns; } cases[] = {
    { MR_CMP_EQ, 0, 7, 5, true }, { MR_CMP_EQ, 0, 7, 0, false },
    { MR_CMP_EQ, 2, 7, 2, true }, { MR_CMP_EQ, 2, 7, 5, false },
    { MR_CMP_LE, 2, 7, 2, true }, { MR_CMP_LE, 2, 7, 5, true }, { MR_CMP_LE, 2, 7, 0, false },
    { MR_CMP_LE, 2, 5, 2, false }, { MR_CMP_LE, 2, 5, 5, true },
    { MR_CMP_EQ, 2, 0, 2, false }, { MR_CMP_EQ, 2, 0, 5, true },
  };
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      mr_func *f = tb_func ("switch-fold", 5);
      tb_if (f, 0, mr_value (N), cases[i].op, mr_const (cases[i].k), 1, 4);
      tb_switch (f, 1, mr_value (N), false);
      uint32_t e = tb_case (f, 1, 2, 0, 3);
      f->edges[e].case_set = cases[i].set;
      f->edges[e].case_fold = true;
      f->edges[e].case_fold_max = 1;
      f->edges[e].case_fold_to = 5;
      tb_default (f, 1, 4);
      tb_if (f, 2, mr_value (N), MR_CMP_EQ, mr_const (cases[i].t), 3, 4);
      tb_free (f, 3, mr_value (P), 1);
      uint32_t second = tb_free (f, 3, mr_value (P), 2);
      tb_goto (f, 3, 4);
      if (cases[i].warns)
	tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
      else
	tb_expect_silent (f);
    }
}

static void
test_switch_default_infeasible (void **state)
{
  (void) state;
  /* if (x == k) switch (x) { case 1: break; default: free (p); free (p); }
     With k == 1 the default edge cannot be taken; with k == 7 it is.  */
  for (int k = 1; k <= 7; k += 6)
    {
      mr_func *f = tb_func ("switch-default", 5);
      tb_if (f, 0, mr_value (N), MR_CMP_EQ, mr_const (k), 1, 4);
      tb_switch (f, 1, mr_value (N), false);
      tb_case (f, 1, 2, 1, 1);
      tb_default (f, 1, 3);
      tb_goto (f, 2, 4);
      tb_free (f, 3, mr_value (P), 1);
      uint32_t second = tb_free (f, 3, mr_value (P), 2);
      tb_goto (f, 3, 4);
      if (k == 1)
	tb_expect_silent (f);
      else
	{
	  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
	}
    }
}

static void
test_constant_conditions_and_unreachable (void **state)
{
  (void) state;
  /* free (p); if (0 == 1) free (p);  */
  mr_func *f = tb_func ("const-cond", 3);
  tb_free (f, 0, mr_value (P), 1);
  tb_if (f, 0, mr_const (0), MR_CMP_EQ, mr_const (1), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  tb_goto (f, 1, 2);
  tb_expect_silent (f);

  /* free (p); if (1 < 2) free (p);  */
  f = tb_func ("const-cond-true", 3);
  tb_free (f, 0, mr_value (P), 1);
  tb_if (f, 0, mr_const (1), MR_CMP_LT, mr_const (2), 1, 2);
  uint32_t second = tb_free (f, 1, mr_value (P), 2);
  tb_goto (f, 1, 2);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

  /* A block no edge reaches is never analysed.  */
  f = tb_func ("unreachable", 3);
  tb_free (f, 0, mr_value (P), 1);
  tb_goto (f, 0, 1);
  tb_free (f, 2, mr_value (P), 2);
  tb_free (f, 2, mr_value (P), 3);
  tb_goto (f, 2, 1);
  tb_expect_silent (f);

  /* The entry need not be block 0.  */
  f = tb_func ("entry", 2);
  f->entry = 1;
  tb_free (f, 1, mr_value (P), 1);
  tb_goto (f, 1, 0);
  second = tb_free (f, 0, mr_value (P), 2);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
}

static void
test_loop_free_without_reset (void **state)
{
  (void) state;
  /* while (more ()) free (p);  */
  mr_func *f = tb_func ("loop", 4);
  tb_goto (f, 0, 1);
  tb_while_more (f, 1, 2, 3, 1);
  uint32_t fr = tb_free (f, 2, mr_value (P), 2);
  tb_goto (f, 2, 1);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, fr);
  assert_int_equal (fd->freed_by->id, fr);	/* by the previous iteration */
  assert_false (r.stopped);
  mr_result_free (&r);
  mr_func_free (f);

  /* for (i = 0; i < n; i++) free (p);  with a counter PHI (no fact on i + 1).  */
  f = tb_func ("counted-loop", 4);
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 8, false, mr_const (0), mr_value (9));
  tb_if (f, 1, mr_value (8), MR_CMP_LT, mr_value (N), 2, 3);
  fr = tb_free (f, 2, mr_value (P), 2);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, fr);
}

static void
test_loop_fresh_allocation (void **state)
{
  (void) state;
  /* while (more ()) { q = malloc (n); free (q); }  */
  mr_func *f = tb_func ("loop-alloc", 4);
  tb_goto (f, 0, 1);
  tb_while_more (f, 1, 2, 3, 1);
  tb_alloc (f, 2, Q, 2);
  tb_free (f, 2, mr_value (Q), 3);
  tb_goto (f, 2, 1);
  tb_expect_silent (f);

  /* prev = NULL; while (more ()) { q = malloc (n); free (prev); prev = q; }
     free (prev);  — two generations of one allocation site.  */
  f = tb_func ("loop-prev", 4);
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 8, true, mr_const (0), mr_value (Q));
  tb_while_more (f, 1, 2, 3, 1);
  tb_alloc (f, 2, Q, 2);
  tb_free (f, 2, mr_value (8), 3);
  tb_free (f, 3, mr_value (8), 4);
  tb_expect_silent (f);

  /* The same, but the body frees q itself: the exit frees it again.  */
  f = tb_func ("loop-prev-bug", 4);
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 8, true, mr_const (0), mr_value (Q));
  tb_while_more (f, 1, 2, 3, 1);
  tb_alloc (f, 2, Q, 2);
  uint32_t body = tb_free (f, 2, mr_value (Q), 3);
  uint32_t exit = tb_free (f, 3, mr_value (8), 4);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, exit, body);
}

static void
test_linked_list_free (void **state)
{
  (void) state;
  /* while (p) { next = p->next; free (p); p = next; }  */
  mr_func *f = tb_func ("list-free", 4);
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 8, true, mr_value (P), mr_value (9));
  tb_if (f, 1, mr_value (8), MR_CMP_NE, mr_const (0), 2, 3);
  tb_load (f, 2, 9, mr_value (8), 0, true, 1);
  tb_free (f, 2, mr_value (8), 2);
  tb_expect_silent (f);

  /* while (p) { next = p->next; free (p); p = next; } free (p);  — p is NULL there.  */
  f = tb_func ("list-free-then-free", 4);
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 8, true, mr_value (P), mr_value (9));
  tb_if (f, 1, mr_value (8), MR_CMP_NE, mr_const (0), 2, 3);
  tb_load (f, 2, 9, mr_value (8), 0, true, 1);
  tb_free (f, 2, mr_value (8), 2);
  tb_free (f, 3, mr_value (8), 3);
  tb_expect_silent (f);

  /* while (p) { next = p->next; free (p); p = next; } free (head);  — the first
     iteration freed the head.  */
  f = tb_func ("list-free-head-again", 4);
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 8, true, mr_value (P), mr_value (9));
  tb_if (f, 1, mr_value (8), MR_CMP_NE, mr_const (0), 2, 3);
  tb_load (f, 2, 9, mr_value (8), 0, true, 1);
  tb_free (f, 2, mr_value (8), 2);
  uint32_t again = tb_free (f, 3, mr_value (P), 3);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, again);
}

/* Known gaps.  */

/* if (n > SIZE_MAX / 2) { free (p); free (p); }  with n a size_t: SIZE_MAX / 2 is
   INT64_MAX, and mr_state_refine takes "unsigned n > INT64_MAX" as impossible, so
   the true branch is dropped and its double free missed.  */
static void
gap_unsigned_above_int64_max (void **state)
{
  (void) state;
  mr_func *f = tb_func ("size-max-half", 3);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const (INT64_MAX), 1, 2);
  tb_free (f, 1, mr_value (P), 1);
  uint32_t second = tb_free (f, 1, mr_value (P), 2);
  tb_goto (f, 1, 2);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
}

/* int x; if (x < 0) { unsigned long u = x; if (u > 5) { free (p); free (p); } }
   The lowering makes the widening int -> unsigned long conversion a COPY, so u's
   root is x; x < 0 (signed) leaves [INT64_MIN, -1], and "u > 5" compared unsigned
   then empties it, although u == ULONG_MAX there.  */
static void
gap_mixed_signedness (void **state)
{
  (void) state;
  mr_func *f = tb_func ("mixed-sign", 4);
  tb_if (f, 0, mr_value (N), MR_CMP_LT, mr_const (0), 1, 3);
  tb_copy (f, 1, 7, mr_value (N), 0, false, 1);
  tb_if_unsigned (f, 1, mr_value (7), MR_CMP_GT, mr_const (5), 2, 3);
  tb_free (f, 2, mr_value (P), 2);
  uint32_t second = tb_free (f, 2, mr_value (P), 3);
  tb_goto (f, 2, 3);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
}

/* get (&p); x = p; free (x); log (); y = p; free (y);  — one value freed twice when
   &p went to get () as an out-parameter (out_mask): the variable does not escape,
   so log () does not write it.  Without out_mask, p escaped and log () may have
   set it again: silent.  */
static mr_func *
out_param_func (bool out)
{
  mr_func *f = tb_func (out ? "out-param" : "escaped-local", 1);
  uint32_t p = mr_func_add_decl (f, "p", MR_DECL_LOCAL, 1);
  mr_opnd addr = mr_addr (p, 0);
  tb_call (f, 0, 0, "get", 1, &addr, 0, 0, 0, 1);
  if (out)
    f->blocks[0].events[f->blocks[0].nevents - 1].call->out_mask = 0x1;
  tb_load (f, 0, P, addr, 0, true, 2);
  tb_free (f, 0, mr_value (P), 3);
  tb_call (f, 0, 0, "log", 0, NULL, 0, 0, 0, 4);
  tb_load (f, 0, Q, addr, 0, true, 5);
  return f;
}

static void
test_out_parameter (void **state)
{
  (void) state;
  mr_func *f = out_param_func (true);
  uint32_t second = tb_free (f, 0, mr_value (Q), 6);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
  f = out_param_func (false);
  tb_free (f, 0, mr_value (Q), 6);
  tb_expect_silent (f);
}

/* for (i = START; i <= LAST; i += STEP) free (p);  with p a parameter:
   bb0: goto bb1;  bb1: i = PHI <START, i2>; if (i <= LAST) bb2 else bb3;
   bb2: free (p); i2 = i + STEP (MR_EVF_INT_STEP, a 32-bit int); goto bb1;
   bb3: return.  LAST is a constant, or the parameter N when last_n.  */
static mr_func *
counted_loop (int64_t start, int64_t last, bool last_n, int64_t step, uint32_t *free_id)
{
  enum { I = 7, I2 = 8 };
  mr_func *f = tb_func ("counted", 4);
  tb_goto (f, 0, 1);
  tb_if (f, 1, mr_value (I), MR_CMP_LE, last_n ? mr_value (N) : mr_const (last), 2, 3);
  *free_id = tb_free (f, 2, mr_value (P), 3);
  mr_event *e = tb_event (f, 2, MR_EV_COPY, 3);
  e->dst = I2;
  e->a = mr_value (I);
  e->b = mr_const (step);
  e->off = 32;
  e->flags = MR_EVF_INT_STEP;
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, I, false, mr_const (start), mr_value (I2));
  tb_return (f, 3, mr_none (), 4);
  return f;
}

static void
test_counted_loop (void **state)
{
  (void) state;
  uint32_t id;
  /* Once (0, then 1 leaves): one free.  */
  tb_expect_silent (counted_loop (0, 0, false, 1, &id));
  /* Twice (0, 1): the second iteration frees again.  */
  mr_func *f = counted_loop (0, 1, false, 1, &id);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, id);
  /* Down by two from 2 while i >= 1 is written i <= LAST here as -i: once from
     -2 by +2 past -1.  */
  tb_expect_silent (counted_loop (-2, -1, false, 2, &id));
  /* A bound the state does not know: again, and the analysis ends without
     running out of work (an exact counter becomes a range at the join).  */
  f = counted_loop (0, 0, true, 1, &id);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_int_equal (tb_count (&r, MR_RULE_DOUBLE_FREE), 1);
  assert_false (r.stopped);
  mr_result_free (&r);
  mr_func_free (f);
  /* A step that overflows a 32-bit int leaves the value unknown: the loop may
     run again.  */
  f = counted_loop (INT32_MAX, INT32_MAX, false, 1, &id);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, id);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_straight_line),
    cmocka_unit_test (test_three_frees),
    cmocka_unit_test (test_through_copies),
    cmocka_unit_test (test_null_reset),
    cmocka_unit_test (test_free_null_constant),
    cmocka_unit_test (test_null_check_branches),
    cmocka_unit_test (test_failed_allocation),
    cmocka_unit_test (test_freed_result_decided),
    cmocka_unit_test (test_nonheap),
    cmocka_unit_test (test_correlated_branches),
    cmocka_unit_test (test_uncorrelated_branches),
    cmocka_unit_test (test_flag_phi),
    cmocka_unit_test (test_switch),
    cmocka_unit_test (test_switch_default_infeasible),
    cmocka_unit_test (test_switch_case_set),
    cmocka_unit_test (test_switch_case_fold),
    cmocka_unit_test (test_constant_conditions_and_unreachable),
    cmocka_unit_test (test_loop_free_without_reset),
    cmocka_unit_test (test_loop_fresh_allocation),
    cmocka_unit_test (test_linked_list_free),
    cmocka_unit_test (test_out_parameter),
    cmocka_unit_test (test_counted_loop),
  };
  const struct CMUnitTest regressions[] = {
    cmocka_unit_test (gap_unsigned_above_int64_max),
    cmocka_unit_test (gap_mixed_signedness),
  };
  int rc = cmocka_run_group_tests_name ("double-free", tests, NULL, NULL);
  rc |= cmocka_run_group_tests_name ("double-free regressions", regressions, NULL, NULL);
  return rc;
}
