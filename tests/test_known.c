/* test_known.c — the C library table and printf format scanning (plugin/core/known.c).

   Covers: mr_known_lookup for allocators (malloc, calloc, strdup, alloca), deallocators
   (free), realloc, functions with known argument effects (memcpy, memset, strlen; the
   strto* endptr, written but not dereferenced) and the argument they return, the
   printf family (format index in arg), and names that are not in the table (unknown,
   NULL, prefixes, case); mr_printf_deref_mask for %s after other conversions, %%,
   '*' width and precision, flags/length modifiers, numbered arguments (not followed),
   the 32-argument limit, and degenerate formats.  */

#include "builder.h"
#include "known.h"

static void
test_lookup_alloc_free_realloc (void **state)
{
  (void) state;
  const mr_known *k = mr_known_lookup ("malloc");
  assert_non_null (k);
  assert_string_equal (k->name, "malloc");
  assert_int_equal (k->kind, MR_KNOWN_ALLOC);
  assert_int_equal (k->family, MR_FAM_MALLOC);
  assert_int_equal (k->flags & MR_KF_MAY_FAIL, MR_KF_MAY_FAIL);	/* may return NULL */
  assert_int_equal (k->deref_mask, 0);

  k = mr_known_lookup ("calloc");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_ALLOC);
  assert_int_equal (k->family, MR_FAM_MALLOC);

  k = mr_known_lookup ("strdup");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_ALLOC);
  assert_int_equal (k->deref_mask, 0x1);	/* reads its argument */

  k = mr_known_lookup ("alloca");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_ALLOC);
  assert_int_equal (k->family, MR_FAM_ALLOCA);
  assert_int_equal (k->flags & MR_KF_MAY_FAIL, 0);		/* never NULL */

  k = mr_known_lookup ("free");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_FREE);
  assert_int_equal (k->family, MR_FAM_MALLOC);

  k = mr_known_lookup ("realloc");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_REALLOC);
  assert_int_equal (k->family, MR_FAM_MALLOC);
  assert_int_equal (k->flags & MR_KF_MAY_FAIL, MR_KF_MAY_FAIL);
}

static void
test_lookup_use (void **state)
{
  (void) state;
  const mr_known *k = mr_known_lookup ("memcpy");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_USE);
  assert_int_equal (k->family, MR_FAM_NONE);
  assert_int_equal (k->deref_mask, 0x3);	/* dst and src */
  assert_int_equal (k->write_mask, 0x1);	/* writes dst only */

  k = mr_known_lookup ("memset");
  assert_non_null (k);
  assert_int_equal (k->deref_mask, 0x1);
  assert_int_equal (k->write_mask, 0x1);

  k = mr_known_lookup ("strlen");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_USE);
  assert_int_equal (k->deref_mask, 0x1);
  assert_int_equal (k->write_mask, 0);

  /* Written masks are within the dereferenced ones, for every entry looked up.  */
  static const char *const names[] = {
    "memcpy", "memmove", "memset", "memcmp", "strcpy", "strncpy", "strcat", "strlen",
    "strcmp", "strchr", "fread", "fgets", "read", "write", "sprintf", "snprintf",
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    {
      k = mr_known_lookup (names[i]);
      assert_non_null (k);
      assert_string_equal (k->name, names[i]);
      assert_int_equal (k->write_mask & ~k->deref_mask, 0);
    }

  /* ... except where an argument may be NULL: strtol's endptr (argument 1) is
     written, not dereferenced.  */
  static const char *const strto[] = { "strtol", "strtoul", "strtoll", "strtoull",
				       "strtod", "strtof", "strtold" };
  for (size_t i = 0; i < sizeof strto / sizeof strto[0]; i++)
    {
      k = mr_known_lookup (strto[i]);
      assert_non_null (k);
      assert_int_equal (k->deref_mask, 0x1);
      assert_int_equal (k->write_mask, 0x2);
    }
}

/* Which argument a function returns: MR_KF_RETURNS_ARG, with MR_KF_AT_UNKNOWN_OFFSET
   for a pointer into it.  */
static void
test_lookup_returned_arg (void **state)
{
  (void) state;
  static const char *const same[] = { "memcpy", "memmove", "memset", "strcpy", "strncpy",
				      "strcat", "strncat" };
  for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
    {
      const mr_known *k = mr_known_lookup (same[i]);
      assert_non_null (k);
      assert_int_equal (mr_kf_returned_arg (k->flags), 0);	/* argument 0 */
      assert_int_equal (k->flags & MR_KF_AT_UNKNOWN_OFFSET, 0);	/* itself */
    }
  assert_int_equal (mr_kf_returned_arg (mr_known_lookup ("stpcpy")->flags), 0);
  assert_int_equal (mr_known_lookup ("stpcpy")->flags & MR_KF_AT_UNKNOWN_OFFSET,
		    MR_KF_AT_UNKNOWN_OFFSET);	/* its end */
  assert_int_equal (mr_known_lookup ("mempcpy")->flags & MR_KF_AT_UNKNOWN_OFFSET,
		    MR_KF_AT_UNKNOWN_OFFSET);
  /* strchr may return NULL instead: not a copy.  */
  assert_int_equal (mr_kf_returned_arg (mr_known_lookup ("strchr")->flags), ~0u);
  assert_int_equal (mr_kf_returned_arg (mr_known_lookup ("strlen")->flags), ~0u);
}

static void
test_lookup_printf (void **state)
{
  (void) state;
  /* arg holds the index of the format argument.  */
  const mr_known *k = mr_known_lookup ("printf");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_PRINTF);
  assert_int_equal (k->arg, 0);
  k = mr_known_lookup ("fprintf");
  assert_non_null (k);
  assert_int_equal (k->kind, MR_KNOWN_PRINTF);
  assert_int_equal (k->arg, 1);
  k = mr_known_lookup ("snprintf");
  assert_non_null (k);
  assert_int_equal (k->arg, 2);
  assert_true (k->deref_mask & (1u << 2));	/* the format is read */
  k = mr_known_lookup ("__printf_chk");
  assert_non_null (k);
  assert_int_equal (k->arg, 1);
  assert_true (k->deref_mask & (1u << 1));
}

static void
test_lookup_unknown (void **state)
{
  (void) state;
  assert_null (mr_known_lookup ("my_free"));
  assert_null (mr_known_lookup ("g"));
  assert_null (mr_known_lookup (""));
  assert_null (mr_known_lookup (NULL));
  assert_null (mr_known_lookup ("mallo"));	/* no prefix matches */
  assert_null (mr_known_lookup ("malloc_usable_size"));
  assert_null (mr_known_lookup ("FREE"));	/* case matters */
  assert_null (mr_known_lookup ("_ZdlPv"));	/* C++ delete goes through the glue */
}

static void
test_printf_basic (void **state)
{
  (void) state;
  /* The variadic arguments start at first_arg (1 for printf, 2 for fprintf).  */
  assert_int_equal (mr_printf_deref_mask ("%s", 1), 1u << 1);
  assert_int_equal (mr_printf_deref_mask ("%s", 2), 1u << 2);
  assert_int_equal (mr_printf_deref_mask ("%d %s", 1), 1u << 2);
  assert_int_equal (mr_printf_deref_mask ("%p %s", 1), 1u << 2);	/* %p is no use */
  assert_int_equal (mr_printf_deref_mask ("%s %p", 1), 1u << 1);
  assert_int_equal (mr_printf_deref_mask ("%s %s", 0), 0x3);
  assert_int_equal (mr_printf_deref_mask ("x=%d, name=%s, id=%u, tag=%s\n", 1),
		    (1u << 2) | (1u << 4));
  assert_int_equal (mr_printf_deref_mask ("no conversions", 1), 0);
  assert_int_equal (mr_printf_deref_mask ("%d %x %c %f", 1), 0);
  assert_int_equal (mr_printf_deref_mask ("", 1), 0);
  assert_int_equal (mr_printf_deref_mask (NULL, 1), 0);
}

static void
test_printf_percent_and_star (void **state)
{
  (void) state;
  /* %% is a literal percent: "%%s" prints "%s" and consumes nothing.  */
  assert_int_equal (mr_printf_deref_mask ("%%s %s", 1), 1u << 1);
  assert_int_equal (mr_printf_deref_mask ("100%% %s", 1), 1u << 1);
  assert_int_equal (mr_printf_deref_mask ("%%%s", 1), 1u << 1);
  /* '*' width or precision consumes an argument.  */
  assert_int_equal (mr_printf_deref_mask ("%*d %s", 1), 1u << 3);
  assert_int_equal (mr_printf_deref_mask ("%.*s", 1), 1u << 2);
  assert_int_equal (mr_printf_deref_mask ("%*.*s", 1), 1u << 3);
  assert_int_equal (mr_printf_deref_mask ("%-*s|%s", 1), (1u << 2) | (1u << 3));
}

static void
test_printf_modifiers (void **state)
{
  (void) state;
  /* Flags, widths, precisions and length modifiers before the conversion.  */
  assert_int_equal (mr_printf_deref_mask ("%-10.5s", 1), 1u << 1);
  assert_int_equal (mr_printf_deref_mask ("%ld %s", 1), 1u << 2);
  assert_int_equal (mr_printf_deref_mask ("%lld %zu %hhx %s", 1), 1u << 4);
  assert_int_equal (mr_printf_deref_mask ("%#08x %+d % d %s", 1), 1u << 4);
  assert_int_equal (mr_printf_deref_mask ("%Lf %jd %td %s", 1), 1u << 4);
  assert_int_equal (mr_printf_deref_mask ("%ls", 1), 1u << 1);	/* wide string: read */
  /* A '$' elsewhere in the text is not a numbered argument.  */
  assert_int_equal (mr_printf_deref_mask ("%10s costs $5", 1), 1u << 1);
  /* A truncated conversion ends the scan with what was found so far.  */
  assert_int_equal (mr_printf_deref_mask ("%s %", 1), 1u << 1);
  assert_int_equal (mr_printf_deref_mask ("%s %-", 1), 1u << 1);
}

static void
test_printf_numbered_and_limits (void **state)
{
  (void) state;
  /* Numbered arguments are not followed: the scan stops there.  */
  assert_int_equal (mr_printf_deref_mask ("%1$s", 1), 0);
  assert_int_equal (mr_printf_deref_mask ("%s %2$s", 1), 1u << 1);
  /* Only 32 arguments fit the mask.  */
  assert_int_equal (mr_printf_deref_mask ("%s %s", 31), 1u << 31);
  assert_int_equal (mr_printf_deref_mask ("%s", 32), 0);
  assert_int_equal (mr_printf_deref_mask ("%s", 100), 0);
  char fmt[3 * 40 + 1] = "";
  for (int i = 0; i < 40; i++)
    strcat (fmt, "%s ");
  assert_int_equal (mr_printf_deref_mask (fmt, 0), 0xffffffffu);
  assert_int_equal (mr_printf_deref_mask (fmt, 1), 0xfffffffeu);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_lookup_alloc_free_realloc),
    cmocka_unit_test (test_lookup_use),
    cmocka_unit_test (test_lookup_returned_arg),
    cmocka_unit_test (test_lookup_printf),
    cmocka_unit_test (test_lookup_unknown),
    cmocka_unit_test (test_printf_basic),
    cmocka_unit_test (test_printf_percent_and_star),
    cmocka_unit_test (test_printf_modifiers),
    cmocka_unit_test (test_printf_numbered_and_limits),
  };
  return cmocka_run_group_tests_name ("known", tests, NULL, NULL);
}
