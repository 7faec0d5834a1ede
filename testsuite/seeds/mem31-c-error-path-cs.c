/* Seed 001, MEM31-C "Free dynamically allocated memory exactly once",
   compliant solution: x is freed only once, because the call to free() is gone
   from the error branch; the solution also checks n * sizeof(int) for
   overflow.  f is the solution as printed, f_use the same with the use of x
   written as a call.  */
/* { dg-do compile } */
/* CERT's solution still lets n be 0; zero-length allocations are MEM04-C's
   business (zero-alloc), tested in its own folder.  */
/* { dg-prune-output "\[memrules-zero-alloc\]" } */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

extern int use(int *x);

int f(size_t n) {
  int error_condition = 0;

  if (n > SIZE_MAX / sizeof(int)) {
    errno = EOVERFLOW;
    return -1;
  }

  int *x = (int *)malloc(n * sizeof(int));
  if (x == NULL) {
    /* Report allocation failure to caller. */
    return -1;
  }

  /* Use x and set error_condition on error. */

  if (error_condition != 0) {
    /* Handle error condition and proceed. */
  }

  free(x); /* { dg-bogus "double-'free'" } */
  return error_condition;
}

int f_use(size_t n) {
  int error_condition = 0;

  if (n > SIZE_MAX / sizeof(int)) {
    errno = EOVERFLOW;
    return -1;
  }

  int *x = (int *)malloc(n * sizeof(int));
  if (x == NULL) {
    /* Report allocation failure to caller. */
    return -1;
  }

  error_condition = use(x);

  if (error_condition != 0) {
    /* Handle error condition and proceed. */
  }

  free(x); /* { dg-bogus "double-'free'" } */
  return error_condition;
}
