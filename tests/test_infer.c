/* test_infer.c — naming conventions of allocators and deallocators
   (plugin/core/infer.c), the infer= values, the uncertain family bit, and how the
   checkers treat uncertain families (double-free and use-after-free only).

   Covers: mr_infer_function_name for every deallocator and allocator suffix,
   prefixes (never empty, no double underscore), names that only contain a suffix;
   mr_infer_takes_reference; mr_infer_pointer_name with and without function
   affixes, case, realloc/dealloc before alloc, words inside a name; mr_infer_mode_parse;
   and through the engine: an uncertain allocation is never leaked nor checked for
   NULL, an uncertain deallocation is no mismatch and no free-nonheap, yet a second
   one is a double free and a use after it a use after free.  */

#include "builder.h"
#include "infer.h"

static void
test_function_names (void **state)
{
  (void) state;
  size_t p = 0;
  assert_int_equal (mr_infer_function_name ("foo_free", &p), MR_ROLE_DEALLOC);
  assert_int_equal (p, 3);
  assert_int_equal (mr_infer_function_name ("my_obj_destroy", &p), MR_ROLE_DEALLOC);
  assert_int_equal (p, 6);
  assert_int_equal (mr_infer_function_name ("g_bytes_unref", &p), MR_ROLE_DEALLOC);
  assert_int_equal (mr_infer_function_name ("ctx_release", &p), MR_ROLE_DEALLOC);
  assert_int_equal (mr_infer_function_name ("gz_close", &p), MR_ROLE_DEALLOC);
  assert_int_equal (p, 2);
  assert_int_equal (mr_infer_function_name ("foo_new", &p), MR_ROLE_ALLOC);
  assert_int_equal (p, 3);
  assert_int_equal (mr_infer_function_name ("buf_alloc", &p), MR_ROLE_ALLOC);
  assert_int_equal (mr_infer_function_name ("ctx_create", &p), MR_ROLE_ALLOC);
  assert_int_equal (mr_infer_function_name ("str_dup", &p), MR_ROLE_ALLOC);
  assert_int_equal (mr_infer_function_name ("file_open", &p), MR_ROLE_ALLOC);
  /* No prefix, no underscore before the suffix, or something else.  */
  assert_int_equal (mr_infer_function_name ("_free", &p), MR_ROLE_NONE);
  assert_int_equal (mr_infer_function_name ("free", &p), MR_ROLE_NONE);
  assert_int_equal (mr_infer_function_name ("foo__free", &p), MR_ROLE_NONE);
  assert_int_equal (mr_infer_function_name ("carefree", &p), MR_ROLE_NONE);
  assert_int_equal (mr_infer_function_name ("foo_free_all", &p), MR_ROLE_NONE);
  assert_int_equal (mr_infer_function_name ("foo_newline", &p), MR_ROLE_NONE);
  assert_int_equal (mr_infer_function_name ("foo_Free", &p), MR_ROLE_NONE);
  assert_int_equal (mr_infer_function_name (NULL, &p), MR_ROLE_NONE);
}

static void
test_reference_names (void **state)
{
  (void) state;
  size_t p = 0;
  assert_true (mr_infer_takes_reference ("obj_ref", &p));
  assert_int_equal (p, 3);
  assert_true (mr_infer_takes_reference ("buf_retain", &p));
  assert_true (mr_infer_takes_reference ("x_addref", &p));
  assert_true (mr_infer_takes_reference ("x_incref", &p));
  assert_true (mr_infer_takes_reference ("x_acquire", &p));
  assert_true (mr_infer_takes_reference ("x_hold", &p));
  assert_false (mr_infer_takes_reference ("obj_unref", &p));
  assert_false (mr_infer_takes_reference ("obj_reference", &p));
  assert_false (mr_infer_takes_reference (NULL, &p));
}

static void
test_pointer_names (void **state)
{
  (void) state;
  size_t w = 0, l = 0;
  assert_int_equal (mr_infer_pointer_name ("free", &w, &l), MR_PTR_FREE);
  assert_int_equal (w, 0);
  assert_int_equal (l, 4);
  assert_int_equal (mr_infer_pointer_name ("xmlFree", &w, &l), MR_PTR_FREE);
  assert_int_equal (w, 3);
  assert_int_equal (mr_infer_pointer_name ("Curl_cfree", &w, &l), MR_PTR_FREE);
  assert_int_equal (w, 6);
  assert_int_equal (mr_infer_pointer_name ("zfree", &w, &l), MR_PTR_FREE);
  assert_int_equal (mr_infer_pointer_name ("free_fn", &w, &l), MR_PTR_FREE);
  assert_int_equal (w, 0);
  assert_int_equal (mr_infer_pointer_name ("freefunc", &w, &l), MR_PTR_FREE);
  assert_int_equal (mr_infer_pointer_name ("xFree", &w, &l), MR_PTR_FREE);
  assert_int_equal (mr_infer_pointer_name ("dealloc", &w, &l), MR_PTR_FREE);
  assert_int_equal (mr_infer_pointer_name ("malloc", &w, &l), MR_PTR_MALLOC);
  assert_int_equal (mr_infer_pointer_name ("xMalloc", &w, &l), MR_PTR_MALLOC);
  assert_int_equal (w, 1);
  assert_int_equal (l, 6);
  assert_int_equal (mr_infer_pointer_name ("zalloc", &w, &l), MR_PTR_MALLOC);
  assert_int_equal (l, 5);
  assert_int_equal (mr_infer_pointer_name ("alloc_cb", &w, &l), MR_PTR_MALLOC);
  assert_int_equal (mr_infer_pointer_name ("calloc", &w, &l), MR_PTR_CALLOC);
  assert_int_equal (mr_infer_pointer_name ("xRealloc", &w, &l), MR_PTR_REALLOC);
  assert_int_equal (mr_infer_pointer_name ("my_realloc_hook", &w, &l), MR_PTR_REALLOC);
  assert_int_equal (mr_infer_pointer_name ("Curl_cstrdup", &w, &l), MR_PTR_STRDUP);
  /* Not names of allocators.  */
  assert_int_equal (mr_infer_pointer_name ("close", &w, &l), MR_PTR_NONE);
  assert_int_equal (mr_infer_pointer_name ("free_count", &w, &l), MR_PTR_NONE);
  assert_int_equal (mr_infer_pointer_name ("freeze", &w, &l), MR_PTR_NONE);
  assert_int_equal (mr_infer_pointer_name ("fn", &w, &l), MR_PTR_NONE);
  assert_int_equal (mr_infer_pointer_name ("", &w, &l), MR_PTR_NONE);
  assert_int_equal (mr_infer_pointer_name (NULL, &w, &l), MR_PTR_NONE);
}

static void
test_mode_parse (void **state)
{
  (void) state;
  mr_infer_mode m = MR_INFER_BODIES;
  assert_true (mr_infer_mode_parse ("none", &m));
  assert_int_equal (m, MR_INFER_NONE);
  assert_true (mr_infer_mode_parse ("names", &m));
  assert_int_equal (m, MR_INFER_NAMES);
  assert_true (mr_infer_mode_parse ("bodies", &m));
  assert_int_equal (m, MR_INFER_BODIES);
  assert_false (mr_infer_mode_parse ("all", &m));
  assert_false (mr_infer_mode_parse ("", &m));
  assert_false (mr_infer_mode_parse ("Names", &m));
  assert_false (mr_infer_mode_parse (NULL, &m));
  assert_int_equal (m, MR_INFER_BODIES);	/* unchanged by a bad value */
  assert_true (mr_family_uncertain (MR_FAM_USER | MR_FAM_UNCERTAIN));
  assert_false (mr_family_uncertain (MR_FAM_USER + 3));
  assert_false (mr_family_uncertain (MR_FAM_MALLOC));
}

#define UNC ((mr_family) (MR_FAM_USER | MR_FAM_UNCERTAIN))
#define ALL_RULES (~0ull)

/* p = inferred_new (n); p[0]; return;  -- no leak, no NULL claim, no uninit read,
   though the event says "may fail" and "uninitialised".  */
/* A global allocator pointer pairs with the name whose word is "free", in its case.  */
static void
test_paired_free_names (void **state)
{
  (void) state;
  static const struct { const char *name, *paired; } cases[] = {
    { "Curl_cmalloc", "Curl_cfree" }, { "malloc_fn", "free_fn" },
    { "xMalloc", "xFree" }, { "MY_MALLOC", "MY_FREE" }, { "zrealloc", "zfree" }
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      size_t w = 0, l = 0;
      assert_int_not_equal (mr_infer_pointer_name (cases[i].name, &w, &l), MR_PTR_NONE);
      char *p = mr_infer_paired_free_name (cases[i].name, w, l);
      assert_string_equal (p, cases[i].paired);
      free (p);
    }
}

/* Names that say a variable holds a secret (sensitive-free), without case.  */
static void
test_secret_names (void **state)
{
  (void) state;
  assert_true (mr_name_is_secret ("password"));
  assert_true (mr_name_is_secret ("user_Passwd"));
  assert_true (mr_name_is_secret ("API_TOKEN"));
  assert_true (mr_name_is_secret ("private_key_buf"));
  assert_true (mr_name_is_secret ("hmac_key"));
  assert_true (mr_name_is_secret ("KEY"));
  assert_false (mr_name_is_secret ("keyboard"));
  assert_false (mr_name_is_secret ("buffer"));
  assert_false (mr_name_is_secret ("ke"));
}

static void
test_uncertain_alloc_no_leak_no_null (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 2);
  tb_goto (f, 0, 1);
  tb_alloc_ex (f, 1, 1, UNC, mr_none (), MR_EVF_MAY_FAIL | MR_EVF_UNINIT, 10);
  tb_load (f, 1, 2, mr_value (1), 0, false, 11);
  tb_return (f, 1, mr_none (), 12);
  mr_config cfg;
  tb_config_only (&cfg, ALL_RULES);
  tb_expect_silent_cfg (f, &cfg);
}

/* p = malloc (); inferred_free (p); inferred_free (p);  -- a double free, no
   mismatch; then p[0] after a third one: a use after free.  */
static void
test_uncertain_free_double_and_use (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 2);
  tb_goto (f, 0, 1);
  tb_alloc (f, 1, 1, 10);
  tb_free_ex (f, 1, mr_value (1), UNC, 11);
  uint32_t f2 = tb_free_ex (f, 1, mr_value (1), UNC, 12);
  tb_return (f, 1, mr_none (), 13);
  mr_config cfg;
  tb_config_only (&cfg, ALL_RULES);
  tb_expect_only_cfg (f, &cfg, MR_RULE_DOUBLE_FREE, f2);

  f = tb_func ("t", 2);
  tb_goto (f, 0, 1);
  tb_alloc (f, 1, 1, 10);
  tb_free_ex (f, 1, mr_value (1), UNC, 11);
  uint32_t l = tb_load (f, 1, 2, mr_value (1), 0, false, 12);
  tb_return (f, 1, mr_none (), 13);
  tb_expect_only_cfg (f, &cfg, MR_RULE_USE_AFTER_FREE, l);
}

/* An uncertain deallocator of a local's address or of an offset into malloc's
   memory: silent; malloc's memory released by one: no mismatch either way.  */
static void
test_uncertain_free_nonheap_offset (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 2);
  tb_goto (f, 0, 1);
  uint32_t d = mr_func_add_decl (f, "buf", MR_DECL_LOCAL, 1);
  tb_free_ex (f, 1, mr_addr (d, 0), UNC, 10);
  tb_alloc (f, 1, 1, 11);
  tb_copy (f, 1, 2, mr_value (1), 8, true, 12);
  tb_free_ex (f, 1, mr_value (2), UNC, 13);
  tb_alloc_ex (f, 1, 3, UNC, mr_none (), 0, 14);
  tb_free (f, 1, mr_value (3), 15);
  tb_return (f, 1, mr_none (), 16);
  mr_config cfg;
  tb_config_only (&cfg, ALL_RULES);
  tb_expect_silent_cfg (f, &cfg);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_function_names),
    cmocka_unit_test (test_reference_names),
    cmocka_unit_test (test_pointer_names),
    cmocka_unit_test (test_mode_parse),
    cmocka_unit_test (test_paired_free_names),
    cmocka_unit_test (test_secret_names),
    cmocka_unit_test (test_uncertain_alloc_no_leak_no_null),
    cmocka_unit_test (test_uncertain_free_double_and_use),
    cmocka_unit_test (test_uncertain_free_nonheap_offset),
  };
  return cmocka_run_group_tests_name ("infer", tests, NULL, NULL);
}
