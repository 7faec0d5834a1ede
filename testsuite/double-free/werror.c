/* double-free under -Werror: the warning becomes an error and the compile fails,
   which is what a CI gate relies on.  */
/* { dg-do compile } */
/* { dg-options "-Werror" } */

#include <stdlib.h>

void test_1(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
