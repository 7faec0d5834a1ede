/* K&R-style definitions, implicit int, old-style declarations and calls.  C23 (GCC 15's
   default) has no K&R definitions, and GCC 14 rejects implicit int after C89:
   flags: -std=gnu89  */
#include <stdlib.h>

char *dup_chars ();
int sum ();

char *
dup_chars (s, n)
     char *s;
     int n;
{
  char *p = malloc (n + 1);
  register int i;
  if (!p)
    return 0;
  for (i = 0; i < n; i++)
    p[i] = s[i];
  p[n] = 0;
  return p;
}

sum (a, b, c)
     short a;
     float b;
     char *c;
{
  int r = a + (int) b;
  free (c);
  return r;
}

static
old_static (x)
{
  return x * 2;
}

int
caller ()
{
  char *d = dup_chars ("hello", 5);
  int r = sum (1, 2.0, d);	/* promotions of an unprototyped call */
  return r + old_static (3);
}
