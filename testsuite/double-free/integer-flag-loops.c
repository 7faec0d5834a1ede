/* double-free found only when a loop on an integer flag (`while (more)`) exits
   after more than one iteration (MEM31-C, CWE-415).  The test `more != 0` of one
   iteration says nothing of the flag's next value: the exit on a later iteration
   must still be followed.  */
/* { dg-do compile } */

#include <stdlib.h>

extern int next_chunk(void);

/* The second iteration frees p; leaving then frees it again.  */
void flag_loop(void)
{
  char *p = malloc(4);
  int more = 1;
  int first = 1;
  while (more)
    {
      if (!first)
	free(p); /* { dg-warning "double-'free' of 'p'" } */
      first = 0;
      more = next_chunk() > 0;
    }
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* The same loop freeing nothing: one free after it.  */
void flag_loop_ok(void)
{
  char *p = malloc(4);
  int more = 1;
  while (more)
    more = next_chunk() > 0;
  free(p);
}
