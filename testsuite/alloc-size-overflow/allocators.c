/* alloc-size-overflow: the other allocators -- realloc, aligned_alloc, alloca
   and a user allocator declared with alloc_size (MEM35-C; CWE-190).  The
   message names the allocator.  */
/* { dg-do compile } */

#include <alloca.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *pool_get(size_t n) __attribute__((alloc_size(1)));

/* realloc(p, n * sizeof *p).  */
int *test_1(int *p, size_t n)
{
  int *q = realloc(p, n * sizeof *p); /* { dg-warning "multiplication in the size of 'realloc' may overflow" } */
  if (q == NULL)
    return NULL;
  return q;
}

/* aligned_alloc with a product.  */
double *test_2(size_t n)
{
  return aligned_alloc(64, n * 64); /* { dg-warning "multiplication in the size of 'aligned_alloc' may overflow" } */
}

/* alloca with a product.  */
size_t test_3(const char *s, size_t n)
{
  char *tmp = alloca(n * 8); /* { dg-warning "multiplication in the size of 'alloca' may overflow" } */
  tmp[0] = s[0];
  return (size_t)tmp[0];
}

/* A user allocator declared with alloc_size.  */
void *test_4(size_t n)
{
  return pool_get(n * 32); /* { dg-warning "multiplication in the size of 'pool_get' may overflow" } */
}

/* realloc with a guard.  Silent.  */
int *test_5(int *p, size_t n)
{
  if (n > SIZE_MAX / sizeof *p)
    return NULL;
  int *q = realloc(p, n * sizeof *p); /* { dg-bogus "may overflow" } */
  if (q == NULL)
    return NULL;
  return q;
}

/* aligned_alloc with a constant.  Silent.  */
double *test_6(void)
{
  return aligned_alloc(64, 16 * 64); /* { dg-bogus "may overflow" } */
}

/* alloca with a bounded count.  Silent.  */
size_t test_7(const char *s, size_t n)
{
  if (n > 128)
    return 0;
  char *tmp = alloca(n * 8 + 2); /* { dg-bogus "may overflow" } */
  tmp[0] = s[0];
  tmp[1] = '\0';
  return strlen(tmp);
}
