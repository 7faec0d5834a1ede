/* A finding is matched by its own location (the second free, the use), never by its
   notes': a free inside an ignored region that is freed again outside it is
   reported, with its note pointing into the region; the reverse is silent.  */

#include <stdlib.h>

/* 1: first free in a region, second outside: reported.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
#pragma memrules push
#pragma memrules ignore "double-free"
  free (p); /* { dg-message "first 'free' here" } */
#pragma memrules pop
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* 2: first free outside, second in the region: silent.  */
void
test_2 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
#pragma memrules push
#pragma memrules ignore "double-free"
  free (p); /* { dg-bogus "double-'free'" } */
#pragma memrules pop
}
