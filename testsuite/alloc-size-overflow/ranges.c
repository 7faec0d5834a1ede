/* alloc-size-overflow: products bounded by what the code says about their
   factors -- a guard in any of its arithmetic forms (a quotient, GCC's overflow
   flag, OpenBSD's MUL_NO_OVERFLOW test), a length (less than the size of its
   object), a field's type (MEM35-C, MEM37-C; CWE-190).  Regressions of issue 14,
   with the forms that must still warn.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MUL_NO_OVERFLOW ((size_t)1 << (sizeof(size_t) * 4))

/* OpenBSD's reallocarray guard: both factors below 2^32, or the division test.  */
void *test_1(size_t n, size_t s)
{
  if ((n >= MUL_NO_OVERFLOW || s >= MUL_NO_OVERFLOW) && n > 0 && SIZE_MAX / n < s)
    return NULL;
  return malloc(n * s); /* { dg-bogus "may overflow" } */
}

/* The quotient guard with a variable size.  */
void *test_2(size_t n, size_t s)
{
  if (s != 0 && n > SIZE_MAX / s)
    return NULL;
  return malloc(n * s); /* { dg-bogus "may overflow" } */
}

/* The same, the quotient in a variable, the comparison the other way round.  */
void *test_3(size_t n, size_t s)
{
  if (s == 0)
    return NULL;
  size_t max = SIZE_MAX / s;
  if (max < n)
    return NULL;
  return malloc(n * s); /* { dg-bogus "may overflow" } */
}

/* A string's length plus one, times sizeof (wchar_t).  */
wchar_t *test_4(const char *s)
{
  return malloc((strlen(s) + 1) * sizeof(wchar_t)); /* { dg-bogus "may overflow" } */
}

/* The length in a variable first.  */
wchar_t *test_5(const char *s)
{
  size_t len = strlen(s);
  return malloc((len + 1) * sizeof(wchar_t)); /* { dg-bogus "may overflow" } */
}

/* Buggy: the guard tests another product than the one allocated.  */
void *test_6(size_t n, size_t s, size_t t)
{
  if (t != 0 && n > SIZE_MAX / t)
    return NULL;
  return malloc(n * s); /* { dg-warning "may overflow" } */
}

/* Buggy: MUL_NO_OVERFLOW tested with && instead of ||: n >= 2^32 with s below
   it skips the division test.  */
void *test_7(size_t n, size_t s)
{
  if (n >= MUL_NO_OVERFLOW && s >= MUL_NO_OVERFLOW && SIZE_MAX / n < s)
    return NULL;
  return malloc(n * s); /* { dg-warning "may overflow" } */
}

/* Buggy: a length times another unbounded count.  */
void *test_8(const char *s, size_t count)
{
  return malloc(strlen(s) * count); /* { dg-warning "may overflow" } */
}

/* Buggy: the guard logs and goes on.  */
extern void note_big(size_t n);
void *test_9(size_t n, size_t s)
{
  if (s != 0 && n > SIZE_MAX / s)
    note_big(n);
  return malloc(n * s); /* { dg-warning "may overflow" } */
}

/* A range test, which GCC folds into one unsigned comparison at -O1 and above
   (n - 1 > 999).  */
long *test_10(size_t n)
{
  if (n == 0 || n > 1000)
    return NULL;
  return malloc(n * sizeof(long)); /* { dg-bogus "may overflow" } */
}

/* Buggy: the range test's outside.  */
long *test_11(size_t n)
{
  if (n >= 1 && n <= 1000)
    return NULL;
  return malloc(n * sizeof(long)); /* { dg-warning "may overflow" } */
}
