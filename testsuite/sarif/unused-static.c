/* A finding in a static function nothing calls, for the SARIF test
   (testsuite/integration, test `sarif`): at -O2 GCC drops the function before
   the pass and memrules analyses it in a child process, whose result must reach
   the sarif= log all the same.  */

#include <stdlib.h>

static void
drop_twice (char *p)
{
  free (p); /* { dg-message "first 'free' here" } */
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}
