/* reallocf (BSD, libbsd's <bsd/stdlib.h>) frees its argument when it fails:
   on the failure path the old block is freed, not kept, so freeing it there is
   a double free (MEM31-C, CWE-415), using it a use after free (MEM30-C,
   CWE-416), and `p = reallocf (p, n)` loses nothing.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void *reallocf(void *ptr, size_t size);

/* The realloc idiom kept for reallocf: the failure path frees the old block
   again.  */
int test_1(size_t n)
{
  char *p = malloc(8);
  if (!p)
    return -1;
  char *q = reallocf(p, n); /* { dg-message "first 'reallocf' here" } */
  if (!q) {
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    return -1;
  }
  free(q);
  return 0;
}

/* Used on the failure path.  */
int test_2(size_t n)
{
  char *p = malloc(8);
  if (!p)
    return -1;
  p[0] = 0;
  char *q = reallocf(p, n);
  if (!q)
    return p[0]; /* { dg-warning "use after 'reallocf' of 'p'" } */
  free(q);
  return 0;
}

/* The reallocf idiom: nothing leaked, nothing freed twice.  */
int test_3(size_t n)
{
  char *p = malloc(8);
  if (!p)
    return -1;
  p = reallocf(p, n);
  if (!p)
    return -1; /* { dg-bogus "leak" } */
  free(p);
  return 0;
}

/* The grown block itself still leaks.  */
void test_4(size_t n)
{
  char *p = malloc(8);
  if (!p)
    return;
  char *q = reallocf(p, n); /* { dg-message "allocated here" } */
  if (!q)
    return;
} /* { dg-warning "leak of 'q'" } */
