/* strings.c — make project: clean code, no finding (its log has no results).  */
#include "list.h"

char *
strings_join (const char *a, const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  if (la > 1000 || lb > 1000)
    return NULL;
  char *s = malloc (la + lb + 1);
  if (!s)
    return NULL;
  memcpy (s, a, la);
  memcpy (s + la, b, lb + 1);
  return s;
}
