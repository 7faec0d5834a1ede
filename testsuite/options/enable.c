/* disable=all then enable=SLUG: only that rule runs; later arguments win.  */
/* { dg-options "-fplugin-arg-memrules-disable=all -fplugin-arg-memrules-enable=use-after-free" } */

#include <stdlib.h>
#include <string.h>

/* 1: double-free is off with the rest.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}

/* 2: use-after-free is back on.  */
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
