/* tainted-allocation-size through the function's own memory: an input value
   stored into a local whose address is taken, or into a union member, and
   loaded back (MEM35-C; CWE-789).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

static void note (int *p) { printf ("%p\n", (void *) p); }

char *copy_through_alias (FILE *in)
{
  char line[32];
  int n = 0;
  int *alias = &n;
  note (alias);
  if (fgets (line, sizeof line, in))
    n = atoi (line);
  return malloc (*alias); /* { dg-warning "comes from input" } */
}

char *copy_through_alias_capped (FILE *in)
{
  char line[32];
  int n = 0;
  int *alias = &n;
  note (alias);
  if (fgets (line, sizeof line, in))
    n = atoi (line);
  if (*alias < 0 || *alias > 4096)
    return NULL;
  return malloc (*alias); /* { dg-bogus "tainted-allocation-size" } */
}

union number { int as_int; unsigned as_unsigned; };

char *copy_through_union (FILE *in)
{
  char line[32];
  union number u;
  u.as_int = 16;
  if (fgets (line, sizeof line, in))
    u.as_int = atoi (line);
  return malloc (u.as_unsigned); /* { dg-warning "comes from input" } */
}

char *copy_through_union_capped (FILE *in)
{
  char line[32];
  union number u;
  u.as_int = 16;
  if (fgets (line, sizeof line, in))
    u.as_int = atoi (line);
  if (u.as_unsigned > 4096)
    return NULL;
  return malloc (u.as_unsigned); /* { dg-bogus "tainted-allocation-size" } */
}

char *copy_overwritten (FILE *in)
{
  char line[32];
  int n = 0;
  note (&n);
  if (fgets (line, sizeof line, in))
    n = atoi (line);
  n = 64;
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}
