/* null-deref-alloc: a helper that stores malloc's result through its pointer
   parameter without looking at it, and tells its caller nothing else (no result,
   or a result the caller drops; no error code elsewhere), leaves NULL there when
   the allocation fails.  The caller's unchecked dereference is MEM32-C's, as for
   `p = malloc (n); p->a = 1;`.  A caller that checks, a helper that checks (and
   gives up or says so), one with an error channel besides the pointer, or a
   helper whose allocator never returns NULL: silent.  */
/* { dg-do compile } */

#include <stdlib.h>

struct rec { int a, b; };
extern void *xmalloc (size_t) __attribute__ ((returns_nonnull, malloc));

static void make (struct rec **out)
{
  *out = malloc (sizeof (struct rec));
}

static int make_coded (struct rec **out)
{
  *out = malloc (sizeof (struct rec));
  return 0;
}

static void make_checked (struct rec **out)
{
  *out = malloc (sizeof (struct rec));
  if (!*out)
    exit (1);
}

static void make_with_error (struct rec **out, int *err)
{
  *out = malloc (sizeof (struct rec));
  *err = 0;
}

static void make_never_null (struct rec **out)
{
  *out = xmalloc (sizeof (struct rec));
}

void test_unchecked (void)
{
  struct rec *r = NULL;
  make (&r); /* { dg-message "allocated here" } */
  r->a = 1; /* { dg-warning "dereference of possibly-NULL 'r'" } */
  free (r);
}

/* The result dropped: the pointer is all the caller can check.  */
void test_result_dropped (void)
{
  struct rec *r = NULL;
  make_coded (&r); /* { dg-message "allocated here" } */
  r->b = 2; /* { dg-warning "dereference of possibly-NULL 'r'" } */
  free (r);
}

/* Silent: checked by the caller.  */
void test_caller_checks (void)
{
  struct rec *r = NULL;
  make (&r);
  if (!r)
    return;
  r->a = 1;
  free (r);
}

/* Silent: checked by the helper.  */
void test_helper_checks (void)
{
  struct rec *r = NULL;
  make_checked (&r);
  r->a = 1;
  free (r);
}

/* Silent: the helper has another channel (the caller may check err).  */
void test_error_channel (void)
{
  struct rec *r = NULL;
  int err;
  make_with_error (&r, &err);
  r->a = err;
  free (r);
}

/* Silent: the allocator never returns NULL.  */
void test_never_null (void)
{
  struct rec *r = NULL;
  make_never_null (&r);
  r->a = 1;
  free (r);
}
