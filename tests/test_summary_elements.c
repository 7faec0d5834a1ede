/* test_summary_elements.c — helpers that release every element of a container
   they are given (summarize-elements.c), and a free under a NULL test of a
   pointer walked from a parameter (refine.c), computed without GCC.

   Covers: a walk over a container's elements (its count read by a LOAD marked
   MR_EVF_COUNT, the elements by loads of one slot) that deletes each one it
   meets, or finds it NULL, is a field free of the slot; not when a path keeps an
   element, nor when the function may return before the walk; and a parameter
   walked (`while (*s == '#') s++;`) then freed under a NULL test of the walked
   pointer is freed on every path, at an offset.  And the loops over a C array
   (array-walks.c): `for (i = 0; i < n; i++) free (a[i]);` is a summary's element
   free of the parameter up to the count, and a[0] freed after it a double free;
   neither when the loop sets each element to NULL, frees only under a flag, or
   starts at 1.  */

#define TB_RULES (TB_RULE (MR_RULE_LEAK) | TB_RULE (MR_RULE_DOUBLE_FREE))
#include "builder.h"

enum { P = 1, N = 2, L = 3, L2 = 4, E = 5, X = 6, D = 7, D2 = 8, A = 9, F = 10 };
enum { SLOT = 1 << 20, COUNT = (1 << 20) - 16 };

static mr_summary
summary_of (mr_func *f)
{
  mr_result r;
  tb_analyze (f, NULL, &r);
  mr_summary s = r.summary;
  mr_result_free (&r);
  mr_func_free (f);
  return s;
}

/* void delete_all (vec *v): n = v->count; left = n; while (left != 0) { e =
   v->slot; if (e) delete e; left = 0; } return;
   bb0: count, -> bb1; bb1: L = phi (N, 0); if (L != 0) bb2 else bb5;
   bb2: e = load slot; if (e != 0) bb3 else bb4; bb3: free e -> bb4;
   bb4: -> bb1; bb5: return.  With keep, bb3 frees only if the flag F says.  */
static mr_func *
walk (bool keep, bool early_return)
{
  mr_func *f = tb_func ("delete_all", 8);
  f->params[0] = P;
  f->params[1] = F;
  f->nparams = 2;
  uint32_t start = 0;
  if (early_return)
    {
      tb_if (f, 0, mr_value (F), MR_CMP_NE, mr_const (0), 6, 7);
      tb_return (f, 6, mr_none (), 1);
      start = 7;
    }
  uint32_t id = tb_load (f, start, N, mr_value (P), COUNT, false, 2);
  mr_event *ld = tb_ev (f, id);
  ld->flags |= MR_EVF_COUNT;
  ld->b = mr_const (SLOT - COUNT);
  tb_goto (f, start, 1);
  tb_if (f, 1, mr_value (L), MR_CMP_NE, mr_const (0), 2, 5);
  tb_load (f, 2, E, mr_value (P), SLOT, true, 3);
  if (keep)
    {
      tb_if (f, 2, mr_value (E), MR_CMP_NE, mr_const (0), 3, 4);
      tb_if (f, 3, mr_value (F), MR_CMP_NE, mr_const (0), 6, 4);
      tb_free_ex (f, 6, mr_value (E), MR_FAM_NEW, 4);
      tb_goto (f, 6, 4);
    }
  else
    {
      tb_if (f, 2, mr_value (E), MR_CMP_NE, mr_const (0), 3, 4);
      tb_free_ex (f, 3, mr_value (E), MR_FAM_NEW, 4);
      tb_goto (f, 3, 4);
    }
  tb_goto (f, 4, 1);
  tb_phi2 (f, 1, L, false, mr_value (N), mr_const (0));
  tb_return (f, 5, mr_none (), 5);
  return f;
}

static void
test_walk_frees_every_element (void **state)
{
  (void) state;
  mr_summary s = summary_of (walk (false, false));
  assert_true (s.valid);
  assert_int_equal (s.nfield_frees, 1);
  assert_int_equal (s.field_frees[0].param, 0);
  assert_int_equal (s.field_frees[0].off, SLOT);
  assert_int_equal (s.field_frees[0].family, MR_FAM_NEW);

  /* An element kept on some path: nothing said.  */
  s = summary_of (walk (true, false));
  assert_int_equal (s.nfield_frees, 0);

  /* A return before the walk: nothing said.  */
  s = summary_of (walk (false, true));
  assert_int_equal (s.nfield_frees, 0);
}

/* void skip_and_delete (char *s) { while (*s == '#') s++; if (s) delete[] s; }
   bb0 -> bb1; bb1: D = phi (P, D2); a = *D; if (a == '#') bb2 else bb3;
   bb2: D2 = D + 1 -> bb1; bb3: if (D != 0) bb4 else bb5; bb4: free D -> bb5;
   bb5: return.  */
static void
test_walked_null_test (void **state)
{
  (void) state;
  mr_func *f = tb_func ("skip_and_delete", 6);
  f->params[0] = P;
  f->nparams = 1;
  tb_goto (f, 0, 1);
  tb_load (f, 1, A, mr_value (D), 0, false, 1);
  tb_if (f, 1, mr_value (A), MR_CMP_EQ, mr_const ('#'), 2, 3);
  tb_copy (f, 2, D2, mr_value (D), 1, true, 2);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, D, true, mr_value (P), mr_value (D2));
  tb_if_pointer (f, 3, mr_value (D), MR_CMP_NE, mr_const (0), 4, 5);
  tb_free_ex (f, 4, mr_value (D), MR_FAM_NEW_ARRAY, 3);
  tb_goto (f, 4, 5);
  tb_return (f, 5, mr_none (), 4);
  mr_summary s = summary_of (f);
  /* Freed on every path (the moved pointer is NULL only where P is); past its
     start, which free-offset reports in the function itself, so the summary
     passes no offset on (summarize.c's note_free_offset keeps negative ones).  */
  assert_int_equal (s.frees_always, 1);
  assert_int_equal (s.frees_at_param, 0);
}

/* The loops over a C array (array-walks.c).  Values of their own.  */
enum { AP = 20, AN = 21, AI = 22, AI2 = 23, AE = 24, AX = 25, AF = 26 };

/* What the loop's body does besides free (a[i]).  */
enum body { FREES, FREES_AND_NULLS, FREES_IF_FLAG, FROM_ONE };

/* void free_all (char **a, int n, int flag) { for (i = 0; i < n; i++) free (a[i]);
   [then free (a[0]);] }
   bb0 -> bb1; bb1: I = phi (0, I2); if (I < N) bb2 else bb3;
   bb2: E = a[I]; free E; I2 = I + 1 -> bb1; bb3: [X = a[0]; free X;] return.
   FREES_IF_FLAG frees only when the flag says (bb2 -> bb4 -> bb5); the events'
   ids of the two frees into *loop_free, *after_free.  */
static mr_func *
array_walk (enum body body, bool free_again, uint32_t *loop_free, uint32_t *after_free)
{
  mr_func *f = tb_func ("free_all", 6);
  f->params[0] = AP;
  f->scalar_params[1] = AN;
  f->params[2] = 0;
  f->scalar_params[2] = AF;
  f->nparams = 3;
  tb_goto (f, 0, 1);
  tb_if (f, 1, mr_value (AI), MR_CMP_LT, mr_value (AN), 2, 3);
  uint32_t id = tb_load (f, 2, AE, mr_value (AP), MR_OFF_UNKNOWN, true, 2);
  mr_size *z = mr_func_new_size (f);
  z->flags = MR_SIZE_INDEX;
  z->x = mr_value (AI);
  z->y = mr_value (AP);
  z->mul = 8;
  tb_ev (f, id)->size = z;
  uint32_t latch = 2;
  if (body == FREES_IF_FLAG)
    {
      tb_if (f, 2, mr_value (AF), MR_CMP_NE, mr_const (0), 4, 5);
      *loop_free = tb_free (f, 4, mr_value (AE), 3);
      tb_goto (f, 4, 5);
      latch = 5;
    }
  else
    *loop_free = tb_free (f, 2, mr_value (AE), 3);
  if (body == FREES_AND_NULLS)
    tb_store (f, 2, mr_value (AP), MR_OFF_UNKNOWN, mr_const (0), true, 4);
  id = tb_copy (f, latch, AI2, mr_value (AI), 0, false, 5);
  mr_event *step = tb_ev (f, id);
  step->flags = MR_EVF_INT_STEP;
  step->b = mr_const (1);
  step->off = 32;
  tb_goto (f, latch, 1);
  tb_phi2 (f, 1, AI, false, mr_const (body == FROM_ONE ? 1 : 0), mr_value (AI2));
  *after_free = 0;
  if (free_again)
    {
      tb_load (f, 3, AX, mr_value (AP), 0, true, 6);
      *after_free = tb_free (f, 3, mr_value (AX), 7);
    }
  tb_return (f, 3, mr_none (), 8);
  return f;
}

static void
test_array_walk_summary (void **state)
{
  (void) state;
  uint32_t lf, af;
  mr_summary s = summary_of (array_walk (FREES, false, &lf, &af));
  assert_int_equal (s.nelem_frees, 1);
  assert_int_equal (s.elem_frees[0].param, 0);
  assert_int_equal (s.elem_frees[0].bound_param, 2);	/* 1 + parameter 1 */
  assert_int_equal (s.elem_frees[0].mul, 8);
  assert_int_equal (s.elem_frees[0].family, MR_FAM_MALLOC);

  /* Set to NULL after the free, freed only on some iterations, or from element
     1 on: nothing said.  */
  s = summary_of (array_walk (FREES_AND_NULLS, false, &lf, &af));
  assert_int_equal (s.nelem_frees, 0);
  s = summary_of (array_walk (FREES_IF_FLAG, false, &lf, &af));
  assert_int_equal (s.nelem_frees, 0);
  s = summary_of (array_walk (FROM_ONE, false, &lf, &af));
  assert_int_equal (s.nelem_frees, 0);
}

static void
test_array_walk_then_element (void **state)
{
  (void) state;
  uint32_t lf, af;
  /* free (a[0]) after the loop: a double free of the loop's free.  */
  mr_func *f = array_walk (FREES, true, &lf, &af);
  tb_expect_only_freed_by (f, MR_RULE_DOUBLE_FREE, af, lf);
  /* Not after a loop that sets each element to NULL, nor one that frees only
     some, nor one from element 1.  */
  tb_expect_silent (array_walk (FREES_AND_NULLS, true, &lf, &af));
  tb_expect_silent (array_walk (FREES_IF_FLAG, true, &lf, &af));
  tb_expect_silent (array_walk (FROM_ONE, true, &lf, &af));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_walk_frees_every_element),
    cmocka_unit_test (test_walked_null_test),
    cmocka_unit_test (test_array_walk_summary),
    cmocka_unit_test (test_array_walk_then_element),
  };
  return cmocka_run_group_tests_name ("summary_elements", tests, NULL, NULL);
}
