/* leak and null-deref-alloc through a struct returned by value that holds a fresh
   allocation (issue 15, allocators as values): what the callee leaves in the
   aggregate it returns (an out-store into its result) lands in the caller's
   object, `boxed b = boxed_alloc (n);`, so b.ptr is an allocation that may be NULL:
   used unchecked it is a NULL dereference, lost unfreed a leak.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

typedef struct
{
  size_t len;
  char *ptr;
} boxed;

/* Bigger than two registers: returned through memory (a return slot).  */
typedef struct
{
  long tag, spare;
  char *data;
  size_t len;
} wide;

struct pair
{
  int tag;
  boxed inner;
};

boxed kept;
void use (const char *);

static boxed
boxed_alloc (size_t n)
{
  boxed b = { n, malloc (n) };
  return b;
}

static boxed
boxed_alloc_or_die (size_t n)
{
  boxed b;
  b.len = n;
  b.ptr = malloc (n);
  if (!b.ptr)
    abort ();
  return b;
}

static wide
wide_alloc (size_t n)
{
  wide w;
  memset (&w, 0, sizeof w);
  w.data = malloc (n);
  w.len = n;
  return w;
}

static struct pair
pair_alloc (size_t n)
{
  struct pair p;
  p.tag = 1;
  p.inner.len = n;
  p.inner.ptr = malloc (n);
  return p;
}

static void
boxed_free (boxed b)
{
  free (b.ptr);
}

void
unchecked (size_t n)
{
  boxed b = boxed_alloc (n); /* { dg-message "allocated here" } */
  b.ptr[0] = 0; /* { dg-warning "possibly-NULL 'b.ptr'" } */
  free (b.ptr);
}

void
checked (size_t n)
{
  boxed b = boxed_alloc (n);
  if (!b.ptr)
    return;
  b.ptr[0] = 0; /* { dg-bogus "NULL" } */
  free (b.ptr);
}

void
never_null (size_t n)
{
  boxed b = boxed_alloc_or_die (n);
  b.ptr[0] = 0; /* { dg-bogus "NULL" } */
  boxed_free (b);
}

void
lost (size_t n)
{
  boxed b = boxed_alloc (n); /* { dg-message "allocated here" } */
  if (!b.ptr)
    return;
  use (b.ptr);
} /* { dg-warning "leak of 'b.ptr'" } */

boxed
handed_back (size_t n)
{
  boxed b = boxed_alloc (n);
  return b; /* { dg-bogus "leak" } */
}

void
stored (size_t n)
{
  boxed b = boxed_alloc (n);
  kept = b; /* { dg-bogus "leak" } */
}

void
wide_lost (size_t n)
{
  wide w = wide_alloc (n); /* { dg-message "allocated here" } */
  if (!w.data)
    return;
  use (w.data);
} /* { dg-warning "leak of 'w.data'" } */

void
wide_freed (size_t n)
{
  wide w = wide_alloc (n);
  if (!w.data)
    return;
  use (w.data);
  free (w.data); /* { dg-bogus "leak" } */
}

void
nested_unchecked (size_t n)
{
  struct pair p = pair_alloc (n); /* { dg-message "allocated here" } */
  p.inner.ptr[0] = 0; /* { dg-warning "possibly-NULL 'p.inner.ptr'" } */
  free (p.inner.ptr);
}

void
nested_freed (size_t n)
{
  struct pair p = pair_alloc (n);
  if (p.inner.ptr)
    p.inner.ptr[0] = 0; /* { dg-bogus "NULL" } */
  free (p.inner.ptr); /* { dg-bogus "leak" } */
}
