/* free-nonheap (MEM34-C, CWE-590): a nonzero integer constant made a pointer
   and released.  No allocation returns it, whatever it stands for (a sentinel
   such as (void *) -1, an address).  Zero is NULL: freeing it is allowed.  */
/* { dg-do compile } */

#include <stdlib.h>

#define SENTINEL ((void *) -1)

void test_1(void)
{
  free((void *) 1234); /* { dg-warning "'free' of .* which points to memory not on the heap" } */
}

void test_2(void)
{
  free(SENTINEL); /* { dg-warning "not on the heap" } */
}

void *test_3(size_t n)
{
  return realloc((void *) 0x1000, n); /* { dg-warning "not on the heap" } */
}

/* NULL: silent.  */
void test_4(void)
{
  free((void *) 0); /* { dg-bogus "not on the heap" } */
}

/* A sentinel tested before the free: silent.  */
void test_5(void *p)
{
  if (p != SENTINEL)
    free(p); /* { dg-bogus "not on the heap" } */
}

/* TODO: the constant through a variable.  */
void test_6(void)
{
  char *p = (char *) 0x1000;
  free(p); /* { dg-warning "not on the heap" "TODO: a constant address through a variable" { xfail *-*-* } } */
}
