/* free-offset of a parameter walked only under an integer static flag: the
   function frees past the start of what it is given on the paths with the flag
   set, reported in the function when such a path can happen (the flag is written
   somewhere in the unit); a flag nothing in the unit writes keeps its 0, and the
   walk never runs.  Its callers, whatever flag they set, are not warned again.  */
/* { dg-do compile } */

#include <stdlib.h>

static int trim_mode;
static int never_set;

void set_trim_mode(int on)
{
  trim_mode = on;
}

static void drop_trimmed(char *p)
{
  if (trim_mode)
    {
      while (*p == ' ')
	p++;
    }
  free(p); /* { dg-warning "'free' of 'p' which points past the start of what the caller passed" } */
}

/* The same under a flag never set: silent.  */
void drop_if_never(char *p)
{
  if (never_set)
    {
      while (*p == ' ')
	p++;
    }
  free(p); /* { dg-bogus "points past the start" } */
}

void caller_clear(void)
{
  char *p = malloc(8);
  if (!p)
    return;
  p[0] = '\0';
  trim_mode = 0;
  drop_trimmed(p); /* { dg-bogus "does not point to the start" } */
}

void caller_set(void)
{
  char *p = malloc(8);
  if (!p)
    return;
  p[0] = '\0';
  trim_mode = 1;
  drop_trimmed(p); /* { dg-bogus "does not point to the start" } */
}
