/* tainted-allocation-size: a value read in a `do { ... break; } while (0)` block
   joins its initial value from every exit; the join is walked once per distinct
   value, so the input is still seen after a copy through a union (MEM35-C;
   CWE-789).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <unistd.h>

union word { int as_signed; int as_count; };

int *table_from_peer (int fd, int listening)
{
  char text[16];
  int n = -1;
  union word w;
  do
    {
      if (listening < 0)
	break;
      if (fd < 0)
	break;
      if (listen (listening, 4) != 0)
	break;
      ssize_t got = recv (fd, text, sizeof text - 1, 0);
      if (got <= 0)
	break;
      text[got] = 0;
      n = atoi (text);
    }
  while (0);
  w.as_signed = n;
  int count = w.as_count;
  return malloc (count * sizeof (int)); /* { dg-warning "size of 'malloc' comes from input 'count' with no upper bound" } */
}

int *table_from_peer_checked (int fd, int listening)
{
  char text[16];
  int n = -1;
  union word w;
  do
    {
      if (listening < 0)
	break;
      if (fd < 0)
	break;
      if (listen (listening, 4) != 0)
	break;
      ssize_t got = recv (fd, text, sizeof text - 1, 0);
      if (got <= 0)
	break;
      text[got] = 0;
      n = atoi (text);
    }
  while (0);
  w.as_signed = n;
  int count = w.as_count;
  if (count > 1000)
    return NULL;
  return malloc (count * sizeof (int)); /* { dg-bogus "tainted-allocation-size" } */
}
