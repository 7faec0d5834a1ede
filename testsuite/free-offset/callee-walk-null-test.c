/* free-offset through a function of the unit whose free is under a NULL test of
   the pointer it moved: `while (*s == ' ') s++; if (s) free (s);`.  The moved
   pointer is NULL only where the parameter is (arithmetic on NULL is undefined),
   so the free is past the start of what the caller passed whenever the walk
   moved: reported in the callee (once; not again at the call).  A callee that tests and frees the pointer it was given is silent.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

static void trim_and_free (char *s)
{
  while (*s == ' ')
    s++;
  if (s)
    free (s); /* { dg-warning "which points past the start of what the caller passed" } */
}

static void scan_and_free (char *s)
{
  char *q = s;
  while (*q == ' ')
    q++;
  if (q)
    free (s);
}

void test_1 (void)
{
  char *line = malloc (8);
  if (!line)
    return;
  strcpy (line, "  ab");
  trim_and_free (line); /* { dg-bogus "does not point to the start" } */
}

/* Its silent twin: the walk is on a copy, the free of the pointer given.  */
void test_2 (void)
{
  char *line = malloc (8);
  if (!line)
    return;
  strcpy (line, "  ab");
  scan_and_free (line); /* { dg-bogus "does not point to the start" } */
}
