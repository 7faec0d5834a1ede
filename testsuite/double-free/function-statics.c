/* double-free and use-after-free through a deallocator held in a static
   function pointer or returned by a function (issue 15, allocators and
   deallocators as values): a static pointer nothing else writes keeps its
   initializer, one assignment that runs before the call on every path is what it
   holds, and a function that always returns the same function is that function.
   A pointer that may hold another function stays an unknown call.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

typedef void (*release_fn) (void *);

/* Never written: it is free.  */
static release_fn release_buffer = free;

void test_static_initializer (void)
{
  char *p = malloc (8);
  release_buffer (p); /* { dg-message "first 'free' here" } */
  release_buffer (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Silent: a fresh block for the second release.  */
void test_static_initializer_fresh (void)
{
  char *p = malloc (8);
  release_buffer (p);
  p = malloc (8);
  release_buffer (p); /* { dg-bogus "double-'free'" } */
}

/* Set once, before the calls.  */
static release_fn set_before;

size_t test_set_once (void)
{
  char *s = strdup ("x");
  if (!s)
    return 0;
  set_before = free;
  set_before (s);
  return strlen (s); /* { dg-warning "use after 'free' of 's'" } */
}

/* Silent: set on one path only; on the other it holds what it held before (NULL
   here, or whatever an earlier call left).  */
static release_fn set_sometimes;

void test_set_on_one_path (int c)
{
  char *p = malloc (8);
  if (c)
    set_sometimes = free;
  set_sometimes (p);
  set_sometimes (p); /* { dg-bogus "double-'free'" } */
}

static void
keep (void *d)
{
  (void) d;
}

/* Silent: written in two functions, it holds free or keep.  */
static release_fn chosen = free;

void choose_keep (void)
{
  chosen = keep;
}

void test_written_elsewhere (void)
{
  char *p = malloc (8);
  chosen (p);
  chosen (p); /* { dg-bogus "double-'free'" } */
  free (p);
}

/* A function that always returns free.  */
static release_fn
releaser (void)
{
  return free;
}

void test_returned_function (void)
{
  char *p = malloc (8);
  releaser () (p); /* { dg-message "first 'free' here" } */
  releaser () (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Silent: it returns free or keep.  */
static release_fn
pick (int c)
{
  if (c)
    return free;
  return keep;
}

void test_returned_either (int c)
{
  char *p = malloc (8);
  pick (c) (p);
  pick (c) (p); /* { dg-bogus "double-'free'" } */
}
