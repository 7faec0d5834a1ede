/* realloc-zero-free: sizes that cannot be 0 because their addition cannot wrap
   around, given the terms' types and the guards before it (MEM04-C, MEM36-C;
   CWE-415).  Regressions of issue 14, with the forms that must still warn.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Two unsigned ints and a constant, added in size_t: at least 2, at most 2^33.  */
char *test_1(char *p, unsigned n, unsigned offs)
{
  size_t newn = 2 + (size_t)n + offs;
  char *q = realloc(p, newn);
  if (q == NULL) {
    free(p); /* { dg-bogus "realloc" } */
    return NULL;
  }
  return q;
}

/* Two unsigned short fields, added in int.  */
struct buf {
  char *data;
  unsigned short n, offs;
};

int test_2(struct buf *b)
{
  size_t newn = 2 + b->n + b->offs;
  char *q = realloc(b->data, newn);
  if (q == NULL) {
    free(b->data); /* { dg-bogus "realloc" } */
    b->data = NULL;
    return -1;
  }
  b->data = q;
  return 0;
}

/* A header added to the size after a guard against wrap-around.  */
#define HEADER 16
char *test_3(char *p, size_t size)
{
  if (size > SIZE_MAX - HEADER)
    return NULL;
  char *q = realloc(p, size + HEADER);
  if (q == NULL) {
    free(p); /* { dg-bogus "realloc" } */
    return NULL;
  }
  return q;
}

/* A count bounded by a guard, plus one.  */
char *test_4(char *p, size_t n)
{
  if (n > 1000)
    return NULL;
  char *q = realloc(p, n + 1);
  if (q == NULL) {
    free(p); /* { dg-bogus "realloc" } */
    return NULL;
  }
  return q;
}

/* Buggy: an unbounded size_t plus one wraps to 0 at SIZE_MAX.  */
char *test_5(char *p, size_t n)
{
  char *q = realloc(p, n + 1); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (q == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* Buggy: the guard is one short: SIZE_MAX - 15 + 16 is 0.  */
char *test_6(char *p, size_t size)
{
  if (size > SIZE_MAX - HEADER + 1)
    return NULL;
  char *q = realloc(p, size + HEADER); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (q == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* Buggy: a signed count plus two is 0 for -2.  */
char *test_7(char *p, int n)
{
  char *q = realloc(p, n + 2); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (q == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* Buggy: the size as it came, unbounded.  */
char *test_8(char *p, size_t n)
{
  char *q = realloc(p, n); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (q == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}
