/* Seed 001, MEM31-C "Free dynamically allocated memory when no longer
   needed", compliant solution: the pointer is deallocated with a call to
   free() before it goes out of scope.  */
/* { dg-do compile } */

#include <stdlib.h>

enum { BUFFER_SIZE = 32 };

int f(void) {
  char *text_buffer = (char *)malloc(BUFFER_SIZE);
  if (text_buffer == NULL) {
    return -1; /* { dg-bogus "leak of" } */
  }

  free(text_buffer);
  return 0; /* { dg-bogus "leak of" } */
}
