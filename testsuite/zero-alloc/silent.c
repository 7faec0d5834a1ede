/* zero-alloc: sizes that cannot be 0 where the block is used, and uses that
   respect the size (MEM36-C, MEM04-C; CWE-131).  All silent.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-memrules-enable=zero-alloc" } */

#include <stdlib.h>
#include <string.h>

/* n == 0 handled first.  */
char *test_1(size_t n)
{
  if (n == 0)
    return NULL;
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  p[0] = 1; /* { dg-bogus "possibly 0 bytes" } */
  return p;
}

/* A constant size.  */
char *test_2(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return NULL;
  p[0] = 1; /* { dg-bogus "possibly 0 bytes" } */
  return p;
}

/* The use guarded by n > 0.  */
char *test_3(size_t n)
{
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  if (n > 0)
    p[0] = 1; /* { dg-bogus "possibly 0 bytes" } */
  return p;
}

/* The size raised to at least 1.  */
char *test_4(size_t n)
{
  if (n < 1)
    n = 1;
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  p[0] = 1; /* { dg-bogus "possibly 0 bytes" } */
  return p;
}

/* memset of exactly n bytes: no room assumed.  */
char *test_5(size_t n)
{
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  memset(p, 0, n); /* { dg-bogus "possibly 0 bytes" } */
  return p;
}

/* Never used, only freed.  */
void test_6(size_t n)
{
  char *p = malloc(n);
  free(p); /* { dg-bogus "possibly 0 bytes" } */
}

/* n checked with !n.  */
char *test_7(const char *s, size_t n)
{
  if (!n)
    return NULL;
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  p[0] = s[0]; /* { dg-bogus "possibly 0 bytes" } */
  return p;
}
