/* error=SLUG under -Werror and werror=no: the finding is still matched (as an error
   or a warning; testsuite/integration checks the kinds and exit statuses).  */
/* { dg-options "-Werror -fplugin-arg-memrules-error=double-free -fplugin-arg-memrules-budget=100000 -fplugin-arg-memrules-states=8" } */

#include <stdlib.h>

/* 1: reported.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}
