/* test_families.c — the shipped knowledge base (libs.def) and families files
   (plugin/core/families.c).

   Covers: lookups of entries of every kind (ALLOC, FREE, REALLOC, POOL, OUT) with
   their flags (may return NULL, accepts NULL, allocates only when an argument is
   NULL) and argument numbers; names deliberately absent (regfree, fopen, curl's
   curl_version_info); the 'out' line of a families file; a bad keyword's message
   listing every accepted one; the table has no duplicate names (a duplicate would
   make the binary search return either).  */

#include "builder.h"
#include "families.h"
#include "infer.h"
#include "memir.h"

static void
test_shipped_entries (void **state)
{
  (void) state;
  const mr_lib *l = mr_lib_lookup ("xmlFree");
  assert_non_null (l);
  assert_int_equal (l->kind, MR_LIB_FREE);
  assert_string_equal (l->family, "xmlFree");
  assert_true (l->flags & MR_KF_ACCEPTS_NULL);

  l = mr_lib_lookup ("g_malloc");
  assert_int_equal (l->kind, MR_LIB_ALLOC);
  assert_false (l->flags & MR_KF_MAY_FAIL);	/* aborts instead */
  l = mr_lib_lookup ("g_try_malloc");
  assert_true (l->flags & MR_KF_MAY_FAIL);

  l = mr_lib_lookup ("realpath");
  assert_int_equal (l->kind, MR_LIB_ALLOC);
  assert_true (l->flags & MR_KF_ALLOC_IF_NULL_ARG);
  assert_int_equal (l->arg, 1);

  l = mr_lib_lookup ("getaddrinfo");
  assert_int_equal (l->kind, MR_LIB_OUT);
  assert_int_equal (l->arg, 3);
  assert_string_equal (l->family, "freeaddrinfo");

  l = mr_lib_lookup ("sqlite3_realloc64");
  assert_int_equal (l->kind, MR_LIB_REALLOC);
  assert_string_equal (l->family, "sqlite3_free");

  l = mr_lib_lookup ("apr_pstrdup");
  assert_int_equal (l->kind, MR_LIB_POOL);

  l = mr_lib_lookup ("curl_free");
  assert_string_equal (l->family, "free");	/* curl_free is free */

  assert_null (mr_lib_lookup ("regfree"));
  assert_null (mr_lib_lookup ("fopen"));
  assert_null (mr_lib_lookup ("curl_version_info"));
  assert_null (mr_lib_lookup (NULL));
}

static void
test_out_line (void **state)
{
  (void) state;
  unsigned line = 0;
  char err[256] = "";
  assert_true (mr_families_parse ("# mine\nout my_asprintf my_free 1\n"
				  "out my_getaddr my_freeaddr 4\n", &line, err, sizeof err));
  const mr_lib *l = mr_lib_lookup ("my_asprintf");
  assert_non_null (l);
  assert_int_equal (l->kind, MR_LIB_OUT);
  assert_int_equal (l->arg, 0);
  assert_string_equal (l->family, "my_free");
  l = mr_lib_lookup ("my_getaddr");
  assert_int_equal (l->arg, 3);

  assert_false (mr_families_parse ("outt x y\n", &line, err, sizeof err));
  assert_int_equal (line, 1);
  assert_non_null (strstr (err, "'out' or 'noreturn'"));
  assert_false (mr_families_parse ("out x\n", &line, err, sizeof err));
}

/* NULL: alloc and alloc! never return it, alloc? may; realloc may (like realloc),
   realloc! never does.  */
static void
test_null_suffixes (void **state)
{
  (void) state;
  unsigned line = 0;
  char err[256] = "";
  assert_true (mr_families_parse ("alloc  n_alloc   n_free\n"
				  "alloc! n_alloc2  n_free\n"
				  "alloc? n_try     n_free\n"
				  "realloc  n_realloc  n_free\n"
				  "realloc! n_xrealloc n_free 2\n", &line, err, sizeof err));
  assert_int_equal (mr_lib_lookup ("n_alloc")->flags & MR_KF_MAY_FAIL, 0);
  assert_int_equal (mr_lib_lookup ("n_alloc2")->kind, MR_LIB_ALLOC);
  assert_int_equal (mr_lib_lookup ("n_alloc2")->flags & MR_KF_MAY_FAIL, 0);
  assert_true (mr_lib_lookup ("n_try")->flags & MR_KF_MAY_FAIL);
  assert_int_equal (mr_lib_lookup ("n_realloc")->kind, MR_LIB_REALLOC);
  assert_true (mr_lib_lookup ("n_realloc")->flags & MR_KF_MAY_FAIL);
  const mr_lib *l = mr_lib_lookup ("n_xrealloc");
  assert_int_equal (l->kind, MR_LIB_REALLOC);
  assert_int_equal (l->flags & MR_KF_MAY_FAIL, 0);
  assert_int_equal (l->arg, 1);
  assert_string_equal (l->family, "n_free");
  /* The shipped table says the same: g_realloc aborts, g_try_realloc may fail.  */
  assert_int_equal (mr_lib_lookup ("g_realloc")->flags & MR_KF_MAY_FAIL, 0);
  assert_true (mr_lib_lookup ("g_try_realloc")->flags & MR_KF_MAY_FAIL);
}

/* noreturn NAME: one word after the keyword.  */
static void
test_noreturn_line (void **state)
{
  (void) state;
  unsigned line = 0;
  char err[256] = "";
  assert_true (mr_families_parse ("noreturn my_fatal  # exits\n", &line, err, sizeof err));
  assert_int_equal (mr_lib_lookup ("my_fatal")->kind, MR_LIB_NORETURN);
  assert_false (mr_families_parse ("\nnoreturn my_fatal free\n", &line, err, sizeof err));
  assert_int_equal (line, 2);
  assert_non_null (strstr (err, "noreturn NAME"));
  assert_false (mr_families_parse ("noreturn\n", &line, err, sizeof err));
}

/* The registry of families by their deallocator's name.  */
static void
test_family_registry (void **state)
{
  (void) state;
  assert_int_equal (mr_family_by_name ("free"), MR_FAM_MALLOC);
  unsigned a = mr_family_by_name ("reg_test_free");
  assert_true (a >= MR_FAM_USER);
  assert_int_equal (mr_family_by_name ("reg_test_free"), a);	/* the same again */
  unsigned b = mr_family_by_name ("reg_test_destroy");
  assert_int_not_equal (a, b);
  assert_string_equal (mr_user_family_name (a), "reg_test_free");
  assert_string_equal (mr_user_family_name (b | MR_FAM_UNCERTAIN), "reg_test_destroy");
  assert_null (mr_user_family_name (MR_FAM_MALLOC));
  assert_int_equal (mr_uncertain_family_by_name ("reg_test_free"), a | MR_FAM_UNCERTAIN);
  assert_true (mr_resource_deallocator_name_p ("fclose"));
  assert_true (mr_resource_deallocator_name_p ("closedir"));
  assert_false (mr_resource_deallocator_name_p ("free"));
  assert_false (mr_resource_deallocator_name_p ("fclos"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_shipped_entries),
    cmocka_unit_test (test_out_line),
    cmocka_unit_test (test_null_suffixes),
    cmocka_unit_test (test_noreturn_line),
    cmocka_unit_test (test_family_registry),
  };
  return cmocka_run_group_tests_name ("families", tests, NULL, NULL);
}
