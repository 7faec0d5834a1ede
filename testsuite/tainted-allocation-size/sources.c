/* tainted-allocation-size: sizes read from outside the program reach an
   allocation with no upper bound (MEM35-C; CWE-789), next to the same sizes
   bounded by a guard or by their type, which stay silent.  */
/* { dg-do compile } */

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* A count scanned from a stream; the message format, pinned once in full.  */
char *scan_count (FILE *in)
{
  size_t count = 0;
  if (fscanf (in, "%zu", &count) != 1)
    return NULL;
  return malloc (count); /* { dg-warning "size of 'malloc' comes from input 'count' with no upper bound \(MEM35-C\) \[memrules-tainted-allocation-size\]" } */
}

/* The same count with a ceiling first.  Silent.  */
char *scan_count_capped (FILE *in)
{
  size_t count = 0;
  if (fscanf (in, "%zu", &count) != 1)
    return NULL;
  if (count > 65536)
    return NULL;
  return malloc (count); /* { dg-bogus "tainted-allocation-size" } */
}

/* A floor is no bound.  */
double *parse_line (FILE *in)
{
  char line[64];
  if (!fgets (line, sizeof line, in))
    return NULL;
  long n = strtol (line, NULL, 10);
  if (n < 1)
    return NULL;
  /* { dg-prune-output "multiplication in the size" } */
  return malloc (n * sizeof (double)); /* { dg-warning "comes from input 'n' with no upper bound" } */
}

/* Both ends checked.  Silent.  */
double *parse_line_checked (FILE *in)
{
  char line[64];
  if (!fgets (line, sizeof line, in))
    return NULL;
  long n = strtol (line, NULL, 10);
  if (n < 1 || n > 4096)
    return NULL;
  return malloc (n * sizeof (double)); /* { dg-bogus "tainted-allocation-size" } */
}

/* A length word off a socket, in network order.  */
struct header { uint32_t magic, length; };

void *read_frame (int sock)
{
  struct header h;
  if (recv (sock, &h, sizeof h, 0) != (ssize_t) sizeof h)
    return NULL;
  return malloc (ntohl (h.length)); /* { dg-warning "comes from input with no upper bound" } */
}

void *read_frame_capped (int sock)
{
  struct header h;
  if (recv (sock, &h, sizeof h, 0) != (ssize_t) sizeof h)
    return NULL;
  uint32_t len = ntohl (h.length);
  if (len > (1u << 20))
    return NULL;
  return malloc (len); /* { dg-bogus "tainted-allocation-size" } */
}

/* A 16-bit length is bounded by its type.  Silent.  */
void *read_short_frame (int fd)
{
  uint16_t len;
  if (read (fd, &len, sizeof len) != (ssize_t) sizeof len)
    return NULL;
  return malloc (ntohs (len)); /* { dg-bogus "tainted-allocation-size" } */
}

/* The environment is input; a literal is not.  */
char *from_environment (void)
{
  const char *s = getenv ("BUFFER_SIZE");
  if (!s)
    return NULL;
  return malloc (atoi (s) + 1); /* { dg-warning "comes from input with no upper bound" } */
}

char *from_literal (void)
{
  return malloc (atoi ("128")); /* { dg-bogus "tainted-allocation-size" } */
}

/* rand () is bounded only by RAND_MAX; a remainder bounds it.  */
int *random_table (void)
{
  int n = rand ();
  return malloc (n * sizeof (int)); /* { dg-warning "comes from input 'n' with no upper bound" } */
}

int *random_table_small (void)
{
  int n = rand () % 100;
  return malloc (n * sizeof (int)); /* { dg-bogus "tainted-allocation-size" } */
}

/* A size read on one path, a constant on the other: reported on the first.  */
char *maybe_read (FILE *in, int ask, char *old)
{
  size_t n = 16;
  if (ask && fscanf (in, "%zu", &n) != 1)
    return NULL;
  return realloc (old, n); /* { dg-warning "size of 'realloc' comes from input 'n'" } */
}

/* A size parsed from input, clamped.  Silent.  */
char *clamped (void)
{
  char buf[32];
  long n;
  if (!fgets (buf, sizeof buf, stdin))
    return NULL;
  n = strtol (buf, NULL, 0);
  if (n >= 1000)
    n = 999;
  return malloc (n + 1); /* { dg-bogus "tainted-allocation-size" } */
}

/* A clamp that bounds from below only.  */
char *clamped_below (void)
{
  char buf[32];
  long n;
  if (!fgets (buf, sizeof buf, stdin))
    return NULL;
  n = strtol (buf, NULL, 0);
  if (n < 16)
    n = 16;
  return malloc (n); /* { dg-warning "comes from input 'n' with no upper bound" } */
}

/* main's arguments are input.  */
int main (int argc, char **argv)
{
  if (argc < 2)
    return 1;
  char *p = malloc (atol (argv[1])); /* { dg-warning "comes from input with no upper bound" } */
  free (p);
  return 0;
}

/* An overflow check is not a maximum: the size may still be anything up to
   SIZE_MAX.  */
double *overflow_checked_only (FILE *in)
{
  size_t n = 0;
  if (fscanf (in, "%zu", &n) != 1 || n > SIZE_MAX / sizeof (double))
    return NULL;
  return malloc (n * sizeof (double)); /* { dg-warning "comes from input 'n' with no upper bound" } */
}
