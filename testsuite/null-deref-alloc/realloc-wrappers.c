/* null-deref-alloc (MEM32-C, CWE-690) through realloc wrappers: one that aborts
   when realloc fails never returns NULL to its callers (silent); one that passes
   realloc's result on must be checked.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void out_of_memory(void) __attribute__((noreturn));

static void *xrealloc(void *p, size_t n)
{
  void *q = realloc(p, n);
  if (!q)
    out_of_memory();
  return q;
}

static void *plain_realloc(void *p, size_t n)
{
  return realloc(p, n);
}

void test_1(char *p)
{
  p = xrealloc(p, 10);
  p[0] = 1; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

void test_2(char *p)
{
  char *q = plain_realloc(p, 10);
  q[0] = 1; /* { dg-warning "dereference of possibly-NULL 'q'" } */
  free(q);
}
