/* #pragma memrules push / pop: a region, nested; pop restores what push saved.  */

#include <stdlib.h>
#include <string.h>

#pragma memrules push
#pragma memrules ignore "double-free"

/* 1: inside the outer region.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules push
#pragma memrules ignore "use-after-free"

/* 2: inside both regions: both rules silent.  */
void
test_2 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-bogus "use after" } */
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop

/* 3: back in the outer region: use-after-free is reported again, double-free not.  */
void
test_3 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-warning "use after 'free' of 'p'" } */
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop

/* 4: after both pops, everything is reported.  */
void
test_4 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* 5: a region inside a function.  */
void
test_5 (int c)
{
  char *p = malloc (16);
  char *q = malloc (16);
  if (!p || !q)
    {
      free (p);
      free (q);
      return;
    }
  free (p);
  free (q);
#pragma memrules push
#pragma memrules ignore "double-free"
  if (c)
    free (p); /* { dg-bogus "double-'free'" } */
#pragma memrules pop
  free (q); /* { dg-warning "double-'free' of 'q'" } */
}
