/* Seed 001, MEM31-C "Free dynamically allocated memory exactly once",
   compliant solution (realloc()): allocations of zero bytes are prevented, so
   p is freed exactly once.  f is the solution as printed, f_ret the same with
   the new block returned.  */
/* { dg-do compile } */
/* In f, the block realloc returns is dropped where the fragment ends (the
   seed elides the code that uses it): a leak (MEM31-C, tested in leak/), not
   the point of this example.  */
/* { dg-prune-output "\[memrules-leak\]" } */

#include <stdlib.h>

void f(char *p, size_t size) {
  char *p2;
  /* p is a pointer to dynamically allocated memory */
  if (size) {
    p2 = realloc(p, size);
    if (p2 == NULL) {
      free(p); /* { dg-bogus "after 'realloc' of size 0|double-'free'" } */
      return;
    }
  } else {
    free(p); /* { dg-bogus "after 'realloc' of size 0|double-'free'" } */
  }
}

char *f_ret(char *p, size_t size) {
  char *p2;
  /* p is a pointer to dynamically allocated memory */
  if (size) {
    p2 = realloc(p, size);
    if (p2 == NULL) {
      free(p); /* { dg-bogus "after 'realloc' of size 0|double-'free'" } */
      return NULL;
    }
    return p2;
  } else {
    free(p); /* { dg-bogus "after 'realloc' of size 0|double-'free'" } */
  }
  return NULL;
}
