/* tainted-allocation-size across the functions of the unit: a function whose
   result is read from outside is an input for its callers, and a function whose
   parameter becomes an allocation's size with no bound on the way is a sink, the
   call that passes it input the finding; bounded forms on either side are silent
   (MEM35-C; CWE-789).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sources.  */

static size_t scanned_count (FILE *in)
{
  size_t n = 0;
  if (fscanf (in, "%zu", &n) != 1)
    return 0;
  return n;
}

static int environment_count (void)
{
  const char *s = getenv ("ITEMS");
  return s ? atoi (s) : 16;
}

static int environment_count_checked (void)
{
  const char *s = getenv ("ITEMS");
  int n = s ? atoi (s) : 16;
  if (n < 0 || n > 1024)
    return 16;
  return n;
}

static int environment_count_clamped (void)
{
  const char *s = getenv ("ITEMS");
  int n = s ? atoi (s) : 16;
  if (n > 1024)
    n = 1024;
  return n;
}

/* A source's source.  */
static size_t scanned_twice (FILE *in)
{
  return scanned_count (in) * 2;
}

char *buffer_for_scanned (FILE *in)
{
  return malloc (scanned_count (in)); /* { dg-warning "size of 'malloc' comes from input" } */
}

char *buffer_for_environment (void)
{
  return malloc (environment_count ()); /* { dg-warning "size of 'malloc' comes from input" } */
}

char *buffer_for_scanned_twice (FILE *in)
{
  return malloc (scanned_twice (in)); /* { dg-warning "size of 'malloc' comes from input" } */
}

char *buffer_for_environment_checked (void)
{
  return malloc (environment_count_checked ()); /* { dg-bogus "tainted-allocation-size" } */
}

char *buffer_for_environment_clamped (void)
{
  return malloc (environment_count_clamped ()); /* { dg-bogus "tainted-allocation-size" } */
}

char *buffer_for_scanned_checked (FILE *in)
{
  size_t n = scanned_count (in);
  if (n > 4096)
    return NULL;
  return malloc (n); /* { dg-bogus "tainted-allocation-size" } */
}

/* Sinks.  */

static void greet_into (size_t n)
{
  if (n > 6)		/* a lower bound only */
    {
      char *p = malloc (n);
      if (!p)
	exit (1);
      strcpy (p, "hello");
      puts (p);
      free (p);
    }
}

static void greet_into_window (size_t n)
{
  if (n > 6 && n < 100)
    {
      char *p = malloc (n);
      if (!p)
	exit (1);
      strcpy (p, "hello");
      puts (p);
      free (p);
    }
}

static void greet_into_refusing (size_t n)
{
  if (n > 4096)
    return;
  char *p = malloc (n + 6);
  if (!p)
    exit (1);
  strcpy (p, "hello");
  puts (p);
  free (p);
}

static void greet_into_clamped (size_t n)
{
  if (n > 4096)
    n = 4096;
  char *p = malloc (n + 6);
  if (!p)
    exit (1);
  strcpy (p, "hello");
  puts (p);
  free (p);
}

/* A sink's sink, and a wrapper that returns the allocation.  */
static void greet_twice_into (size_t n)
{
  greet_into (n * 2);
}

static char *block_of (size_t n)
{
  return malloc (n);
}

void greet_scanned (FILE *in)
{
  size_t n;
  if (fscanf (in, "%zu", &n) != 1)
    return;
  greet_into (n); /* { dg-warning "size of 'malloc' in 'greet_into' comes from input 'n'" } */
}

void greet_scanned_checked (FILE *in)
{
  size_t n;
  if (fscanf (in, "%zu", &n) != 1)
    return;
  if (n < 100)
    greet_into (n); /* { dg-bogus "tainted-allocation-size" } */
}

void greet_scanned_bounded_callees (FILE *in)
{
  size_t n;
  if (fscanf (in, "%zu", &n) != 1)
    return;
  greet_into_window (n); /* { dg-bogus "tainted-allocation-size" } */
  greet_into_refusing (n); /* { dg-bogus "tainted-allocation-size" } */
  greet_into_clamped (n); /* { dg-bogus "tainted-allocation-size" } */
}

void greet_scanned_twice (FILE *in)
{
  size_t n;
  if (fscanf (in, "%zu", &n) != 1)
    return;
  greet_twice_into (n); /* { dg-warning "size of 'malloc' in 'greet_twice_into' comes from input 'n'" } */
}

void greet_through_pointer (FILE *in)
{
  void (*greet) (size_t) = greet_into;
  greet (scanned_count (in)); /* { dg-warning "size of 'malloc' in 'greet_into' comes from input" } */
}

char *block_for_environment (void)
{
  return block_of (environment_count ()); /* { dg-warning "size of 'malloc' in 'block_of' comes from input" } */
}

char *block_for_constant (void)
{
  return block_of (64); /* { dg-bogus "tainted-allocation-size" } */
}
