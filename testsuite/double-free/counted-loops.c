/* double-free: a loop whose counter runs from a constant to a constant frees as
   many times as it iterates (MEM31-C, CWE-415): once is one free, twice is a
   double free.  */
/* { dg-do compile } */

#include <stdlib.h>

/* Allocated in a loop of one iteration, freed in another: silent.  */
void test_1(void)
{
  int *v = NULL;
  for (int i = 0; i < 1; i++) {
    v = malloc(4 * sizeof *v);
    if (v == NULL)
      exit(1);
  }
  for (int k = 0; k < 1; k++)
    free(v); /* { dg-bogus "double-'free'" } */
}

/* The freeing loop runs twice.  */
void test_2(void)
{
  int *v = malloc(4 * sizeof *v);
  if (v == NULL)
    exit(1);
  for (int k = 0; k < 2; k++)
    free(v); /* { dg-warning "double-'free' of 'v'" } */
}

/* Freed in a one-iteration loop, then again after it.  */
void test_3(void)
{
  int *v = malloc(4 * sizeof *v);
  if (v == NULL)
    exit(1);
  for (int k = 0; k < 1; k++)
    free(v); /* { dg-message "first 'free' here" } */
  free(v); /* { dg-warning "double-'free' of 'v'" } */
}

/* A long counted loop with a free in each iteration of its own block: silent,
   and the analysis ends (the exact counter gives way to a range at the join).  */
void test_4(void)
{
  for (long k = 0; k < 100000; k++) {
    int *v = malloc(sizeof *v);
    if (v == NULL)
      exit(1);
    *v = 1;
    free(v); /* { dg-bogus "double-'free'" } */
  }
}
