/* test_state.c — abstract states and their lattice (plugin/core/state.c).

   Covers: objects (default MR_TS_UNKNOWN, set/get, flags kept across typestate
   changes, many keys in any order); bindings (default MR_OBJ_SYM|v, bind/unbind);
   slots (load/store/overwrite, unknown offsets ignored, forget one slot, forget every
   slot of an object without touching its neighbours, negative offsets, forget the
   slots of the objects a predicate picks, asked once per object); facts
   (refinement with EQ/NE/LT/LE/GT/GE, excluded points, contradictions, unsigned
   comparisons, set_const, copy_fact, forget); mr_state_same_typestates and
   mr_state_signature, and the driver's comparison by its halves (mr_state_note,
   mr_state_same_as_noted); mr_state_lend's counting; mr_state_join (bindings and slots intersected with offsets
   joined and dropped references escaping, facts hulled, flags merged, changed flag); mr_state_join_lossy (maybe-freed, unknown); mr_state_retire
   (two generations, references renamed, older generation dropped); mr_state_copy
   independence; mr_state_print and mr_state_size; the cheaper join machinery
   (noted signature and comparison against the pairwise ones on random states,
   recycled tables staying independent, a join's insertions counted as one by one,
   retiring in one walk; searches that start where the last one ended answering as
   a binary search, at every table size; the objects' half kept in a state through copies, runs and
   joins staying that of its objects; a join right after a comparison visiting
   only what the comparison found different giving mr_state_join's result).

   The regressions group pins engine bugs found by these tests and since fixed.  */

#include "builder.h"
#include "state.h"

#include <stdio.h>

#define SYM(v) (MR_OBJ_SYM | (v))
#define ALLOC(e) (MR_OBJ_ALLOC | (e))
#define DECL(d) (MR_OBJ_DECL | (d))

static mr_ref
ref (uint32_t obj, int64_t off)
{
  return (mr_ref) { obj, off };
}

static void
assert_ref (mr_ref r, uint32_t obj, int64_t off)
{
  assert_int_equal (r.obj, obj);
  assert_true (r.off == off);
}

static void
assert_fact (const mr_state *s, uint32_t v, int64_t lo, int64_t hi)
{
  const mr_fact *f = mr_state_fact (s, v);
  assert_non_null (f);
  assert_true (f->lo == lo);
  assert_true (f->hi == hi);
}

/* Objects.  */

static void
test_objects (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  assert_int_equal (mr_state_size (s), 0);
  assert_null (mr_state_obj (s, SYM (1)));
  assert_int_equal (mr_state_ts (s, SYM (1)), MR_TS_UNKNOWN);
  assert_int_equal (mr_state_ts (s, ALLOC (3)), MR_TS_UNKNOWN);
  assert_int_equal (mr_state_ts (s, MR_OBJ_NULL), MR_TS_UNKNOWN);

  mr_event ev = { .kind = MR_EV_FREE, .id = 4 };
  mr_objst *o = mr_state_set_obj (s, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, &ev);
  assert_non_null (o);
  assert_int_equal (o->key, SYM (1));
  assert_int_equal (mr_state_ts (s, SYM (1)), MR_TS_FREED);
  const mr_objst *g = mr_state_obj (s, SYM (1));
  assert_non_null (g);
  assert_int_equal (g->family, MR_FAM_MALLOC);
  assert_ptr_equal (g->ev, &ev);
  assert_int_equal (g->flags, 0);
  assert_int_equal (mr_state_ts (s, SYM (2)), MR_TS_UNKNOWN);

  /* Flags on an unlisted object list it as unknown.  */
  mr_state_add_obj_flags (s, ALLOC (7), MR_OBJF_NONNULL);
  g = mr_state_obj (s, ALLOC (7));
  assert_non_null (g);
  assert_int_equal (g->ts, MR_TS_UNKNOWN);
  assert_int_equal (g->flags, MR_OBJF_NONNULL);
  mr_state_add_obj_flags (s, ALLOC (7), MR_OBJF_ESCAPED);
  assert_int_equal (mr_state_obj (s, ALLOC (7))->flags, MR_OBJF_NONNULL | MR_OBJF_ESCAPED);
  /* Changing the typestate keeps the flags.  */
  mr_state_set_obj (s, ALLOC (7), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  assert_int_equal (mr_state_ts (s, ALLOC (7)), MR_TS_ALLOCATED);
  assert_int_equal (mr_state_obj (s, ALLOC (7))->flags, MR_OBJF_NONNULL | MR_OBJF_ESCAPED);
  mr_state_set_obj (s, ALLOC (7), MR_TS_FREED, MR_FAM_MALLOC, &ev);
  assert_int_equal (mr_state_obj (s, ALLOC (7))->flags, MR_OBJF_NONNULL | MR_OBJF_ESCAPED);
  mr_state_free (s);
}

static void
test_objects_many (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  /* Insert in a scrambled order; every key must be found with its own typestate.  */
  for (uint32_t i = 0; i < 200; i++)
    {
      uint32_t k = (i * 73) % 200;
      uint32_t key = (k % 2 ? MR_OBJ_ALLOC : MR_OBJ_SYM) | k;
      mr_state_set_obj (s, key, k % 3 ? MR_TS_FREED : MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
    }
  assert_int_equal (s->nobjs, 200);
  for (uint32_t k = 0; k < 200; k++)
    {
      uint32_t key = (k % 2 ? MR_OBJ_ALLOC : MR_OBJ_SYM) | k;
      assert_int_equal (mr_state_ts (s, key), k % 3 ? MR_TS_FREED : MR_TS_ALLOCATED);
      uint32_t other = (k % 2 ? MR_OBJ_SYM : MR_OBJ_ALLOC) | k;
      assert_int_equal (mr_state_ts (s, other), MR_TS_UNKNOWN);
    }
  for (uint32_t i = 1; i < s->nobjs; i++)
    assert_true (s->objs[i - 1].key < s->objs[i].key);
  mr_state_free (s);
}

/* Bindings.  */

static void
test_bindings (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  assert_ref (mr_state_lookup (s, 5), SYM (5), 0);
  assert_ref (mr_state_lookup (s, 1), SYM (1), 0);
  mr_state_bind (s, 5, ref (ALLOC (2), 8));
  assert_ref (mr_state_lookup (s, 5), ALLOC (2), 8);
  assert_ref (mr_state_lookup (s, 4), SYM (4), 0);
  mr_state_bind (s, 5, ref (MR_OBJ_NULL, 0));
  assert_ref (mr_state_lookup (s, 5), MR_OBJ_NULL, 0);
  assert_int_equal (s->nbinds, 1);
  mr_state_bind (s, 3, ref (SYM (1), MR_OFF_UNKNOWN));
  mr_state_bind (s, 9, ref (DECL (0), 4));
  assert_ref (mr_state_lookup (s, 3), SYM (1), MR_OFF_UNKNOWN);
  assert_ref (mr_state_lookup (s, 9), DECL (0), 4);
  mr_state_unbind (s, 5);
  assert_ref (mr_state_lookup (s, 5), SYM (5), 0);
  mr_state_unbind (s, 5);	/* unbinding twice is harmless */
  mr_state_unbind (s, 42);
  assert_int_equal (s->nbinds, 2);
  assert_ref (mr_state_lookup (s, 3), SYM (1), MR_OFF_UNKNOWN);
  mr_state_free (s);
}

/* Slots.  */

static void
test_slots (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  mr_ref c;
  assert_false (mr_state_load (s, ref (SYM (1), 8), &c));
  mr_state_store (s, ref (SYM (1), 8), ref (SYM (2), 0));
  assert_true (mr_state_load (s, ref (SYM (1), 8), &c));
  assert_ref (c, SYM (2), 0);
  /* Other offsets and other objects are other slots.  */
  assert_false (mr_state_load (s, ref (SYM (1), 0), &c));
  assert_false (mr_state_load (s, ref (SYM (3), 8), &c));
  /* Overwrite.  */
  mr_state_store (s, ref (SYM (1), 8), ref (ALLOC (4), 16));
  assert_true (mr_state_load (s, ref (SYM (1), 8), &c));
  assert_ref (c, ALLOC (4), 16);
  assert_int_equal (s->nslots, 1);
  /* Negative offsets are slots too.  */
  mr_state_store (s, ref (SYM (1), -8), ref (SYM (5), 0));
  assert_true (mr_state_load (s, ref (SYM (1), -8), &c));
  assert_ref (c, SYM (5), 0);
  /* Unknown offsets: never stored, never loaded.  */
  mr_state_store (s, ref (SYM (1), MR_OFF_UNKNOWN), ref (SYM (6), 0));
  assert_false (mr_state_load (s, ref (SYM (1), MR_OFF_UNKNOWN), &c));
  assert_int_equal (s->nslots, 2);
  /* Forget one slot.  */
  mr_state_forget_slot (s, ref (SYM (1), 8));
  assert_false (mr_state_load (s, ref (SYM (1), 8), &c));
  assert_true (mr_state_load (s, ref (SYM (1), -8), &c));
  mr_state_forget_slot (s, ref (SYM (1), 8));	/* absent: harmless */
  mr_state_forget_slot (s, ref (SYM (1), MR_OFF_UNKNOWN));
  assert_int_equal (s->nslots, 1);
  mr_state_free (s);
}

static void
test_forget_obj_slots (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  /* Slots of three neighbouring objects (keys SYM|1 < SYM|2 < SYM|3) and DECL|0.  */
  for (int64_t off = -16; off <= 32; off += 8)
    {
      mr_state_store (s, ref (SYM (1), off), ref (ALLOC (1), 0));
      mr_state_store (s, ref (SYM (2), off), ref (ALLOC (2), 0));
      mr_state_store (s, ref (SYM (3), off), ref (ALLOC (3), 0));
    }
  mr_state_store (s, ref (DECL (0), 0), ref (SYM (2), 0));
  uint32_t n = s->nslots;
  assert_int_equal (n, 3 * 7 + 1);
  mr_state_forget_obj_slots (s, SYM (2));
  assert_int_equal (s->nslots, n - 7);
  mr_ref c;
  for (int64_t off = -16; off <= 32; off += 8)
    {
      assert_false (mr_state_load (s, ref (SYM (2), off), &c));
      assert_true (mr_state_load (s, ref (SYM (1), off), &c));
      assert_ref (c, ALLOC (1), 0);
      assert_true (mr_state_load (s, ref (SYM (3), off), &c));
      assert_ref (c, ALLOC (3), 0);
    }
  /* A slot whose content is the object stays: only slots inside it go.  */
  assert_true (mr_state_load (s, ref (DECL (0), 0), &c));
  assert_ref (c, SYM (2), 0);
  /* Objects with no slots, the first and the last.  */
  mr_state_forget_obj_slots (s, SYM (9));
  assert_int_equal (s->nslots, n - 7);
  mr_state_forget_obj_slots (s, SYM (1));
  mr_state_forget_obj_slots (s, DECL (0));
  assert_int_equal (s->nslots, 7);
  assert_true (mr_state_load (s, ref (SYM (3), 32), &c));
  mr_state_forget_obj_slots (s, SYM (3));
  assert_int_equal (s->nslots, 0);
  mr_state_forget_obj_slots (s, SYM (3));
  mr_state_free (s);
}

/* A predicate for mr_state_forget_slots_if: the SYM objects, asked once each.  */
static bool
hit_sym (const void *arg, const mr_state *s, uint32_t key)
{
  (void) s;
  uint32_t *asked = (uint32_t *) arg;
  asked[MR_OBJ_INDEX (key) & 7]++;
  return (key & MR_OBJ_KIND_MASK) == MR_OBJ_SYM;
}

static void
test_forget_slots_if (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  /* SYM|1 and SYM|3 hold allocations, DECL|0 holds SYM|2, SYM|2 is kept.  */
  for (int64_t off = 0; off <= 16; off += 8)
    {
      mr_state_store (s, ref (SYM (1), off), ref (ALLOC (1), 0));
      mr_state_store (s, ref (SYM (2), off), ref (ALLOC (2), 0));
      mr_state_store (s, ref (SYM (3), off), ref (ALLOC (3), 0));
    }
  mr_state_store (s, ref (DECL (0), 0), ref (SYM (2), 0));
  uint32_t asked[8] = { 0 };
  mr_state_forget_slots_if (s, SYM (2), hit_sym, asked);
  /* Asked once per object with slots, never for the one kept.  */
  assert_int_equal (asked[1], 1);
  assert_int_equal (asked[2], 0);
  assert_int_equal (asked[3], 1);
  assert_int_equal (asked[0], 1);
  assert_int_equal (s->nslots, 3 + 1);
  mr_ref c;
  for (int64_t off = 0; off <= 16; off += 8)
    {
      assert_false (mr_state_load (s, ref (SYM (1), off), &c));
      assert_false (mr_state_load (s, ref (SYM (3), off), &c));
      assert_true (mr_state_load (s, ref (SYM (2), off), &c));
      assert_ref (c, ALLOC (2), 0);
    }
  assert_true (mr_state_load (s, ref (DECL (0), 0), &c));
  /* What the forgotten slots held is out of sight; what the kept ones hold is not.  */
  assert_true (mr_state_obj (s, ALLOC (1))->flags & MR_OBJF_ESCAPED);
  assert_true (mr_state_obj (s, ALLOC (3))->flags & MR_OBJF_ESCAPED);
  assert_null (mr_state_obj (s, ALLOC (2)));
  mr_state_free (s);
}

/* Facts.  */

static void
test_facts_eq_ne (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  assert_null (mr_state_fact (s, 1));
  /* x == 3, then x != 3 is a contradiction; x == 3 again is fine.  */
  assert_true (mr_state_refine (s, 1, MR_CMP_EQ, 3, false));
  assert_fact (s, 1, 3, 3);
  assert_true (mr_state_refine (s, 1, MR_CMP_EQ, 3, false));
  assert_false (mr_state_refine (s, 1, MR_CMP_NE, 3, false));
  mr_state_free (s);

  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_EQ, 3, false));
  assert_false (mr_state_refine (s, 1, MR_CMP_EQ, 4, false));
  mr_state_free (s);

  /* x != 5 then x == 5; x != 5 then x == 6.  */
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 2, MR_CMP_NE, 5, false));
  const mr_fact *f = mr_state_fact (s, 2);
  assert_non_null (f);
  assert_true (f->has_ne);
  assert_true (f->ne == 5);
  assert_true (mr_state_refine (s, 2, MR_CMP_NE, 5, false));	/* again: fine */
  mr_state *t = mr_state_copy (s);
  assert_false (mr_state_refine (s, 2, MR_CMP_EQ, 5, false));
  assert_true (mr_state_refine (t, 2, MR_CMP_EQ, 6, false));
  assert_fact (t, 2, 6, 6);
  assert_false (mr_state_fact (t, 2)->has_ne);
  mr_state_free (s);
  mr_state_free (t);
}

static void
test_facts_ranges (void **state)
{
  (void) state;
  /* x < 0 then x > 5: contradiction.  */
  mr_state *s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_LT, 0, false));
  assert_fact (s, 1, INT64_MIN, -1);
  assert_false (mr_state_refine (s, 1, MR_CMP_GT, 5, false));
  mr_state_free (s);

  /* 2 <= x <= 4, then x > 4 fails, x >= 4 pins it, x < 4 then fails.  */
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_GE, 2, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, 4, false));
  assert_fact (s, 1, 2, 4);
  mr_state *t = mr_state_copy (s);
  assert_false (mr_state_refine (t, 1, MR_CMP_GT, 4, false));
  mr_state_free (t);
  t = mr_state_copy (s);
  assert_false (mr_state_refine (t, 1, MR_CMP_LT, 2, false));
  mr_state_free (t);
  /* Refinements that do not narrow keep the interval.  */
  assert_true (mr_state_refine (s, 1, MR_CMP_LT, 100, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_GT, -100, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 50, false));
  assert_fact (s, 1, 2, 4);
  assert_true (mr_state_refine (s, 1, MR_CMP_GE, 4, false));
  assert_fact (s, 1, 4, 4);
  assert_false (mr_state_refine (s, 1, MR_CMP_LT, 4, false));
  mr_state_free (s);

  /* Extremes: nothing is below INT64_MIN or above INT64_MAX (signed).  */
  s = mr_state_new ();
  assert_false (mr_state_refine (s, 1, MR_CMP_LT, INT64_MIN, false));
  mr_state_free (s);
  s = mr_state_new ();
  assert_false (mr_state_refine (s, 1, MR_CMP_GT, INT64_MAX, false));
  mr_state_free (s);
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, INT64_MIN, false));
  assert_fact (s, 1, INT64_MIN, INT64_MIN);
  mr_state_free (s);
}

static void
test_facts_excluded_points (void **state)
{
  (void) state;
  /* An excluded end point shrinks the interval.  */
  mr_state *s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_GE, 0, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, 10, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 0, false));
  assert_fact (s, 1, 1, 10);
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 10, false));
  assert_fact (s, 1, 1, 9);
  assert_false (mr_state_fact (s, 1)->has_ne);
  /* An inner one is remembered, and tightening onto it moves the end.  */
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 5, false));
  assert_true (mr_state_fact (s, 1)->has_ne);
  assert_true (mr_state_refine (s, 1, MR_CMP_GE, 5, false));
  assert_fact (s, 1, 6, 9);
  assert_false (mr_state_fact (s, 1)->has_ne);
  /* Out of range: nothing to learn, nothing contradicted.  */
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 100, false));
  assert_fact (s, 1, 6, 9);
  mr_state_free (s);

  /* Down to one point, then excluding it.  */
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_GE, 4, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, 5, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 4, false));
  assert_fact (s, 1, 5, 5);
  assert_false (mr_state_refine (s, 1, MR_CMP_NE, 5, false));
  mr_state_free (s);

  /* x != 3 then x <= 3: the exclusion trims the end.  */
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 3, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, 3, false));
  assert_fact (s, 1, INT64_MIN, 2);
  mr_state_free (s);
}

static void
test_facts_unsigned (void **state)
{
  (void) state;
  /* Unsigned values are never below 0.  */
  mr_state *s = mr_state_new ();
  assert_false (mr_state_refine (s, 1, MR_CMP_LT, 0, true));
  mr_state_free (s);
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, 10, true));
  assert_fact (s, 1, 0, 10);
  mr_state_free (s);
  /* u != 0 makes u >= 1, and then u == 0 is a contradiction.  */
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 0, true));
  assert_fact (s, 1, 1, INT64_MAX);
  assert_false (mr_state_refine (s, 1, MR_CMP_EQ, 0, true));
  mr_state_free (s);
  /* u <= 0 pins it to 0.  */
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, 0, true));
  assert_fact (s, 1, 0, 0);
  assert_false (mr_state_refine (s, 1, MR_CMP_GT, 0, true));
  mr_state_free (s);
  /* Constants above INT64_MAX (negative as int64) teach nothing and contradict
     nothing.  */
  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_EQ, -1, true));
  assert_null (mr_state_fact (s, 1));
  assert_true (mr_state_refine (s, 1, MR_CMP_LE, 5, true));
  assert_true (mr_state_refine (s, 1, MR_CMP_LT, -1, true));
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, -2, true));
  assert_fact (s, 1, 0, 5);
  mr_state_free (s);
}

static void
test_facts_set_copy_forget (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  mr_state_set_const (s, 1, 7);
  assert_fact (s, 1, 7, 7);
  assert_false (mr_state_refine (s, 1, MR_CMP_NE, 7, false));
  mr_state_free (s);

  s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 4, false));
  mr_state_set_const (s, 1, 4);	/* replaces, including the exclusion */
  assert_fact (s, 1, 4, 4);
  assert_false (mr_state_fact (s, 1)->has_ne);

  /* copy_fact: dst gets src's fact, independent of it afterwards.  */
  assert_true (mr_state_refine (s, 2, MR_CMP_GE, 10, false));
  assert_true (mr_state_refine (s, 2, MR_CMP_NE, 20, false));
  mr_state_copy_fact (s, 3, 2);
  const mr_fact *f = mr_state_fact (s, 3);
  assert_non_null (f);
  assert_int_equal (f->value, 3);
  assert_true (f->lo == 10 && f->hi == INT64_MAX && f->has_ne && f->ne == 20);
  assert_true (mr_state_refine (s, 2, MR_CMP_EQ, 10, false));
  assert_fact (s, 3, 10, INT64_MAX);
  /* Copying from a value with no fact forgets dst's.  */
  mr_state_copy_fact (s, 3, 9);
  assert_null (mr_state_fact (s, 3));
  mr_state_copy_fact (s, 8, 9);
  assert_null (mr_state_fact (s, 8));
  /* Forget.  */
  mr_state_forget_fact (s, 1);
  assert_null (mr_state_fact (s, 1));
  assert_true (mr_state_refine (s, 1, MR_CMP_NE, 4, false));	/* free again */
  mr_state_forget_fact (s, 77);
  assert_fact (s, 2, 10, 10);
  mr_state_free (s);
}

/* Merging.  */

static void
test_same_typestates (void **state)
{
  (void) state;
  mr_state *a = mr_state_new (), *b = mr_state_new ();
  assert_true (mr_state_same_typestates (a, b));
  assert_true (mr_state_signature (a) == mr_state_signature (b));

  /* Untracked things (facts, slots, bindings to unknown objects, flags of unknown
     objects) do not matter.  */
  mr_state_bind (a, 3, ref (SYM (9), 0));
  mr_state_store (a, ref (SYM (1), 0), ref (SYM (2), 0));
  assert_true (mr_state_refine (a, 4, MR_CMP_EQ, 1, false));
  mr_state_add_obj_flags (a, SYM (5), MR_OBJF_ESCAPED);
  assert_true (mr_state_same_typestates (a, b));
  assert_true (mr_state_same_typestates (b, a));
  assert_true (mr_state_signature (a) == mr_state_signature (b));

  /* A typestate on one side only.  */
  mr_state_set_obj (a, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, NULL);
  assert_false (mr_state_same_typestates (a, b));
  assert_false (mr_state_same_typestates (b, a));
  mr_state_set_obj (b, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, NULL);
  assert_true (mr_state_same_typestates (a, b));
  assert_true (mr_state_signature (a) == mr_state_signature (b));
  /* Same typestate, other family.  */
  mr_state_set_obj (b, SYM (1), MR_TS_FREED, MR_FAM_NEW, NULL);
  assert_false (mr_state_same_typestates (a, b));
  mr_state_set_obj (b, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, NULL);

  /* An object listed as unknown on one side equals an unlisted one.  */
  mr_state_set_obj (b, SYM (6), MR_TS_UNKNOWN, MR_FAM_NONE, NULL);
  assert_true (mr_state_same_typestates (a, b));
  assert_true (mr_state_signature (a) == mr_state_signature (b));

  /* Which value holds which tracked object matters.  */
  mr_state_set_obj (a, ALLOC (1), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_set_obj (a, ALLOC (2), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_set_obj (b, ALLOC (1), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_set_obj (b, ALLOC (2), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_bind (a, 10, ref (ALLOC (1), 0));
  mr_state_bind (b, 10, ref (ALLOC (1), 0));
  assert_true (mr_state_same_typestates (a, b));
  assert_true (mr_state_signature (a) == mr_state_signature (b));
  mr_state_bind (b, 10, ref (ALLOC (2), 0));
  assert_false (mr_state_same_typestates (a, b));
  mr_state_bind (b, 10, ref (ALLOC (1), 8));
  assert_false (mr_state_same_typestates (a, b));
  mr_state_bind (b, 10, ref (ALLOC (1), 0));
  mr_state_bind (b, 11, ref (ALLOC (2), 0));
  assert_false (mr_state_same_typestates (a, b));
  assert_false (mr_state_same_typestates (b, a));
  mr_state_unbind (b, 11);
  assert_true (mr_state_same_typestates (a, b));
  mr_state_free (a);
  mr_state_free (b);
}

static void
test_join_binds_slots (void **state)
{
  (void) state;
  mr_state *a = mr_state_new (), *b = mr_state_new ();
  mr_state_bind (a, 1, ref (SYM (7), 0));
  mr_state_bind (b, 1, ref (SYM (7), 0));
  mr_state_bind (a, 2, ref (SYM (8), 0));
  mr_state_bind (b, 2, ref (SYM (9), 0));
  mr_state_bind (a, 3, ref (SYM (8), 0));	/* only in a */
  mr_state_bind (b, 4, ref (SYM (8), 0));	/* only in b */
  mr_state_bind (a, 5, ref (SYM (8), 0));
  mr_state_bind (b, 5, ref (SYM (8), 16));	/* other offset */
  mr_state_bind (a, 6, ref (SYM (8), 8));
  mr_state_bind (b, 6, ref (SYM (8), 16));	/* both past the start */
  mr_state_store (a, ref (SYM (1), 0), ref (SYM (2), 0));
  mr_state_store (b, ref (SYM (1), 0), ref (SYM (2), 0));
  mr_state_store (a, ref (SYM (1), 8), ref (SYM (2), 0));
  mr_state_store (b, ref (SYM (1), 8), ref (SYM (3), 0));
  mr_state_store (b, ref (SYM (1), 16), ref (SYM (3), 0));
  assert_true (mr_state_join (a, b));
  assert_ref (mr_state_lookup (a, 1), SYM (7), 0);
  /* Bound differently (or bound on one side, SYM|value on the other): bound to no
     object, not left to mean SYM|value.  */
  assert_ref (mr_state_lookup (a, 2), 0xffffffffu, 0);
  assert_ref (mr_state_lookup (a, 3), 0xffffffffu, 0);
  assert_ref (mr_state_lookup (a, 4), 0xffffffffu, 0);
  /* Same object, other offsets: the offsets are joined.  */
  assert_ref (mr_state_lookup (a, 5), SYM (8), MR_OFF_UNKNOWN);
  assert_ref (mr_state_lookup (a, 6), SYM (8), MR_OFF_POSITIVE);
  /* Objects whose reference a join dropped are out of sight (escaped).  */
  assert_non_null (mr_state_obj (a, SYM (9)));
  assert_true (mr_state_obj (a, SYM (9))->flags & MR_OBJF_ESCAPED);
  assert_int_equal (mr_state_ts (a, SYM (9)), MR_TS_UNKNOWN);
  mr_ref c;
  assert_true (mr_state_load (a, ref (SYM (1), 0), &c));
  assert_ref (c, SYM (2), 0);
  assert_false (mr_state_load (a, ref (SYM (1), 8), &c));
  assert_false (mr_state_load (a, ref (SYM (1), 16), &c));
  /* b is untouched.  */
  assert_ref (mr_state_lookup (b, 2), SYM (9), 0);
  assert_true (mr_state_load (b, ref (SYM (1), 16), &c));
  /* A second join changes nothing.  */
  assert_false (mr_state_join (a, b));
  mr_state_free (a);
  mr_state_free (b);
}

static void
test_join_facts (void **state)
{
  (void) state;
  mr_state *a = mr_state_new (), *b = mr_state_new ();
  mr_state_set_const (a, 1, 0);
  mr_state_set_const (b, 1, 5);
  mr_state_set_const (a, 2, 3);		/* only in a: dropped */
  mr_state_set_const (b, 3, 3);		/* only in b: stays absent */
  /* v4: a is [0,10] except 3, b is [20,30]: the hull keeps the exclusion.  */
  assert_true (mr_state_refine (a, 4, MR_CMP_GE, 0, false));
  assert_true (mr_state_refine (a, 4, MR_CMP_LE, 10, false));
  assert_true (mr_state_refine (a, 4, MR_CMP_NE, 3, false));
  assert_true (mr_state_refine (b, 4, MR_CMP_GE, 20, false));
  assert_true (mr_state_refine (b, 4, MR_CMP_LE, 30, false));
  /* v5: a excludes 3, b is [0,10]: b contains 3, the exclusion is lost, the hull is
     everything, the fact goes.  */
  assert_true (mr_state_refine (a, 5, MR_CMP_NE, 3, false));
  assert_true (mr_state_refine (b, 5, MR_CMP_GE, 0, false));
  assert_true (mr_state_refine (b, 5, MR_CMP_LE, 10, false));
  /* v6: both exclude 7.  */
  assert_true (mr_state_refine (a, 6, MR_CMP_NE, 7, false));
  assert_true (mr_state_refine (b, 6, MR_CMP_NE, 7, false));

  assert_true (mr_state_join (a, b));
  assert_fact (a, 1, 0, 5);
  assert_null (mr_state_fact (a, 2));
  assert_null (mr_state_fact (a, 3));
  assert_fact (a, 4, 0, 30);
  assert_true (mr_state_fact (a, 4)->has_ne);
  assert_true (mr_state_fact (a, 4)->ne == 3);
  assert_null (mr_state_fact (a, 5));
  assert_fact (a, 6, INT64_MIN, INT64_MAX);
  assert_true (mr_state_fact (a, 6)->has_ne);
  assert_true (mr_state_fact (a, 6)->ne == 7);
  /* Joined again with b, or with a narrower state, nothing changes.  */
  assert_false (mr_state_join (a, b));
  mr_state *c = mr_state_copy (b);
  mr_state_set_const (c, 1, 2);
  assert_false (mr_state_join (a, c));
  assert_fact (a, 1, 0, 5);
  mr_state_free (c);
  mr_state_free (a);
  mr_state_free (b);
}

static void
test_join_self_unchanged (void **state)
{
  (void) state;
  mr_state *a = mr_state_new ();
  mr_state_set_obj (a, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, NULL);
  mr_state_set_obj (a, ALLOC (2), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_add_obj_flags (a, ALLOC (2), MR_OBJF_NONNULL | MR_OBJF_ESCAPED);
  mr_state_bind (a, 3, ref (ALLOC (2), 0));
  mr_state_bind (a, 4, ref (MR_OBJ_NULL, 0));
  mr_state_store (a, ref (ALLOC (2), 8), ref (SYM (1), 0));
  mr_state_set_const (a, 5, 1);
  assert_true (mr_state_refine (a, 6, MR_CMP_NE, 0, false));
  assert_true (mr_state_refine (a, 7, MR_CMP_LT, 10, true));
  mr_state *b = mr_state_copy (a);
  assert_true (mr_state_same_typestates (a, b));
  assert_false (mr_state_join (a, b));
  assert_false (mr_state_join (a, a));
  assert_int_equal (mr_state_size (a), mr_state_size (b));
  assert_false (mr_state_join_lossy (a, b));
  assert_int_equal (mr_state_ts (a, SYM (1)), MR_TS_FREED);
  assert_int_equal (mr_state_size (a), mr_state_size (b));
  mr_state_free (a);
  mr_state_free (b);
}

static void
test_join_flags (void **state)
{
  (void) state;
  mr_state *a = mr_state_new (), *b = mr_state_new ();
  /* ESCAPED: either side.  NONNULL: both sides.  */
  mr_state_add_obj_flags (a, SYM (1), MR_OBJF_NONNULL);
  mr_state_add_obj_flags (b, SYM (1), MR_OBJF_NONNULL);
  mr_state_add_obj_flags (a, SYM (2), MR_OBJF_NONNULL);
  mr_state_add_obj_flags (b, SYM (3), MR_OBJF_ESCAPED);
  mr_state_add_obj_flags (a, SYM (4), MR_OBJF_ESCAPED);
  assert_true (mr_state_join (a, b));
  assert_int_equal (mr_state_obj (a, SYM (1))->flags, MR_OBJF_NONNULL);
  const mr_objst *o = mr_state_obj (a, SYM (2));
  assert_true (!o || !(o->flags & MR_OBJF_NONNULL));
  assert_non_null (mr_state_obj (a, SYM (3)));
  assert_true (mr_state_obj (a, SYM (3))->flags & MR_OBJF_ESCAPED);
  assert_true (mr_state_obj (a, SYM (4))->flags & MR_OBJF_ESCAPED);
  assert_false (mr_state_join (a, b));
  mr_state_free (a);
  mr_state_free (b);
}

static void
test_join_lossy (void **state)
{
  (void) state;
  mr_event e1 = { .kind = MR_EV_FREE, .id = 1 };
  mr_state *a = mr_state_new (), *b = mr_state_new ();
  /* Freed on one side, allocated on the other: maybe-freed.  */
  mr_state_set_obj (a, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, &e1);
  mr_state_set_obj (b, SYM (1), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  /* Allocated on one side, null on the other: unknown.  */
  mr_state_set_obj (a, ALLOC (2), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_set_obj (b, ALLOC (2), MR_TS_NULL, MR_FAM_MALLOC, NULL);
  /* Freed only in b: maybe-freed; allocated only in b: unknown.  */
  mr_state_set_obj (b, SYM (3), MR_TS_FREED, MR_FAM_MALLOC, &e1);
  mr_state_set_obj (b, ALLOC (4), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  /* Freed on both: stays freed.  */
  mr_state_set_obj (a, SYM (5), MR_TS_FREED, MR_FAM_MALLOC, &e1);
  mr_state_set_obj (b, SYM (5), MR_TS_FREED, MR_FAM_MALLOC, &e1);
  /* Freed in a, unknown in b: maybe-freed.  */
  mr_state_set_obj (a, SYM (6), MR_TS_FREED, MR_FAM_MALLOC, &e1);
  assert_false (mr_state_same_typestates (a, b));

  assert_true (mr_state_join_lossy (a, b));
  assert_int_equal (mr_state_ts (a, SYM (1)), MR_TS_MAYBE_FREED);
  assert_int_equal (mr_state_ts (a, ALLOC (2)), MR_TS_UNKNOWN);
  assert_int_equal (mr_state_ts (a, SYM (3)), MR_TS_MAYBE_FREED);
  assert_int_equal (mr_state_ts (a, ALLOC (4)), MR_TS_UNKNOWN);
  assert_int_equal (mr_state_ts (a, SYM (5)), MR_TS_FREED);
  assert_int_equal (mr_state_ts (a, SYM (6)), MR_TS_MAYBE_FREED);
  /* Monotone: joining b again, or a freed b, changes nothing.  */
  assert_false (mr_state_join_lossy (a, b));
  mr_state_set_obj (b, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, &e1);
  assert_false (mr_state_join_lossy (a, b));
  assert_int_equal (mr_state_ts (a, SYM (1)), MR_TS_MAYBE_FREED);
  mr_state_free (a);
  mr_state_free (b);
}

/* Generations.  */

static void
test_retire (void **state)
{
  (void) state;
  mr_event e1 = { .kind = MR_EV_FREE, .id = 1 };
  mr_state *s = mr_state_new ();
  const uint32_t k = SYM (5), old = SYM (5) | MR_OBJ_OLD;
  mr_state_set_obj (s, k, MR_TS_FREED, MR_FAM_MALLOC, &e1);
  mr_state_add_obj_flags (s, k, MR_OBJF_ESCAPED);
  mr_state_bind (s, 1, ref (k, 8));
  mr_state_store (s, ref (k, 0), ref (ALLOC (2), 0));	/* a slot inside k */
  mr_state_store (s, ref (DECL (0), 8), ref (k, 0));	/* a slot holding k */
  mr_state_store (s, ref (MR_OBJ_ALLOC | 0x0fffffffu, 0), ref (SYM (1), 0));

  mr_state_retire (s, k);
  /* The new instance starts fresh; the old one has everything k had.  */
  assert_null (mr_state_obj (s, k));
  assert_int_equal (mr_state_ts (s, old), MR_TS_FREED);
  assert_ptr_equal (mr_state_obj (s, old)->ev, &e1);
  assert_int_equal (mr_state_obj (s, old)->flags, MR_OBJF_ESCAPED);
  assert_ref (mr_state_lookup (s, 1), old, 8);
  mr_ref c;
  assert_false (mr_state_load (s, ref (k, 0), &c));
  assert_true (mr_state_load (s, ref (old, 0), &c));	/* slots stay sorted */
  assert_ref (c, ALLOC (2), 0);
  assert_true (mr_state_load (s, ref (DECL (0), 8), &c));
  assert_ref (c, old, 0);
  assert_true (mr_state_load (s, ref (MR_OBJ_ALLOC | 0x0fffffffu, 0), &c));
  assert_ref (c, SYM (1), 0);

  /* Retiring an unreferenced key changes nothing (the old instance stays).  */
  mr_state_retire (s, k);
  assert_int_equal (mr_state_ts (s, old), MR_TS_FREED);
  assert_ref (mr_state_lookup (s, 1), old, 8);

  /* A new instance, retired: the older old one and what pointed to it are dropped.  */
  mr_state_set_obj (s, k, MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_bind (s, 2, ref (k, 0));
  mr_state_retire (s, k);
  assert_null (mr_state_obj (s, k));
  assert_int_equal (mr_state_ts (s, old), MR_TS_ALLOCATED);
  assert_int_equal (mr_state_obj (s, old)->flags, 0);
  assert_ref (mr_state_lookup (s, 2), old, 0);
  /* It points to an object the state no longer knows: not to SYM (1), which may
     be an object freed earlier (nested loops).  */
  assert_ref (mr_state_lookup (s, 1), 0xffffffffu, 0);
  assert_false (mr_state_load (s, ref (old, 0), &c));
  assert_false (mr_state_load (s, ref (DECL (0), 8), &c));
  assert_true (mr_state_load (s, ref (MR_OBJ_ALLOC | 0x0fffffffu, 0), &c));
  /* Listed: the old instance, and what the dropped one held (ALLOC (2)), now out
     of sight (escaped: never reported leaked).  */
  assert_int_equal (s->nobjs, 2);
  assert_true (mr_state_obj (s, ALLOC (2))->flags & MR_OBJF_ESCAPED);
  mr_state_free (s);
}

static void
test_retire_alloc_slots_resorted (void **state)
{
  (void) state;
  /* ALLOC|3 becomes ALLOC|3|OLD, which sorts after DECL keys: slots are re-sorted
     and binary search still finds every one.  */
  mr_state *s = mr_state_new ();
  const uint32_t k = ALLOC (3), old = ALLOC (3) | MR_OBJ_OLD;
  mr_state_set_obj (s, k, MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  for (int64_t off = 0; off < 40; off += 8)
    {
      mr_state_store (s, ref (k, off), ref (SYM (1), off));
      mr_state_store (s, ref (DECL (1), off), ref (SYM (2), off));
      mr_state_store (s, ref (SYM (4), off), ref (k, off));
    }
  mr_state_retire (s, k);
  mr_ref c;
  for (int64_t off = 0; off < 40; off += 8)
    {
      assert_true (mr_state_load (s, ref (old, off), &c));
      assert_ref (c, SYM (1), off);
      assert_false (mr_state_load (s, ref (k, off), &c));
      assert_true (mr_state_load (s, ref (DECL (1), off), &c));
      assert_ref (c, SYM (2), off);
      assert_true (mr_state_load (s, ref (SYM (4), off), &c));
      assert_ref (c, old, off);
    }
  for (uint32_t i = 1; i < s->nslots; i++)
    assert_true (s->slots[i - 1].at < s->slots[i].at);
  mr_state_forget_obj_slots (s, old);
  assert_int_equal (s->nslots, 10);
  mr_state_free (s);
}

/* Copies, printing, size.  */

static void
test_copy_independent (void **state)
{
  (void) state;
  mr_state *a = mr_state_new ();
  mr_state_set_obj (a, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, NULL);
  mr_state_bind (a, 2, ref (SYM (1), 0));
  mr_state_store (a, ref (SYM (1), 0), ref (SYM (3), 0));
  mr_state_set_const (a, 4, 9);
  a->dirty = true;
  mr_state *b = mr_state_copy (a);
  assert_true (b->dirty);
  assert_int_equal (mr_state_size (b), 4);
  assert_true (mr_state_same_typestates (a, b));

  /* Change a in every table; b keeps the old contents.  */
  mr_state_set_obj (a, SYM (1), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_set_obj (a, SYM (9), MR_TS_FREED, MR_FAM_MALLOC, NULL);
  mr_state_bind (a, 2, ref (SYM (9), 0));
  mr_state_store (a, ref (SYM (1), 0), ref (SYM (8), 0));
  mr_state_set_const (a, 4, 10);
  assert_int_equal (mr_state_ts (b, SYM (1)), MR_TS_FREED);
  assert_int_equal (mr_state_ts (b, SYM (9)), MR_TS_UNKNOWN);
  assert_ref (mr_state_lookup (b, 2), SYM (1), 0);
  mr_ref c;
  assert_true (mr_state_load (b, ref (SYM (1), 0), &c));
  assert_ref (c, SYM (3), 0);
  assert_fact (b, 4, 9, 9);
  /* And the other way round: b grows without touching a.  */
  for (uint32_t v = 10; v < 60; v++)
    mr_state_bind (b, v, ref (SYM (1), v));
  assert_int_equal (a->nbinds, 1);
  mr_state_free (a);
  assert_ref (mr_state_lookup (b, 59), SYM (1), 59);

  /* Copy of an empty state.  */
  mr_state *e = mr_state_new ();
  mr_state *e2 = mr_state_copy (e);
  assert_int_equal (mr_state_size (e2), 0);
  mr_state_bind (e2, 1, ref (SYM (2), 0));
  assert_int_equal (mr_state_size (e), 0);
  mr_state_free (e);
  mr_state_free (e2);
  mr_state_free (b);
  mr_state_free (NULL);
}

/* Cost (bench/README.md, "the state join"): the comparison that walks one state
   only agrees with the one that walks both, and the noted signature with the
   plain one, on states built at random from a few objects and values.  */

static uint32_t
rand_next (uint32_t *seed)
{
  *seed = *seed * 1103515245u + 12345u;
  return *seed >> 16;
}

static mr_state *
random_state (uint32_t *seed)
{
  static const uint32_t keys[] = { SYM (1), SYM (2), ALLOC (3), ALLOC (4), DECL (5), SYM (6) };
  mr_state *s = mr_state_new ();
  for (uint32_t k = 0; k < 6; k++)
    switch (rand_next (seed) % 4)
      {
      case 0:
	break;
      case 1:
	mr_state_add_obj_flags (s, keys[k], MR_OBJF_ESCAPED);
	break;
      case 2:
	mr_state_set_obj (s, keys[k], MR_TS_FREED, MR_FAM_MALLOC, NULL);
	break;
      default:
	mr_state_set_obj (s, keys[k], MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
	if (rand_next (seed) % 2)
	  mr_state_add_obj_flags (s, keys[k], MR_OBJF_UNINIT);
      }
  for (uint32_t v = 10; v < 16; v++)
    if (rand_next (seed) % 2)
      mr_state_bind (s, v, ref (keys[rand_next (seed) % 6], rand_next (seed) % 3 ? 0 : 8));
  return s;
}

static void
test_noted_comparison (void **state)
{
  (void) state;
  uint32_t seed = 7;
  enum { N = 48 };
  mr_state *v[N];
  /* Odd ones: the even one before with untracked changes, and now and then a
     tracked one.  */
  for (int i = 0; i < N; i++)
    {
      if (!(i % 2))
	{
	  v[i] = random_state (&seed);
	  continue;
	}
      v[i] = mr_state_copy (v[i - 1]);
      mr_state_add_obj_flags (v[i], SYM (30 + rand_next (&seed) % 4), MR_OBJF_ESCAPED);
      mr_state_bind (v[i], 20 + rand_next (&seed) % 4, ref (SYM (40), 0));
      if (rand_next (&seed) % 3 == 0)
	mr_state_set_obj (v[i], ALLOC (3), MR_TS_NULL, MR_FAM_MALLOC, NULL);
    }
  int same = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      {
	uint64_t sig = mr_state_signature_noted (v[j]);
	assert_true (sig == mr_state_signature (v[j]));
	/* A plain signature in between does not disturb the noted state.  */
	(void) mr_state_signature (v[i]);
	bool pair = mr_state_same_typestates (v[i], v[j]);
	assert_int_equal (mr_state_same_typestates_noted (v[i]), pair);
	assert_int_equal (mr_state_same_typestates (v[j], v[i]), pair);
	if (pair)
	  assert_true (mr_state_signature (v[i]) == sig);
	same += pair && i != j;
      }
  assert_true (same > 0);	/* both answers were met */
  for (int i = 0; i < N; i++)
    mr_state_free (v[i]);
  mr_state_trim ();
}

/* The driver's comparison by the signature's halves (mr_state_note,
   mr_state_same_as_noted) answers as mr_state_same_typestates, the halves taken
   once and kept in each state; a state that differs in its objects is told apart
   without its bindings' half.  */
static void
test_signature_halves (void **state)
{
  (void) state;
  uint32_t seed = 11;
  enum { N = 40 };
  mr_state *v[N];
  for (int i = 0; i < N; i++)
    {
      if (!(i % 2))
	{
	  v[i] = random_state (&seed);
	  continue;
	}
      v[i] = mr_state_copy (v[i - 1]);
      mr_state_add_obj_flags (v[i], SYM (30 + rand_next (&seed) % 4), MR_OBJF_ESCAPED);
      mr_state_bind (v[i], 20 + rand_next (&seed) % 4, ref (SYM (40), 0));
      if (rand_next (&seed) % 3 == 0)
	mr_state_bind (v[i], 10 + rand_next (&seed) % 6, ref (ALLOC (1), 16));
    }
  int same = 0, told_by_objects = 0;
  for (int round = 0; round < 2; round++)
    for (int j = 0; j < N; j++)
      {
	mr_state_note (v[j]);
	for (int i = 0; i < N; i++)
	  {
	    bool pair = mr_state_same_typestates (v[i], v[j]);
	    assert_int_equal (mr_state_same_as_noted (v[i]), pair);
	    same += pair && i != j;
	    told_by_objects += !pair && (uint32_t) v[i]->sig != (uint32_t) v[j]->sig;
	  }
      }
  assert_true (same > 0 && told_by_objects > 0);
  /* Both halves, once taken, are those of the full signature.  */
  for (int i = 0; i < N; i++)
    if (v[i]->sig_parts == 3)
      assert_true (v[i]->sig == mr_state_signature (v[i]));
  /* A lossy join changes a state: its halves are taken again.  */
  mr_state_join_lossy (v[0], v[2]);
  mr_state_forget_sig (v[0]);
  mr_state_note (v[0]);
  assert_true (mr_state_same_as_noted (v[0]));
  for (int i = 0; i < N; i++)
    mr_state_free (v[i]);
  mr_state_trim ();
}

/* Searches start where the last search of the table ended (state.c, FIND): the
   answers are those of a binary search whichever key and state came before, found
   or absent, in states whose tables differ.  */
static void
test_search_starts_at_last (void **state)
{
  (void) state;
  mr_state *a = mr_state_new (), *b = mr_state_new ();
  for (uint32_t k = 1; k <= 40; k++)
    {
      if (k % 2)
	mr_state_add_obj_flags (a, SYM (k * 3), MR_OBJF_ESCAPED);
      if (k % 3)
	mr_state_add_obj_flags (b, SYM (k * 3), MR_OBJF_NONNULL);
      if (k % 4)
	mr_state_bind (a, k, ref (ALLOC (k), 0));
    }
  uint32_t seed = 3;
  for (int round = 0; round < 2000; round++)
    {
      mr_state *s = rand_next (&seed) % 2 ? a : b;
      uint32_t k = rand_next (&seed) % 130;
      /* Asked twice in a row, and after a neighbour: a search may start at the
	 key's place, past it, or before it.  */
      for (int again = 0; again < 2; again++)
	{
	  const mr_objst *o = mr_state_obj (s, SYM (k));
	  bool listed = k % 3 == 0 && k >= 3 && k <= 120
			&& (s == a ? (k / 3) % 2 : (k / 3) % 3);
	  assert_int_equal (o != NULL, listed);
	  if (o)
	    assert_int_equal (o->key, SYM (k));
	  mr_ref r = mr_state_lookup (a, k % 45);
	  if (k % 45 >= 1 && k % 45 <= 40 && (k % 45) % 4)
	    assert_ref (r, ALLOC (k % 45), 0);
	  else
	    assert_ref (r, SYM (k % 45), 0);
	}
    }
  mr_state_free (a);
  mr_state_free (b);
  mr_state_trim ();
}

/* The search (state.c, table_find) halves without branching on the keys: every
   table size, odd or even, finds each listed key and none between them, and
   insertions at the places it answers keep the table sorted, in any order.  */
static void
test_search_every_size (void **state)
{
  (void) state;
  for (uint32_t n = 0; n <= 70; n++)
    {
      mr_state *s = mr_state_new ();
      /* Odd keys 1 .. 2n-1, inserted from the middle outwards.  */
      for (uint32_t i = 0; i < n; i++)
	{
	  uint32_t j = i % 2 ? n / 2 + (i + 1) / 2 : n / 2 - i / 2 - 1;
	  if (j < n)
	    mr_state_add_obj_flags (s, SYM (2 * j + 1), MR_OBJF_ESCAPED);
	}
      for (uint32_t i = 0; i < n; i++)
	if (!mr_state_obj (s, SYM (2 * i + 1)))
	  mr_state_add_obj_flags (s, SYM (2 * i + 1), MR_OBJF_ESCAPED);
      for (uint32_t k = 0; k <= 2 * n + 2; k++)
	{
	  const mr_objst *o = mr_state_obj (s, SYM (k));
	  assert_int_equal (o != NULL, k % 2 == 1 && k < 2 * n);
	  if (o)
	    assert_int_equal (o->key, SYM (k));
	}
      mr_state_free (s);
    }
  mr_state_trim ();
}

/* The objects' half of the signature is kept in a state (mr_state.objs_half)
   through copies, runs and joins while no tracked object changes: after each of
   the operations that change objects, tracked or not, the half the driver
   compares is the one a fresh walk gives.  */
static void
test_kept_objects_half (void **state)
{
  (void) state;
  uint32_t seed = 5;
  for (int n = 0; n < 60; n++)
    {
      mr_state *s = random_state (&seed);
      mr_state *other = random_state (&seed);
      for (int step = 0; step < 12; step++)
	{
	  uint32_t key = (uint32_t[]) { SYM (1), SYM (2), ALLOC (3), ALLOC (4), DECL (5),
					SYM (6), DECL (7), SYM (30) }[rand_next (&seed) % 8];
	  mr_state *t;
	  switch (rand_next (&seed) % 9)
	    {
	    case 0:
	      mr_state_add_obj_flags (s, key, MR_OBJF_ESCAPED);
	      break;
	    case 1:
	      mr_state_add_obj_flags (s, key, MR_OBJF_UNINIT);
	      break;
	    case 2:
	      mr_state_clear_obj_flags (s, key, MR_OBJF_UNINIT | MR_OBJF_ESCAPED);
	      break;
	    case 3:
	      mr_state_set_obj (s, key, MR_TS_FREED, MR_FAM_MALLOC, NULL);
	      break;
	    case 4:
	      mr_state_retire (s, key);
	      break;
	    case 5:
	      t = mr_state_copy (s);
	      mr_state_free (s);
	      s = t;
	      break;
	    case 6:
	      t = mr_state_copy (other);
	      mr_state_join (s, t);
	      mr_state_free (t);
	      break;
	    case 7:
	      mr_state_join_lossy (s, other);
	      break;
	    default:
	      mr_state_bind (s, 10 + rand_next (&seed) % 6, ref (key, 0));
	      mr_state_forget_obj_slots (s, key);
	    }
	  mr_state_forget_sig (s);
	  mr_state_note (s);
	  assert_int_equal ((uint32_t) s->sig, (uint32_t) mr_state_signature (s));
	  /* A copy starts with the half kept.  */
	  t = mr_state_copy (s);
	  mr_state_note (t);
	  assert_int_equal ((uint32_t) t->sig, (uint32_t) mr_state_signature (s));
	  mr_state_free (t);
	}
      mr_state_free (s);
      mr_state_free (other);
    }
  mr_state_trim ();
}

/* The bindings' half of the signature is kept in a state (mr_state.binds_half)
   through copies, runs and joins while no binding to a tracked object and no
   tracked object changes: after each operation that changes bindings or
   objects, the half the driver compares (taken from the state when kept) is the
   one a fresh walk gives, and the comparison answers as
   mr_state_same_typestates.  */
static void
test_kept_bindings_half (void **state)
{
  (void) state;
  uint32_t seed = 9;
  int kept = 0;
  for (int n = 0; n < 80; n++)
    {
      mr_state *s = random_state (&seed);
      mr_state *other = random_state (&seed);
      for (int step = 0; step < 16; step++)
	{
	  uint32_t key = (uint32_t[]) { SYM (1), SYM (2), ALLOC (3), ALLOC (4), DECL (5),
					SYM (6), DECL (7), SYM (30), 0,
					0xffffffffu }[rand_next (&seed) % 10];
	  uint32_t value = 10 + rand_next (&seed) % 6;
	  mr_state *t;
	  switch (rand_next (&seed) % 12)
	    {
	    case 0:
	      mr_state_bind (s, value, ref (key, rand_next (&seed) % 2 ? 0 : 8));
	      break;
	    case 1:
	      mr_state_unbind (s, value);
	      break;
	    case 2:
	      if (key + 1u > 1u)
		mr_state_set_obj (s, key, MR_TS_FREED, MR_FAM_MALLOC, NULL);
	      break;
	    case 3:
	      if (key + 1u > 1u)
		mr_state_set_obj (s, key, MR_TS_UNKNOWN, MR_FAM_NONE, NULL);
	      break;
	    case 4:
	      if (key + 1u > 1u)
		mr_state_set_obj (s, key, MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
	      break;
	    case 5:
	      if (key + 1u > 1u)
		{
		  mr_state_retire (s, key);
		  /* A new instance, bound, retired in turn: the old one (and
		     the bindings to it) dropped.  */
		  mr_state_set_obj (s, key, MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
		  mr_state_bind (s, value, ref (key, 0));
		  mr_state_retire (s, key);
		}
	      break;
	    case 6:
	      if (key + 1u > 1u)
		mr_state_add_obj_flags (s, key, MR_OBJF_ESCAPED);
	      break;
	    case 7:
	      t = mr_state_copy (s);
	      mr_state_free (s);
	      s = t;
	      break;
	    case 8:
	      t = mr_state_copy (other);
	      mr_state_join (s, t);
	      mr_state_free (t);
	      break;
	    case 9:
	      mr_state_join_lossy (s, other);
	      break;
	    case 10:
	      mr_state_bind (s, value, mr_state_lookup (s, value));	/* the same */
	      break;
	    default:
	      mr_state_store (s, ref (key, 0), ref (ALLOC (3), 0));
	      if (key + 1u > 1u)
		mr_state_forget_obj_slots (s, key);
	    }
	  /* The driver's comparison of s with itself and with a copy: both halves
	     taken, from the state where kept.  */
	  kept += s->binds_half_ok;
	  mr_state_forget_sig (s);
	  mr_state_note (s);
	  assert_true (mr_state_same_as_noted (s));
	  assert_true (s->sig == mr_state_signature (s));
	  t = mr_state_copy (s);
	  mr_state_forget_sig (t);
	  mr_state_note (t);
	  assert_true (mr_state_same_as_noted (s));
	  assert_true (t->sig == mr_state_signature (s));
	  /* And with another state, whose halves may be kept or not.  */
	  mr_state_forget_sig (other);
	  mr_state_note (other);
	  assert_int_equal (mr_state_same_as_noted (s), mr_state_same_typestates (s, other));
	  mr_state_free (t);
	}
      mr_state_free (s);
      mr_state_free (other);
    }
  assert_true (kept > 100);
  mr_state_trim ();
}

/* Every table of a and b, entry for entry, and what they count.  */
static void
assert_states_equal (const mr_state *a, const mr_state *b)
{
  assert_int_equal (a->nobjs, b->nobjs);
  for (uint32_t i = 0; i < a->nobjs; i++)
    {
      const mr_objst *x = &a->objs[i], *y = &b->objs[i];
      assert_int_equal (x->key, y->key);
      assert_int_equal (x->ts, y->ts);
      assert_int_equal (x->family, y->family);
      assert_int_equal (x->flags, y->flags);
      assert_ptr_equal (x->ev, y->ev);
      assert_ptr_equal (x->fill, y->fill);
    }
  assert_int_equal (a->nbinds, b->nbinds);
  for (uint32_t i = 0; i < a->nbinds; i++)
    {
      assert_int_equal (a->binds[i].value, b->binds[i].value);
      assert_ref (a->binds[i].ref, b->binds[i].ref.obj, b->binds[i].ref.off);
    }
  assert_int_equal (a->nslots, b->nslots);
  for (uint32_t i = 0; i < a->nslots; i++)
    {
      assert_true (a->slots[i].at == b->slots[i].at);
      assert_ref (a->slots[i].content, b->slots[i].content.obj, b->slots[i].content.off);
    }
  assert_int_equal (a->nfacts, b->nfacts);
  for (uint32_t i = 0; i < a->nfacts; i++)
    {
      const mr_fact *x = &a->facts[i], *y = &b->facts[i];
      assert_int_equal (x->value, y->value);
      assert_true (x->lo == y->lo && x->hi == y->hi && x->has_ne == y->has_ne);
      assert_true (!x->has_ne || x->ne == y->ne);
      assert_true (x->prod_with == y->prod_with && x->prod_max == y->prod_max);
      assert_true (x->ubelow == y->ubelow);
    }
  assert_int_equal (a->cap_objs, b->cap_objs);
  assert_int_equal (a->cap_binds, b->cap_binds);
  assert_int_equal (a->cap_slots, b->cap_slots);
  assert_int_equal (a->cap_facts, b->cap_facts);
  assert_int_equal (a->has_products, b->has_products);
  assert_int_equal (a->objs_half_ok && a->binds_half_ok, b->objs_half_ok && b->binds_half_ok);
  if (a->binds_half_ok && b->binds_half_ok)
    assert_true (a->binds_sum == b->binds_sum);
}

/* One random change of the kinds paths make: flags, fills, bindings (to
   untracked objects, to none, at offsets), slots, facts.  */
static void
random_change (mr_state *s, uint32_t *seed)
{
  static const mr_event ev;
  uint32_t v = 10 + rand_next (seed) % 8, k = SYM (40 + rand_next (seed) % 6);
  uint32_t tracked = (uint32_t[]) { SYM (1), SYM (2), ALLOC (3), ALLOC (4), DECL (5),
				    SYM (6) }[rand_next (seed) % 6];
  static const uint16_t flags[] = { MR_OBJF_ESCAPED, MR_OBJF_NONNULL, MR_OBJF_UNINIT,
				    MR_OBJF_RULE_BIT0, MR_OBJF_HELD_OUTSIDE,
				    MR_OBJF_MAYBE_ZERO };
  const mr_objst *o;
  switch (rand_next (seed) % 11)
    {
    case 10:
      /* To the default, SYM|v: as if unbound, for the join (at offset 0).  */
      mr_state_bind (s, v, ref (SYM (v), rand_next (seed) % 3 ? 0 : 8));
      break;
    case 0:
      mr_state_add_obj_flags (s, rand_next (seed) % 2 ? k : tracked,
			      flags[rand_next (seed) % 6]);
      break;
    case 1:
      mr_state_clear_obj_flags (s, tracked, flags[rand_next (seed) % 6]);
      break;
    case 2:
      o = mr_state_obj (s, tracked);
      if (o && o->ts == MR_TS_ALLOCATED)
	mr_state_set_obj (s, tracked, MR_TS_ALLOCATED, (mr_family) o->family, o->ev)->fill = &ev;
      break;
    case 3:
      mr_state_bind (s, v, ref (rand_next (seed) % 3 ? k : 0xffffffffu,
				rand_next (seed) % 3 ? 0 : 16));
      break;
    case 4:
      mr_state_unbind (s, v);
      break;
    case 5:
      mr_state_store (s, ref (k, 8 * (rand_next (seed) % 3)), ref (SYM (40 + rand_next (seed) % 6), 0));
      break;
    case 6:
      mr_state_forget_slot (s, ref (k, 0));
      break;
    case 7:
      mr_state_refine (s, 50 + rand_next (seed) % 5, (mr_cmp) (rand_next (seed) % 6),
		       (int64_t) (rand_next (seed) % 5), false);
      break;
    case 8:
      mr_state_bound_product (s, 50 + rand_next (seed) % 5, 51, 100 + rand_next (seed) % 3,
			      false);
      break;
    default:
      mr_state_forget_fact (s, 50 + rand_next (seed) % 5);
    }
}

/* A join right after the comparison of the same two states
   (mr_state_join_compared) visits only where the comparison found them
   different, objects first: it gives what mr_state_join gives, entry for entry,
   with the same answer and the same bytes counted.  The pairs are a state
   changed two ways at random (flags, fills, bindings dropped and to no object,
   so that the bindings' join lists objects anew, slots, facts, product bounds):
   most of them keep the same typestates.  It fails if a kind of difference is
   not a recorded step (the join then misses it) or if the objects' steps were
   used after the bindings' join moved them.  */
static void
test_join_compared (void **state)
{
  (void) state;
  uint32_t seed = 21;
  int compared = 0, changed = 0;
  for (int n = 0; n < 400; n++)
    {
      mr_state *base = random_state (&seed);
      for (int k = rand_next (&seed) % 6; k > 0; k--)
	random_change (base, &seed);
      mr_state *a = mr_state_copy (base), *b = mr_state_copy (base);
      for (int k = rand_next (&seed) % 8; k > 0; k--)
	random_change (a, &seed);
      for (int k = rand_next (&seed) % 8; k > 0; k--)
	random_change (b, &seed);
      mr_state *d1 = mr_state_copy (a), *d2 = mr_state_copy (a);
      uint64_t before = mr_state_bytes_live ();
      bool c1 = mr_state_join (d1, b);
      uint64_t grew1 = mr_state_bytes_live () - before;
      if (mr_state_same_typestates (d2, b))
	{
	  before = mr_state_bytes_live ();
	  bool c2 = mr_state_join_compared (d2, b);
	  assert_true (mr_state_bytes_live () - before == grew1);
	  assert_int_equal (c1, c2);
	  assert_states_equal (d1, d2);
	  compared++;
	  changed += c2;
	}
      /* Not right after their comparison: the plain join.  */
      mr_state *d3 = mr_state_copy (a);
      (void) mr_state_same_typestates (a, b);
      assert_int_equal (mr_state_join_compared (d3, b), c1);
      assert_states_equal (d1, d3);
      mr_state_free (base);
      mr_state_free (a);
      mr_state_free (b);
      mr_state_free (d1);
      mr_state_free (d2);
      mr_state_free (d3);
    }
  assert_true (compared > 100);
  assert_true (changed > 50 && changed < compared);
  mr_state_trim ();
}

/* The bindings' join passes runs of bindings it keeps as d has them (the
   same on both sides, d's to no object, d's or s's to the default SYM|value
   at offset 0 where the other binds none) by a tight walk; each other kind
   is a step of its own, as before.  One value of each kind, between runs.  */
static void
test_join_binds_kept (void **state)
{
  (void) state;
  const uint32_t none = 0xffffffffu;
  mr_state *d = mr_state_new (), *s = mr_state_new ();
  mr_state_bind (d, 1, ref (SYM (40), 0));	/* the same: kept */
  mr_state_bind (s, 1, ref (SYM (40), 0));
  mr_state_bind (d, 2, ref (none, 0));		/* d's to none: kept, s's not lost */
  mr_state_bind (s, 2, ref (SYM (41), 0));
  mr_state_bind (d, 3, ref (none, 0));		/* both none, offsets apart: joined */
  mr_state_bind (s, 3, ref (none, 16));
  mr_state_bind (d, 4, ref (SYM (4), 0));	/* d's default, s none: kept */
  mr_state_bind (d, 5, ref (SYM (5), 8));	/* d's default elsewhere: joined */
  mr_state_bind (s, 6, ref (SYM (6), 8));	/* s's default (any offset): nothing */
  mr_state_bind (d, 7, ref (none, 0));		/* only d, to none: kept */
  mr_state_bind (s, 8, ref (SYM (42), 0));	/* only s, elsewhere: none, lost */
  mr_state_bind (d, 9, ref (SYM (43), 0));	/* apart: none, both lost */
  mr_state_bind (s, 9, ref (SYM (44), 0));
  mr_state_bind (d, 10, ref (SYM (45), 0));	/* the same again */
  mr_state_bind (s, 10, ref (SYM (45), 0));
  assert_true (mr_state_join (d, s));
  assert_int_equal (d->nbinds, 9);
  assert_ref (mr_state_lookup (d, 1), SYM (40), 0);
  assert_ref (mr_state_lookup (d, 2), none, 0);
  assert_ref (mr_state_lookup (d, 3), none, mr_off_join (0, 16));
  assert_ref (mr_state_lookup (d, 4), SYM (4), 0);
  assert_ref (mr_state_lookup (d, 5), SYM (5), mr_off_join (8, 0));
  assert_ref (mr_state_lookup (d, 6), SYM (6), 0);	/* unbound */
  assert_ref (mr_state_lookup (d, 7), none, 0);
  assert_ref (mr_state_lookup (d, 8), none, 0);
  assert_ref (mr_state_lookup (d, 9), none, 0);
  assert_ref (mr_state_lookup (d, 10), SYM (45), 0);
  assert_null (mr_state_obj (d, SYM (41)));
  assert_int_equal (mr_state_obj (d, SYM (42))->flags, MR_OBJF_ESCAPED);
  assert_int_equal (mr_state_obj (d, SYM (43))->flags, MR_OBJF_ESCAPED);
  assert_int_equal (mr_state_obj (d, SYM (44))->flags, MR_OBJF_ESCAPED);
  assert_null (mr_state_obj (d, SYM (6)));
  /* Joined again: nothing changes.  */
  assert_false (mr_state_join (d, s));
  mr_state_free (d);
  mr_state_free (s);
}

/* mr_state_join_lossy as it was before its objects became one walk: the
   typestates' walk (a differing object maybe-freed if either side freed it,
   unknown otherwise; a tracked object only s lists inserted so), then
   mr_state_join.  */
static bool
lossy_by_two_walks (mr_state *d, const mr_state *s)
{
  bool changed = false;
  d->objs_half_ok = d->binds_half_ok = false;
  uint32_t j = 0;
  for (uint32_t i = 0; i < d->nobjs; i++)
    {
      mr_objst *o = &d->objs[i];
      for (; j < s->nobjs && s->objs[j].key < o->key; j++)
	;
      const mr_objst *p = j < s->nobjs && s->objs[j].key == o->key ? &s->objs[j++] : NULL;
      mr_ts pts = p ? (mr_ts) p->ts : MR_TS_UNKNOWN;
      if (pts == o->ts && (!p || p->family == o->family))
	continue;
      bool freed = o->ts == MR_TS_FREED || o->ts == MR_TS_MAYBE_FREED
		   || pts == MR_TS_FREED || pts == MR_TS_MAYBE_FREED;
      mr_ts nts = freed ? MR_TS_MAYBE_FREED : MR_TS_UNKNOWN;
      if (nts != o->ts)
	o->ts = nts, changed = true;
    }
  for (j = 0; j < s->nobjs; j++)
    {
      const mr_objst *y = &s->objs[j];
      if (y->ts == MR_TS_UNKNOWN || mr_state_obj (d, y->key))
	continue;
      bool freed = y->ts == MR_TS_FREED || y->ts == MR_TS_MAYBE_FREED;
      mr_state_set_obj (d, y->key, freed ? MR_TS_MAYBE_FREED : MR_TS_UNKNOWN, MR_FAM_NONE,
			y->ev);
      changed = true;
    }
  return mr_state_join (d, s) | changed;
}

/* The lossy join's objects in one walk, before the bindings' join (which may
   list objects anew), give what the typestates' walk followed by
   mr_state_join gave, entry for entry, with the same answer and the same
   bytes counted, on pairs of states apart at random (typestates, families,
   events, flags, fills, bindings to no object and to the default, slots,
   facts), and pairs of one state changed two ways.  It fails if an object only
   s tracks is added without s's flags, if a run passes objects whose flags or
   fills differ, or if lose_ref's flags are lost.  */
static void
test_join_lossy_one_walk (void **state)
{
  (void) state;
  static const mr_event evs[3];
  uint32_t seed = 77;
  int changed = 0, inserted = 0;
  for (int n = 0; n < 600; n++)
    {
      mr_state *a = random_state (&seed), *b;
      if (n % 2)
	b = random_state (&seed);
      else
	b = mr_state_copy (a);
      for (int k = rand_next (&seed) % 8; k > 0; k--)
	random_change (a, &seed);
      for (int k = rand_next (&seed) % 8; k > 0; k--)
	random_change (b, &seed);
      /* Events and families apart: a lossy join keeps d's.  */
      for (uint32_t i = 0; i < b->nobjs; i++)
	if (b->objs[i].ts != MR_TS_UNKNOWN && rand_next (&seed) % 3 == 0)
	  mr_state_set_obj (b, b->objs[i].key, (mr_ts) b->objs[i].ts,
			    rand_next (&seed) % 2 ? MR_FAM_NEW : MR_FAM_MALLOC,
			    &evs[rand_next (&seed) % 3]);
      mr_state *d1 = mr_state_copy (a), *d2 = mr_state_copy (a);
      uint64_t before = mr_state_bytes_live ();
      bool c1 = lossy_by_two_walks (d1, b);
      uint64_t grew1 = mr_state_bytes_live () - before;
      before = mr_state_bytes_live ();
      bool c2 = mr_state_join_lossy (d2, b);
      assert_true (mr_state_bytes_live () - before == grew1);
      assert_int_equal (c1, c2);
      assert_states_equal (d1, d2);
      changed += c2;
      inserted += d2->nobjs > a->nobjs;
      mr_state_free (a);
      mr_state_free (b);
      mr_state_free (d1);
      mr_state_free (d2);
    }
  assert_true (changed > 300 && changed < 600);
  assert_true (inserted > 100);
  mr_state_trim ();
}

/* A state lent to a block's run instead of copied (mr_state_lend) counts what the
   copy would, and grows as it would; the original's bytes stay counted until
   mr_state_uncount.  */
static void
test_lend_counts_as_copy (void **state)
{
  (void) state;
  uint32_t seed = 5;
  uint64_t base = mr_state_bytes_live ();
  mr_state *s = random_state (&seed);
  for (uint32_t v = 50; v < 90; v++)
    mr_state_bind (s, v, ref (SYM (v), 0));	/* tables grown past their size */
  mr_state_forget_fact (s, 1);
  uint64_t held = mr_state_bytes_live ();
  mr_state *c = mr_state_copy (s);
  uint64_t with_copy = mr_state_bytes_live ();
  mr_state_bind (c, 200, ref (ALLOC (2), 0));
  mr_state_add_obj_flags (c, SYM (201), MR_OBJF_ESCAPED);
  uint64_t copy_grown = mr_state_bytes_live ();
  mr_state_free (c);
  assert_int_equal (mr_state_bytes_live (), held);
  uint64_t lent = mr_state_lend (s);
  assert_int_equal (lent, held - base);
  assert_int_equal (mr_state_bytes_live (), with_copy);
  mr_state_bind (s, 200, ref (ALLOC (2), 0));
  mr_state_add_obj_flags (s, SYM (201), MR_OBJF_ESCAPED);
  assert_int_equal (mr_state_bytes_live (), copy_grown);
  mr_state_uncount (lent);
  mr_state_free (s);
  assert_int_equal (mr_state_bytes_live (), base);
  mr_state_trim ();
}

/* Tables are recycled (state.c): a table freed and handed to another state leaves
   the states that remain intact, and what is counted goes back to where it was.  */
static void
test_recycled_tables (void **state)
{
  (void) state;
  uint64_t base = mr_state_bytes_live ();
  mr_state *a = mr_state_new ();
  for (uint32_t i = 1; i <= 300; i++)	/* through several size classes */
    {
      mr_state_set_obj (a, ALLOC (i), MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
      mr_state_bind (a, i, ref (ALLOC (i), 0));
      mr_state_store (a, ref (SYM (i), 0), ref (ALLOC (i), 0));
      mr_state_set_const (a, 1000 + i, i);
    }
  mr_state *b = mr_state_copy (a);
  mr_state_free (a);
  for (int round = 0; round < 3; round++)
    {
      mr_state *c = mr_state_new ();
      mr_state *d = mr_state_copy (b);
      assert_int_equal (mr_state_size (c), 0);
      assert_null (mr_state_obj (c, ALLOC (1)));
      mr_state_set_obj (d, ALLOC (7), MR_TS_FREED, MR_FAM_MALLOC, NULL);
      mr_state_bind (d, 7, ref (SYM (99), 0));
      mr_state_free (c);
      mr_state_free (d);
    }
  for (uint32_t i = 1; i <= 300; i++)
    {
      assert_int_equal (mr_state_ts (b, ALLOC (i)), MR_TS_ALLOCATED);
      assert_ref (mr_state_lookup (b, i), ALLOC (i), 0);
      mr_ref r;
      assert_true (mr_state_load (b, ref (SYM (i), 0), &r));
      assert_ref (r, ALLOC (i), 0);
      assert_fact (b, 1000 + i, i, i);
    }
  mr_state_free (b);
  mr_state_trim ();
  assert_int_equal (mr_state_bytes_live (), base);
}

/* A join that adds objects only the other side lists counts the capacity those
   insertions one by one would have counted (the memory cap decides the same).  */
static void
test_join_counts_inserts (void **state)
{
  (void) state;
  mr_state *a = mr_state_new (), *b = mr_state_new ();
  for (uint32_t i = 0; i < 20; i++)
    mr_state_add_obj_flags (a, SYM (2 * i), MR_OBJF_NONNULL);
  for (uint32_t i = 0; i < 40; i++)
    mr_state_add_obj_flags (b, SYM (i), MR_OBJF_ESCAPED);
  mr_state *joined = mr_state_copy (a), *one_by_one = mr_state_copy (a);
  assert_true (mr_state_join (joined, b));
  for (uint32_t i = 0; i < 40; i++)
    mr_state_add_obj_flags (one_by_one, SYM (i), MR_OBJF_ESCAPED);
  assert_int_equal (joined->nobjs, one_by_one->nobjs);
  assert_int_equal (joined->cap_objs, one_by_one->cap_objs);
  for (uint32_t i = 0; i < 40; i++)
    {
      const mr_objst *o = mr_state_obj (joined, SYM (i));
      assert_non_null (o);
      assert_int_equal (o->key, one_by_one->objs[i].key);
      assert_int_equal (o->flags, MR_OBJF_ESCAPED);	/* NONNULL: a's side only */
    }
  /* A named object listed for its flags keeps its implicit typestate.  */
  mr_state_add_obj_flags (b, DECL (3), MR_OBJF_ESCAPED);
  assert_true (mr_state_join (joined, b));
  assert_int_equal (mr_state_ts (joined, DECL (3)), MR_TS_NONHEAP);
  mr_state_free (a);
  mr_state_free (b);
  mr_state_free (joined);
  mr_state_free (one_by_one);
}

/* Retiring: what a slot of the dropped old instance held is flagged escaped under
   its name at the time, so a slot of the old instance holding the new one leaves
   the renamed object escaped.  */
static void
test_retire_old_slot_holds_new (void **state)
{
  (void) state;
  const uint32_t k = ALLOC (5), old = ALLOC (5) | MR_OBJ_OLD;
  mr_state *s = mr_state_new ();
  mr_state_set_obj (s, old, MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_set_obj (s, k, MR_TS_ALLOCATED, MR_FAM_MALLOC, NULL);
  mr_state_store (s, ref (old, 0), ref (k, 0));
  mr_state_store (s, ref (k, 8), ref (SYM (2), 0));
  mr_state_bind (s, 1, ref (old, 0));
  mr_state_bind (s, 2, ref (k, 4));
  mr_state_retire (s, k);
  assert_null (mr_state_obj (s, k));
  assert_int_equal (mr_state_ts (s, old), MR_TS_ALLOCATED);
  assert_true (mr_state_obj (s, old)->flags & MR_OBJF_ESCAPED);
  assert_ref (mr_state_lookup (s, 1), 0xffffffffu, 0);
  assert_ref (mr_state_lookup (s, 2), old, 4);
  mr_ref r;
  assert_false (mr_state_load (s, ref (k, 8), &r));
  assert_true (mr_state_load (s, ref (old, 8), &r));
  assert_ref (r, SYM (2), 0);
  assert_int_equal (s->nslots, 1);
  mr_state_free (s);
}

static void
test_print (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  mr_state_set_obj (s, SYM (1), MR_TS_FREED, MR_FAM_MALLOC, NULL);
  mr_state_bind (s, 2, ref (SYM (1), 8));
  mr_state_store (s, ref (SYM (1), 0), ref (SYM (3), 0));
  mr_state_set_const (s, 4, 9);
  FILE *fp = tmpfile ();
  assert_non_null (fp);
  mr_state_print (s, fp);
  long n = ftell (fp);
  assert_true (n > 0);
  rewind (fp);
  char buf[512] = { 0 };
  size_t got = fread (buf, 1, sizeof buf - 1, fp);
  assert_int_equal (got, (size_t) n);
  fclose (fp);
  assert_non_null (strstr (buf, "objs: 10000001:3/0"));
  assert_non_null (strstr (buf, "binds: v2->10000001+8"));
  assert_non_null (strstr (buf, "slots: (10000001,0)->10000003"));
  assert_non_null (strstr (buf, "facts: v4 in [9,9]"));
  mr_state_free (s);
}

/* Known gaps: engine bugs, documented as failing tests (see the report).  */

/* An unsigned 64-bit value can exceed INT64_MAX: `if (n > SIZE_MAX / 2)` is a common
   overflow guard, SIZE_MAX / 2 == INT64_MAX, and its true branch is feasible.
   mr_state_refine (GT, INT64_MAX, unsigned) returns false.  */
static void
gap_unsigned_gt_int64_max (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_GT, INT64_MAX, true));
  mr_state_free (s);
}

/* A value compared both signed and unsigned (GIMPLE compares `(unsigned long) x`, and
   the lowering makes a widening int -> unsigned long conversion a COPY, so both name
   the same root): x < 0 (signed) then (unsigned) x > 5 is feasible (x == -1), but the
   interval [INT64_MIN, -1] refined with "> 5 unsigned" becomes empty.  */
static void
gap_mixed_signedness (void **state)
{
  (void) state;
  mr_state *s = mr_state_new ();
  assert_true (mr_state_refine (s, 1, MR_CMP_LT, 0, false));
  assert_true (mr_state_refine (s, 1, MR_CMP_GT, 5, true));
  mr_state_free (s);
}

/* A fact that covers every value ([INT64_MIN, INT64_MAX], e.g. after x >= INT64_MIN)
   makes joining a state with its own copy report a change.  */
static void
gap_join_self_full_range_fact (void **state)
{
  (void) state;
  mr_state *a = mr_state_new ();
  assert_true (mr_state_refine (a, 1, MR_CMP_GE, INT64_MIN, false));
  mr_state *b = mr_state_copy (a);
  assert_false (mr_state_join (a, b));
  mr_state_free (a);
  mr_state_free (b);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_objects),
    cmocka_unit_test (test_objects_many),
    cmocka_unit_test (test_bindings),
    cmocka_unit_test (test_slots),
    cmocka_unit_test (test_forget_obj_slots),
    cmocka_unit_test (test_forget_slots_if),
    cmocka_unit_test (test_facts_eq_ne),
    cmocka_unit_test (test_facts_ranges),
    cmocka_unit_test (test_facts_excluded_points),
    cmocka_unit_test (test_facts_unsigned),
    cmocka_unit_test (test_facts_set_copy_forget),
    cmocka_unit_test (test_same_typestates),
    cmocka_unit_test (test_signature_halves),
    cmocka_unit_test (test_search_starts_at_last),
    cmocka_unit_test (test_search_every_size),
    cmocka_unit_test (test_kept_objects_half),
    cmocka_unit_test (test_kept_bindings_half),
    cmocka_unit_test (test_lend_counts_as_copy),
    cmocka_unit_test (test_join_binds_slots),
    cmocka_unit_test (test_join_facts),
    cmocka_unit_test (test_join_self_unchanged),
    cmocka_unit_test (test_join_flags),
    cmocka_unit_test (test_join_lossy),
    cmocka_unit_test (test_join_compared),
    cmocka_unit_test (test_join_binds_kept),
    cmocka_unit_test (test_join_lossy_one_walk),
    cmocka_unit_test (test_retire),
    cmocka_unit_test (test_retire_alloc_slots_resorted),
    cmocka_unit_test (test_copy_independent),
    cmocka_unit_test (test_noted_comparison),
    cmocka_unit_test (test_recycled_tables),
    cmocka_unit_test (test_join_counts_inserts),
    cmocka_unit_test (test_retire_old_slot_holds_new),
    cmocka_unit_test (test_print),
  };
  const struct CMUnitTest regressions[] = {
    cmocka_unit_test (gap_unsigned_gt_int64_max),
    cmocka_unit_test (gap_mixed_signedness),
    cmocka_unit_test (gap_join_self_full_range_fact),
  };
  int rc = cmocka_run_group_tests_name ("state", tests, NULL, NULL);
  rc |= cmocka_run_group_tests_name ("state regressions", regressions, NULL, NULL);
  return rc;
}
