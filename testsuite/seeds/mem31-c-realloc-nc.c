/* Seed 001, MEM31-C "Free dynamically allocated memory exactly once",
   noncompliant code example (realloc()): when size is 0, glibc's realloc()
   frees p and returns NULL, so the free(p) on the failure path frees it a
   second time (see MEM04-C).  The seed prints a fragment ("p is a pointer to
   dynamically allocated memory"); here p and size are parameters.  f is the
   fragment as printed, f_ret the same with the new block returned.  */
/* { dg-do compile } */
/* In f, the block realloc returns is dropped where the fragment ends (the
   seed elides the code that uses it): a leak (MEM31-C, tested in leak/), not
   the point of this example.  */
/* { dg-prune-output "\[memrules-leak\]" } */

#include <stdlib.h>

void f(char *p, size_t size) {
  char *p2;
  /* p is a pointer to dynamically allocated memory */
  p2 = realloc(p, size); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (p2 == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return;
  }
}

char *f_ret(char *p, size_t size) {
  char *p2;
  /* p is a pointer to dynamically allocated memory */
  p2 = realloc(p, size); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (p2 == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return p2;
}
