/* null-deref-alloc: the forms of a NULL check that make the use safe
   (MEM32-C, CWE-690).  All silent.  */
/* { dg-do compile } */

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n) __attribute__((malloc, returns_nonnull, alloc_size(1)));

/* if (!p) return.  */
int test_1(void)
{
  char *p = malloc(16);
  if (!p)
    return -1;
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
  return 0;
}

/* if (p == NULL) abort().  */
void test_2(void)
{
  char *p = malloc(16);
  if (p == NULL)
    abort();
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* assert(p): the failing path calls __assert_fail, which does not return.  */
void test_3(void)
{
  char *p = malloc(16);
  assert(p);
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* The use inside if (p).  */
void test_4(void)
{
  int *v = calloc(4, sizeof(int));
  if (v) {
    v[0] = 1; /* { dg-bogus "possibly-NULL" } */
    free(v);
  }
}

/* Checked through a copy.  */
void test_5(void)
{
  char *p = malloc(16);
  char *q = p;
  if (q == NULL)
    return;
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* realloc through a temporary, checked.  */
int test_6(char *old)
{
  char *q = realloc(old, 64);
  if (q == NULL)
    return -1;
  q[0] = 'a'; /* { dg-bogus "possibly-NULL" } */
  free(q);
  return 0;
}

/* Checked with a goto to the error exit.  */
int test_7(const char *s)
{
  char *p = strdup(s);
  if (p == NULL)
    goto fail;
  p[0] = 'x'; /* { dg-bogus "possibly-NULL" } */
  free(p);
  return 0;
fail:
  return -1;
}

/* An allocator declared returns_nonnull (an xmalloc that never returns NULL).  */
void test_8(void)
{
  char *p = xmalloc(16);
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* Both allocations checked in one condition.  */
int test_9(void)
{
  char *a = malloc(8);
  char *b = malloc(8);
  if (a == NULL || b == NULL) {
    free(a);
    free(b);
    return -1;
  }
  a[0] = b[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(a);
  free(b);
  return 0;
}

/* A loop that retries until the allocation succeeds.  */
void test_10(void)
{
  char *p;
  do
    p = malloc(16);
  while (p == NULL);
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* The allocation inside the condition: if (!(p = malloc(n))).  */
int test_11(void)
{
  char *p;
  if (!(p = malloc(16)))
    return -1;
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
  return 0;
}

/* An error path that calls exit().  */
void test_12(void)
{
  char *p = malloc(16);
  if (p == NULL) {
    perror("malloc");
    exit(EXIT_FAILURE);
  }
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* The check stored in a flag, tested later.  */
int test_13(void)
{
  char *p = malloc(16);
  int ok = p != NULL;
  if (!ok)
    return -1;
  p[0] = '\0'; /* { dg-bogus "possibly-NULL" } */
  free(p);
  return 0;
}

/* malloc(0) may return NULL: the check allows NULL when n is 0, and the use
   is guarded by n.  */
int test_14(size_t n)
{
  char *p = malloc(n);
  if (p == NULL && n != 0)
    return -1;
  if (n)
    p[0] = 1; /* { dg-bogus "possibly-NULL" } */
  free(p);
  return 0;
}
