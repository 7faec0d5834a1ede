/* exclude= matching the file itself: nothing is reported in it.  */
/* { dg-options "-fplugin-arg-memrules-exclude=*-self.c" } */

#include <stdlib.h>

/* 1: excluded.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}
