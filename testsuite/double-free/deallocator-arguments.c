/* A deallocator passed as an argument to a function of the unit that calls it
   on another of its arguments (issue 15, allocators and deallocators as values):
   the callee's summary says which parameter it calls on which, so `destroy (p,
   free)` frees p in the caller.  A function that calls what it is given only on
   some paths, or is given a function that does not free, frees nothing.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

typedef void (*release_fn) (void *);

static void
destroy (void *p, release_fn rel)
{
  rel (p);
}

/* Checks for NULL first: still a release wherever p is not NULL.  */
static void
destroy_checked (release_fn rel, void *p)
{
  if (!p)
    return;
  rel (p);
}

static void
release_node (void *n)
{
  free (n);
}

static void
keep (void *n)
{
  (void) n;
}

void test_destroy_then_free (void)
{
  char *p = malloc (8);
  destroy (p, free); /* { dg-message "first 'free' here" } */
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}

size_t test_destroy_with_wrapper (void)
{
  char *s = strdup ("abc");
  if (!s)
    return 0;
  destroy_checked (release_node, s);
  return strlen (s); /* { dg-warning "use after 'free' of 's'" } */
}

/* Silent: the function given keeps the memory.  */
void test_destroy_with_keep (void)
{
  char *p = malloc (8);
  destroy (p, keep);
  free (p); /* { dg-bogus "double-'free'" } */
}

/* Silent: called only when asked, which the caller does not know.  */
static void
maybe_destroy (void *p, release_fn rel, int now)
{
  if (now)
    rel (p);
}

void test_maybe_destroy (int now)
{
  char *p = malloc (8);
  maybe_destroy (p, free, now);
  if (!now)
    free (p); /* { dg-bogus "double-'free'" } */
}

/* Silent: one release through the callee, nothing after it.  */
void test_destroy_once (void)
{
  char *p = malloc (8);
  destroy (p, free);
  p = NULL;
  free (p); /* { dg-bogus "double-'free'" } */
}
