/* A pragma in a header applies to that header only: header-scope.h ignores
   double-free for itself, and this file, which includes it, still reports.  */

#include "header-scope.h"

/* 1: the header's function is analysed here but silenced by its own pragma.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  header_release_twice (p);
}

/* 2: this file is not affected by the header's pragma.  */
void
test_2 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}
