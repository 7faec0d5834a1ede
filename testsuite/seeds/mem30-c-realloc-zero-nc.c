/* Seed 003, MEM30-C "Do not access freed memory", noncompliant code example
   (realloc): realloc() may free c_str1 when it returns a null pointer (glibc
   does for size 0), so c_str1 is freed twice.  "diagnostic required".  */
/* { dg-do compile } */
/* The block realloc returns is dropped when f returns (the seed elides the
   code that uses it): a leak (MEM31-C, tested in leak/), not the point of
   this example.  */
/* { dg-prune-output "\[memrules-leak\]" } */

#include <stdlib.h>

void f(char *c_str1, size_t size) {
  char *c_str2 = (char *)realloc(c_str1, size); /* { dg-message "'realloc' frees 'c_str1' when the size is 0" } */
  if (c_str2 == NULL) {
    free(c_str1); // diagnostic required { dg-warning "'free' of 'c_str1' after 'realloc' of size 0 freed it" }
    return;
  }
}
