/* tainted-allocation-size through a field of a structure the caller passes: a
   function that reads a value into cfg->n and clamps it there before it returns
   gives its caller a bounded field; one that leaves it as read, or reads the
   whole structure, does not (MEM35-C; CWE-789).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

#define MAX_ROWS 4096

struct config
{
  int verbose;
  size_t rows;
};

static void read_clamped (FILE *in, struct config *cfg)
{
  if (fscanf (in, "%zu", &cfg->rows) != 1)
    cfg->rows = 1;
  if (cfg->rows > MAX_ROWS)
    cfg->rows = MAX_ROWS;
}

static void read_stored_clamped (FILE *in, struct config *cfg)
{
  char line[32];
  cfg->rows = 1;
  if (fgets (line, sizeof line, in))
    cfg->rows = strtoul (line, NULL, 10);
  if (cfg->rows > MAX_ROWS)
    cfg->rows = MAX_ROWS;
}

static void read_raw (FILE *in, struct config *cfg)
{
  if (fscanf (in, "%zu", &cfg->rows) != 1)
    cfg->rows = 1;
}

static void read_checked_late (FILE *in, struct config *cfg)
{
  if (fscanf (in, "%zu", &cfg->rows) != 1)
    cfg->rows = 1;
  if (cfg->rows > MAX_ROWS)
    puts ("too many rows");
}

static void read_whole (FILE *in, struct config *cfg)
{
  if (fread (cfg, sizeof *cfg, 1, in) != 1)
    cfg->rows = 1;
}

char *from_clamped (FILE *in)
{
  struct config c;
  read_clamped (in, &c);
  return malloc (c.rows); /* { dg-bogus "tainted-allocation-size" } */
}

char *from_stored_clamped (FILE *in)
{
  struct config c;
  read_stored_clamped (in, &c);
  return malloc (c.rows); /* { dg-bogus "tainted-allocation-size" } */
}

char *from_raw (FILE *in)
{
  struct config c;
  read_raw (in, &c);
  return malloc (c.rows); /* { dg-warning "size of 'malloc' comes from input" } */
}

char *from_checked_late (FILE *in)
{
  struct config c;
  read_checked_late (in, &c);
  return malloc (c.rows); /* { dg-warning "size of 'malloc' comes from input" } */
}

char *from_whole (FILE *in)
{
  struct config c;
  read_whole (in, &c);
  return malloc (c.rows); /* { dg-warning "size of 'malloc' comes from input" } */
}
