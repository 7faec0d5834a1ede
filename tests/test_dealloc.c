/* test_dealloc.c — what a free, delete, delete[] or realloc releases:
   mismatched-dealloc, free-nonheap and free-offset (plugin/core/rules/, with their
   shared rules/dealloc.h).

   Covers: malloc/delete, new/free, new[]/delete and realloc of new'd memory warn with
   the expected family and an "allocated here" note, matching pairs are silent;
   free of a local, a static, a string literal and alloca memory warn, a parameter
   (unknown origin) does not, a pointer variable never assigned warns as such;
   free of a pointer past the start of an allocation warns
   with the offset (exact or only known positive), an unknown offset or a pointer of
   unknown origin does not; the function's own parameter freed past its start (a
   constant step, a walk) warns with no allocation, freed before it (`p - 16`) or
   at it (a copy of it, a path that did not move it) does not.  */

#define TB_RULES (TB_RULE (MR_RULE_MISMATCHED_DEALLOC) | TB_RULE (MR_RULE_FREE_NONHEAP) \
		  | TB_RULE (MR_RULE_FREE_OFFSET))
#include "builder.h"

enum { P = 1, Q = 2 };

/* p = <alloc of `af`>; <dealloc of `ff`> (p);  analysed.  */
static void
alloc_then_free (mr_family af, mr_family ff, bool expect)
{
  mr_func *f = tb_func ("pair", 1);
  uint32_t al = tb_alloc_ex (f, 0, P, af, mr_const (16), 0, 1);
  uint32_t fr = tb_free_ex (f, 0, mr_value (P), ff, 2);
  if (!expect)
    {
      tb_expect_silent (f);
      return;
    }
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_MISMATCHED_DEALLOC, fr);
  assert_int_equal (fd->expected, af);
  assert_non_null (fd->alloc);
  assert_int_equal (fd->alloc->id, al);
  tb_expect_note (fd, MR_NOTE_ALLOCATED_HERE, al);
  mr_result_free (&r);
  mr_func_free (f);
}

static void
test_mismatched (void **state)
{
  (void) state;
  alloc_then_free (MR_FAM_MALLOC, MR_FAM_NEW, true);
  alloc_then_free (MR_FAM_NEW, MR_FAM_MALLOC, true);
  alloc_then_free (MR_FAM_NEW_ARRAY, MR_FAM_NEW, true);
  alloc_then_free (MR_FAM_NEW, MR_FAM_NEW_ARRAY, true);
  alloc_then_free (MR_FAM_MALLOC, MR_FAM_MALLOC, false);
  alloc_then_free (MR_FAM_NEW, MR_FAM_NEW, false);
  alloc_then_free (MR_FAM_NEW_ARRAY, MR_FAM_NEW_ARRAY, false);

  /* realloc of memory from new.  */
  mr_func *f = tb_func ("realloc-new", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_NEW, mr_const (16), 0, 1);
  uint32_t re = tb_realloc (f, 0, Q, mr_value (P), mr_const (32), 2);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_MISMATCHED_DEALLOC, re);
  assert_int_equal (fd->expected, MR_FAM_NEW);
  mr_result_free (&r);
  mr_func_free (f);

  /* Memory of unknown origin (a parameter) is not judged.  */
  f = tb_func ("param", 1);
  tb_free_ex (f, 0, mr_value (P), MR_FAM_NEW, 1);
  tb_free_ex (f, 0, mr_value (Q), MR_FAM_NEW_ARRAY, 2);
  tb_expect_silent (f);
}

static void
test_free_nonheap (void **state)
{
  (void) state;
  static const mr_decl_kind kinds[] = { MR_DECL_LOCAL, MR_DECL_STATIC, MR_DECL_LITERAL };
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    {
      /* q = &obj; free (q);  */
      mr_func *f = tb_func ("nonheap", 1);
      uint32_t d = mr_func_decl (f, "obj", kinds[i], 5);
      tb_copy (f, 0, Q, mr_addr (d, 0), 0, true, 1);
      uint32_t fr = tb_free (f, 0, mr_value (Q), 2);
      mr_result r;
      tb_analyze (f, NULL, &r);
      const mr_finding *fd = tb_expect_one (&r, MR_RULE_FREE_NONHEAP, fr);
      assert_int_equal (fd->subject.id, Q);
      assert_false (fd->indeterminate);
      mr_result_free (&r);
      mr_func_free (f);
    }

  /* free (&buf) directly.  */
  mr_func *f = tb_func ("nonheap-addr", 1);
  uint32_t d = mr_func_decl (f, "buf", MR_DECL_LOCAL, 5);
  uint32_t fr = tb_free (f, 0, mr_addr (d, 0), 1);
  mr_result r;
  tb_expect_only (f, MR_RULE_FREE_NONHEAP, fr);

  /* p = alloca (n); free (p);  — with the allocation noted.  */
  f = tb_func ("alloca", 1);
  uint32_t al = tb_alloc_ex (f, 0, P, MR_FAM_ALLOCA, mr_const (16), MR_EVF_UNINIT, 1);
  fr = tb_free (f, 0, mr_value (P), 2);
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_FREE_NONHEAP, fr);
  tb_expect_note (fd, MR_NOTE_ALLOCATED_HERE, al);
  mr_result_free (&r);
  mr_func_free (f);

  /* Heap memory and memory of unknown origin are fine.  */
  f = tb_func ("heap", 1);
  tb_alloc (f, 0, P, 1);
  tb_free (f, 0, mr_value (P), 2);
  tb_free (f, 0, mr_value (Q), 3);
  tb_expect_silent (f);

  /* free ((void *) 1234): no allocation returns a nonzero constant; free (0) is
     allowed.  */
  f = tb_func ("integer-address", 1);
  fr = tb_free (f, 0, mr_const (1234), 1);
  tb_free (f, 0, mr_const (0), 2);
  tb_expect_only (f, MR_RULE_FREE_NONHEAP, fr);
}

/* A pointer variable never assigned on the path (the glue's stand-in for its
   SSA default definition): free-nonheap, worded as uninitialized.  */
static void
test_free_indeterminate (void **state)
{
  (void) state;
  /* q = <p unassigned>; free (q);  */
  mr_func *f = tb_func ("indeterminate", 1);
  uint32_t d = mr_func_decl (f, "p", MR_DECL_INDETERMINATE, 7);
  tb_copy (f, 0, Q, mr_addr (d, 0), 0, true, 1);
  uint32_t fr = tb_free_ex (f, 0, mr_value (Q), MR_FAM_NEW, 2);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_FREE_NONHEAP, fr);
  assert_true (fd->indeterminate);
  assert_int_equal (fd->nnotes, 0);
  mr_result_free (&r);
  mr_func_free (f);
}

/* p = 0; if (c) p = &obj; free (p);  for a local, a static and a literal: the
   join keeps the path where p is the object apart from the path where it is
   NULL, so the free is judged on each.  The object at -O0 (a copy in the branch)
   and at -O2 (a PHI argument); silent when the branch only ever gives NULL.  */
static void
test_free_nonheap_join (void **state)
{
  (void) state;
  enum { C = 7, OBJ = 3, J = 8 };
  static const mr_decl_kind kinds[] = { MR_DECL_LOCAL, MR_DECL_STATIC, MR_DECL_LITERAL };
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    for (int as_phi_arg = 0; as_phi_arg < 2; as_phi_arg++)
      {
	mr_func *f = tb_func ("join", 3);
	uint32_t d = mr_func_decl (f, "obj", kinds[i], 5);
	tb_copy (f, 0, P, mr_const (0), 0, true, 1);
	tb_if (f, 0, mr_value (C), MR_CMP_NE, mr_const (0), 1, 2);
	if (!as_phi_arg)
	  tb_copy (f, 1, OBJ, mr_addr (d, 0), 0, true, 2);
	tb_goto (f, 1, 2);
	/* preds of block 2: the FALSE edge from 0, then 1.  */
	tb_phi2 (f, 2, J, true, mr_value (P), as_phi_arg ? mr_addr (d, 0) : mr_value (OBJ));
	uint32_t fr = tb_free (f, 2, mr_value (J), 3);
	tb_expect_only (f, MR_RULE_FREE_NONHEAP, fr);
      }

  /* Only NULL reaches the free.  */
  mr_func *f = tb_func ("join-null", 3);
  mr_func_decl (f, "obj", MR_DECL_LOCAL, 5);
  tb_copy (f, 0, P, mr_const (0), 0, true, 1);
  tb_if (f, 0, mr_value (C), MR_CMP_NE, mr_const (0), 1, 2);
  tb_goto (f, 1, 2);
  tb_phi2 (f, 2, J, true, mr_value (P), mr_const (0));
  tb_free (f, 2, mr_value (J), 3);
  tb_expect_silent (f);

  /* p = c ? &obj : malloc (n); if (p != &obj) free (p);  */
  f = tb_func ("join-tested", 6);
  uint32_t d = mr_func_decl (f, "obj", MR_DECL_LOCAL, 5);
  tb_if (f, 0, mr_value (C), MR_CMP_NE, mr_const (0), 1, 2);
  tb_alloc (f, 2, Q, 1);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  tb_phi2 (f, 3, J, true, mr_addr (d, 0), mr_value (Q));
  tb_if_pointer (f, 3, mr_value (J), MR_CMP_NE, mr_addr (d, 0), 4, 5);
  tb_free (f, 4, mr_value (J), 3);
  tb_goto (f, 4, 5);
  tb_expect_silent (f);

  /* The same without the test: the path of obj frees it.  */
  f = tb_func ("join-untested", 4);
  d = mr_func_decl (f, "obj", MR_DECL_LOCAL, 5);
  tb_if (f, 0, mr_value (C), MR_CMP_NE, mr_const (0), 1, 2);
  tb_alloc (f, 2, Q, 1);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  tb_phi2 (f, 3, J, true, mr_addr (d, 0), mr_value (Q));
  uint32_t fr = tb_free (f, 3, mr_value (J), 3);
  tb_expect_only (f, MR_RULE_FREE_NONHEAP, fr);
}

/* The pointer variable lives in memory (its address is taken): `char *p = 0;
   char **w = &p; if (c) *w = &obj; free (*w);`.  The join keeps the path where
   p's slot holds obj apart from the one where it holds NULL, and the free is
   judged on each; silent when the branch stores NULL, or when the free is only
   where p is not obj.  */
static void
test_free_nonheap_slot_join (void **state)
{
  (void) state;
  enum { C = 7, W = 3, V = 8, T = 9 };
  static const mr_decl_kind kinds[] = { MR_DECL_LOCAL, MR_DECL_STATIC, MR_DECL_LITERAL };
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    for (int stored = 0; stored < 2; stored++)
      {
	mr_func *f = tb_func ("slot-join", 3);
	uint32_t p = mr_func_decl (f, "p", MR_DECL_LOCAL, 4);
	uint32_t d = mr_func_decl (f, "obj", kinds[i], 5);
	tb_store (f, 0, mr_addr (p, 0), 0, mr_const (0), true, 1);
	tb_copy (f, 0, W, mr_addr (p, 0), 0, true, 2);
	tb_if (f, 0, mr_value (C), MR_CMP_NE, mr_const (0), 1, 2);
	tb_store (f, 1, mr_value (W), 0, stored ? mr_addr (d, 0) : mr_const (0), true, 3);
	tb_goto (f, 1, 2);
	tb_load (f, 2, V, mr_value (W), 0, true, 4);
	uint32_t fr = tb_free (f, 2, mr_value (V), 4);
	if (stored)
	  tb_expect_only (f, MR_RULE_FREE_NONHEAP, fr);
	else
	  tb_expect_silent (f);
      }

  /* if (p != &obj) free (p);  */
  mr_func *f = tb_func ("slot-join-tested", 5);
  uint32_t p = mr_func_decl (f, "p", MR_DECL_LOCAL, 4);
  uint32_t d = mr_func_decl (f, "obj", MR_DECL_LOCAL, 5);
  tb_store (f, 0, mr_addr (p, 0), 0, mr_const (0), true, 1);
  tb_copy (f, 0, W, mr_addr (p, 0), 0, true, 2);
  tb_if (f, 0, mr_value (C), MR_CMP_NE, mr_const (0), 1, 2);
  tb_store (f, 1, mr_value (W), 0, mr_addr (d, 0), true, 3);
  tb_goto (f, 1, 2);
  tb_load (f, 2, V, mr_value (W), 0, true, 4);
  tb_if_pointer (f, 2, mr_value (V), MR_CMP_NE, mr_addr (d, 0), 3, 4);
  tb_load (f, 3, T, mr_value (W), 0, true, 5);
  tb_free (f, 3, mr_value (T), 5);
  tb_goto (f, 3, 4);
  tb_expect_silent (f);
}

static void
test_free_offset (void **state)
{
  (void) state;
  /* p = malloc (16); q = p + 8; free (q);  */
  mr_func *f = tb_func ("offset", 1);
  uint32_t al = tb_alloc (f, 0, P, 1);
  tb_copy (f, 0, Q, mr_value (P), 8, true, 2);
  uint32_t fr = tb_free (f, 0, mr_value (Q), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_FREE_OFFSET, fr);
  assert_true (fd->offset == 8);
  assert_int_equal (fd->alloc->id, al);
  tb_expect_note (fd, MR_NOTE_ALLOCATED_HERE, al);
  mr_result_free (&r);
  mr_func_free (f);

  /* Only known to be past the start (p++ in a loop).  */
  f = tb_func ("offset-positive", 1);
  tb_alloc (f, 0, P, 1);
  tb_copy (f, 0, Q, mr_value (P), MR_OFF_POSITIVE, true, 2);
  fr = tb_free (f, 0, mr_value (Q), 3);
  tb_analyze (f, NULL, &r);
  fd = tb_expect_one (&r, MR_RULE_FREE_OFFSET, fr);
  assert_true (fd->offset == MR_OFF_POSITIVE);
  mr_result_free (&r);
  mr_func_free (f);

  /* Back at the start (p + 8 - 8), an unknown offset, unknown origin: silent.  */
  f = tb_func ("offset-silent", 1);
  tb_alloc (f, 0, P, 1);
  tb_copy (f, 0, Q, mr_value (P), 8, true, 2);
  tb_copy (f, 0, 7, mr_value (Q), -8, true, 3);
  tb_free (f, 0, mr_value (7), 4);
  tb_alloc (f, 0, 8, 5);
  tb_copy (f, 0, 9, mr_value (8), MR_OFF_UNKNOWN, true, 6);
  tb_free (f, 0, mr_value (9), 7);
  tb_copy (f, 0, 10, mr_value (20), 8, true, 8);
  tb_free (f, 0, mr_value (10), 9);
  tb_expect_silent (f);
}

/* Parameter P freed past the pointer it was given.  */
static void
test_free_offset_param (void **state)
{
  (void) state;
  /* drop (char *p) { q = p + 8; free (q); }  */
  mr_func *f = tb_func ("param-step", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_copy (f, 0, Q, mr_value (P), 8, true, 1);
  uint32_t fr = tb_free (f, 0, mr_value (Q), 2);
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, MR_RULE_FREE_OFFSET, fr);
  assert_true (fd->offset == 8);
  assert_null (fd->alloc);
  mr_result_free (&r);
  mr_func_free (f);

  /* bb0 -> bb1: 7 = phi (P, 8); 9 = *7; if (9) bb2 else bb3;
     bb2: 8 = 7 + 1 -> bb1; bb3: free (7).  The walk's join loses the offset: its
     PHIs say it moved.  */
  f = tb_func ("param-walk", 4);
  f->params[0] = P;
  f->nparams = 1;
  tb_goto (f, 0, 1);
  tb_load (f, 1, 9, mr_value (7), 0, false, 1);
  tb_if (f, 1, mr_value (9), MR_CMP_NE, mr_const (0), 2, 3);
  tb_copy (f, 2, 8, mr_value (7), 1, true, 2);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, 7, true, mr_value (P), mr_value (8));
  fr = tb_free (f, 3, mr_value (7), 3);
  tb_analyze (f, NULL, &r);
  fd = tb_expect_one (&r, MR_RULE_FREE_OFFSET, fr);
  assert_true (fd->offset == MR_OFF_POSITIVE);
  mr_result_free (&r);
  mr_func_free (f);

  /* if (c) free (p); else { q = p - 16; free (q); }, then a copy of p (in another
     function) freed: silent.  */
  f = tb_func ("param-silent", 3);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (20), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 1);
  tb_copy (f, 2, Q, mr_value (P), -16, true, 2);
  tb_free (f, 2, mr_value (Q), 3);
  tb_expect_silent (f);
  f = tb_func ("param-copy", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_copy (f, 0, Q, mr_value (P), 0, true, 1);
  tb_free (f, 0, mr_value (Q), 2);
  tb_expect_silent (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_mismatched),
    cmocka_unit_test (test_free_nonheap),
    cmocka_unit_test (test_free_indeterminate),
    cmocka_unit_test (test_free_nonheap_join),
    cmocka_unit_test (test_free_nonheap_slot_join),
    cmocka_unit_test (test_free_offset),
    cmocka_unit_test (test_free_offset_param),
  };
  return cmocka_run_group_tests_name ("dealloc", tests, NULL, NULL);
}
