/* tainted-allocation-size: an input value kept in memory (its address given to
   the input function, or a struct field read by read/recv) and clamped there,
   `if (n > MAX) n = MAX;`: the clamped value is bounded; a clamp on the wrong
   side, or on one path only, still leaves input (MEM35-C; CWE-789).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/socket.h>

#define LIMIT 4096

char *count_clamped (FILE *in)
{
  int n;
  if (fscanf (in, "%d", &n) != 1 || n < 0)
    return NULL;
  if (n > LIMIT)
    n = LIMIT;
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}

char *count_raised_not_clamped (FILE *in)
{
  int n;
  if (fscanf (in, "%d", &n) != 1 || n < 0)
    return NULL;
  if (n < LIMIT)
    n = LIMIT;
  return malloc (n); /* { dg-warning "comes from input 'n'" } */
}

char *count_clamped_on_one_path (FILE *in, int strict)
{
  int n;
  if (fscanf (in, "%d", &n) != 1 || n < 0)
    return NULL;
  if (strict && n > LIMIT)
    n = LIMIT;
  return malloc (n); /* { dg-warning "comes from input 'n'" } */
}

char *count_refused_through_pointer (FILE *in)
{
  int n;
  int *where = &n;
  if (fscanf (in, "%d", where) != 1 || n < 0)
    return NULL;
  if (n > LIMIT)
    return NULL;
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}

char *count_refused_wrong_way (FILE *in)
{
  int n;
  int *where = &n;
  if (fscanf (in, "%d", where) != 1 || n < 0)
    return NULL;
  if (n < 16)
    return NULL;
  return malloc (n); /* { dg-warning "comes from input 'n'" } */
}

struct header { unsigned length; unsigned kind; };

char *body_read_clamped (int fd)
{
  struct header h;
  if (read (fd, &h, sizeof h) != (ssize_t) sizeof h)
    return NULL;
  if (h.length > LIMIT)
    h.length = LIMIT;
  return malloc (h.length); /* { dg-bogus "tainted-allocation-size" } */
}

char *body_received_clamped (int fd)
{
  struct header h;
  if (recv (fd, &h, sizeof h, 0) != (ssize_t) sizeof h)
    return NULL;
  if (h.length > LIMIT)
    h.length = LIMIT;
  return malloc (h.length); /* { dg-bogus "tainted-allocation-size" } */
}

char *body_received_raised (int fd)
{
  struct header h;
  if (recv (fd, &h, sizeof h, 0) != (ssize_t) sizeof h)
    return NULL;
  if (h.length < LIMIT)
    h.length = LIMIT;
  return malloc (h.length); /* { dg-warning "comes from input 'h.length'" } */
}

/* The clamp of another field bounds nothing.  */
char *body_received_other_field_clamped (int fd)
{
  struct header h;
  if (recv (fd, &h, sizeof h, 0) != (ssize_t) sizeof h)
    return NULL;
  if (h.kind > LIMIT)
    h.kind = LIMIT;
  return malloc (h.length); /* { dg-warning "comes from input 'h.length'" } */
}

/* Read again in a loop after the clamp: each read is clamped.  */
void chunks_clamped (int fd, void (*use) (char *))
{
  struct header h;
  while (read (fd, &h, sizeof h) == (ssize_t) sizeof h)
    {
      if (h.length > LIMIT)
	h.length = LIMIT;
      char *p = malloc (h.length); /* { dg-bogus "tainted-allocation-size" } */
      use (p);
    }
}

void chunks_unclamped (int fd, void (*use) (char *))
{
  struct header h;
  unsigned last = 0;
  while (read (fd, &h, sizeof h) == (ssize_t) sizeof h)
    {
      if (last > LIMIT)
	h.length = LIMIT;
      char *p = malloc (h.length); /* { dg-warning "comes from input 'h.length'" } */
      use (p);
      last = h.length;
    }
}
