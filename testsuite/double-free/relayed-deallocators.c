/* double-free: a deallocator handed on through more than one function of the
   file (`wrapper (p, rel)` gives it to `destroy (p, rel)`, which calls it on p):
   the wrapper frees p as the inner function does, so calling it twice on the same
   pointer frees it twice (CWE-415) and once is quiet.  The order of the
   parameters may change on the way, and a deallocator of the file counts too.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

void show(const char *);

static void destroy(void *p, void (*rel)(void *))
{
  rel(p);
}

static void wrapper(void *p, void (*rel)(void *))
{
  destroy(p, rel);
}

static void outer(void (*rel)(void *), int unused, void *p)
{
  (void) unused;
  wrapper(p, rel);
}

static void maybe_wrapper(void *p, void (*rel)(void *), int now)
{
  if (now)
    destroy(p, rel);
}

static void release_buf(void *p)
{
  free(p);
}

void wrapped_twice(const char *s)
{
  char *p = strdup(s);
  show(p);
  wrapper(p, free);
  wrapper(p, free); /* { dg-warning "double-'free' of 'p'" } */
}

void wrapped_once(const char *s)
{
  char *p = strdup(s);
  show(p);
  wrapper(p, free); /* { dg-bogus "double" } */
}

void reordered_twice(const char *s)
{
  char *p = strdup(s);
  show(p);
  outer(free, 0, p);
  outer(free, 1, p); /* { dg-warning "double-'free' of 'p'" } */
}

void own_releaser_twice(const char *s)
{
  char *p = strdup(s);
  show(p);
  wrapper(p, release_buf);
  wrapper(p, release_buf); /* { dg-warning "double-'free' of 'p'" } */
}

void wrapped_then_used(const char *s)
{
  char *p = strdup(s);
  show(p);
  wrapper(p, free);
  show(p); /* { dg-warning "use after 'free' of 'p'" } */
}

void maybe_twice(const char *s, int now)
{
  char *p = strdup(s);
  show(p);
  maybe_wrapper(p, free, now);
  maybe_wrapper(p, free, !now); /* { dg-bogus "double" } */
}
