/* test_witness.c — a free witnesses the conditions that led to it (witness.c).

   Covers: after `if (r != 0 || res == NULL) free (p);` the two ways into the free
   are joined, yet once `r != 0` and `res == NULL` (res read again from the same
   local) have both failed, a state with p freed there cannot happen: the later
   free is no double free; it still is when only r is tested again, when the local
   was written after the free, and when a second free of p on another way reaches
   the tests.  */

#include "builder.h"

enum { P = 2, R = 3, RES1 = 4, RES2 = 5, FLAG = 6 };

enum variant { BOTH_TESTED, ONLY_R, RES_WRITTEN, TWO_FREES };

/* p = malloc (); r = fill (p, &res); if (r != 0 || res == NULL) free (p);
   [else if (flag) free (p);]  [res = 0 + 8;]  if (r != 0) return;
   [if (res == NULL) return;]  free (p); return;  The double frees.  */
static uint32_t
double_frees (enum variant v)
{
  mr_func *f = tb_func ("lookup", 9);
  f->params[0] = FLAG;
  f->nparams = 1;
  uint32_t res = mr_func_add_decl (f, "res", MR_DECL_LOCAL, 1);
  tb_alloc (f, 0, P, 1);
  mr_opnd args[2] = { mr_value (P), mr_addr (res, 0) };
  tb_call (f, 0, R, "fill", 2, args, 0, 0, 0, 2);
  tb_if (f, 0, mr_value (R), MR_CMP_NE, mr_const (0), 2, 1);
  tb_load (f, 1, RES1, mr_addr (res, 0), 0, true, 3);
  tb_if (f, 1, mr_value (RES1), MR_CMP_EQ, mr_const (0), 2, v == TWO_FREES ? 7 : 3);
  tb_free (f, 2, mr_value (P), 4);
  tb_goto (f, 2, 3);
  if (v == TWO_FREES)
    {
      tb_if (f, 7, mr_value (FLAG), MR_CMP_NE, mr_const (0), 8, 3);
      tb_free (f, 8, mr_value (P), 10);
      tb_goto (f, 8, 3);
    }
  if (v == RES_WRITTEN)
    tb_store (f, 3, mr_addr (res, 0), 0, mr_const (8), true, 5);
  tb_if (f, 3, mr_value (R), MR_CMP_NE, mr_const (0), 4, v == ONLY_R ? 6 : 5);
  tb_return (f, 4, mr_none (), 6);
  tb_load (f, 5, RES2, mr_addr (res, 0), 0, true, 7);
  tb_if (f, 5, mr_value (RES2), MR_CMP_EQ, mr_const (0), 4, 6);
  tb_free (f, 6, mr_value (P), 8);
  tb_return (f, 6, mr_none (), 9);
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_DOUBLE_FREE);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

static void
test_both_tested (void **state)
{
  (void) state;
  assert_int_equal (double_frees (BOTH_TESTED), 0);
}

static void
test_still_open (void **state)
{
  (void) state;
  assert_int_equal (double_frees (ONLY_R), 1);
  assert_int_equal (double_frees (RES_WRITTEN), 1);
  assert_int_equal (double_frees (TWO_FREES), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_both_tested),
    cmocka_unit_test (test_still_open),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
