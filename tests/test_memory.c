/* test_memory.c — the engine's memory cap (mr_config.max_memory, engine.c).

   Covers: the default cap; the count of the bytes states hold (mr_state_bytes_live, their
   tables of tested pairs included) going back to
   where it was once the states are freed, and after an analysis; the peak one
   function's analysis held (result.memory_peak); a cap above the peak changes
   nothing, 0 is no cap; past half of the cap the states of each block are merged
   into one (result.squeezed, degraded) and an analysis that then fits goes on to
   the end with a valid summary; past the cap it stops as at the work budget
   (result.stopped and stopped_memory), keeping the findings made so far and
   marking the summary invalid.

   The big CFGs are built by hand: a block that allocates many pointers (a big
   state) followed by a switch whose cases each get a copy of it (the fan-out of
   bench/synth.py's switch case), and a loop of diamonds (many states per block).  */

#include "builder.h"
#include "state.h"

enum { Q = 2, SEL = 3, PTR0 = 100 };

/* Asserts that r holds exactly the double frees at events a and b.  */
static void
expect_two (const mr_result *r, uint32_t a, uint32_t b)
{
  if (r->nfindings != 2)
    tb_print_findings (r);
  assert_int_equal (r->nfindings, 2);
  assert_non_null (tb_finding_at (r, MR_RULE_DOUBLE_FREE, a));
  assert_non_null (tb_finding_at (r, MR_RULE_DOUBLE_FREE, b));
}

/* The default configuration has a cap (256 MiB), far above what the tests need.  */
static void
test_default_cap (void **state)
{
  (void) state;
  mr_config cfg;
  memset (&cfg, 0, sizeof cfg);
  mr_config_default (&cfg);
  assert_int_equal (cfg.max_memory, (uint64_t) 256 << 20);
}

/* States hold what they allocate, and give it back.  */
static void
test_state_bytes (void **state)
{
  (void) state;
  uint64_t base = mr_state_bytes_live ();
  mr_state *s = mr_state_new ();
  assert_true (mr_state_bytes_live () > base);
  for (uint32_t i = 0; i < 100; i++)
    {
      mr_state_bind (s, 10 + i, (mr_ref) { MR_OBJ_ALLOC | i, 0 });
      mr_state_set_obj (s, MR_OBJ_ALLOC | i, MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
    }
  uint64_t one = mr_state_bytes_live () - base;
  assert_true (one >= 100 * (sizeof (mr_bind) + sizeof (mr_objst)));
  mr_state *t = mr_state_copy (s);
  assert_true (mr_state_bytes_live () - base > one);
  mr_state_bind (t, 500, (mr_ref) { MR_OBJ_ALLOC | 500, 0 });
  mr_state_join_lossy (s, t);
  mr_state_free (t);
  mr_state_free (s);
  assert_int_equal (mr_state_bytes_live (), base);
}

/* The table of tested pairs (ptr-eq.c) a state holds counts too, in each copy,
   and goes back out of the count when the states are freed.  */
static void
test_ptr_eq_bytes (void **state)
{
  (void) state;
  uint64_t base = mr_state_bytes_live ();
  mr_state *s = mr_state_new ();
  uint64_t bare = mr_state_bytes_live () - base;
  mr_state_note_ptr_eq (s, (mr_ref) { MR_OBJ_SYM | 1, 0 }, (mr_ref) { MR_OBJ_SYM | 2, 0 }, true);
  uint64_t one = mr_state_bytes_live () - base;
  assert_true (one >= bare + MR_PTR_EQ_MAX * sizeof (mr_ptr_eq));
  mr_state *t = mr_state_copy (s);
  assert_true (mr_state_bytes_live () - base >= 2 * MR_PTR_EQ_MAX * sizeof (mr_ptr_eq));
  mr_state_free (t);
  assert_int_equal (mr_state_bytes_live () - base, one);
  mr_state_free (s);
  assert_int_equal (mr_state_bytes_live (), base);
}

/* entry: q freed twice; NPTR allocations, each checked non-NULL (a big state);
   then switch (sel) with NCASE cases, case i frees pointer i % NPTR; every case
   and the default go to the exit, which frees q a third time.  Returns the ids
   of the entry's double free and of the exit's.  */
static mr_func *
fan_out (uint32_t nptr, uint32_t ncase, uint32_t *early, uint32_t *late)
{
  uint32_t sw = 1 + nptr, exit = sw + ncase + 1;
  mr_func *f = mr_func_new ("fan-out", exit + 1, PTR0 + nptr + 1);
  tb_free (f, 0, mr_value (Q), 1);
  *early = tb_free (f, 0, mr_value (Q), 2);
  tb_goto (f, 0, 1);
  /* bb 1 .. nptr: p_i = malloc (); if (p_i != 0) next else exit.  */
  for (uint32_t i = 0; i < nptr; i++)
    {
      uint32_t b = 1 + i;
      tb_alloc (f, b, PTR0 + i, 10);
      tb_if (f, b, mr_value (PTR0 + i), MR_CMP_NE, mr_const (0), b + 1, exit);
    }
  tb_switch (f, sw, mr_value (SEL), false);
  for (uint32_t c = 0; c < ncase; c++)
    {
      uint32_t b = sw + 1 + c;
      tb_case (f, sw, b, c, c);
      tb_free (f, b, mr_value (PTR0 + c % nptr), 20);
      tb_goto (f, b, exit);
    }
  tb_default (f, sw, exit);
  *late = tb_free (f, exit, mr_value (Q), 30);
  tb_return (f, exit, mr_const (0), 31);
  return f;
}

static void
test_cap_stops_fan_out (void **state)
{
  (void) state;
  uint32_t early, late;
  mr_func *f = fan_out (200, 400, &early, &late);
  mr_config cfg;
  tb_config (&cfg);
  cfg.max_memory = 0;			/* no cap */
  mr_result r;
  uint64_t base = mr_state_bytes_live ();
  tb_analyze (f, &cfg, &r);
  assert_int_equal (mr_state_bytes_live (), base);
  assert_false (r.stopped);
  assert_false (r.stopped_memory);
  assert_false (r.squeezed);
  assert_true (r.summary.valid);
  expect_two (&r, early, late);
  uint64_t peak = r.memory_peak;
  /* 400 pending copies of a state of 200 objects and bindings.  */
  assert_true (peak > 400 * 200 * sizeof (mr_objst));
  mr_result_free (&r);

  /* The default cap is far above it: the same analysis.  */
  tb_analyze (f, NULL, &r);
  assert_false (r.stopped);
  assert_false (r.squeezed);
  assert_int_equal (r.memory_peak, peak);
  expect_two (&r, early, late);
  mr_result_free (&r);

  /* A cap of twice the peak is never approached by half.  */
  cfg.max_memory = 2 * peak + 1;
  tb_analyze (f, &cfg, &r);
  assert_false (r.stopped);
  assert_false (r.squeezed);
  mr_result_free (&r);

  /* A quarter of it: the copies made for the cases pass the cap (one state per
     block does not help, each case has one).  The analysis stops, the entry's
     finding is kept, the exit is never reached, the summary is invalid.  */
  cfg.max_memory = peak / 4;
  tb_analyze (f, &cfg, &r);
  assert_true (r.stopped);
  assert_true (r.stopped_memory);
  assert_true (r.squeezed);
  assert_false (r.summary.valid);
  tb_expect_one (&r, MR_RULE_DOUBLE_FREE, early);
  /* Checked as each state arrives: it stops soon after the cap.  */
  assert_true (r.memory_peak <= peak / 4 + peak / 50);
  assert_int_equal (mr_state_bytes_live (), base);
  mr_result_free (&r);

  /* The work budget's stop reports the same, without stopped_memory.  */
  tb_config (&cfg);
  cfg.max_work = 1;
  tb_analyze (f, &cfg, &r);
  assert_true (r.stopped);
  assert_false (r.stopped_memory);
  assert_false (r.summary.valid);
  tb_expect_one (&r, MR_RULE_DOUBLE_FREE, early);
  mr_result_free (&r);
  mr_func_free (f);
}

/* A loop whose body has k diamonds, each freeing its own pointer on one side; the
   latch allocates them again.  Up to 2^k typestate combinations per block: the
   memory is many states per block, which merging takes back.  */
static mr_func *
loop_diamonds (uint32_t k, uint32_t *df)
{
  uint32_t header = 1, latch = 2 + 2 * k, exit = latch + 1;
  mr_func *f = mr_func_new ("loop-diamonds", exit + 1, PTR0 + 2 * k + 1);
  tb_free (f, 0, mr_value (Q), 1);
  *df = tb_free (f, 0, mr_value (Q), 2);
  tb_goto (f, 0, header);
  tb_goto (f, latch, header);
  for (uint32_t i = 0; i < k; i++)
    tb_phi2 (f, header, PTR0 + i, true, mr_value (10 + i), mr_value (PTR0 + k + i));
  tb_while_more (f, header, 2, exit, 3);
  for (uint32_t i = 0; i < k; i++)
    {
      uint32_t h = 2 + 2 * i, t = h + 1, next = h + 2;
      tb_if (f, h, mr_value (40 + i), MR_CMP_NE, mr_const (0), t, next);
      tb_free (f, t, mr_value (PTR0 + i), 10 + (int) i);
      tb_goto (f, t, next);
    }
  for (uint32_t i = 0; i < k; i++)
    tb_alloc (f, latch, PTR0 + k + i, 20 + (int) i);
  tb_return (f, exit, mr_const (0), 30);
  return f;
}

static void
test_cap_merges_first (void **state)
{
  (void) state;
  uint32_t df;
  mr_func *f = loop_diamonds (8, &df);
  mr_config cfg;
  tb_config (&cfg);
  cfg.max_memory = 0;
  mr_result r;
  tb_analyze (f, &cfg, &r);
  assert_false (r.stopped);
  assert_false (r.squeezed);
  uint64_t peak = r.memory_peak;
  tb_expect_one (&r, MR_RULE_DOUBLE_FREE, df);
  mr_result_free (&r);

  /* With the cap at the peak, half of it is passed: every block's states are
     merged into one and the analysis ends within the cap, path-insensitive, its
     summary valid, the entry's double free still found.  */
  cfg.max_memory = peak;
  tb_analyze (f, &cfg, &r);
  assert_true (r.squeezed);
  assert_true (r.degraded);
  assert_false (r.stopped);
  assert_false (r.stopped_memory);
  assert_true (r.summary.valid);
  assert_true (r.memory_peak <= peak);
  tb_expect_one (&r, MR_RULE_DOUBLE_FREE, df);
  uint64_t work = r.work;
  mr_result_free (&r);

  /* Each function analysed into one result has its own cap and squeeze.  */
  mr_result shared;
  memset (&shared, 0, sizeof shared);
  mr_analyze (f, &cfg, &shared);
  mr_analyze (f, &cfg, &shared);
  assert_true (shared.squeezed);
  assert_false (shared.stopped);
  assert_true (shared.memory_peak <= peak);
  assert_int_equal (shared.work, 2 * work);	/* the second squeezed too */
  mr_result_free (&shared);

  /* A cap too small even for one state per block stops.  */
  cfg.max_memory = 64;
  tb_analyze (f, &cfg, &r);
  assert_true (r.stopped);
  assert_true (r.stopped_memory);
  assert_false (r.summary.valid);
  mr_result_free (&r);
  mr_func_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_default_cap),
    cmocka_unit_test (test_state_bytes),
    cmocka_unit_test (test_ptr_eq_bytes),
    cmocka_unit_test (test_cap_stops_fan_out),
    cmocka_unit_test (test_cap_merges_first),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
