/* util.c — checked allocation for the engine.  Running out of memory inside a
   compiler has no useful recovery; report it and stop, as GCC's own xmalloc does.  */

#include "util.h"

#include <stdio.h>
#include <stdlib.h>

static void
out_of_memory (size_t n)
{
  fprintf (stderr, "memrules: out of memory allocating %zu bytes\n", n);
  abort ();
}

void *
mr_xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    out_of_memory (n);
  return p;
}

void *
mr_xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (!p)
    out_of_memory (n * size);
  return p;
}

void *
mr_xrealloc (void *p, size_t n)
{
  void *q = realloc (p, n ? n : 1);
  if (!q)
    out_of_memory (n);
  return q;
}
