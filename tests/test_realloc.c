/* test_realloc.c — realloc's outcomes: on success the old block is freed (moved) and
   the result is a new allocation that is not NULL; on failure the result is NULL and
   the old block is untouched; when the size may be 0, also NULL with the old block
   freed (glibc's realloc (p, 0)).

   Covers: the old pointer used after `if (q == NULL) return;` warns (freed by the
   realloc) while its use on the failure branch is silent; free (p) after realloc warns;
   the correct `if (!q) { free (p); return; } ... free (q)` pattern is silent; a freed
   pointer passed to realloc is a double free; the old pointer reached through a copy;
   the new block is an allocation like any other; realloc (NULL, n) may fail like
   malloc; realloc-zero-free: with a size that may be 0, freeing or using the old
   pointer when realloc returned NULL (it was freed by realloc (p, 0)) when the size
   comes from outside (MR_EVF_SIZE_INPUT) or a fact allows 0, not when it is known
   not to be 0 or computed by the function.

   The regressions group pins engine bugs found by these tests and since fixed.  */

#define TB_RULES (TB_RULE (MR_RULE_DOUBLE_FREE) | TB_RULE (MR_RULE_USE_AFTER_FREE) \
		  | TB_RULE (MR_RULE_REALLOC_ZERO_FREE))
#include "builder.h"

enum { P = 1, Q = 2, N = 3, R = 4, X = 5 };

/* A size that is not 0: realloc then has two outcomes only (see test_realloc_zero
   for sizes that may be 0).  */
#define SIZE mr_const (16)

/* bb0: q = realloc (p, n); if (q == NULL) goto bb1; else goto bb2;
   The caller fills bb1 (failure) and bb2 (success); both go to bb3.  */
static uint32_t
realloc_split (mr_func *f)
{
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  return re;
}

static void
test_old_pointer_after_success (void **state)
{
  (void) state;
  /* q = realloc (p, n); if (q == NULL) { *p; return; } *p;  */
  mr_func *f = tb_func ("old-after-success", 4);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_deref (f, 1, mr_value (P), false, 2);
  tb_return (f, 1, mr_none (), 3);
  uint32_t use = tb_deref (f, 2, mr_value (P), false, 4);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_USE_AFTER_FREE, use);
  assert_int_equal (fd->freed_by->id, re);
  assert_int_equal (fd->freed_by->kind, MR_EV_REALLOC);
  tb_expect_note (fd, MR_NOTE_FREED_HERE, re);
  mr_result_free (&r);
  mr_func_free (f);

  /* The failure branch alone: silent.  */
  f = tb_func ("old-on-failure", 4);
  realloc_split (f);
  tb_deref (f, 1, mr_value (P), true, 2);
  tb_free (f, 1, mr_value (P), 3);
  tb_deref (f, 2, mr_value (Q), true, 4);
  tb_free (f, 2, mr_value (Q), 5);
  tb_expect_silent (f);

  /* if (q != NULL) with the branches the other way round.  */
  f = tb_func ("old-after-success-ne", 3);
  re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_NE, mr_const (0), 1, 2);
  use = tb_load (f, 1, 7, mr_value (P), 0, false, 2);
  tb_goto (f, 1, 2);
  tb_expect_only_freed_by (f, MR_RULE_USE_AFTER_FREE, use, re);
}

static void
test_free_after_realloc (void **state)
{
  (void) state;
  /* q = realloc (p, n); free (p);  — p was moved when realloc succeeded.  */
  mr_func *f = tb_func ("free-old", 1);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  uint32_t fr = tb_free (f, 0, mr_value (P), 2);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, fr);
  assert_int_equal (fd->freed_by->id, re);
  tb_expect_note (fd, MR_NOTE_FIRST_FREE, re);
  mr_result_free (&r);
  mr_func_free (f);

  /* The same through a copy made before: r = p; q = realloc (p, n); if (!q) return;
     free (r);  */
  f = tb_func ("free-old-copy", 3);
  tb_copy (f, 0, R, mr_value (P), 0, true, 1);
  re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 2);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  fr = tb_free (f, 2, mr_value (R), 3);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, fr, re);
}

static void
test_correct_pattern (void **state)
{
  (void) state;
  /* q = realloc (p, n); if (!q) { free (p); return; } *q = 0; free (q);  */
  mr_func *f = tb_func ("correct", 4);
  realloc_split (f);
  tb_free (f, 1, mr_value (P), 2);
  tb_deref (f, 2, mr_value (Q), true, 3);
  tb_free (f, 2, mr_value (Q), 4);
  tb_expect_silent (f);

  /* q = realloc (p, n); if (!q) free (p); else free (q);  then free (q)
     (NULL on the failure path).  */
  f = tb_func ("free-null-result", 4);
  realloc_split (f);
  tb_free (f, 1, mr_value (P), 2);
  tb_free (f, 1, mr_value (Q), 3);
  tb_free (f, 3, mr_value (Q), 4);
  tb_expect_silent (f);
}

/* reallocf (MR_EVF_FAIL_FREES) frees the old block when it fails: the realloc
   idiom's `if (!q) free (p);` frees it twice, and nothing is lost.  */
static void
test_reallocf (void **state)
{
  (void) state;
  mr_func *f = tb_func ("reallocf-free-old", 4);
  uint32_t re = realloc_split (f);
  tb_ev (f, re)->flags |= MR_EVF_FAIL_FREES;
  uint32_t again = tb_free (f, 1, mr_value (P), 2);
  tb_free (f, 2, mr_value (Q), 3);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, again, re);

  /* if (!q) return; free (q);  — silent.  */
  f = tb_func ("reallocf-idiom", 4);
  re = realloc_split (f);
  tb_ev (f, re)->flags |= MR_EVF_FAIL_FREES;
  tb_free (f, 2, mr_value (Q), 3);
  tb_expect_silent (f);
}

static void
test_new_block_is_an_allocation (void **state)
{
  (void) state;
  /* q = realloc (p, n); if (!q) return; free (q); free (q);  */
  mr_func *f = tb_func ("new-block-df", 4);
  realloc_split (f);
  uint32_t first = tb_free (f, 2, mr_value (Q), 2);
  uint32_t second = tb_free (f, 2, mr_value (Q), 3);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, second, first);

  /* The new block of a realloc that succeeded is never NULL:
     q = realloc (p, n); if (q) { if (q == NULL) { free (p); free (p); } }  */
  f = tb_func ("new-block-nonnull", 5);
  tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_NE, mr_const (0), 1, 4);
  tb_if_pointer (f, 1, mr_value (Q), MR_CMP_EQ, mr_const (0), 2, 4);
  tb_free (f, 2, mr_value (P), 2);
  tb_free (f, 2, mr_value (P), 3);
  tb_goto (f, 2, 4);
  tb_expect_silent (f);

  /* Realloc of a fresh allocation: p = malloc (n); q = realloc (p, m); *p;  */
  f = tb_func ("realloc-malloc", 1);
  tb_alloc (f, 0, P, 1);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 2);
  uint32_t use = tb_deref (f, 0, mr_value (P), false, 3);
  tb_expect_only_freed_by (f, MR_RULE_USE_AFTER_FREE, use, re);
}

static void
test_realloc_of_freed (void **state)
{
  (void) state;
  /* free (p); q = realloc (p, n);  */
  mr_func *f = tb_func ("realloc-freed", 1);
  uint32_t fr = tb_free (f, 0, mr_value (P), 1);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 2);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, re, fr);

  /* q = realloc (p, n); if (!q) return; r = realloc (p, m);  — p already moved.  */
  f = tb_func ("realloc-twice", 4);
  re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  uint32_t re2 = tb_realloc (f, 2, R, mr_value (P), SIZE, 2);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, re2, re);

  /* p = realloc (p, n) in a loop, checked each time: silent.  */
  f = tb_func ("realloc-loop", 5);
  tb_goto (f, 0, 1);
  tb_goto (f, 3, 1);
  tb_phi2 (f, 1, X, true, mr_value (P), mr_value (Q));
  tb_while_more (f, 1, 2, 4, 1);
  tb_realloc (f, 2, Q, mr_value (X), SIZE, 2);
  tb_if_pointer (f, 2, mr_value (Q), MR_CMP_EQ, mr_const (0), 4, 3);
  tb_deref (f, 3, mr_value (Q), true, 3);
  tb_free (f, 4, mr_value (X), 4);
  tb_expect_silent (f);
}

static void
test_realloc_null_is_malloc (void **state)
{
  (void) state;
  /* realloc (NULL, n) is malloc (n): it may fail, so the failure branch is
     analysed:  q = realloc (NULL, n); if (q == NULL) { free (p); free (p); }  */
  mr_func *f = tb_func ("realloc-null", 3);
  tb_realloc (f, 0, Q, mr_const (0), SIZE, 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  uint32_t second = tb_free (f, 1, mr_value (P), 3);
  tb_goto (f, 1, 2);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);

  /* ... and its result is a fresh block: free (q); free (q) warns.  */
  f = tb_func ("realloc-null-df", 1);
  tb_realloc (f, 0, Q, mr_const (0), SIZE, 1);
  tb_free (f, 0, mr_value (Q), 2);
  second = tb_free (f, 0, mr_value (Q), 3);
  tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
}

/* A realloc that never returns NULL (no MR_EVF_MAY_FAIL: xrealloc, g_realloc, a
   families file's realloc! line) only succeeds: its NULL branch is not a path, not
   even with a size that may be 0, and the old block is moved all the same.  */
static void
test_never_null_realloc (void **state)
{
  (void) state;
  /* q = xrealloc (p, n); if (q == NULL) { free (p); free (p); }  — infeasible.  */
  mr_func *f = tb_func ("never-null", 3);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), mr_value (N), 1);
  tb_ev (f, re)->flags = MR_EVF_SIZE_INPUT;
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  tb_free (f, 1, mr_value (P), 3);
  tb_goto (f, 1, 2);
  tb_expect_silent (f);

  /* q = xrealloc (p, 16); free (p);  — still a double free: p was moved.  */
  f = tb_func ("never-null-df", 1);
  re = tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  tb_ev (f, re)->flags = 0;
  uint32_t fr = tb_free (f, 0, mr_value (P), 2);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, fr);
  tb_expect_note (fd, MR_NOTE_FIRST_FREE, re);
  mr_result_free (&r);
  mr_func_free (f);

  /* q = xrealloc (NULL, 16); *q = 0;  — a fresh block that is not NULL.  */
  f = tb_func ("never-null-fresh", 1);
  re = tb_realloc (f, 0, Q, mr_const (0), SIZE, 1);
  tb_ev (f, re)->flags = 0;
  tb_store (f, 0, mr_value (Q), 0, mr_const (0), false, 2);
  mr_config cfg;
  tb_config_only (&cfg, TB_RULE (MR_RULE_NULL_DEREF_ALLOC));
  tb_analyze (f, &cfg, &r);
  assert_int_equal (r.nfindings, 0);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_realloc_zero (void **state)
{
  (void) state;
  mr_result r;
  const mr_finding *fd;

  /* q = realloc (p, n); if (q == NULL) { free (p); return; }  with n unknown: when
     n == 0, glibc's realloc frees p and returns NULL (realloc-zero-free).  */
  mr_func *f = tb_func ("zero-free", 4);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), mr_value (N), 1);
  tb_ev (f, re)->flags |= MR_EVF_SIZE_INPUT;	/* n is a parameter */
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  uint32_t fr = tb_free (f, 1, mr_value (P), 2);
  tb_free (f, 2, mr_value (Q), 3);
  tb_analyze (f, NULL, &r);
  fd = tb_expect_one (&r, MR_RULE_REALLOC_ZERO_FREE, fr);
  assert_int_equal (fd->freed_by->id, re);
  tb_expect_note (fd, MR_NOTE_REALLOC_ZERO, re);
  mr_result_free (&r);
  /* It is that rule's finding, not a double free: off, nothing is reported.  */
  mr_config cfg;
  tb_config (&cfg);
  cfg.enabled[MR_RULE_REALLOC_ZERO_FREE] = false;
  tb_analyze (f, &cfg, &r);
  assert_int_equal (r.nfindings, 0);
  mr_result_free (&r);
  mr_func_free (f);

  /* The same with a use of p on the failure branch.  */
  f = tb_func ("zero-use", 3);
  re = tb_realloc (f, 0, Q, mr_value (P), mr_value (N), 1);
  tb_ev (f, re)->flags |= MR_EVF_SIZE_INPUT;
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  uint32_t use = tb_deref (f, 1, mr_value (P), false, 2);
  tb_expect_only_freed_by (f, MR_RULE_REALLOC_ZERO_FREE, use, re);

  /* if (n == 0) return; q = realloc (p, n); if (!q) free (p);  — n is not 0.  */
  f = tb_func ("zero-guarded", 4);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_EQ, mr_const (0), 3, 1);
  re = tb_realloc (f, 1, Q, mr_value (P), mr_value (N), 1);
  tb_ev (f, re)->flags |= MR_EVF_SIZE_INPUT;
  tb_if_pointer (f, 1, mr_value (Q), MR_CMP_EQ, mr_const (0), 2, 3);
  tb_free (f, 2, mr_value (P), 2);
  tb_goto (f, 2, 3);
  tb_expect_silent (f);

  /* A size the function computed itself (n * 2, no fact says it may be 0) is taken
     as not 0.  */
  f = tb_func ("zero-computed", 3);
  tb_realloc (f, 0, Q, mr_value (P), mr_value (N), 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  tb_expect_silent (f);

  /* ... unless a branch says it may be: if (n <= 10) { q = realloc (p, n); ... }  */
  f = tb_func ("zero-computed-fact", 4);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_LE, mr_const (10), 1, 3);
  re = tb_realloc (f, 1, Q, mr_value (P), mr_value (N), 1);
  tb_if_pointer (f, 1, mr_value (Q), MR_CMP_EQ, mr_const (0), 2, 3);
  fr = tb_free (f, 2, mr_value (P), 2);
  tb_goto (f, 2, 3);
  tb_expect_only_freed_by (f, MR_RULE_REALLOC_ZERO_FREE, fr, re);

  /* A constant size that is not 0: silent.  */
  f = tb_func ("zero-const", 3);
  tb_realloc (f, 0, Q, mr_value (P), SIZE, 1);
  tb_if_pointer (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  tb_expect_silent (f);
}

/* q = realloc (p, x + add [+ y]) described as a sum (MR_SIZE_SUM), x a size_t;
   if (!q) free (p);  Returns the free's id.  */
static uint32_t
realloc_sum (mr_func *f, uint32_t b, int64_t add, mr_opnd y, uint8_t y_bits)
{
  mr_size *z = mr_func_new_size (f);
  z->flags = MR_SIZE_SUM | MR_SIZE_X_NONNEG | MR_SIZE_Y_NONNEG;
  z->x = mr_value (N);
  z->x_bits = 64;
  z->y = y;
  z->y_bits = y_bits;
  z->add = add;
  z->product_bits = 64;
  uint32_t re = tb_realloc (f, b, Q, mr_value (P), mr_value (X), 1);
  tb_ev (f, re)->flags |= MR_EVF_SIZE_INPUT;
  tb_ev (f, re)->size = z;
  tb_if_pointer (f, b, mr_value (Q), MR_CMP_EQ, mr_const (0), b + 1, b + 2);
  uint32_t fr = tb_free (f, b + 1, mr_value (P), 2);
  tb_goto (f, b + 1, b + 2);
  return fr;
}

/* Sizes that cannot be 0 (issue 14): a sum whose terms' ranges leave 0 out
   without wrapping around.  */
static void
test_realloc_sum (void **state)
{
  (void) state;
  /* if (n > SIZE_MAX - 16) return; realloc (p, n + 16): n + 16 in [16, SIZE_MAX].  */
  mr_func *f = tb_func ("sum-guarded", 4);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const ((int64_t) (UINT64_MAX - 16)), 3, 1);
  realloc_sum (f, 1, 16, mr_none (), 0);
  tb_expect_silent (f);

  /* if (n > SIZE_MAX - 15) return; realloc (p, n + 16): SIZE_MAX - 15 + 16 wraps to 0.  */
  f = tb_func ("sum-off-by-one", 4);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const ((int64_t) (UINT64_MAX - 15)), 3, 1);
  uint32_t fr = realloc_sum (f, 1, 16, mr_none (), 0);
  tb_expect_only (f, MR_RULE_REALLOC_ZERO_FREE, fr);

  /* if (n > 1000) return; realloc (p, n + 2 + m) with m an unsigned int.  */
  f = tb_func ("sum-two-terms", 4);
  tb_if_unsigned (f, 0, mr_value (N), MR_CMP_GT, mr_const (1000), 3, 1);
  realloc_sum (f, 1, 2, mr_value (R), 32);
  tb_expect_silent (f);

  /* Unbounded: realloc (p, n + 1) with n a size_t may wrap to 0.  */
  f = tb_func ("sum-unbounded", 3);
  fr = realloc_sum (f, 0, 1, mr_none (), 0);
  tb_expect_only (f, MR_RULE_REALLOC_ZERO_FREE, fr);
}

/* Known gaps.  */

/* realloc (p, 0); free (p);  gives two findings at the free, a realloc-zero-free
   and a double-free: with a literal 0 size, apply_realloc pushes the "freed by
   realloc (p, 0)" state (flag MR_OBJF_REALLOC0) and also keeps the original state
   as a freed one without that flag, so the same free is reported under both
   rules.  */
static void
gap_realloc_literal_zero (void **state)
{
  (void) state;
  mr_func *f = tb_func ("zero-literal", 1);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), mr_const (0), 1);
  uint32_t fr = tb_free (f, 0, mr_value (P), 2);
  tb_expect_only_freed_by (f, MR_RULE_REALLOC_ZERO_FREE, fr, re);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_old_pointer_after_success),
    cmocka_unit_test (test_free_after_realloc),
    cmocka_unit_test (test_correct_pattern),
    cmocka_unit_test (test_reallocf),
    cmocka_unit_test (test_new_block_is_an_allocation),
    cmocka_unit_test (test_realloc_of_freed),
    cmocka_unit_test (test_realloc_null_is_malloc),
    cmocka_unit_test (test_realloc_zero),
    cmocka_unit_test (test_never_null_realloc),
    cmocka_unit_test (test_realloc_sum),
  };
  const struct CMUnitTest regressions[] = {
    cmocka_unit_test (gap_realloc_literal_zero),
  };
  int rc = cmocka_run_group_tests_name ("realloc", tests, NULL, NULL);
  rc |= cmocka_run_group_tests_name ("realloc regressions", regressions, NULL, NULL);
  return rc;
}
