/* sensitive-free is off by default.  */
#include <stdlib.h>
void test_1(char *password)
{
  free(password); /* { dg-bogus "sensitive" } */
}
