/* leak: a helper of the file that says by its result whether it left an allocation
   in the caller's pointer (returns 0 iff it allocated *out, or a bool "made it"):
   the caller's branch on the result decides the allocation, so ignoring success
   leaks it and freeing it on success only is silent (MEM31-C, CWE-401).  The branch
   must decide whether the result is 0 (`r != 0`, `r < 0`, `!r`): `r != -1` does
   not, since the caller does not know the result is -1 or 0.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

/* 0 with *out allocated, -1 with *out untouched.  */
static int open_buf(char **out, size_t n)
{
  char *p = malloc(n);
  if (!p)
    return -1;
  memset(p, 0, n);
  *out = p;
  return 0;
}

/* 1 with *out allocated, 0 with *out NULL.  */
static int have_copy(char **out, const char *s)
{
  *out = strdup(s);
  if (!*out)
    return 0;
  return 1;
}

/* Freed on success only: silent.  */
int test_1(size_t n)
{
  char *b = NULL;
  if (open_buf(&b, n) < 0)
    return -1; /* { dg-bogus "leak" } */
  b[0] = 1;
  free(b);
  return 0;
}

/* Success ignored: leaked.  */
int test_2(size_t n)
{
  char *b = NULL;
  if (open_buf(&b, n) != 0)
    return -1; /* { dg-bogus "leak" } */
  return b[0]; /* { dg-warning "leak of 'b'" } */
}

int test_3(const char *s)
{
  char *c;
  if (!have_copy(&c, s))
    return -1; /* { dg-bogus "leak" } */
  free(c);
  return 0;
}

int test_4(const char *s)
{
  char *c;
  if (have_copy(&c, s))
    return c[0]; /* { dg-warning "leak of 'c'" } */
  return -1; /* { dg-bogus "leak" } */
}
