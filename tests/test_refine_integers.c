/* test_refine_integers.c — an integer tested against 0 after it was handed on
   (refine.c's refine_null): what a call or a store given a pointer lets the engine
   assume (the receiver may have checked it for NULL) does not hold for an
   integer, whose path where it is 0 must still be followed.

   Covers: `ext (n); if (n == 0) { free (p); free (p); }` reports the double free,
   and so does `box->len = n;` in place of the call; the same with a pointer test
   (`ext (q); if (q == NULL)`) stays silent, as it was; an integer known nonzero
   from an earlier test (`if (n != 0) { ext (n); if (n == 0) ... }`) is still
   decided by its facts.  */

#include "builder.h"

enum { N = 1, P = 2, BOX = 3 };

/* P = malloc; hand N on (a call, or a store into BOX's memory); if (N == 0)
   { free (P); free (P); } free (P) otherwise; return.  is_pointer: the test is of
   a pointer.  Returns the double frees found.  */
static uint32_t
handed_then_tested (bool by_store, bool is_pointer)
{
  mr_func *f = tb_func ("handed", 4);
  tb_alloc (f, 0, P, 1);
  if (by_store)
    tb_store (f, 0, mr_value (BOX), 0, mr_value (N), is_pointer, 2);
  else
    tb_call1 (f, 0, "ext", mr_value (N), 0, 2);
  tb_if (f, 0, mr_value (N), MR_CMP_EQ, mr_const (0), 1, 2);
  f->blocks[0].term.is_pointer = is_pointer;
  tb_free (f, 1, mr_value (P), 4);
  tb_free (f, 1, mr_value (P), 5);
  tb_goto (f, 1, 3);
  tb_free (f, 2, mr_value (P), 6);
  tb_goto (f, 2, 3);
  tb_return (f, 3, mr_none (), 7);
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_DOUBLE_FREE);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

static void
test_integer_handed_on_may_be_zero (void **state)
{
  (void) state;
  assert_int_equal (handed_then_tested (false, false), 1);
  assert_int_equal (handed_then_tested (true, false), 1);
}

static void
test_pointer_handed_on_kept (void **state)
{
  (void) state;
  assert_int_equal (handed_then_tested (false, true), 0);
  assert_int_equal (handed_then_tested (true, true), 0);
}

/* P = malloc; if (N != 0) { ext (N); if (N == 0) { free (P); free (P); } }
   free (P); return.  */
static void
test_integer_facts_still_decide (void **state)
{
  (void) state;
  mr_func *f = tb_func ("known", 5);
  tb_alloc (f, 0, P, 1);
  tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 4);
  tb_call1 (f, 1, "ext", mr_value (N), 0, 2);
  tb_if (f, 1, mr_value (N), MR_CMP_EQ, mr_const (0), 2, 3);
  tb_free (f, 2, mr_value (P), 4);
  tb_free (f, 2, mr_value (P), 5);
  tb_return (f, 2, mr_none (), 6);
  tb_goto (f, 3, 4);
  tb_free (f, 4, mr_value (P), 7);
  tb_return (f, 4, mr_none (), 8);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_int_equal (tb_count (&r, MR_RULE_DOUBLE_FREE), 0);
  mr_result_free (&r);
  mr_func_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_integer_handed_on_may_be_zero),
    cmocka_unit_test (test_pointer_handed_on_kept),
    cmocka_unit_test (test_integer_facts_still_decide),
  };
  return cmocka_run_group_tests_name ("refine_integers", tests, NULL, NULL);
}
