/* test_use_after_free.c — whole-function analyses for the use-after-free rule.

   Covers: every kind of use (LOAD and DEREF reads, STORE and DEREF writes, RETURN, a
   CALL argument in deref_mask or use_mask with its index) with freed_by and the "freed
   here" note; what is not a use (a CALL argument outside both masks, ESCAPE, comparing the
   pointer, a use before the free, another object); uses through copies with offsets;
   one warning per freed object and path; uses after a conditional free; several freed
   arguments of one call; uses in loops (the linked-list free loop in the wrong
   order, a use before the free in a loop body).

   The regressions group pins engine bugs found by these tests and since fixed.  */

#include "builder.h"

enum { P = 1, Q = 2, A = 3, N = 4 };

/* free (p); <use>; analysed: asserts one use-after-free at the use, returns its
   finding (valid until r is freed).  */
static const mr_finding *
expect_uaf (mr_func *f, mr_result *r, uint32_t free_id, uint32_t use_id, mr_use_kind use)
{
  tb_analyze (f, NULL, r);
  const mr_finding *fd = tb_expect_one (r, MR_RULE_USE_AFTER_FREE, use_id);
  assert_int_equal (fd->use, use);
  assert_non_null (fd->freed_by);
  assert_int_equal (fd->freed_by->id, free_id);
  tb_expect_note (fd, MR_NOTE_FREED_HERE, free_id);
  return fd;
}

/* expect_uaf, then frees the result and f.  */
static void
expect_only_uaf (mr_func *f, uint32_t free_id, uint32_t use_id, mr_use_kind use)
{
  mr_result r;
  expect_uaf (f, &r, free_id, use_id, use);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_use_kinds (void **state)
{
  (void) state;
  mr_result r;
  const mr_finding *fd;

  /* x = p->f;  */
  mr_func *f = tb_func ("load", 1);
  uint32_t fr = tb_free (f, 0, mr_value (P), 1);
  uint32_t use = tb_load (f, 0, 7, mr_value (P), 8, false, 2);
  fd = expect_uaf (f, &r, fr, use, MR_USE_READ);
  assert_int_equal (fd->subject.kind, MR_OPND_VALUE);
  assert_int_equal (fd->subject.id, P);
  assert_int_equal (fd->ev->loc.line, 2);
  mr_result_free (&r);
  mr_func_free (f);

  /* p->f = 0;  */
  f = tb_func ("store", 1);
  fr = tb_free (f, 0, mr_value (P), 1);
  use = tb_store (f, 0, mr_value (P), 8, mr_const (0), false, 2);
  expect_only_uaf (f, fr, use, MR_USE_WRITE);

  /* *p (read) and *p = ... (write).  */
  f = tb_func ("deref-read", 1);
  fr = tb_free (f, 0, mr_value (P), 1);
  use = tb_deref (f, 0, mr_value (P), false, 2);
  expect_only_uaf (f, fr, use, MR_USE_READ);
  f = tb_func ("deref-write", 1);
  fr = tb_free (f, 0, mr_value (P), 1);
  use = tb_deref (f, 0, mr_value (P), true, 2);
  expect_only_uaf (f, fr, use, MR_USE_WRITE);

  /* return p;  is its own rule, dangling-return, with the same facts.  */
  f = tb_func ("return", 1);
  fr = tb_free (f, 0, mr_value (P), 1);
  use = tb_return (f, 0, mr_value (P), 2);
  tb_analyze (f, NULL, &r);
  assert_int_equal (tb_count (&r, MR_RULE_USE_AFTER_FREE), 0);
  fd = tb_expect_one (&r, MR_RULE_DANGLING_RETURN, use);
  assert_int_equal (fd->use, MR_USE_RETURN);
  assert_int_equal (fd->freed_by->id, fr);
  tb_expect_note (fd, MR_NOTE_FREED_HERE, fr);
  mr_result_free (&r);
  mr_func_free (f);
  /* ... and switched off alone: nothing else reports the return.  */
  f = tb_func ("return-off", 1);
  tb_free (f, 0, mr_value (P), 1);
  tb_return (f, 0, mr_value (P), 2);
  mr_config cfg;
  tb_config (&cfg);
  cfg.enabled[MR_RULE_DANGLING_RETURN] = false;
  tb_analyze (f, &cfg, &r);
  assert_int_equal (r.nfindings, 0);
  mr_result_free (&r);
  mr_func_free (f);

  /* g (n, p) where g reads through its argument 1.  */
  f = tb_func ("call", 1);
  fr = tb_free (f, 0, mr_value (P), 1);
  mr_opnd args[2] = { mr_value (N), mr_value (P) };
  use = tb_call (f, 0, 0, "g", 2, args, 0x2, 0, 0, 2);
  fd = expect_uaf (f, &r, fr, use, MR_USE_CALL_ARG);
  assert_int_equal (fd->arg, 1);
  assert_int_equal (fd->subject.id, P);
  mr_result_free (&r);
  mr_func_free (f);

  /* printf ("%s", p): the literal format is not freed, argument 1 is.  */
  f = tb_func ("printf", 1);
  uint32_t lit = mr_func_decl (f, "\"%s\"", MR_DECL_LITERAL, 9);
  fr = tb_free (f, 0, mr_value (P), 1);
  mr_opnd pargs[2] = { mr_addr (lit, 0), mr_value (P) };
  use = tb_call (f, 0, 0, "printf", 2, pargs, 0x3, 0, MR_EVF_NO_CLOBBER, 2);
  fd = expect_uaf (f, &r, fr, use, MR_USE_CALL_ARG);
  assert_int_equal (fd->arg, 1);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_not_uses (void **state)
{
  (void) state;
  /* free (p); g (p);  — g is not known to dereference p.  */
  mr_func *f = tb_func ("call-no-deref", 1);
  tb_free (f, 0, mr_value (P), 1);
  mr_opnd args[2] = { mr_value (P), mr_value (N) };
  tb_call (f, 0, 0, "g", 2, args, 0x2, 0, 0, 2);	/* derefs argument 1 only */
  tb_call1 (f, 0, "h", mr_value (P), 0, 3);
  tb_call (f, 0, 0, NULL, 1, args, 0, 0, 0, 4);	/* indirect */
  tb_expect_silent (f);

  /* free (p); global = p;  (escape) and if (p == q) ...  (comparison)  */
  f = tb_func ("escape-compare", 4);
  tb_free (f, 0, mr_value (P), 1);
  tb_escape (f, 0, mr_value (P), 2);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_value (Q), 1, 2);
  tb_goto (f, 1, 2);
  tb_if (f, 2, mr_value (P), MR_CMP_NE, mr_const (0), 3, 3);
  tb_expect_silent (f);

  /* *p; p->f = 1; return p; free (p);  — uses before the free.  */
  f = tb_func ("before", 1);
  tb_deref (f, 0, mr_value (P), false, 1);
  tb_store (f, 0, mr_value (P), 0, mr_const (1), false, 2);
  tb_load (f, 0, 7, mr_value (P), 0, true, 3);
  tb_free (f, 0, mr_value (P), 4);
  tb_free (f, 0, mr_value (7), 5);	/* what p pointed to: another object */
  tb_return (f, 0, mr_none (), 6);
  tb_expect_silent (f);

  /* free (p); *q; return q;  */
  f = tb_func ("other", 1);
  tb_free (f, 0, mr_value (P), 1);
  tb_deref (f, 0, mr_value (Q), true, 2);
  tb_return (f, 0, mr_value (Q), 3);
  tb_expect_silent (f);

  /* free (p); p = NULL; *p;  — a null dereference, not a use after free.  */
  f = tb_func ("null", 1);
  tb_free (f, 0, mr_value (P), 1);
  tb_copy (f, 0, 7, mr_const (0), 0, true, 2);
  tb_deref (f, 0, mr_value (7), false, 3);
  tb_expect_silent (f);
}

static void
test_through_copies (void **state)
{
  (void) state;
  /* q = p + 8; free (p); *q;  */
  mr_func *f = tb_func ("copy", 1);
  tb_copy (f, 0, Q, mr_value (P), 8, true, 1);
  uint32_t fr = tb_free (f, 0, mr_value (P), 2);
  uint32_t use = tb_deref (f, 0, mr_value (Q), false, 3);
  mr_result r;
  const mr_finding *fd = expect_uaf (f, &r, fr, use, MR_USE_READ);
  assert_int_equal (fd->subject.id, Q);
  mr_result_free (&r);
  mr_func_free (f);

  /* free (p + 0 via q); p[i] = 0;  (unknown offset)  */
  f = tb_func ("copy-unknown-off", 1);
  tb_copy (f, 0, Q, mr_value (P), 0, true, 1);
  tb_copy (f, 0, 7, mr_value (P), MR_OFF_UNKNOWN, true, 2);
  fr = tb_free (f, 0, mr_value (Q), 3);
  use = tb_store (f, 0, mr_value (7), 0, mr_const (0), false, 4);
  expect_only_uaf (f, fr, use, MR_USE_WRITE);
}

static void
test_one_warning_per_object_and_path (void **state)
{
  (void) state;
  /* free (p); p->a; p->b = 0; g (p);  — one warning, at the first use.  */
  mr_func *f = tb_func ("several-uses", 1);
  uint32_t fr = tb_free (f, 0, mr_value (P), 1);
  uint32_t first = tb_load (f, 0, 7, mr_value (P), 0, false, 2);
  tb_store (f, 0, mr_value (P), 8, mr_const (0), false, 3);
  tb_call1 (f, 0, "strlen", mr_value (P), 0x1, 4);
  mr_result r;
  expect_only_uaf (f, fr, first, MR_USE_READ);

  /* Two freed objects: one warning each.  */
  f = tb_func ("two-objects", 1);
  tb_free (f, 0, mr_value (P), 1);
  tb_free (f, 0, mr_value (Q), 2);
  uint32_t up = tb_deref (f, 0, mr_value (P), false, 3);
  uint32_t uq = tb_deref (f, 0, mr_value (Q), false, 4);
  tb_deref (f, 0, mr_value (P), false, 5);
  tb_analyze (f, NULL, &r);
  assert_int_equal (r.nfindings, 2);
  assert_non_null (tb_finding_at (&r, MR_RULE_USE_AFTER_FREE, up));
  assert_non_null (tb_finding_at (&r, MR_RULE_USE_AFTER_FREE, uq));
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_conditional_free (void **state)
{
  (void) state;
  /* if (a) free (p); *p;  */
  mr_func *f = tb_func ("cond-free", 3);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  uint32_t fr = tb_free (f, 1, mr_value (P), 1);
  tb_goto (f, 1, 2);
  uint32_t use = tb_deref (f, 2, mr_value (P), false, 2);
  expect_only_uaf (f, fr, use, MR_USE_READ);

  /* if (a) free (p); if (!a) *p;  */
  f = tb_func ("cond-free-correlated", 5);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 1);
  tb_goto (f, 1, 2);
  tb_if (f, 2, mr_value (A), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_deref (f, 3, mr_value (P), false, 2);
  tb_goto (f, 3, 4);
  tb_expect_silent (f);
}

static void
test_call_several_freed_args (void **state)
{
  (void) state;
  /* free (p); free (q); memcpy (p, q, n);  — one finding per argument.  */
  mr_func *f = tb_func ("memcpy", 1);
  uint32_t fp = tb_free (f, 0, mr_value (P), 1);
  uint32_t fq = tb_free (f, 0, mr_value (Q), 2);
  mr_opnd args[3] = { mr_value (P), mr_value (Q), mr_value (N) };
  uint32_t use = tb_call (f, 0, 0, "memcpy", 3, args, 0x3, 0x1, MR_EVF_NO_CLOBBER, 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_int_equal (r.nfindings, 2);
  for (uint32_t i = 0; i < 2; i++)
    {
      const mr_finding *fd = &r.findings[i];
      assert_int_equal (fd->rule, MR_RULE_USE_AFTER_FREE);
      assert_int_equal (fd->ev->id, use);
      assert_int_equal (fd->use, MR_USE_CALL_ARG);
      assert_true (fd->arg == 0 || fd->arg == 1);
      assert_int_equal (fd->subject.id, fd->arg == 0 ? P : Q);
      assert_int_equal (fd->freed_by->id, fd->arg == 0 ? fp : fq);
    }
  assert_int_not_equal (r.findings[0].arg, r.findings[1].arg);
  mr_result_free (&r);
  mr_func_free (f);

  /* free (p); g (p, p);  — one object, one finding.  */
  f = tb_func ("same-twice", 1);
  tb_free (f, 0, mr_value (P), 1);
  mr_opnd args2[2] = { mr_value (P), mr_value (P) };
  use = tb_call (f, 0, 0, "g", 2, args2, 0x3, 0, 0, 2);
  tb_expect_only (f, MR_RULE_USE_AFTER_FREE, use);
}

/* The last event of block b.  */
static mr_event *
last_event (mr_func *f, uint32_t b)
{
  return &f->blocks[b].events[f->blocks[b].nevents - 1];
}

static void
test_handed_to_call (void **state)
{
  (void) state;
  /* free (p); g (q, p);  with p in use_mask (g may use it as it likes): a use of
     argument 1, not a dereference.  */
  mr_func *f = tb_func ("handed", 1);
  uint32_t fp = tb_free (f, 0, mr_value (P), 1);
  mr_opnd args[2] = { mr_value (Q), mr_value (P) };
  uint32_t use = tb_call (f, 0, 0, "g", 2, args, 0, 0, 0, 2);
  last_event (f, 0)->call->use_mask = 0x3;
  mr_result r;
  const mr_finding *fd = expect_uaf (f, &r, fp, use, MR_USE_HANDED);
  assert_int_equal (fd->arg, 1);
  mr_result_free (&r);
  mr_func_free (f);

  /* The same call without use_mask (a const function, a %p argument): silent.  */
  f = tb_func ("not-handed", 1);
  tb_free (f, 0, mr_value (P), 1);
  tb_call (f, 0, 0, "g", 2, args, 0, 0, 0, 2);
  tb_expect_silent (f);
}

static void
test_loops (void **state)
{
  (void) state;
  /* while (p) { free (p); p = p->next; }  */
  mr_func *f = tb_func ("list-wrong-order", 4);
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 8, true, mr_value (P), mr_value (9));
  tb_if (f, 1, mr_value (8), MR_CMP_NE, mr_const (0), 2, 3);
  uint32_t fr = tb_free (f, 2, mr_value (8), 1);
  uint32_t use = tb_load (f, 2, 9, mr_value (8), 0, true, 2);
  mr_result r;
  expect_only_uaf (f, fr, use, MR_USE_READ);

  /* while (more ()) { *p = 0; free (p); }  — the second iteration writes to freed
     memory (and frees it again).  */
  f = tb_func ("loop-use", 4);
  tb_goto (f, 0, 1);
  tb_while_more (f, 1, 2, 3, 1);
  use = tb_deref (f, 2, mr_value (P), true, 2);
  fr = tb_free (f, 2, mr_value (P), 3);
  tb_goto (f, 2, 1);
  tb_analyze (f, NULL, &r);
  assert_int_equal (r.nfindings, 2);
  const mr_finding *fd = tb_finding_at (&r, MR_RULE_USE_AFTER_FREE, use);
  assert_non_null (fd);
  assert_int_equal (fd->freed_by->id, fr);
  assert_non_null (tb_finding_at (&r, MR_RULE_DOUBLE_FREE, fr));
  /* In the order of their events.  */
  assert_int_equal (r.findings[0].ev->id, use);
  assert_int_equal (r.findings[1].ev->id, fr);
  mr_result_free (&r);
  mr_func_free (f);

  /* while (more ()) { q = malloc (n); *q = 0; free (q); }  */
  f = tb_func ("loop-alloc-use", 4);
  tb_goto (f, 0, 1);
  tb_while_more (f, 1, 2, 3, 1);
  tb_alloc (f, 2, Q, 2);
  tb_deref (f, 2, mr_value (Q), true, 3);
  tb_free (f, 2, mr_value (Q), 4);
  tb_goto (f, 2, 1);
  tb_expect_silent (f);
}

/* Known gaps.  */

/* free (p); if (a) use1: *p; use2: *p;
   On the path that skips use1, use2 is the first use and must be reported.  Whether
   it is depends on which branch the engine happens to process first: mr_state_join
   keeps the checker's "already reported" object flag of the state already at the join
   and drops the incoming one's, so the result changes with the order of the branch's
   successors.  */
static uint32_t
uaf_branch (mr_func *f, bool use_on_true)
{
  tb_free (f, 0, mr_value (P), 1);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_deref (f, use_on_true ? 1 : 2, mr_value (P), false, 2);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  return tb_deref (f, 3, mr_value (P), false, 3);
}

static void
test_uaf_after_branch_use_on_true (void **state)
{
  (void) state;
  mr_func *f = tb_func ("uaf-branch-true", 4);
  uint32_t use2 = uaf_branch (f, true);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_non_null (tb_finding_at (&r, MR_RULE_USE_AFTER_FREE, use2));
  mr_result_free (&r);
  mr_func_free (f);
}

static void
gap_uaf_after_branch_use_on_false (void **state)
{
  (void) state;
  mr_func *f = tb_func ("uaf-branch-false", 4);
  uint32_t use2 = uaf_branch (f, false);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_non_null (tb_finding_at (&r, MR_RULE_USE_AFTER_FREE, use2));
  mr_result_free (&r);
  mr_func_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_use_kinds),
    cmocka_unit_test (test_not_uses),
    cmocka_unit_test (test_through_copies),
    cmocka_unit_test (test_one_warning_per_object_and_path),
    cmocka_unit_test (test_conditional_free),
    cmocka_unit_test (test_call_several_freed_args),
    cmocka_unit_test (test_handed_to_call),
    cmocka_unit_test (test_loops),
    cmocka_unit_test (test_uaf_after_branch_use_on_true),
  };
  const struct CMUnitTest regressions[] = {
    cmocka_unit_test (gap_uaf_after_branch_use_on_false),
  };
  int rc = cmocka_run_group_tests_name ("use-after-free", tests, NULL, NULL);
  rc |= cmocka_run_group_tests_name ("use-after-free regressions", regressions, NULL, NULL);
  return rc;
}
