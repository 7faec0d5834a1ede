/* use-after-free and double-free through a struct passed by value (issue 15,
   allocators and deallocators as values): a function that takes the struct and
   never writes its copy reads the caller's fields, so its summary's frees and
   reads are about them: `boxed_free (b); use (b.ptr);` uses freed memory.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

typedef struct
{
  char *ptr;
  size_t len;
} boxed;

struct pair
{
  int tag;
  boxed inner;
};

void use (const char *);

static boxed
boxed_alloc (size_t n)
{
  boxed b;
  b.ptr = malloc (n);
  b.len = n;
  return b;
}

static void
boxed_free (boxed b)
{
  free (b.ptr);
}

static size_t
boxed_len (boxed b)
{
  return strlen (b.ptr);
}

static void
pair_free (struct pair p)
{
  free (p.inner.ptr);
}

void test_use_after_boxed_free (size_t n)
{
  boxed b = boxed_alloc (n);
  if (!b.ptr)
    return;
  boxed_free (b); /* { dg-message "freed here" } */
  use (b.ptr); /* { dg-warning "use after 'free' of 'b.ptr'" } */
}

void test_boxed_free_twice (size_t n)
{
  boxed b = boxed_alloc (n);
  boxed_free (b); /* { dg-message "first 'free' here" } */
  boxed_free (b); /* { dg-warning "double-'free' of 'b.ptr'" } */
}

void test_nested_field_twice (struct pair p)
{
  pair_free (p); /* { dg-message "first 'free' here" } */
  free (p.inner.ptr); /* { dg-warning "double-'free' of 'p.inner.ptr'" } */
}

/* Silent: a new struct after the free.  */
void test_fresh_after_free (size_t n)
{
  boxed b = boxed_alloc (n);
  boxed_free (b);
  b = boxed_alloc (n);
  use (b.ptr); /* { dg-bogus "use after 'free'" } */
  boxed_free (b); /* { dg-bogus "double-'free'" } */
}

/* Silent: reading through the copy, then one free.  */
size_t test_read_then_free (size_t n)
{
  boxed b = boxed_alloc (n);
  if (!b.ptr)
    return 0;
  b.ptr[0] = '\0';
  size_t len = boxed_len (b);
  boxed_free (b); /* { dg-bogus "double-'free'|use after" } */
  return len;
}

/* A callee that frees only on some paths frees nothing for its callers.  */
static void
boxed_free_if (boxed b, int now)
{
  if (now)
    free (b.ptr);
}

/* Silent: the caller frees on the other path.  */
void test_free_if (size_t n, int now)
{
  boxed b = boxed_alloc (n);
  boxed_free_if (b, now);
  if (!now)
    free (b.ptr); /* { dg-bogus "double-'free'" } */
}

/* A callee that writes its copy owns it: silent, nothing is claimed of the
   caller's struct.  */
static void
boxed_take (boxed b)
{
  b.ptr = NULL;
  use (b.ptr);
}

void test_callee_writes_copy (size_t n)
{
  boxed b = boxed_alloc (n);
  boxed_take (b);
  free (b.ptr); /* { dg-bogus "double-'free'" } */
}
