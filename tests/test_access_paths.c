/* test_access_paths.c — pointers kept in memory: LOAD/STORE through slots (base +
   offset), so `s->buf` loaded twice is the same object, and what forgets them.

   Covers: free (s->buf) twice warns (and a use of s->buf after the free); nested paths
   (s->clip->list); a path through a copy of the base with an offset; a store then a
   load; what makes the engine forget a slot: an unknown call taking s (clobber), a
   store of another pointer or of a non-pointer, a store at an unknown offset, a call
   after s escaped, a call when the slot is in a static (but not in a local whose
   address never escaped); what does not: calls not given s, a no-clobber call that
   does not write through s; other offsets are other slots.  */

#include "builder.h"

enum { S = 1, T = 20, OTHER = 9 };

/* v2 = s->buf (offset 8); free (v2); <between>; v3 = s->buf; free (v3);
   The caller adds the `between` events to block 0 after this returns the ids of the
   first free; finish_path adds the second load and free.  */
static uint32_t
start_path (mr_func *f)
{
  tb_load (f, 0, 2, mr_value (S), 8, true, 1);
  return tb_free (f, 0, mr_value (2), 2);
}

static uint32_t
finish_path (mr_func *f)
{
  tb_load (f, 0, 3, mr_value (S), 8, true, 10);
  return tb_free (f, 0, mr_value (3), 11);
}

static void
expect_df (mr_func *f, uint32_t first, uint32_t second)
{
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_DOUBLE_FREE, second);
  assert_int_equal (fd->freed_by->id, first);
  assert_int_equal (fd->subject.id, 3);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_same_slot_twice (void **state)
{
  (void) state;
  mr_func *f = tb_func ("slot", 1);
  uint32_t first = start_path (f);
  uint32_t second = finish_path (f);
  expect_df (f, first, second);

  /* free (s->buf); s->buf->x;  */
  f = tb_func ("slot-uaf", 1);
  uint32_t fr = start_path (f);
  tb_load (f, 0, 3, mr_value (S), 8, true, 10);
  uint32_t use = tb_deref (f, 0, mr_value (3), false, 11);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_USE_AFTER_FREE, use);
  assert_int_equal (fd->freed_by->id, fr);
  assert_int_equal (fd->subject.id, 3);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_other_offset (void **state)
{
  (void) state;
  /* free (s->a); free (s->b);  */
  mr_func *f = tb_func ("other-offset", 1);
  start_path (f);
  tb_load (f, 0, 3, mr_value (S), 16, true, 10);
  tb_free (f, 0, mr_value (3), 11);
  tb_expect_silent (f);

  /* free (s->a); free (t->a);  — different bases.  */
  f = tb_func ("other-base", 1);
  start_path (f);
  tb_load (f, 0, 3, mr_value (OTHER), 8, true, 10);
  tb_free (f, 0, mr_value (3), 11);
  tb_expect_silent (f);
}

static void
test_nested_path (void **state)
{
  (void) state;
  /* free (s->clip->list); free (s->clip->list);  */
  mr_func *f = tb_func ("nested", 1);
  tb_load (f, 0, 4, mr_value (S), 8, true, 1);
  tb_load (f, 0, 5, mr_value (4), 16, true, 2);
  uint32_t first = tb_free (f, 0, mr_value (5), 3);
  tb_load (f, 0, 6, mr_value (S), 8, true, 4);
  tb_load (f, 0, 7, mr_value (6), 16, true, 5);
  uint32_t second = tb_free (f, 0, mr_value (7), 6);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, second, first);
}

static void
test_path_through_copy (void **state)
{
  (void) state;
  /* t = (char *) s + 8; free (s->f16); free (*(t + 8));  */
  mr_func *f = tb_func ("copy-base", 1);
  tb_copy (f, 0, T, mr_value (S), 8, true, 1);
  tb_load (f, 0, 4, mr_value (S), 16, true, 2);
  uint32_t first = tb_free (f, 0, mr_value (4), 3);
  tb_load (f, 0, 3, mr_value (T), 8, true, 4);
  uint32_t second = tb_free (f, 0, mr_value (3), 5);
  expect_df (f, first, second);
}

static void
test_store_then_load (void **state)
{
  (void) state;
  /* s->buf = p; q = s->buf; free (p); free (q);  */
  mr_func *f = tb_func ("store-load", 1);
  tb_store (f, 0, mr_value (S), 16, mr_value (4), true, 1);
  tb_load (f, 0, 3, mr_value (S), 16, true, 2);
  uint32_t first = tb_free (f, 0, mr_value (4), 3);
  uint32_t second = tb_free (f, 0, mr_value (3), 4);
  expect_df (f, first, second);

  /* s->buf = NULL; q = s->buf; free (q); free (q);  */
  f = tb_func ("store-null-load", 1);
  tb_store (f, 0, mr_value (S), 16, mr_const (0), true, 1);
  tb_load (f, 0, 3, mr_value (S), 16, true, 2);
  tb_free (f, 0, mr_value (3), 3);
  tb_free (f, 0, mr_value (3), 4);
  tb_expect_silent (f);
}

static void
test_stores_forget (void **state)
{
  (void) state;
  /* free (s->buf); s->buf = other; free (s->buf);  */
  mr_func *f = tb_func ("store-other", 1);
  start_path (f);
  tb_store (f, 0, mr_value (S), 8, mr_value (OTHER), true, 5);
  finish_path (f);
  tb_expect_silent (f);

  /* free (s->buf); s->buf = <not a pointer / unknown>; free (s->buf);  */
  f = tb_func ("store-unknown", 1);
  start_path (f);
  tb_store (f, 0, mr_value (S), 8, mr_unknown (), true, 5);
  finish_path (f);
  tb_expect_silent (f);
  f = tb_func ("store-int", 1);
  start_path (f);
  tb_store (f, 0, mr_value (S), 8, mr_value (OTHER), false, 5);
  finish_path (f);
  tb_expect_silent (f);

  /* free (s->buf); s[i] = 0 (unknown offset); free (s->buf);  */
  f = tb_func ("store-unknown-off", 1);
  start_path (f);
  tb_store (f, 0, mr_value (S), MR_OFF_UNKNOWN, mr_const (0), false, 5);
  finish_path (f);
  tb_expect_silent (f);

  /* A store to another field does not forget s->buf.  */
  f = tb_func ("store-other-field", 1);
  uint32_t first = start_path (f);
  tb_store (f, 0, mr_value (S), 16, mr_value (OTHER), true, 5);
  tb_store (f, 0, mr_value (S), 0, mr_const (3), false, 6);
  uint32_t second = finish_path (f);
  expect_df (f, first, second);
}

static void
test_calls_clobber (void **state)
{
  (void) state;
  /* free (s->buf); g (s); free (s->buf);  — g may have replaced s->buf.  */
  mr_func *f = tb_func ("clobber", 1);
  start_path (f);
  tb_call1 (f, 0, "g", mr_value (S), 0, 5);
  finish_path (f);
  tb_expect_silent (f);

  /* The same through a copy of s: g (s + 8).  */
  f = tb_func ("clobber-copy", 1);
  start_path (f);
  tb_copy (f, 0, T, mr_value (S), 8, true, 4);
  tb_call1 (f, 0, "g", mr_value (T), 0, 5);
  finish_path (f);
  tb_expect_silent (f);

  /* A call not given s keeps s->buf.  */
  f = tb_func ("no-clobber-other-arg", 1);
  uint32_t first = start_path (f);
  tb_call1 (f, 0, "g", mr_value (OTHER), 0, 5);
  tb_call (f, 0, 0, "h", 0, NULL, 0, 0, 0, 6);
  uint32_t second = finish_path (f);
  expect_df (f, first, second);

  /* A no-clobber call (strlen (s)) keeps it; one that writes through s
     (memset (s, ...)) forgets it.  */
  f = tb_func ("no-clobber-flag", 1);
  first = start_path (f);
  tb_call (f, 0, 0, "strlen", 1, (mr_opnd[]) { mr_value (S) }, 0x1, 0x0,
	   MR_EVF_NO_CLOBBER, 5);
  second = finish_path (f);
  expect_df (f, first, second);
  f = tb_func ("no-clobber-writes", 1);
  start_path (f);
  tb_call (f, 0, 0, "memset", 3,
	   (mr_opnd[]) { mr_value (S), mr_const (0), mr_const (16) }, 0x1, 0x1,
	   MR_EVF_NO_CLOBBER, 5);
  finish_path (f);
  tb_expect_silent (f);
}

static void
test_escaped_and_static (void **state)
{
  (void) state;
  /* global = s; free (s->buf); h (); free (s->buf);  — h can reach s.  */
  mr_func *f = tb_func ("escaped", 1);
  tb_escape (f, 0, mr_value (S), 0);
  start_path (f);
  tb_call (f, 0, 0, "h", 0, NULL, 0, 0, 0, 5);
  finish_path (f);
  tb_expect_silent (f);

  /* v2 = g_ptr; free (v2); h (); v3 = g_ptr; free (v3);  — a static.  */
  f = tb_func ("static", 1);
  uint32_t g = mr_func_decl (f, "g_ptr", MR_DECL_STATIC, 7);
  tb_load (f, 0, 2, mr_addr (g, 0), 0, true, 1);
  tb_free (f, 0, mr_value (2), 2);
  tb_call (f, 0, 0, "h", 0, NULL, 0, 0, 0, 3);
  tb_load (f, 0, 3, mr_addr (g, 0), 0, true, 4);
  tb_free (f, 0, mr_value (3), 5);
  tb_expect_silent (f);

  /* The same with a local whose address is never taken: h cannot change it.  */
  f = tb_func ("local", 1);
  uint32_t l = mr_func_decl (f, "l_ptr", MR_DECL_LOCAL, 8);
  tb_load (f, 0, 2, mr_addr (l, 0), 0, true, 1);
  uint32_t first = tb_free (f, 0, mr_value (2), 2);
  tb_call (f, 0, 0, "h", 0, NULL, 0, 0, 0, 3);
  tb_load (f, 0, 3, mr_addr (l, 0), 0, true, 4);
  uint32_t second = tb_free (f, 0, mr_value (3), 5);
  expect_df (f, first, second);

  /* ... unless its address is passed to h.  */
  f = tb_func ("local-passed", 1);
  l = mr_func_decl (f, "l_ptr", MR_DECL_LOCAL, 8);
  tb_load (f, 0, 2, mr_addr (l, 0), 0, true, 1);
  tb_free (f, 0, mr_value (2), 2);
  tb_call1 (f, 0, "h", mr_addr (l, 0), 0, 3);
  tb_load (f, 0, 3, mr_addr (l, 0), 0, true, 4);
  tb_free (f, 0, mr_value (3), 5);
  tb_expect_silent (f);
}

static void
test_slots_across_branches (void **state)
{
  (void) state;
  /* if (a) free (s->buf); else g (s); free (s->buf);  — warns on the first path
     only, where s->buf is known to be the freed object.  */
  mr_func *f = tb_func ("branches", 4);
  tb_load (f, 0, 2, mr_value (S), 8, true, 1);
  tb_if (f, 0, mr_value (5), MR_CMP_NE, mr_const (0), 1, 2);
  uint32_t first = tb_free (f, 1, mr_value (2), 2);
  tb_goto (f, 1, 3);
  tb_call1 (f, 2, "g", mr_value (S), 0, 3);
  tb_goto (f, 2, 3);
  tb_load (f, 3, 3, mr_value (S), 8, true, 4);
  uint32_t second = tb_free (f, 3, mr_value (3), 5);
  expect_df (f, first, second);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_same_slot_twice),
    cmocka_unit_test (test_other_offset),
    cmocka_unit_test (test_nested_path),
    cmocka_unit_test (test_path_through_copy),
    cmocka_unit_test (test_store_then_load),
    cmocka_unit_test (test_stores_forget),
    cmocka_unit_test (test_calls_clobber),
    cmocka_unit_test (test_escaped_and_static),
    cmocka_unit_test (test_slots_across_branches),
  };
  return cmocka_run_group_tests_name ("access-paths", tests, NULL, NULL);
}
