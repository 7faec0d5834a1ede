/* Seed 003, MEM30-C "Do not access freed memory", compliant solution
   (realloc): no size argument of zero reaches realloc().  The seed interleaves
   two revisions: f is the current one (the object is freed when size is 0),
   f_older the earlier one (it returns).  */
/* { dg-do compile } */
/* The block realloc returns is dropped when f returns (the seed elides the
   code that uses it): a leak (MEM31-C, tested in leak/), not the point of
   this example.  */
/* { dg-prune-output "\[memrules-leak\]" } */

#include <stdlib.h>

void f(char *c_str1, size_t size) {
  if (size != 0) {
    char *c_str2 = (char *)realloc(c_str1, size);
    if (c_str2 == NULL) {
      free(c_str1); /* { dg-bogus "after 'realloc' of size 0|double-'free'" } */
    }
  }
  else {
    free(c_str1); /* { dg-bogus "after 'realloc' of size 0|double-'free'" } */
  }
}

void f_older(char *c_str1, size_t size) {
  if (size != 0) {
    char *c_str2 = (char *)realloc(c_str1, size);
    if (c_str2 == NULL) {
      free(c_str1); /* { dg-bogus "after 'realloc' of size 0|double-'free'" } */
    }
  }
  else return;
}
