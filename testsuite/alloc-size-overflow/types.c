/* alloc-size-overflow: operand types that make overflow impossible in a
   64-bit size_t, and calloc, which checks its own product in glibc (silent by
   decision) (MEM35-C, MEM37-C; CWE-190).  All silent.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* An unsigned short count times a small sizeof.  */
int *test_1(unsigned short n)
{
  return malloc(n * sizeof(int)); /* { dg-bogus "may overflow" } */
}

/* An unsigned int count times sizeof(double): at most 2^35.  */
double *test_2(unsigned int n)
{
  return malloc(n * sizeof(double)); /* { dg-bogus "may overflow" } */
}

/* Two 16-bit values.  */
unsigned char *test_3(uint16_t w, uint16_t h)
{
  return malloc((size_t)w * h); /* { dg-bogus "may overflow" } */
}

/* An unsigned char count.  */
long *test_4(unsigned char n)
{
  return malloc(n * sizeof(long)); /* { dg-bogus "may overflow" } */
}

/* calloc(n, sizeof(T)): glibc checks the product.  */
int *test_5(size_t n)
{
  return calloc(n, sizeof(int)); /* { dg-bogus "may overflow" } */
}

/* calloc of two variables.  */
void *test_6(size_t n, size_t size)
{
  return calloc(n, size); /* { dg-bogus "may overflow" } */
}

/* A uint32_t count plus one, times a sizeof: still far below 2^64.  */
uint64_t *test_7(uint32_t n)
{
  return malloc(((size_t)n + 1) * sizeof(uint64_t)); /* { dg-bogus "may overflow" } */
}
