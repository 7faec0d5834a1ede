/* buffer.c — make project: a read of the old buffer after it was freed.  */
#include "list.h"

char *
buffer_grow (char *buf, size_t n)
{
  char *bigger = malloc (n);
  if (!bigger)
    return NULL;
  memset (bigger, 0, n);
  free (buf); /* { dg-message "freed here" } */
  bigger[0] = buf[0]; /* { dg-warning "use after 'free' of 'buf'" } */
  return bigger;
}
