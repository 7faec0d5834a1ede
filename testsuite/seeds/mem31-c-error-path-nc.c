/* Seed 001, MEM31-C "Free dynamically allocated memory exactly once",
   noncompliant code example (malloc()): the memory referred to by x may be
   freed twice, once if error_condition is true and again at the end.
   test: f is the example as printed (the comment stands where the code that
   uses x and sets error_condition would be); f_use is the same with that code
   written as a call, so error_condition is not a known constant.  */
/* { dg-do compile } */
/* The unguarded n * sizeof(int) belongs to other rules (MEM35-C, MEM04-C),
   tested in their own folders; only the double free is checked here.  */
/* { dg-prune-output "\[memrules-(alloc-size-overflow|zero-alloc)\]" } */

#include <stdlib.h>

extern int use(int *x);

int f(size_t n) {
  int error_condition = 0;

  int *x = (int *)malloc(n * sizeof(int));
  if (x == NULL)
    return -1;

  /* Use x and set error_condition on error. */

  if (error_condition == 1) {
    /* Handle error condition*/
    free(x); /* { dg-message "first 'free' here" } */
  }

  /* ... */
  free(x); /* { dg-warning "double-'free' of 'x'" } */
  return error_condition;
}

int f_use(size_t n) {
  int error_condition = 0;

  int *x = (int *)malloc(n * sizeof(int));
  if (x == NULL)
    return -1;

  error_condition = use(x);

  if (error_condition == 1) {
    /* Handle error condition*/
    free(x); /* { dg-message "first 'free' here" } */
  }

  /* ... */
  free(x); /* { dg-warning "double-'free' of 'x'" } */
  return error_condition;
}
