// null-deref-alloc through a function of the unit that reallocates its caller's
// pointer through a reference parameter and may fail (mr_out_store REALLOC,
// may_null): the caller's pointer may be NULL after the call, as after a realloc
// of its own.  The callee's own line reports the block lost when it fails.
// { dg-do compile }

#include <stdlib.h>
#include <string.h>

static void grow(char *&p, size_t n)
{
  p = (char *) realloc(p, n); // { dg-warning "leak of '\*p' if 'realloc' fails" }
}

// Aborts when realloc fails: never NULL for its callers.
static void grow_or_die(char *&p, size_t n)
{
  char *q = (char *) realloc(p, n);
  if (!q)
    abort();
  p = q;
}

// Keeps the caller's block when realloc fails: a realloc that may fail, no leak.
static void grow_kept(char *&p)
{
  char *q = (char *) realloc(p, 64);
  if (q)
    p = q;
}

// Frees the caller's block when realloc fails and leaves NULL: nothing the
// caller can be held to (not summarised as a realloc).
static void grow_or_release(char *&p)
{
  char *q = (char *) realloc(p, 64);
  if (!q)
    free(p);
  p = q;
}

void unchecked(size_t n)
{
  char *p = (char *) malloc(4);
  if (!p)
    return;
  grow(p, n);
  p[0] = 'x'; // { dg-warning "dereference of possibly-NULL 'p'" }
  free(p);
}

void from_null(size_t n)
{
  char *p = NULL;
  grow(p, n);
  strcpy(p, "hi"); // { dg-warning "dereference of possibly-NULL 'p'" }
  free(p);
}

// Silent: checked after the call.
void checked(size_t n)
{
  char *p = (char *) malloc(4);
  if (!p)
    return;
  grow(p, n);
  if (!p)
    return;
  p[0] = 'x'; // { dg-bogus "possibly-NULL" }
  free(p);
}

// Silent: the callee never returns NULL.
void never_null(size_t n)
{
  char *p = NULL;
  grow_or_die(p, n);
  p[0] = 'x'; // { dg-bogus "possibly-NULL" }
  free(p);
}

// Silent: the caller's block stays when it fails, and it was checked.
void kept(void)
{
  char *p = (char *) malloc(4);
  if (!p)
    return;
  grow_kept(p);
  p[0] = 'x'; // { dg-bogus "possibly-NULL" }
  free(p); // { dg-bogus "double" }
}

// Silent: checked.
void released(void)
{
  char *p = (char *) malloc(4);
  if (!p)
    return;
  grow_or_release(p);
  if (p == NULL)
    return; // { dg-bogus "leak" }
  p[0] = 'x';
  free(p);
}
