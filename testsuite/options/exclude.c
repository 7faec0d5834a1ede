/* exclude=GLOB[:GLOB]: no findings in matching files, here the included header;
   this file does not match and still reports.  */
/* { dg-options "-fplugin-arg-memrules-exclude=*no-such-dir[/]*:*[/]exclude-third-party.h" } */

#include "exclude-third-party.h"

/* 1: the header's function is excluded (its double free is silent).  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  third_party_release_twice (p);
}

/* 2: this file is not excluded.  */
void
test_2 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}
