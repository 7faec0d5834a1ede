/* Static functions nothing calls, which GCC drops before the pass at -O1 and
   above, that free through a wrapper of the file rather than call free
   themselves: they are analysed as they are dropped, the wrapper's summary
   applying, so the findings are the same at every level (docs/rules.md, "What
   the analysis sees").  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

/* A wrapper GCC keeps (it is not static).  */
void
release_text (char *p)
{
  free (p); /* { dg-message "frees it here" } */
}

/* A wrapper of the wrapper.  */
void
release_twice_removed (char *p)
{
  release_text (p);
}

static void
drop_twice (char *p)
{
  release_text (p); /* { dg-message "first 'free' here" } */
  release_text (p); /* { dg-warning "double-'free' of 'p'" } */
}

static size_t
measure_released (char *s)
{
  release_twice_removed (s); /* { dg-message "freed here" } */
  return strlen (s); /* { dg-warning "use after 'free' of 's'" } */
}

/* Silent: released once.  */
static void
drop_once (char *p)
{
  release_text (p); /* { dg-bogus "double-'free'" } */
}

/* Silent: a new block between the two releases.  */
static void
drop_each (void)
{
  char *p = malloc (4);
  release_text (p);
  p = malloc (4);
  release_text (p); /* { dg-bogus "double-'free'" } */
}
