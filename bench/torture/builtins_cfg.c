/* Builtins (__builtin_malloc/free/realloc, object size, expect, unreachable, trap),
   case ranges, Duff's device, gotos into loops, infinite loops, empty functions.  */
#include <stdlib.h>
#include <string.h>

int
builtins (int n)
{
  char *p = __builtin_malloc (n + 8);
  if (__builtin_expect (!p, 0))
    return -1;
  size_t os = __builtin_object_size (p, 0);
  __builtin_memset (p, 0, n + 8);
  p = __builtin_realloc (p, n + 16);
  if (!p)
    __builtin_trap ();
  int r = (int) os + __builtin_popcount (n) + __builtin_clz (n | 1);
  __builtin_free (p);
  if (n < -1000)
    __builtin_unreachable ();
  return r + __builtin_constant_p (n);
}

void
duff (char *to, const char *from, int count)
{
  char *tmp = malloc (count + 1);
  int n = (count + 7) / 8;
  switch (count % 8)
    {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
               } while (--n > 0);
    }
  free (tmp);
}

int
ranges (int c)
{
  char *p = NULL;
  switch (c)
    {
    case 'a' ... 'z':
      p = malloc (1);
      break;
    case '0' ... '9':
      free (p);
      return 1;
    case -1000 ... -1:
      goto inside;
    default:
      break;
    }
  for (int i = 0; i < c; i++)
    {
    inside:
      if (p)
        p[0] = (char) c;
    }
  free (p);
  return 0;
}

void
forever (char *p)
{
  free (p);
  for (;;)
    ;
}

void
empty (void)
{
}

int
unreachable_code (int n)
{
  return n;
  char *dead = malloc (1);
  free (dead);
  free (dead);
  return 0;
}

__attribute__ ((noreturn)) void
spin_and_free (char *p)
{
  while (1)
    {
      free (p);
      p = malloc (1);
    }
}
