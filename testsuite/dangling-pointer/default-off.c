/* dangling-pointer is off by default: nothing without enable=.  */
#include <stdlib.h>
struct conn { char *name; };
void test_1(struct conn *c)
{
  free(c->name); /* { dg-bogus "dangling" } */
}
