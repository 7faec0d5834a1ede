/* zero-alloc: an allocation whose size may be 0 on some path, then used as if
   it had room (MEM36-C, MEM04-C; CWE-131).  Off by default, so this file
   turns it on.  The warning is at the use: "allocation of possibly 0 bytes
   for 'p' used as if it had room".  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-memrules-enable=zero-alloc" } */

#include <stdlib.h>
#include <string.h>

extern int cond(void);

/* malloc(n), n unconstrained, then p[0] written; the message format, pinned
   once in full.  */
char *test_1(size_t n)
{
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  p[0] = 1; /* { dg-warning "allocation of possibly 0 bytes for 'p' used as if it had room \(MEM36-C\) \[memrules-zero-alloc\]" } */
  return p;
}

/* A copy of a string sized by strlen, without room for the terminator: the
   size is 0 for an empty string.  */
char *test_2(const char *s)
{
  size_t len = strlen(s);
  char *p = malloc(len);
  if (p == NULL)
    return NULL;
  p[0] = '\0'; /* { dg-warning "allocation of possibly 0 bytes for 'p' used as if it had room" } */
  return p;
}

/* A size that is 0 on one path.  */
char *test_3(void)
{
  size_t n = cond() ? 32 : 0;
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  p[0] = 'a'; /* { dg-warning "allocation of possibly 0 bytes for 'p' used as if it had room" } */
  return p;
}

/* A size by subtraction.  */
char *test_4(size_t len)
{
  if (len == 0)
    return NULL;
  char *p = malloc(len - 1);
  if (p == NULL)
    return NULL;
  p[0] = 'b'; /* { dg-warning "allocation of possibly 0 bytes for 'p' used as if it had room" } */
  return p;
}

/* realloc to a size that may be 0, then written.  */
char *test_5(char *old, size_t n)
{
  char *p = realloc(old, n);
  if (p == NULL)
    return NULL;
  p[0] = 'c'; /* { dg-warning "allocation of possibly 0 bytes for 'p' used as if it had room" "TODO: glibc realloc (p, 0) returns NULL, so the success path has room" { xfail *-*-* } } */
  return p;
}

/* calloc(n, 1), then written.  */
char *test_6(size_t n)
{
  char *p = calloc(n, 1);
  if (p == NULL)
    return NULL;
  p[0] = 'd'; /* { dg-warning "allocation of possibly 0 bytes for 'p' used as if it had room" "TODO: calloc (n, 1): the size is a product of both arguments" { xfail *-*-* } } */
  return p;
}

/* strcpy of a non-empty string into it.  */
char *test_7(size_t n)
{
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  strcpy(p, "x"); /* { dg-warning "allocation of possibly 0 bytes for 'p' used as if it had room" "TODO: GCC folds this strcpy into a sized memcpy before the pass" { xfail *-*-* } } */
  return p;
}
