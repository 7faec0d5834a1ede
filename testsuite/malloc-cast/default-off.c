/* malloc-cast is off by default.  */
#include <stdlib.h>
void test_1(void)
{
  int *p = (int *) malloc(sizeof *p); /* { dg-bogus "cast" } */
  free(p);
}
