/* test_ptr_eq.c — equalities between two pointers that branches tested (ptr-eq.c,
   refine.c): a later test of the same pair is decided on the path.

   Covers: `if (p == x) free (p); if (p != x) *p = 1;` is silent, in either order
   of the operands and with the tests the other way round; the same test twice,
   or a second test of another pair, still reports the use, and so do tests of
   values that are not pointers; the table itself:
   an early exit on a pair and a value (guards.c) decides the pair once the
   value is known; a pair is found in either order, a join keeps only the pairs both sides know
   alike, a retired object's pairs move to its old instance (the new instance
   knows nothing), and at most MR_PTR_EQ_MAX pairs are learnt.  */

#include "builder.h"
#include "state.h"

enum { P = 1, X = 2, Y = 3 };

/* if (P first X) free (P); if (lhs second rhs) *P = 1; return;  (P, X and Y
   parameters, the tests of pointers or not): the number of uses after free.  */
static uint32_t
pair_tested_twice_as (mr_cmp first, mr_opnd lhs, mr_cmp second, mr_opnd rhs,
		      bool pointers)
{
  mr_func *f = tb_func ("pair", 5);
  tb_if (f, 0, mr_value (P), first, mr_value (X), 1, 2);
  f->blocks[0].term.is_pointer = pointers;
  tb_free (f, 1, mr_value (P), 1);
  tb_goto (f, 1, 2);
  tb_if (f, 2, lhs, second, rhs, 3, 4);
  f->blocks[2].term.is_pointer = pointers;
  tb_deref (f, 3, mr_value (P), true, 2);
  tb_goto (f, 3, 4);
  tb_return (f, 4, mr_none (), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_USE_AFTER_FREE);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

static uint32_t
pair_tested_twice (mr_cmp first, mr_opnd lhs, mr_cmp second, mr_opnd rhs)
{
  return pair_tested_twice_as (first, lhs, second, rhs, true);
}

static void
test_second_test_decided (void **state)
{
  (void) state;
  assert_int_equal (pair_tested_twice (MR_CMP_EQ, mr_value (P), MR_CMP_NE, mr_value (X)), 0);
  assert_int_equal (pair_tested_twice (MR_CMP_EQ, mr_value (X), MR_CMP_NE, mr_value (P)), 0);
  assert_int_equal (pair_tested_twice (MR_CMP_NE, mr_value (X), MR_CMP_EQ, mr_value (P)), 0);
}

static void
test_buggy_forms_still_report (void **state)
{
  (void) state;
  assert_int_equal (pair_tested_twice (MR_CMP_EQ, mr_value (X), MR_CMP_EQ, mr_value (P)), 1);
  assert_int_equal (pair_tested_twice (MR_CMP_EQ, mr_value (P), MR_CMP_NE, mr_value (Y)), 1);
  assert_int_equal (pair_tested_twice (MR_CMP_NE, mr_value (P), MR_CMP_NE, mr_value (X)), 1);
  /* Integers are not learnt (a loop's PHI makes one again in place).  */
  assert_int_equal (pair_tested_twice_as (MR_CMP_EQ, mr_value (P), MR_CMP_NE, mr_value (X),
					  false), 1);
}

/* if (P == X && N == 0) return; if (N == 0) free (P); if (P last X) *P = 1;
   return;  The early exit (guards.c) rules out a path that has learnt N == 0
   and P == X: the number of uses after free.  */
enum { N = 4 };

static uint32_t
guarded_pair_then (mr_cmp last)
{
  mr_func *f = tb_func ("guarded", 8);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_value (X), 1, 3);
  f->blocks[0].term.is_pointer = true;
  tb_if (f, 1, mr_value (N), MR_CMP_EQ, mr_const (0), 2, 3);
  tb_return (f, 2, mr_none (), 1);
  tb_if (f, 3, mr_value (N), MR_CMP_EQ, mr_const (0), 4, 5);
  tb_free (f, 4, mr_value (P), 2);
  tb_goto (f, 4, 5);
  tb_if (f, 5, mr_value (P), last, mr_value (X), 6, 7);
  f->blocks[5].term.is_pointer = true;
  tb_deref (f, 6, mr_value (P), true, 3);
  tb_goto (f, 6, 7);
  tb_return (f, 7, mr_none (), 4);
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_USE_AFTER_FREE);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

static void
test_guard_decides_pair (void **state)
{
  (void) state;
  assert_int_equal (guarded_pair_then (MR_CMP_EQ), 0);
  assert_int_equal (guarded_pair_then (MR_CMP_NE), 1);
}

static mr_ref
sym (uint32_t v, int64_t off)
{
  return (mr_ref) { MR_OBJ_SYM | v, off };
}

static void
test_table (void **state)
{
  (void) state;
  mr_state *a = mr_state_new ();
  assert_int_equal (mr_state_ptr_eq (a, sym (P, 0), sym (X, 0)), -1);
  mr_state_note_ptr_eq (a, sym (X, 0), sym (P, 0), true);
  mr_state_note_ptr_eq (a, sym (P, 0), sym (Y, 8), false);
  assert_int_equal (mr_state_ptr_eq (a, sym (P, 0), sym (X, 0)), 1);
  assert_int_equal (mr_state_ptr_eq (a, sym (Y, 8), sym (P, 0)), 0);
  assert_int_equal (mr_state_ptr_eq (a, sym (Y, 0), sym (P, 0)), -1);
  /* Unknown offsets are no pair.  */
  mr_state_note_ptr_eq (a, sym (Y, MR_OFF_UNKNOWN), sym (X, 0), true);
  assert_int_equal (mr_state_ptr_eq (a, sym (Y, MR_OFF_UNKNOWN), sym (X, 0)), -1);

  /* A join keeps what both sides know alike.  */
  mr_state *b = mr_state_copy (a);
  mr_state_note_ptr_eq (b, sym (P, 0), sym (X, 0), false);
  assert_true (mr_state_join (a, b));
  assert_int_equal (mr_state_ptr_eq (a, sym (P, 0), sym (X, 0)), -1);
  assert_int_equal (mr_state_ptr_eq (a, sym (P, 0), sym (Y, 8)), 0);
  mr_state_free (b);

  /* P made again: the fact is the old instance's.  */
  mr_state_bind (a, 9, sym (P, 0));
  mr_state_retire (a, MR_OBJ_SYM | P);
  assert_int_equal (mr_state_ptr_eq (a, sym (P, 0), sym (Y, 8)), -1);
  assert_int_equal (mr_state_ptr_eq (a, (mr_ref) { MR_OBJ_SYM | MR_OBJ_OLD | P, 0 },
				     sym (Y, 8)), 0);
  /* Made a third time: the old instance is forgotten, and its facts.  */
  mr_state_retire (a, MR_OBJ_SYM | P);
  assert_int_equal (mr_state_ptr_eq (a, (mr_ref) { MR_OBJ_SYM | MR_OBJ_OLD | P, 0 },
				     sym (Y, 8)), -1);

  /* Bounded.  */
  for (uint32_t i = 0; i < 2 * MR_PTR_EQ_MAX; i++)
    mr_state_note_ptr_eq (a, sym (10 + i, 0), sym (X, 0), true);
  assert_int_equal (a->nptr_eqs, MR_PTR_EQ_MAX);
  assert_int_equal (mr_state_ptr_eq (a, sym (10 + 2 * MR_PTR_EQ_MAX - 1, 0), sym (X, 0)), -1);
  mr_state_free (a);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_second_test_decided),
    cmocka_unit_test (test_buggy_forms_still_report),
    cmocka_unit_test (test_table),
    cmocka_unit_test (test_guard_decides_pair),
  };
  return cmocka_run_group_tests_name ("ptr_eq", tests, NULL, NULL);
}
