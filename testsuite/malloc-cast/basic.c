/* malloc-cast (MEM02-A, CWE-704, off by default): in C the result of malloc and
   friends needs no cast.  Memory handling is correct throughout: only the casts
   matter here.  */
/* { dg-options "-fplugin-arg-memrules-enable=malloc-cast" } */

#include <stdlib.h>

struct node { int v; struct node *next; };

/* The classic cast.  */
void test_1(void)
{
  int *p = (int *) malloc(sizeof *p); /* { dg-warning "the result of 'malloc' is cast to 'int \*'; in C the cast is not needed \(MEM02-A\) \[memrules-malloc-cast\]" } */
  free(p);
}

/* No cast: silent.  */
void test_2(void)
{
  int *p = malloc(sizeof *p); /* { dg-bogus "cast" } */
  free(p);
}

/* calloc and a struct type.  */
void test_3(void)
{
  struct node *n = (struct node *) calloc(1, sizeof *n); /* { dg-warning "the result of 'calloc' is cast to 'struct node \*'" } */
  free(n);
}

/* realloc.  */
char *test_4(char *old)
{
  char *p = (char *) realloc(old, 16); /* { dg-warning "the result of 'realloc' is cast to 'char \*'" } */
  if (!p)
    free(old);
  return p;
}

/* A cast to void *: nothing to say.  */
void test_5(void)
{
  void *p = (void *) malloc(8); /* { dg-bogus "cast" } */
  free(p);
}

/* An assignment without a cast: silent.  */
void test_6(void)
{
  double *d;
  d = malloc(sizeof *d); /* { dg-bogus "cast" } */
  free(d);
}

/* A cast inside a larger expression (sloppy code, which the other rules see too).  */
int test_7(void)
{
  int v = *(int *) calloc(1, sizeof(int)); /* { dg-warning "the result of 'calloc' is cast to 'int \*'" } { dg-warning "dereference of possibly-NULL memory" } */
  return v; /* { dg-warning "leak of memory" } */
}

/* aligned_alloc.  */
void test_8(void)
{
  long *p = (long *) aligned_alloc(64, 64); /* { dg-warning "the result of 'aligned_alloc' is cast to 'long int \*'" } */
  free(p);
}

/* Returned without a cast: silent.  */
struct node *test_9(void)
{
  return malloc(sizeof(struct node)); /* { dg-bogus "cast" } */
}

/* Returned with a cast.  */
struct node *test_10(void)
{
  return (struct node *) malloc(sizeof(struct node)); /* { dg-warning "the result of 'malloc' is cast" } */
}

/* A pragma silences it for the rest of the file.  */
#pragma memrules ignore "malloc-cast"
void test_11(void)
{
  int *p = (int *) malloc(sizeof *p); /* { dg-bogus "cast" } */
  free(p);
}
