/* #pragma memrules ignore "slug": the rule is not reported from the pragma's line to
   the end of the file; other rules still are, and lines before it are not affected.  */

#include <stdlib.h>
#include <string.h>

/* 1: before the pragma, reported.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}

#pragma memrules ignore "double-free"

/* 2: after it, silent.  */
void
test_2 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}

/* 3: another rule is still reported.  */
void
test_3 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* 4: a pragma inside a function applies from its line on.  */
void
test_4 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
#pragma memrules ignore "use-after-free"
  strcpy (out, p); /* { dg-bogus "use after" } */
}

/* 5: and still to the end of the file, past the function.  */
void
test_5 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-bogus "use after" } */
}
