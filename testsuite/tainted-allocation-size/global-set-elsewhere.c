/* tainted-allocation-size through a global set in one function and read as a
   size in another that the setter does not call (a third function calls both,
   or neither is called here): a global some function of the unit leaves input
   in, unclamped, is input wherever it is read (MEM35-C; CWE-789).  The setter
   defined before the reader and after it (analysed later: judged by its
   statements).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

static size_t wanted;
static size_t capped;
static size_t checked;
static size_t parsed;
static size_t late;
static size_t late_capped;
struct config { int verbose; size_t rows; } conf;
char *table;

void parse_wanted (FILE *f)
{
  if (!f)
    return;
  if (fscanf (f, "%zu", &wanted) != 1)
    wanted = 0;
}

void build_wanted (void)
{
  table = malloc (wanted); /* { dg-warning "size of 'malloc' comes from input 'wanted' with no upper bound" } */
}

void build_wanted_bounded (void)
{
  if (wanted > 4096)
    return;
  table = malloc (wanted); /* { dg-bogus "tainted-allocation-size" } */
}

/* Clamped in the setter before it returns.  */
void parse_capped (FILE *f)
{
  if (fscanf (f, "%zu", &capped) != 1)
    capped = 0;
  if (capped > 4096)
    capped = 4096;
  puts ("read");
}

void build_capped (void)
{
  table = malloc (capped); /* { dg-bogus "tainted-allocation-size" } */
}

/* Every store a value checked before.  */
void parse_checked (FILE *f)
{
  size_t n;
  if (fscanf (f, "%zu", &n) != 1 || n > 4096)
    return;
  checked = n;
}

void build_checked (void)
{
  table = malloc (checked); /* { dg-bogus "tainted-allocation-size" } */
}

/* A number parsed from a line read, stored unchecked.  */
void parse_line (FILE *f)
{
  char line[32];
  if (!fgets (line, sizeof line, f))
    return;
  parsed = strtoul (line, NULL, 10);
}

void build_parsed (void)
{
  table = malloc (parsed + 1); /* { dg-warning "size of 'malloc' comes from input 'parsed' with no upper bound" } */
}

/* A field of a global structure.  */
void parse_rows (FILE *f)
{
  if (fscanf (f, "%zu", &conf.rows) != 1)
    conf.rows = 1;
}

void build_rows (void)
{
  table = malloc (conf.rows); /* { dg-warning "size of 'malloc' comes from input" } */
}

/* The readers first, the setters after.  */
void build_late (void)
{
  table = malloc (late); /* { dg-warning "size of 'malloc' comes from input 'late' with no upper bound" } */
}

void build_late_capped (void)
{
  table = malloc (late_capped); /* { dg-bogus "tainted-allocation-size" } */
}

void parse_late (FILE *f)
{
  if (fscanf (f, "%zu", &late) != 1)
    late = 0;
}

void parse_late_capped (FILE *f)
{
  if (fscanf (f, "%zu", &late_capped) != 1 || late_capped > 512)
    late_capped = 512;
}

int main (void)
{
  parse_wanted (stdin);
  build_wanted ();
  parse_late (stdin);
  build_late ();
  return 0;
}
