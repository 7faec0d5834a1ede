/* tainted-allocation-size through a global: one function stores a value read
   from outside in a file-scope variable, the function it then calls allocates
   with what the variable holds; the call is the finding, judged by the
   storing function's facts (MEM35-C; CWE-789).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t record_length;
static int slot_count;
struct limits { int rows; size_t cols; } table_limits;

static void make_record (void)
{
  size_t n = record_length;
  char *r = malloc (n);
  if (!r)
    return;
  memset (r, 0, n);
  free (r);
}

static void make_slots (void)
{
  int k = slot_count;
  if (k < 1)
    return;
  long *s = malloc (k * sizeof (long));
  if (!s)
    return;
  s[0] = 0;
  free (s);
}

static void make_slots_capped (void)
{
  if (slot_count > 256)
    return;
  long *s = malloc (slot_count * sizeof (long));
  if (!s)
    return;
  s[0] = 0;
  free (s);
}

static void make_columns (void)
{
  char *c = malloc (table_limits.cols);
  if (!c)
    return;
  c[0] = 0;
  free (c);
}

void read_record (FILE *in)
{
  size_t n;
  if (fscanf (in, "%zu", &n) != 1)
    return;
  record_length = n;
  make_record (); /* { dg-warning "size of 'malloc' in 'make_record' comes from input 'n' with no upper bound" } */
}

void read_record_checked (FILE *in)
{
  size_t n;
  if (fscanf (in, "%zu", &n) != 1 || n > 1 << 20)
    return;
  record_length = n;
  make_record (); /* { dg-bogus "tainted-allocation-size" } */
}

void default_record (void)
{
  record_length = 80;
  make_record (); /* { dg-bogus "tainted-allocation-size" } */
}

void read_slots (const char *text)
{
  char line[32];
  FILE *f = fopen (text, "r");
  if (!f)
    return;
  if (fgets (line, sizeof line, f))
    {
      int k = atoi (line);
      slot_count = k;
      make_slots (); /* { dg-warning "size of 'malloc' in 'make_slots' comes from input 'k'" } */
      make_slots_capped (); /* { dg-bogus "tainted-allocation-size" } */
      slot_count = 4;
      make_slots (); /* { dg-bogus "tainted-allocation-size" } */
    }
  fclose (f);
}

void read_columns (FILE *in)
{
  size_t c;
  if (fscanf (in, "%zu", &c) != 1)
    return;
  table_limits.cols = c;
  make_columns (); /* { dg-warning "size of 'malloc' in 'make_columns' comes from input 'c'" } */
  table_limits.cols = c & 0xff;
  make_columns (); /* { dg-bogus "tainted-allocation-size" } */
}
