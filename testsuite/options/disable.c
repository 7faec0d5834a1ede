/* -fplugin-arg-memrules-disable=SLUG: that rule is off, the others stay on.  */
/* { dg-options "-fplugin-arg-memrules-disable=double-free" } */

#include <stdlib.h>
#include <string.h>

/* 1: double-free is off.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}

/* 2: use-after-free is still on.  */
void
test_2 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-warning "use after 'free' of 'p'" } */
}
