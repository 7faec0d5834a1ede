/* test_leak.c — the leak rule (rules/leak.c): an allocation of this function still
   allocated and unreachable when it returns.

   Covers: the classic leak at a return with its "allocated here" note; what is not a
   leak: freed, returned, stored through a parameter or into a static, passed to an
   unknown call, a failed allocation, alloca, main; a pointer stored only in a local
   leaks; an allocation site in a loop is reported once; a shared return block judges
   each incoming path (reported at the path's edge location); `p = realloc (p, n)`
   loses p when realloc fails (reported at the realloc, once, when that path
   returns; not when it aborts); a path that stores through NULL ends there; a
   struct of the caller's freed while its field held the only reference leaks it.  */

#define TB_RULES TB_RULE (MR_RULE_LEAK)
#include "builder.h"

enum { P = 1, Q = 2, S = 3, A = 4 };

/* p = malloc (16); if (!p) return -1; <then>; return 0;  bb0 -> bb1 (NULL) / bb2.  */
static uint32_t
alloc_checked (mr_func *f)
{
  uint32_t al = tb_alloc (f, 0, P, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_const (-1), 2);
  return al;
}

/* q = realloc (p, 32) in bb2 at line 3, as `p = realloc (p, n)` is lowered when p and
   q are one variable (MR_EVF_SAME_VAR).  */
static uint32_t
realloc_same_var (mr_func *f)
{
  uint32_t re = tb_realloc (f, 2, Q, mr_value (P), mr_const (32), 3);
  tb_ev (f, re)->flags |= MR_EVF_SAME_VAR;
  return re;
}

/* One leak, reported at event `ev_id`, of the allocation at event `alloc_id`; frees f.  */
static void
expect_leak_of (mr_func *f, uint32_t ev_id, uint32_t alloc_id)
{
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_LEAK, ev_id);
  assert_int_equal (fd->alloc->id, alloc_id);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_leak_at_return (void **state)
{
  (void) state;
  mr_func *f = tb_func ("leak", 3);
  uint32_t al = alloc_checked (f);
  tb_store (f, 2, mr_value (P), 0, mr_const (0), false, 3);
  uint32_t ret = tb_return (f, 2, mr_const (0), 4);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_LEAK, ret);
  assert_non_null (fd->alloc);
  assert_int_equal (fd->alloc->id, al);
  tb_expect_note (fd, MR_NOTE_ALLOCATED_HERE, al);
  mr_result_free (&r);
  mr_func_free (f);

  /* The same function analysed as main: memory held at exit is not a leak.  */
  f = tb_func ("main", 3);
  f->is_main = true;
  alloc_checked (f);
  tb_return (f, 2, mr_const (0), 4);
  tb_expect_silent (f);
}

static void
test_not_leaks (void **state)
{
  (void) state;
  /* Freed.  */
  mr_func *f = tb_func ("freed", 3);
  alloc_checked (f);
  tb_free (f, 2, mr_value (P), 3);
  tb_return (f, 2, mr_const (0), 4);
  tb_expect_silent (f);

  /* Returned (through a copy).  */
  f = tb_func ("returned", 3);
  alloc_checked (f);
  tb_copy (f, 2, Q, mr_value (P), 0, true, 3);
  tb_return (f, 2, mr_value (Q), 4);
  tb_expect_silent (f);

  /* Stored through a parameter: s->buf = p.  */
  f = tb_func ("stored-param", 3);
  alloc_checked (f);
  tb_store (f, 2, mr_value (S), 8, mr_value (P), true, 3);
  tb_return (f, 2, mr_const (0), 4);
  tb_expect_silent (f);

  /* Stored into a static.  */
  f = tb_func ("stored-static", 3);
  uint32_t g = mr_func_decl (f, "g", MR_DECL_STATIC, 9);
  alloc_checked (f);
  tb_store (f, 2, mr_addr (g, 0), 0, mr_value (P), true, 3);
  tb_return (f, 2, mr_const (0), 4);
  tb_expect_silent (f);

  /* Given to a function that may keep it.  */
  f = tb_func ("passed", 3);
  alloc_checked (f);
  tb_call1 (f, 2, "keep", mr_value (P), 0, 3);
  tb_return (f, 2, mr_const (0), 4);
  tb_expect_silent (f);

  /* alloca memory.  */
  f = tb_func ("alloca", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_ALLOCA, mr_const (16), 0, 1);
  tb_return (f, 0, mr_const (0), 2);
  tb_expect_silent (f);

  /* A path that does not return (abort: no RETURN event, no successor).  */
  f = tb_func ("abort", 3);
  alloc_checked (f);
  tb_call (f, 2, 0, "abort", 0, NULL, 0, 0, 0, 3);
  tb_expect_silent (f);
}

/* A static holds the block as a local does: overwritten, it is lost (reported at
   the store); an unknown call between may have taken it from the static.  */
static void
test_static_overwritten (void **state)
{
  (void) state;
  /* g = p; g = 0; return 0;  */
  mr_func *f = tb_func ("static-overwritten", 3);
  uint32_t g = mr_func_decl (f, "g", MR_DECL_STATIC, 9);
  uint32_t al = alloc_checked (f);
  tb_store (f, 2, mr_addr (g, 0), 0, mr_value (P), true, 3);
  uint32_t lost = tb_store (f, 2, mr_addr (g, 0), 0, mr_const (0), true, 4);
  tb_return (f, 2, mr_const (0), 5);
  expect_leak_of (f, lost, al);

  /* g = p; h (); g = 0;  */
  f = tb_func ("static-published", 3);
  g = mr_func_decl (f, "g", MR_DECL_STATIC, 9);
  alloc_checked (f);
  tb_store (f, 2, mr_addr (g, 0), 0, mr_value (P), true, 3);
  tb_call (f, 2, 0, "h", 0, NULL, 0, 0, 0, 4);
  tb_store (f, 2, mr_addr (g, 0), 0, mr_const (0), true, 5);
  tb_return (f, 2, mr_const (0), 6);
  tb_expect_silent (f);
}

/* A static whose value nothing in the unit uses (mr_decl.unread, the glue's
   finding) is no root: g = p; h (); return 0; loses p, where a static someone
   reads keeps it.  */
static void
test_unread_static (void **state)
{
  (void) state;
  for (int unread = 0; unread < 2; unread++)
    {
      mr_func *f = tb_func ("unread-static", 3);
      uint32_t g = mr_func_decl (f, "g", MR_DECL_STATIC, 9);
      f->decls[g].unread = (uint8_t) unread;
      uint32_t al = alloc_checked (f);
      tb_store (f, 2, mr_addr (g, 0), 0, mr_value (P), true, 3);
      tb_call (f, 2, 0, "h", 0, NULL, 0, 0, 0, 4);
      uint32_t ret = tb_return (f, 2, mr_const (0), 5);
      if (unread)
	expect_leak_of (f, ret, al);
      else
	tb_expect_silent (f);
    }
}

static void
test_local_only (void **state)
{
  (void) state;
  /* struct { char *buf; } l;  l.buf = p; return 0;  — l dies with the function.  */
  mr_func *f = tb_func ("local", 3);
  uint32_t l = mr_func_decl (f, "l", MR_DECL_LOCAL, 9);
  uint32_t al = alloc_checked (f);
  tb_store (f, 2, mr_addr (l, 0), 0, mr_value (P), true, 3);
  uint32_t ret = tb_return (f, 2, mr_const (0), 4);
  expect_leak_of (f, ret, al);
}

static void
test_loop_site_once (void **state)
{
  (void) state;
  /* while (more ()) { p = malloc (16); *p = 0; } return;  — one finding for the
     allocation site, however many instances are lost.  */
  mr_func *f = tb_func ("loop", 4);
  tb_goto (f, 0, 1);
  tb_while_more (f, 1, 2, 3, 1);
  uint32_t al = tb_alloc_ex (f, 2, P, MR_FAM_MALLOC, mr_const (16), 0, 2);
  tb_store (f, 2, mr_value (P), 0, mr_const (0), false, 3);
  tb_goto (f, 2, 1);
  uint32_t ret = tb_return (f, 3, mr_none (), 4);
  expect_leak_of (f, ret, al);
}

static void
test_shared_return_block (void **state)
{
  (void) state;
  /* p = malloc (16); if (!p) goto out; *p = 0; if (a) { free (p); goto out; }
     goto out;  out: return;
     bb0 -> bb3 (NULL) / bb1;  bb1 -> bb2 (a) / bb3;  bb2 -> bb3;  bb3: return.
     The leak is on bb1 -> bb3 only, reported where that edge leaves.  */
  mr_func *f = tb_func ("shared-return", 4);
  uint32_t al = tb_alloc (f, 0, P, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 3, 1);
  tb_store (f, 1, mr_value (P), 0, mr_const (0), false, 2);
  tb_cond (f, 1, mr_value (A), MR_CMP_NE, mr_const (0), false);
  mr_func_add_edge (f, 1, 2, MR_EDGE_TRUE);
  uint32_t leaky = mr_func_add_edge (f, 1, 3, MR_EDGE_FALSE);
  f->edges[leaky].loc = tb_loc (42);
  tb_free (f, 2, mr_value (P), 3);
  tb_goto (f, 2, 3);
  uint32_t ret = tb_return (f, 3, mr_none (), 50);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_LEAK, ret);
  assert_int_equal (fd->alloc->id, al);
  assert_non_null (fd->loc);
  assert_int_equal (fd->loc->line, 42);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_realloc_same_var (void **state)
{
  (void) state;
  /* p = malloc (16); if (!p) return; p = realloc (p, 32); if (!p) return; free (p);
     return;  — when realloc fails the old block is lost.  */
  mr_func *f = tb_func ("realloc-same-var", 5);
  uint32_t al = alloc_checked (f);
  uint32_t re = realloc_same_var (f);
  tb_if (f, 2, mr_value (Q), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_return (f, 3, mr_const (-1), 4);
  tb_free (f, 4, mr_value (Q), 5);
  tb_return (f, 4, mr_const (0), 6);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_LEAK, re);
  assert_non_null (fd->alloc);
  (void) al;
  mr_result_free (&r);
  mr_func_free (f);

  /* The same, but the failure branch does not return (abort ()): no leak.  */
  f = tb_func ("realloc-same-var-abort", 5);
  alloc_checked (f);
  realloc_same_var (f);
  tb_if (f, 2, mr_value (Q), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_call (f, 3, 0, "abort", 0, NULL, 0, 0, 0, 4);
  tb_free (f, 4, mr_value (Q), 5);
  tb_return (f, 4, mr_const (0), 6);
  tb_expect_silent (f);

  /* As the lowering makes it, p and q are versions of one variable: the new
     version is not an overwrite that loses p (realloc moves it), so a failure
     branch that aborts is still silent; one that returns is the leak, with the
     allocation noted.  */
  for (int aborts = 0; aborts < 2; aborts++)
    {
      f = tb_func ("realloc-same-var-versions", 5);
      mr_func_set_value_var (f, P, 7);
      mr_func_set_value_var (f, Q, 7);
      al = alloc_checked (f);
      re = realloc_same_var (f);
      tb_if (f, 2, mr_value (Q), MR_CMP_EQ, mr_const (0), 3, 4);
      if (aborts)
	tb_call (f, 3, 0, "abort", 0, NULL, 0, 0, 0, 4);
      else
	tb_return (f, 3, mr_const (-1), 4);
      tb_free (f, 4, mr_value (Q), 5);
      tb_return (f, 4, mr_const (0), 6);
      if (aborts)
	tb_expect_silent (f);
      else
	{
	  tb_analyze (f, NULL, &r);
	  fd = tb_expect_one (&r, MR_RULE_LEAK, re);
	  tb_expect_note (fd, MR_NOTE_ALLOCATED_HERE, al);
	  mr_result_free (&r);
	  mr_func_free (f);
	}
    }

  /* q = realloc (p, 32) into another variable: p is still there to free.  */
  f = tb_func ("realloc-other-var", 5);
  alloc_checked (f);
  tb_realloc (f, 2, Q, mr_value (P), mr_const (32), 3);
  tb_if (f, 2, mr_value (Q), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_free (f, 3, mr_value (P), 4);
  tb_return (f, 3, mr_const (-1), 5);
  tb_free (f, 4, mr_value (Q), 6);
  tb_return (f, 4, mr_const (0), 7);
  tb_expect_silent (f);
}

/* q = malloc (); p = NULL; p[1] = q; return;  The store through NULL ends the
   path (the program stops there): nothing is leaked on it.  */
static void
test_store_through_null (void **state)
{
  (void) state;
  mr_func *f = tb_func ("through-null", 1);
  tb_alloc_ex (f, 0, Q, MR_FAM_MALLOC, mr_const (4), 0, 1);
  tb_copy (f, 0, P, mr_const (0), 0, true, 2);
  tb_store (f, 0, mr_value (P), 8, mr_value (Q), true, 3);
  tb_return (f, 0, mr_none (), 4);
  tb_expect_silent (f);
}

/* An exception leaving the function (MR_EV_THROW) is judged as a return when it is
   a throw-expression's or a rethrow's: its own (b NONE) or a kind that may be 1
   or more in flight at the way out; an exception of any call (kind 0) is not.  bb0: p = malloc; bb1: the
   exception's kind, a PHI of `kind`; the throw.  */
static mr_func *
throw_exit (int64_t kind, bool own, bool freed)
{
  mr_func *f = tb_func ("throws", 2);
  tb_alloc (f, 0, P, 1);
  if (freed)
    tb_free (f, 0, mr_value (P), 2);
  tb_goto (f, 0, 1);
  mr_opnd k = mr_const (kind);
  tb_phi (f, 1, A, false, 1, &k);
  mr_event *t = tb_event (f, 1, MR_EV_THROW, 3);
  if (!own)
    t->b = mr_value (A);
  return f;
}

/* A handler's call and its rethrow reach one cleanup: the exceptions of two
   paths join there, kinds k1 and k2.  bb0: p = malloc, a branch; bb1, bb2: the
   two paths; bb3: the kind, a PHI of both; the way out.  */
static mr_func *
throw_joined (int64_t k1, int64_t k2)
{
  mr_func *f = tb_func ("joined", 4);
  tb_alloc (f, 0, P, 1);
  tb_if (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  tb_phi2 (f, 3, A, false, mr_const (k1), mr_const (k2));
  mr_event *t = tb_event (f, 3, MR_EV_THROW, 3);
  t->b = mr_value (A);
  return f;
}

static void
test_throw_exit (void **state)
{
  (void) state;
  mr_func *f = throw_exit (0, true, false);
  expect_leak_of (f, f->blocks[1].events[0].id, f->blocks[0].events[0].id);
  f = throw_exit (2, false, false);
  expect_leak_of (f, f->blocks[1].events[0].id, f->blocks[0].events[0].id);
  tb_expect_silent (throw_exit (0, false, false));
  tb_expect_silent (throw_exit (0, true, true));
  /* A call's exception (0) joined with a rethrow's (1): judged, once.  */
  f = throw_joined (0, 1);
  expect_leak_of (f, f->blocks[3].events[0].id, f->blocks[0].events[0].id);
  tb_expect_silent (throw_joined (0, 0));
}

/* A block stored into a struct the caller gave (s->buf = p, s a parameter or a
   pointer loaded from one) goes out of sight at the store, but freeing the struct
   with nothing else holding the block, and no call since the store, loses it.  */
static mr_func *
param_holder (const char *name, bool loaded)
{
  mr_func *f = tb_func (name, 3);
  alloc_checked (f);
  if (loaded)
    tb_load (f, 2, A, mr_value (S), 8, true, 3);
  tb_store (f, 2, mr_value (loaded ? A : S), 0, mr_value (P), true, 3);
  return f;
}

static void
test_param_holder_freed (void **state)
{
  (void) state;
  for (int loaded = 0; loaded < 2; loaded++)
    {
      mr_func *f = param_holder ("holder-freed", loaded);
      tb_free (f, 2, mr_value (loaded ? A : S), 4);
      /* The caller's slot cleared after: a store through another pointer
	 leaves the freed struct's slots as they were.  */
      if (loaded)
	tb_store (f, 2, mr_value (S), 8, mr_const (0), true, 4);
      uint32_t ret = tb_return (f, 2, mr_const (0), 5);
      expect_leak_of (f, ret, f->blocks[0].events[0].id);
    }

  /* A call between may have copied the field.  */
  mr_func *f = param_holder ("call-between", false);
  tb_call (f, 2, 0, "log_it", 0, NULL, 0, 0, 0, 4);
  tb_free (f, 2, mr_value (S), 5);
  tb_return (f, 2, mr_const (0), 6);
  tb_expect_silent (f);

  /* A call that writes nothing of the caller's (strlen (s->buf)) cannot have.  */
  f = param_holder ("reading-call-between", false);
  mr_opnd field = mr_value (P);
  tb_call (f, 2, 0, "strlen", 1, &field, 1, 0, MR_EVF_NO_CLOBBER, 4);
  tb_free (f, 2, mr_value (S), 5);
  uint32_t ret = tb_return (f, 2, mr_const (0), 6);
  expect_leak_of (f, ret, f->blocks[0].events[0].id);

  /* Nor one that writes into the block (memcpy (s->buf, src, n)) ...  */
  f = param_holder ("filling-call-between", false);
  mr_opnd fill[3] = { mr_value (P), mr_value (A), mr_const (16) };
  tb_call (f, 2, 0, "memcpy", 3, fill, 3, 1, MR_EVF_NO_CLOBBER, 4);
  tb_free (f, 2, mr_value (S), 5);
  ret = tb_return (f, 2, mr_const (0), 6);
  expect_leak_of (f, ret, f->blocks[0].events[0].id);

  /* ... but one that copies the struct's bytes (memcpy (copy, s, n)) may.  */
  f = param_holder ("copying-call-between", false);
  mr_opnd copy[3] = { mr_value (A), mr_value (S), mr_const (16) };
  tb_call (f, 2, 0, "memcpy", 3, copy, 3, 1, MR_EVF_NO_CLOBBER, 4);
  tb_free (f, 2, mr_value (S), 5);
  tb_return (f, 2, mr_const (0), 6);
  tb_expect_silent (f);

  /* The field freed first.  */
  f = param_holder ("field-freed", false);
  tb_load (f, 2, Q, mr_value (S), 0, true, 4);
  tb_free (f, 2, mr_value (Q), 4);
  tb_free (f, 2, mr_value (S), 5);
  tb_return (f, 2, mr_const (0), 6);
  tb_expect_silent (f);

  /* Stored into another struct of the caller's too.  */
  f = param_holder ("stored-twice", false);
  tb_store (f, 2, mr_value (A), 0, mr_value (P), true, 4);
  tb_free (f, 2, mr_value (S), 5);
  tb_return (f, 2, mr_const (0), 6);
  tb_expect_silent (f);

  /* Returned after the struct was freed.  */
  f = param_holder ("returned", false);
  tb_free (f, 2, mr_value (S), 5);
  tb_return (f, 2, mr_value (P), 6);
  tb_expect_silent (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_leak_at_return),
    cmocka_unit_test (test_not_leaks),
    cmocka_unit_test (test_static_overwritten),
    cmocka_unit_test (test_local_only),
    cmocka_unit_test (test_loop_site_once),
    cmocka_unit_test (test_shared_return_block),
    cmocka_unit_test (test_realloc_same_var),
    cmocka_unit_test (test_store_through_null),
    cmocka_unit_test (test_throw_exit),
    cmocka_unit_test (test_param_holder_freed),
    cmocka_unit_test (test_unread_static),
  };
  return cmocka_run_group_tests_name ("leak", tests, NULL, NULL);
}
