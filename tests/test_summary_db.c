/* test_summary_db.c — the text form of summaries across translation units
   (plugin/core/summary-db.c).

   Covers: a summary with every kind of field written and read back the same
   (masks, families by name including user and uncertain ones, locations whose file
   holds spaces and colons, both arrays, negative offsets, the -1 defaults); a
   result that is memory the function freed (its family, place, offset and the
   parameter that tells it from NULL); the
   never-returns mark; an invalid summary not written; a file of another version or
   fields, and a malformed one, ignored whole; two units defining the same name
   (the same summary kept, different ones ambiguous, in either order); the unit
   line; the input facts (a result read from outside, sink and written
   parameters, the allocator's name) beside a summary or alone, read back, and two
   units that disagree on them ambiguous.  */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "summary-db.h"
#include "families.h"
#include "infer.h"

static mr_summary
rich_summary (void)
{
  mr_summary s = { 0 };
  s.valid = true;
  s.frees_always = 0x5;
  s.frees_maybe = 0x7;
  s.free_family = (uint16_t) mr_family_by_name ("g_free");
  s.free_loc = (mr_loc) { 1234, "dir with space/b:c.c", 12, 7 };
  s.nfield_frees = 2;
  s.field_frees[0] = (mr_field_free) { 0, true, MR_FAM_NEW, 8, 0, { 9, "b.cc", 3, 5 } };
  s.field_frees[1] = (mr_field_free) { 1, false, MR_FAM_NEW_ARRAY, 16, -8, { 0, NULL, 0, 0 } };
  s.nfield_stores = 1;
  s.field_stores[0] = (mr_field_store) { 0, 1, 24 };
  s.derefs = 0x3;
  s.uses = 0x80000000u;
  s.returns_alloc = true;
  s.alloc_family = (uint16_t) mr_uncertain_family_by_name ("my_release");
  s.may_return_null = true;
  s.reallocs_param = -1;
  s.returns_param = 2;
  s.returns_param_off = -4;
  s.no_clobber = true;
  s.stores_through = 0x2;
  s.stores_wild = true;
  return s;
}

static char *
unit_text (const char *name, const mr_summary *s, bool never_returns)
{
  mr_text t = { 0 };
  mr_summary_db_write_unit (&t, "/src/b file.c", 1700000000);
  mr_summary_db_write_fn (&t, name, s, never_returns, NULL);
  const char *uses[] = { "malloc", "_Z3fooPv" };
  mr_summary_db_write_uses (&t, uses, 2);
  return t.s;
}

static void
test_round_trip (void **state)
{
  (void) state;
  mr_summary s = rich_summary ();
  char *text = unit_text ("_ZN1CD2Ev", &s, false);
  mr_summary_db *db = mr_summary_db_new ();
  unsigned bad = 0;
  assert_int_equal (mr_summary_db_add (db, text, &bad), MR_DB_OK);
  mr_db_entry *e = mr_summary_db_get (db, "_ZN1CD2Ev");
  assert_non_null (e);
  assert_true (mr_summary_same (&e->sum, &s));
  assert_false (e->never_returns);
  assert_int_equal (e->sum.free_family, s.free_family);
  assert_int_equal (e->sum.alloc_family, s.alloc_family);
  assert_true (mr_family_uncertain (e->sum.alloc_family));
  assert_string_equal (e->sum.free_loc.file, "dir with space/b:c.c");
  assert_int_equal (e->sum.free_loc.line, 12);
  assert_int_equal (e->sum.free_loc.column, 7);
  assert_int_equal (e->sum.free_loc.handle, 0);
  assert_string_equal (e->sum.field_frees[0].loc.file, "b.cc");
  assert_null (e->sum.field_frees[1].loc.file);
  assert_int_equal (e->sum.field_frees[1].freed_at, -8);
  assert_true (e->sum.field_frees[0].freed);
  assert_int_equal (e->sum.field_stores[0].off, 24);
  assert_int_equal (e->sum.returns_param_off, -4);
  assert_int_equal (e->sum.uses, 0x80000000u);
  assert_null (mr_summary_db_get (db, "malloc"));	/* a "uses" name, not an entry */
  assert_int_equal (mr_summary_db_count (db), 1);

  /* Written again from what was read: the same text.  */
  mr_text again = { 0 };
  mr_summary_db_write_unit (&again, "/src/b file.c", 1700000000);
  mr_summary_db_write_fn (&again, "_ZN1CD2Ev", &e->sum, false, &e->input);
  const char *uses[] = { "malloc", "_Z3fooPv" };
  mr_summary_db_write_uses (&again, uses, 2);
  assert_string_equal (again.s, text);
  mr_text_free (&again);

  mr_db_unit unit;
  assert_int_equal (mr_summary_db_parse_unit (text, &unit, &bad), MR_DB_OK);
  assert_string_equal (unit.source, "/src/b file.c");
  assert_int_equal (unit.mtime, 1700000000);
  free (text);
  mr_summary_db_free (db);
}

static void
test_freed_result (void **state)
{
  (void) state;
  mr_summary s = { 0 };
  s.valid = true;
  s.reallocs_param = -1;
  s.returns_param = -1;
  s.returns_freed = MR_RET_FREED_OR_NULL;
  s.freed_ret_family = MR_FAM_NEW_ARRAY;
  s.freed_ret_loc = (mr_loc) { 77, "helper.cc", 31, 9 };
  s.freed_ret_off = 8;
  s.freed_ret_param = 2;
  s.freed_ret_on_zero = true;
  char *text = unit_text ("_Z4gonev", &s, false);
  assert_non_null (strstr (text, "returns_freed="));
  mr_summary_db *db = mr_summary_db_new ();
  unsigned bad = 0;
  assert_int_equal (mr_summary_db_add (db, text, &bad), MR_DB_OK);
  mr_db_entry *e = mr_summary_db_get (db, "_Z4gonev");
  assert_non_null (e);
  assert_true (mr_summary_same (&e->sum, &s));
  assert_int_equal (e->sum.returns_freed, MR_RET_FREED_OR_NULL);
  assert_int_equal (e->sum.freed_ret_family, MR_FAM_NEW_ARRAY);
  assert_string_equal (e->sum.freed_ret_loc.file, "helper.cc");
  assert_int_equal (e->sum.freed_ret_loc.line, 31);
  assert_int_equal (e->sum.freed_ret_loc.column, 9);
  assert_int_equal (e->sum.freed_ret_off, 8);
  assert_int_equal (e->sum.freed_ret_param, 2);
  assert_true (e->sum.freed_ret_on_zero);
  free (text);
  mr_summary_db_free (db);
}

static void
test_defaults_and_never_returns (void **state)
{
  (void) state;
  mr_summary s = { 0 };
  s.reallocs_param = -1;
  s.returns_param = -1;
  mr_text t = { 0 };
  mr_summary_db_write_unit (&t, "a.c", 0);
  mr_summary_db_write_fn (&t, "not_valid", &s, false, NULL);	/* not written */
  mr_summary_db_write_fn (&t, "fatal", &s, true, NULL);
  assert_null (strstr (t.s, "not_valid"));
  assert_null (strstr (t.s, "reallocs_param"));	/* at its default */
  mr_summary_db *db = mr_summary_db_new ();
  unsigned bad;
  assert_int_equal (mr_summary_db_add (db, t.s, &bad), MR_DB_OK);
  mr_db_entry *e = mr_summary_db_get (db, "fatal");
  assert_non_null (e);
  assert_true (e->never_returns);
  assert_false (e->sum.valid);
  assert_int_equal (e->sum.reallocs_param, -1);
  assert_int_equal (e->sum.returns_param, -1);
  mr_text_free (&t);
  mr_summary_db_free (db);
}

static void
test_other_version_and_bad_file (void **state)
{
  (void) state;
  mr_summary_db *db = mr_summary_db_new ();
  unsigned bad;
  assert_int_equal (mr_summary_db_add (db, "memrules-summaries 0 0000\nunit a.c 0\n"
				       "fn f valid=1\n", &bad), MR_DB_OTHER_VERSION);
  assert_int_equal (mr_summary_db_add (db, "hello\n", &bad), MR_DB_BAD);
  mr_text t = { 0 };
  mr_summary_db_write_unit (&t, "a.c", 0);
  char good[] = "fn good valid=1 frees_always=0x1\n";
  char broken[] = "fn broken valid=1 no_such_field=3\n";
  size_t n = t.n;
  t.s = realloc (t.s, n + sizeof good + sizeof broken);
  strcpy (t.s + n, good);
  strcat (t.s, broken);
  assert_int_equal (mr_summary_db_add (db, t.s, &bad), MR_DB_BAD);
  assert_int_equal (bad, 4);
  assert_null (mr_summary_db_get (db, "good"));	/* the file is taken whole or not */
  assert_int_equal (mr_summary_db_count (db), 0);
  mr_text_free (&t);
  mr_summary_db_free (db);
}

static void
check_two_units (const mr_summary *first, const mr_summary *second, bool kept)
{
  char *a = unit_text ("twice", first, false), *b = unit_text ("twice", second, false);
  for (int order = 0; order < 2; order++)
    {
      mr_summary_db *db = mr_summary_db_new ();
      unsigned bad;
      assert_int_equal (mr_summary_db_add (db, order ? b : a, &bad), MR_DB_OK);
      assert_int_equal (mr_summary_db_add (db, order ? a : b, &bad), MR_DB_OK);
      mr_db_entry *e = mr_summary_db_get (db, "twice");
      if (kept)
	{
	  assert_non_null (e);
	  /* The same note place whatever the order.  */
	  assert_int_equal (e->sum.free_loc.line, 5);
	}
      else
	assert_null (e);
      mr_summary_db_free (db);
    }
  free (a);
  free (b);
}

static void
test_same_name_in_two_units (void **state)
{
  (void) state;
  mr_summary s = rich_summary (), t = rich_summary (), u = rich_summary ();
  s.free_loc.line = 5;
  t.free_loc.line = 9;		/* the same to callers */
  u.free_loc.line = 5;
  u.frees_always = 0;		/* not the same */
  check_two_units (&s, &t, true);
  check_two_units (&s, &u, false);
}

static char *
input_unit_text (const char *name, const mr_summary *s, const mr_input_facts *in)
{
  mr_text t = { 0 };
  mr_summary_db_write_unit (&t, "/src/input.c", 1700000000);
  mr_summary_db_write_fn (&t, name, s, false, in);
  return t.s;
}

static void
test_input_facts (void **state)
{
  (void) state;
  mr_summary s = rich_summary ();
  mr_input_facts in = { true, 0x5, 0x2, "operator new[]" };
  char *text = input_unit_text ("read_count", &s, &in);
  assert_non_null (strstr (text, " input.returns_input=1"));
  assert_non_null (strstr (text, " input.allocator=operator%20new[]"));
  mr_summary_db *db = mr_summary_db_new ();
  unsigned bad = 0;
  assert_int_equal (mr_summary_db_add (db, text, &bad), MR_DB_OK);
  mr_db_entry *e = mr_summary_db_get (db, "read_count");
  assert_non_null (e);
  assert_true (mr_summary_same (&e->sum, &s));
  assert_true (e->input.returns_input);
  assert_int_equal (e->input.sinks, 0x5);
  assert_int_equal (e->input.writes, 0x2);
  assert_string_equal (e->input.allocator, "operator new[]");
  free (text);

  /* Input facts alone: written although the summary is not valid, read back with
     the summary still not valid (no summary for the engine).  */
  mr_summary none = { 0 };
  none.reallocs_param = -1;
  none.returns_param = -1;
  mr_input_facts only = { false, 0x1, 0, "malloc" };
  text = input_unit_text ("make", &none, &only);
  assert_non_null (strstr (text, "fn make"));
  assert_int_equal (mr_summary_db_add (db, text, &bad), MR_DB_OK);
  e = mr_summary_db_get (db, "make");
  assert_non_null (e);
  assert_false (e->sum.valid);
  assert_int_equal (e->input.sinks, 0x1);
  assert_false (e->input.returns_input);
  free (text);

  /* No input facts: nothing written for them, all zero when read.  */
  mr_input_facts zero = { 0 };
  assert_false (mr_input_facts_any (&zero));
  text = input_unit_text ("plain", &none, &zero);
  assert_null (strstr (text, "fn plain"));
  free (text);
  text = input_unit_text ("plain", &s, &zero);
  assert_null (strstr (text, " input."));
  assert_int_equal (mr_summary_db_add (db, text, &bad), MR_DB_OK);
  e = mr_summary_db_get (db, "plain");
  assert_non_null (e);
  assert_false (mr_input_facts_any (&e->input));
  assert_null (e->input.allocator);
  free (text);

  /* Two units that say the same summary but other input facts: ambiguous.  */
  mr_input_facts other = in;
  other.sinks = 0x4;
  text = input_unit_text ("read_count", &s, &other);
  assert_int_equal (mr_summary_db_add (db, text, &bad), MR_DB_OK);
  assert_null (mr_summary_db_get (db, "read_count"));
  free (text);
  /* A file of format 1 (no input facts) is of another version; a malformed
     input fact makes the file ignored.  */
  assert_int_equal (mr_summary_db_add (db, "memrules-summaries 1 0\nunit a.c 0\n", &bad),
		    MR_DB_OTHER_VERSION);
  mr_text t = { 0 };
  mr_summary_db_write_unit (&t, "a.c", 0);
  char broken[] = "fn f valid=1 input.no_such=1\n";
  t.s = realloc (t.s, t.n + sizeof broken);
  strcpy (t.s + t.n, broken);
  assert_int_equal (mr_summary_db_add (db, t.s, &bad), MR_DB_BAD);
  assert_null (mr_summary_db_get (db, "f"));
  mr_text_free (&t);
  mr_summary_db_free (db);
}

static void
test_family_names (void **state)
{
  (void) state;
  char buf[64];
  unsigned fams[] = { MR_FAM_NONE, MR_FAM_MALLOC, MR_FAM_NEW, MR_FAM_NEW_ARRAY,
		      MR_FAM_ALLOCA, MR_FAM_CLASS_NEW, MR_FAM_CLASS_NEW_ARRAY, MR_FAM_POOL,
		      MR_FAM_MALLOC | MR_FAM_UNCERTAIN, mr_family_by_name ("talloc_free") };
  for (size_t i = 0; i < sizeof fams / sizeof fams[0]; i++)
    {
      mr_family_to_text (fams[i], buf, sizeof buf);
      assert_int_equal (mr_family_from_text (buf), fams[i]);
    }
  mr_family_to_text (MR_FAM_NEW_ARRAY, buf, sizeof buf);
  assert_string_equal (buf, "new[]");
  assert_int_equal (mr_family_from_text ("no-such-family"), MR_FAM_NONE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_freed_result),
    cmocka_unit_test (test_defaults_and_never_returns),
    cmocka_unit_test (test_other_version_and_bad_file),
    cmocka_unit_test (test_same_name_in_two_units),
    cmocka_unit_test (test_input_facts),
    cmocka_unit_test (test_family_names),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
