/* header-scope.h — its pragma applies to this header only (header-scope.c).  */
#include <stdlib.h>
#pragma memrules ignore "double-free"

static inline void
header_release_twice (char *p)
{
  free (p);
  free (p); /* silent: ignored in this header */
}
