/* tainted-allocation-size through an out-parameter the writer bounds itself: a
   function that reads a value into *out and then caps or clamps it there
   (`if (*out > MAX) *out = MAX;`) gives its caller a bounded value; one that
   leaves it as read does not (MEM35-C; CWE-789).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

static void read_capped (FILE *in, size_t *out)
{
  if (fscanf (in, "%zu", out) != 1 || *out > 4096)
    *out = 0;
}

static void read_clamped (FILE *in, size_t *out)
{
  if (fscanf (in, "%zu", out) != 1)
    *out = 0;
  if (*out > 4096)
    *out = 4096;
}

static void read_raw (FILE *in, size_t *out)
{
  if (fscanf (in, "%zu", out) != 1)
    *out = 0;
}

char *from_capped (FILE *in)
{
  size_t n = 0;
  read_capped (in, &n);
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}

char *from_clamped (FILE *in)
{
  size_t n = 0;
  read_clamped (in, &n);
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}

char *from_raw (FILE *in)
{
  size_t n = 0;
  read_raw (in, &n);
  return malloc (n); /* { dg-warning "size of 'malloc' comes from input 'n' with no upper bound" } */
}
