/* glibc redirects some functions to a newer standard's version by an asm label:
   under C23 (GCC 15's default dialect; glibc 2.38 and later) strtol is
   __isoc23_strtol.  It is still strtol: it reads its argument and writes only
   through endptr.  */
/* { dg-options "-std=gnu2x" } */
#include <stdlib.h>

long read_before_write(void)
{
  char *buf = malloc(16);
  if (buf == NULL)
    return -1;
  long v = strtol(buf, NULL, 10); /* { dg-warning "read of uninitialized memory 'buf'" } */
  free(buf);
  return v;
}

long end_pointer_written(const char *s)
{
  char **end = malloc(sizeof *end);
  if (end == NULL)
    return -1;
  long v = strtol(s, end, 10);
  if (**end != '\0') /* { dg-bogus "uninitialized" } */
    v = 0;
  free(end);
  return v;
}
