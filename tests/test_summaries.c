/* test_summaries.c — the store of recorded summaries (plugin/core/summaries.c).

   Covers: a summary recorded and found again by id, the "changed" answer the
   cycles' fixpoint iterates on (new, same, different, an invalid summary
   recorded over a valid one); invalid summaries stored but not handed out; the
   whole-program and unit views kept apart, and when they differ (one missing,
   different to callers, the same but freeing at another location); the
   never-returns mark, independent of summaries; many ids (the table grows and the
   pointers handed out before stay valid).  */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "summaries.h"

static mr_summary
frees_first (void)
{
  mr_summary s = { 0 };
  s.valid = true;
  s.frees_always = s.frees_maybe = 1;
  s.reallocs_param = -1;
  s.returns_param = -1;
  return s;
}

static void
test_record_and_get (void **state)
{
  (void) state;
  mr_summaries *st = mr_summaries_new ();
  mr_summary a = frees_first ();
  assert_null (mr_summaries_get (st, MR_VIEW_WHOLE, 0x1000));
  assert_true (mr_summaries_record (st, MR_VIEW_WHOLE, 0x1000, &a));
  const mr_summary *got = mr_summaries_get (st, MR_VIEW_WHOLE, 0x1000);
  assert_non_null (got);
  assert_int_equal (got->frees_always, 1);
  assert_false (mr_summaries_record (st, MR_VIEW_WHOLE, 0x1000, &a));
  mr_summary b = a;
  b.frees_always = b.frees_maybe = 2;
  assert_true (mr_summaries_record (st, MR_VIEW_WHOLE, 0x1000, &b));
  assert_ptr_equal (mr_summaries_get (st, MR_VIEW_WHOLE, 0x1000), got);
  assert_int_equal (got->frees_always, 2);
  /* Dropped to an unknown call: a change, and no summary handed out.  */
  mr_summary none = { 0 };
  assert_true (mr_summaries_record (st, MR_VIEW_WHOLE, 0x1000, &none));
  assert_null (mr_summaries_get (st, MR_VIEW_WHOLE, 0x1000));
  assert_false (mr_summaries_record (st, MR_VIEW_WHOLE, 0x1000, &none));
  mr_summaries_free (st);
}

static void
test_views (void **state)
{
  (void) state;
  mr_summaries *st = mr_summaries_new ();
  mr_summary a = frees_first ();
  mr_summaries_record (st, MR_VIEW_WHOLE, 8, &a);
  assert_null (mr_summaries_get (st, MR_VIEW_UNIT, 8));
  assert_true (mr_summaries_views_differ (st, 8));
  assert_true (mr_summaries_record (st, MR_VIEW_UNIT, 8, &a));
  assert_false (mr_summaries_views_differ (st, 8));
  mr_summary moved = a;
  moved.free_loc.handle = 42;	/* the same to callers, freed elsewhere */
  mr_summaries_record (st, MR_VIEW_UNIT, 8, &moved);
  assert_true (mr_summaries_views_differ (st, 8));
  mr_summary b = a;
  b.derefs = 1;
  mr_summaries_record (st, MR_VIEW_UNIT, 8, &b);
  assert_true (mr_summaries_views_differ (st, 8));
  assert_int_equal (mr_summaries_get (st, MR_VIEW_WHOLE, 8)->derefs, 0);
  /* Neither view has a valid summary: no difference.  */
  assert_false (mr_summaries_views_differ (st, 16));
  mr_summaries_free (st);
}

static void
test_never_returns (void **state)
{
  (void) state;
  mr_summaries *st = mr_summaries_new ();
  assert_false (mr_summaries_never_returns (st, 24));
  mr_summaries_set_never_returns (st, 24);
  assert_true (mr_summaries_never_returns (st, 24));
  assert_null (mr_summaries_get (st, MR_VIEW_WHOLE, 24));
  assert_false (mr_summaries_never_returns (st, 32));
  mr_summary a = frees_first ();
  assert_true (mr_summaries_record (st, MR_VIEW_WHOLE, 24, &a));
  assert_true (mr_summaries_never_returns (st, 24));
  mr_summaries_free (st);
}

/* Ids as the glue makes them: addresses, 16 apart.  */
#define BASE 0x7f0000001000ull

static void
test_many (void **state)
{
  (void) state;
  mr_summaries *st = mr_summaries_new ();
  mr_summary a = frees_first ();
  mr_summaries_record (st, MR_VIEW_WHOLE, BASE, &a);
  const mr_summary *first = mr_summaries_get (st, MR_VIEW_WHOLE, BASE);
  for (uint64_t i = 1; i < 5000; i++)
    {
      a.derefs = (uint32_t) i;
      assert_true (mr_summaries_record (st, MR_VIEW_WHOLE, BASE + 16 * i, &a));
      if (i % 3 == 0)
	mr_summaries_set_never_returns (st, BASE + 16 * i);
    }
  assert_ptr_equal (mr_summaries_get (st, MR_VIEW_WHOLE, BASE), first);
  for (uint64_t i = 1; i < 5000; i++)
    {
      const mr_summary *s = mr_summaries_get (st, MR_VIEW_WHOLE, BASE + 16 * i);
      assert_non_null (s);
      assert_int_equal (s->derefs, i);
      assert_int_equal (mr_summaries_never_returns (st, BASE + 16 * i), i % 3 == 0);
    }
  assert_null (mr_summaries_get (st, MR_VIEW_WHOLE, 0x7f0000001008ull));
  mr_summaries_free (st);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_record_and_get),
    cmocka_unit_test (test_views),
    cmocka_unit_test (test_never_returns),
    cmocka_unit_test (test_many),
  };
  return cmocka_run_group_tests_name ("summaries", tests, NULL, NULL);
}
