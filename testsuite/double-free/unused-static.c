/* Static functions nothing calls: GCC compiles them at -O0 and drops them unseen
   at -O1 and above, before the pass; memrules analyses them as they are dropped,
   so the findings are the same at every level (docs/rules.md, "What the analysis
   sees").  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Buggy: freed twice, in a function nobody calls.  */
static void
release_twice (char *p)
{
  free (p); /* { dg-message "first 'free' here" } */
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Silent twin.  */
static void
release_once (char *p)
{
  free (p);
  p = NULL;
  free (p); /* { dg-bogus "double-'free'" } */
}

/* A helper only an unused function calls, and that caller: the helper's summary
   (it frees its argument) holds in the caller.  */
static void
drop (char *s)
{
  free (s);
}

static size_t
drop_then_measure (void)
{
  char *s = strdup ("text");
  if (!s)
    return 0;
  drop (s);
  return strlen (s); /* { dg-warning "use after 'free' of 's'" } */
}

/* With a function-local static and a table, which GCC drops too.  */
static const char *const names[] = { "a", "b" };

static const char *
name_of (int i)
{
  static int calls;
  calls++;
  char *copy = malloc (8);
  if (!copy)
    return NULL;
  free (copy);
  copy[0] = 0; /* { dg-warning "use after 'free' of 'copy'" } */
  return names[i & 1];
}

/* A static inline function nothing calls is not compiled at -O0 either: not
   analysed at any level.  */
static inline void
inline_twice (char *p)
{
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}

int
used_entry (int x)
{
  return x + 1;
}
