/* Seed 001, MEM31-C "Free dynamically allocated memory when no longer
   needed", noncompliant code example: the object allocated by malloc() is not
   freed before the lifetime of the last pointer to it, text_buffer, ends.  The
   leak is reported where that lifetime ends, at the return.  */
/* { dg-do compile } */

#include <stdlib.h>

enum { BUFFER_SIZE = 32 };

int f(void) {
  char *text_buffer = (char *)malloc(BUFFER_SIZE); /* { dg-message "allocated here" } */
  if (text_buffer == NULL) {
    return -1; /* { dg-bogus "leak of" } */
  }
  return 0; /* { dg-warning "leak of 'text_buffer'" } */
}
