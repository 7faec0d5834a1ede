/* realloc-zero-free: the old pointer used after realloc(p, n) returned NULL
   when n may be 0 (MEM04-C, MEM36-C; CWE-415): "use of 'p' after 'realloc' of
   size 0 freed it".  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The old block read on the failure path.  */
int test_1(char *p, size_t n)
{
  char *q = realloc(p, n); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (q == NULL)
    return p[0]; /* { dg-warning "use of 'p' after 'realloc' of size 0 freed it \(MEM04-C\) \[memrules-realloc-zero-free\]" } */
  free(q);
  return 0;
}

/* Written on the failure path.  */
char *test_2(char *p, size_t n)
{
  char *q = realloc(p, n);
  if (q == NULL) {
    p[0] = '\0'; /* { dg-warning "use of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* Passed to strlen on the failure path.  */
size_t test_3(char *p, size_t n)
{
  char *q = realloc(p, n);
  if (q == NULL)
    return strlen(p); /* { dg-warning "use of 'p' after 'realloc' of size 0 freed it" } */
  free(q);
  return n;
}

/* Printed with %s on the failure path.  */
char *test_4(char *p, size_t n)
{
  char *q = realloc(p, n);
  if (q == NULL) {
    fprintf(stderr, "cannot grow %s\n", p); /* { dg-warning "use of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* The same with the size checked first.  Silent.  */
char *test_5(char *p, size_t n)
{
  if (n == 0)
    return p;
  char *q = realloc(p, n);
  if (q == NULL) {
    fprintf(stderr, "cannot grow %s\n", p); /* { dg-bogus "after 'realloc' of size 0" } */
    return p;
  }
  return q;
}

/* Constant size, the old block still valid and used.  Silent.  */
int test_6(char *p)
{
  char *q = realloc(p, 64);
  if (q == NULL) {
    int c = p[0]; /* { dg-bogus "after 'realloc' of size 0" } */
    free(p);
    return c;
  }
  free(q);
  return 0;
}
