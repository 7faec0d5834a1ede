/* alloc-size-overflow: products that cannot overflow -- compile-time
   constants, operands bounded by a dominating check, __builtin_mul_overflow
   (MEM35-C, MEM37-C; CWE-190).  All silent.  */
/* { dg-do compile } */

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct rec {
  double x, y;
  int id;
};

enum { COUNT = 64 };

/* A constant product.  */
struct rec *test_1(void)
{
  return malloc(16 * sizeof(struct rec)); /* { dg-bogus "may overflow" } */
}

/* A constant product through an enum.  */
int *test_2(void)
{
  return malloc(COUNT * sizeof(int)); /* { dg-bogus "may overflow" } */
}

/* The SIZE_MAX / sizeof guard (the seed's MEM31-C compliant solution).  */
int *test_3(size_t n)
{
  if (n > SIZE_MAX / sizeof(int)) {
    errno = EOVERFLOW;
    return NULL;
  }
  return malloc(n * sizeof(int)); /* { dg-bogus "may overflow" } */
}

/* A small upper bound.  */
struct rec *test_4(size_t n)
{
  if (n >= 1000)
    return NULL;
  return malloc(n * sizeof(struct rec)); /* { dg-bogus "may overflow" } */
}

/* The bound checked the other way round, the allocation inside.  */
double *test_5(size_t n)
{
  if (n < 4096)
    return malloc(n * sizeof(double)); /* { dg-bogus "may overflow" } */
  return NULL;
}

/* __builtin_mul_overflow computes the size.  */
void *test_6(size_t n, size_t size)
{
  size_t total;
  if (__builtin_mul_overflow(n, size, &total))
    return NULL;
  return malloc(total); /* { dg-bogus "may overflow" } */
}

/* Both factors bounded.  */
unsigned char *test_7(size_t w, size_t h)
{
  if (w > 65535 || h > 65535)
    return NULL;
  return malloc(w * h); /* { dg-bogus "may overflow" } */
}

/* The separate-statement form with a guard.  */
char *test_8(size_t n)
{
  if (n > SIZE_MAX / 16)
    return NULL;
  size_t sz = n * 16;
  return malloc(sz); /* { dg-bogus "may overflow" } */
}

/* The division check written as a product check: n != 0 && total / n == size.  */
void *test_9(size_t n, size_t size)
{
  size_t total = n * size;
  if (n != 0 && total / n != size)
    return NULL;
  return malloc(total); /* { dg-bogus "may overflow" } */
}

/* The count clamped to a maximum.  */
int *test_10(size_t n)
{
  if (n > 1000)
    n = 1000;
  return malloc(n * sizeof(int)); /* { dg-bogus "may overflow" } */
}
