/* test_correlated.c — facts that tie one value to another, so that a path an
   earlier condition ruled out is not taken.

   Covers: an integer constant stored into memory (a union's tag) is known when the
   field is read again, so the member freed under the tag is the one written with
   it; another constant stored over it is known too (the buggy form leaks); a
   pointer read from a slot holding an integer constant is not a null pointer; a
   field read again in a loop keeps what a test before the loop said of it; the
   summaries of functions that only read (pure, returns_at); an early exit
   taken when a == 0 && b == 0 rules out a later path on which both are 0
   (guards.c), and only that path; a function whose summarized callees write
   integers through its parameter keeps its caller's memory (no_clobber).  */

#define TB_RULES TB_RULE (MR_RULE_LEAK)
#include "builder.h"

enum { U = 0, K_STR = 1, K_INT = 2 };

/* struct val u; u.kind = first; u.v.str = malloc (); u.kind = second;
   if (u.kind == K_STR) free (u.v.str); return;  */
static uint32_t
tagged (uint32_t *alloc, int64_t first, int64_t second)
{
  mr_func *f = tb_func ("tagged", 3);
  uint32_t u = mr_func_add_decl (f, "u", MR_DECL_LOCAL, 1);
  tb_store (f, 0, mr_addr (u, 0), 0, mr_const (first), false, 1);
  *alloc = tb_alloc (f, 0, 2, 2);
  tb_store (f, 0, mr_addr (u, 0), 8, mr_value (2), true, 3);
  tb_store (f, 0, mr_addr (u, 0), 0, mr_const (second), false, 4);
  tb_load (f, 0, 3, mr_addr (u, 0), 0, false, 5);
  tb_if (f, 0, mr_value (3), MR_CMP_EQ, mr_const (K_STR), 1, 2);
  tb_load (f, 1, 4, mr_addr (u, 0), 8, true, 6);
  tb_free (f, 1, mr_value (4), 7);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 8);
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_LEAK);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

/* p = malloc (); if (flag) free (p); h (); if (!flag) free (p); return;  with
   flag a static the calls may or may not change (mr_decl.keep): the number of
   leaks (the path that tests it 0, then not 0).  */
static uint32_t
flag_across_call (mr_keep keep, int64_t value, int64_t init)
{
  mr_func *f = tb_func ("flagged", 5);
  uint32_t flag = mr_func_add_decl (f, "flag", MR_DECL_STATIC, 1);
  f->decls[flag].keep = (uint8_t) keep;
  f->decls[flag].keep_value = value;
  f->decls[flag].keep_init = init;
  tb_alloc (f, 0, 2, 1);
  tb_load (f, 0, 3, mr_addr (flag, 0), 0, false, 2);
  tb_if (f, 0, mr_value (3), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (2), 3);
  tb_goto (f, 1, 2);
  tb_call (f, 2, 0, "h", 0, NULL, 0, 0, 0, 4);
  tb_load (f, 2, 4, mr_addr (flag, 0), 0, false, 5);
  tb_if (f, 2, mr_value (4), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_free (f, 3, mr_value (2), 6);
  tb_goto (f, 3, 4);
  tb_return (f, 4, mr_none (), 7);
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_LEAK);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

static void
test_static_flag_across_call (void **state)
{
  (void) state;
  /* Any call may change it: the path 0 then 1 leaks.  */
  assert_int_equal (flag_across_call (MR_KEEP_NONE, 0, 0), 1);
  /* Only this function writes it: one test.  */
  assert_int_equal (flag_across_call (MR_KEEP_ALWAYS, 0, 0), 0);
  /* Set only to 1 from 0: once not 0, it stays; but 0 may become 1.  */
  assert_int_equal (flag_across_call (MR_KEEP_ONE_CONST, 1, 0), 1);
  /* Set only to 0 from 1: once 0, it stays 0.  */
  assert_int_equal (flag_across_call (MR_KEEP_ONE_CONST, 0, 1), 0);
}

static void
test_constant_tag (void **state)
{
  (void) state;
  uint32_t alloc;
  /* The tag still says string: the member is freed on the only path.  */
  assert_int_equal (tagged (&alloc, K_STR, K_STR), 0);
  /* Retagged before the free: nothing frees it.  */
  assert_int_equal (tagged (&alloc, K_STR, K_INT), 1);
}

/* u.i = 5; p = u.ptr; *p = 0;  the pointer is not NULL (the path goes on to leak
   the allocation made after it).  */
static void
test_constant_read_as_pointer (void **state)
{
  (void) state;
  mr_func *f = tb_func ("punned", 1);
  uint32_t u = mr_func_add_decl (f, "u", MR_DECL_LOCAL, 1);
  tb_store (f, 0, mr_addr (u, 0), 0, mr_const (5), false, 1);
  tb_load (f, 0, 2, mr_addr (u, 0), 0, true, 2);
  tb_store (f, 0, mr_value (2), 0, mr_const (0), false, 3);
  tb_alloc (f, 0, 3, 4);
  tb_return (f, 0, mr_none (), 5);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_int_equal (tb_count (&r, MR_RULE_LEAK), 1);
  mr_result_free (&r);
  mr_func_free (f);
}

/* if (s->n == 0) { free (p); return; }  for (i = 0; i != s->n; i++) ;
   if (s->n == 0) return;  (leaks p: only if the first test is left out)  */
static uint32_t
loop_between (bool tested)
{
  enum { S = 1, P = 9 };
  mr_func *f = tb_func ("loop", 6);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_none (), MR_EVF_NEVER_NULL, 1);
  tb_load (f, 0, 2, mr_value (S), 8, false, 2);
  if (tested)
    tb_if (f, 0, mr_value (2), MR_CMP_EQ, mr_const (0), 5, 1);
  else
    tb_goto (f, 0, 1);
  /* b1: the loop's head reads the count again; b2 its body.  */
  tb_load (f, 1, 3, mr_value (S), 8, false, 3);
  tb_if (f, 1, mr_value (5), MR_CMP_NE, mr_value (3), 2, 3);
  tb_copy (f, 2, 6, mr_unknown (), 0, false, 4);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 5, false, mr_const (0), mr_value (6));
  /* b3: after the loop.  */
  tb_load (f, 3, 4, mr_value (S), 8, false, 5);
  tb_if (f, 3, mr_value (4), MR_CMP_EQ, mr_const (0), 4, 5);
  tb_return (f, 4, mr_none (), 6);
  tb_free (f, 5, mr_value (P), 7);
  tb_return (f, 5, mr_none (), 8);
  f->params[0] = S;
  f->nparams = 1;
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_LEAK);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

static void
test_read_again_after_loop (void **state)
{
  (void) state;
  assert_int_equal (loop_between (true), 0);
  assert_int_equal (loop_between (false), 1);
}

/* unsigned len (struct v *v) { [*(v + store_off) = 1;] return v->n; }, n at 8  */
static mr_summary
getter (int64_t store_off)
{
  enum { V = 1 };
  mr_func *f = tb_func ("len", 1);
  f->params[0] = V;
  f->nparams = 1;
  if (store_off >= 0)
    tb_store (f, 0, mr_value (V), store_off, mr_const (1), false, 1);
  tb_load (f, 0, 2, mr_value (V), 8, false, 2);
  tb_return (f, 0, mr_value (2), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  mr_summary sum = r.summary;
  mr_result_free (&r);
  mr_func_free (f);
  return sum;
}

static void
test_getter_summary (void **state)
{
  (void) state;
  mr_summary sum = getter (-1);
  assert_int_equal (sum.returns_at, 1);
  assert_int_equal (sum.returns_at_off, 8);
  assert_false (sum.returns_at_pointer);
  assert_true (sum.pure);
  /* Another field written: still a getter of n (its place is kept), not pure.  */
  sum = getter (4);
  assert_int_equal (sum.returns_at, 1);
  assert_false (sum.pure);
  /* n itself written first: what it returns is not what the caller had.  */
  sum = getter (8);
  assert_int_equal (sum.returns_at, 0);
  assert_false (sum.pure);
}

/* void init (struct r *r) { pos (&r->lo); }  where pos, a callee of the unit that
   keeps its caller's memory, writes integers through its argument (flags): init
   keeps its caller's memory too, when pos is summarized; a library call's writes
   (memcpy may copy pointers) do not.  */
static bool
member_init_keeps (uint16_t flags)
{
  enum { R = 1, LO = 2 };
  mr_func *f = tb_func ("init", 1);
  f->params[0] = R;
  f->nparams = 1;
  tb_copy (f, 0, LO, mr_value (R), 4, true, 1);
  mr_opnd arg = mr_value (LO);
  tb_call (f, 0, 0, "pos", 1, &arg, 0x1, 0x1, flags, 2);
  tb_return (f, 0, mr_none (), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  mr_summary sum = r.summary;
  mr_result_free (&r);
  mr_func_free (f);
  assert_int_equal (sum.writes, 1);
  return sum.no_clobber;
}

static void
test_member_init_keeps_memory (void **state)
{
  (void) state;
  assert_true (member_init_keeps (MR_EVF_NO_CLOBBER | MR_EVF_SUMMARIZED));
  assert_false (member_init_keeps (MR_EVF_NO_CLOBBER));
}

/* p = malloc (); if (a == 0 && b == 0) { free (p); return; }
   if (a != 0) free (p); else if (b <last_op> last) free (p);  */
static uint32_t
early_exit (mr_cmp last_op, int64_t last)
{
  enum { A = 1, B = 2, P = 9 };
  mr_func *f = tb_func ("exit", 8);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_none (), MR_EVF_NEVER_NULL, 1);
  tb_if (f, 0, mr_value (A), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_if (f, 1, mr_value (B), MR_CMP_EQ, mr_const (0), 3, 2);
  tb_free (f, 3, mr_value (P), 2);
  tb_goto (f, 3, 6);
  tb_if (f, 2, mr_value (A), MR_CMP_NE, mr_const (0), 4, 5);
  tb_free (f, 4, mr_value (P), 3);
  tb_goto (f, 4, 6);
  tb_if (f, 5, mr_value (B), last_op, mr_const (last), 7, 6);
  tb_free (f, 7, mr_value (P), 4);
  tb_goto (f, 7, 6);
  tb_return (f, 6, mr_none (), 5);
  mr_result r;
  tb_analyze (f, NULL, &r);
  uint32_t n = tb_count (&r, MR_RULE_LEAK);
  mr_result_free (&r);
  mr_func_free (f);
  return n;
}

static void
test_early_exit (void **state)
{
  (void) state;
  assert_int_equal (early_exit (MR_CMP_NE, 0), 0);
  assert_int_equal (early_exit (MR_CMP_GT, 1), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_static_flag_across_call),
    cmocka_unit_test (test_constant_tag),
    cmocka_unit_test (test_constant_read_as_pointer),
    cmocka_unit_test (test_read_again_after_loop),
    cmocka_unit_test (test_getter_summary),
    cmocka_unit_test (test_early_exit),
    cmocka_unit_test (test_member_init_keeps_memory),
  };
  return cmocka_run_group_tests_name ("correlated", tests, NULL, NULL);
}
