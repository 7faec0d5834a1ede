/* Seed 001, MEM31-C exception MEM31-C-EX1: allocated memory does not need to
   be freed if it is assigned to a pointer whose lifetime includes program
   termination -- here a static variable.  Silent.  */
/* { dg-do compile } */

#include <stdlib.h>

enum { BUFFER_SIZE = 32 };

int f(void) {
  static char *text_buffer = NULL;
  if (text_buffer == NULL) {
    text_buffer = (char *)malloc(BUFFER_SIZE);
    if (text_buffer == NULL) {
      return -1; /* { dg-bogus "leak of" } */
    }
  }
  return 0; /* { dg-bogus "leak of" } */
}
