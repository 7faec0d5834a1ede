/* tainted-allocation-size through an out-parameter: a function of the unit that
   writes a value read from outside where its pointer parameter points is a
   source for the variable its caller passes (MEM35-C; CWE-789).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

static void scan_size (FILE *in, size_t *out)
{
  if (fscanf (in, "%zu", out) != 1)
    *out = 0;
}

static int parse_line (FILE *in, int *count)
{
  char line[32];
  if (!fgets (line, sizeof line, in))
    return 0;
  *count = atoi (line);
  return 1;
}

/* Writes a constant where its parameter points: no input.  */
static void default_size (size_t *out)
{
  *out = 64;
}

/* Passes its parameter on to a function that writes input there.  */
static void scan_size_again (FILE *in, size_t *out)
{
  scan_size (in, out);
}

char *buffer_scanned (FILE *in)
{
  size_t n = 0;
  scan_size (in, &n);
  return malloc (n); /* { dg-warning "size of 'malloc' comes from input 'n' with no upper bound" } */
}

char *buffer_scanned_again (FILE *in)
{
  size_t n = 0;
  scan_size_again (in, &n);
  return malloc (n); /* { dg-warning "size of 'malloc' comes from input 'n'" } */
}

char *buffer_scanned_checked (FILE *in)
{
  size_t n = 0;
  scan_size (in, &n);
  if (n > 4096)
    return NULL;
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}

long *table_parsed (FILE *in)
{
  int k;
  if (!parse_line (in, &k) || k <= 0)
    return NULL;
  return malloc (k * sizeof (long)); /* { dg-warning "size of 'malloc' comes from input 'k'" } */
}

char *buffer_default (void)
{
  size_t n;
  default_size (&n);
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}
