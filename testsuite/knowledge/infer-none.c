/* -fplugin-arg-memrules-infer=none: only the tables (known.def, libs.def,
   attributes); the functions of the translation unit are not summarised, and
   names do not count.  */
/* { dg-options "-fplugin-arg-memrules-infer=none" } */
#include <stdlib.h>

void release(char *p) { free(p); }
struct foo;
void foo_free(struct foo *f);

void test_1(void)
{
  char *p = malloc(4);
  release(p);
  release(p); /* { dg-bogus "double" } */
}

void test_2(struct foo *f)
{
  foo_free(f);
  foo_free(f); /* { dg-bogus "double" } */
}

/* The tables still apply.  */
void test_3(void)
{
  char *p = malloc(4);
  free(p); /* { dg-message "first" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
