/* exclude-third-party.h — stands for third-party code (exclude.c excludes it).  */
#include <stdlib.h>

static inline void
third_party_release_twice (char *p)
{
  free (p);
  free (p);
}
