/* dangling-return switched off with disable=: the other rules stay on.  */
/* { dg-options "-fplugin-arg-memrules-disable=dangling-return" } */

#include <stdlib.h>
#include <string.h>

/* 1: silent.  */
char *test_1(char *s)
{
  free(s);
  return s; /* { dg-bogus "return of|use after" } */
}

/* 2: a use after free is still reported.  */
size_t test_2(char *s)
{
  free(s); /* { dg-message "freed here" } */
  return strlen(s); /* { dg-warning "use after 'free' of 's'" } */
}
