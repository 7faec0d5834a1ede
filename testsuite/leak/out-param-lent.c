/* leak: an out-parameter allocator that also lends the new block to a function
   without a body through a `const T *` parameter (a printer, a checksum) still
   gives the caller the only reference: the reader keeps no copy, so a caller that
   drops the block leaks it (MEM31-C).  Handed to a non-const parameter, the block
   may be kept there: silent.  */
/* { dg-do compile } */

#include <stdlib.h>

struct rec { int a, b; };
void show_rec (const struct rec *r);
void keep_rec (struct rec *r);

static void make_shown (struct rec **out)
{
  *out = calloc (4, sizeof (struct rec));
  if (!*out)
    exit (1);
  (*out)[0].a = 1;
  show_rec (&(*out)[0]);
}

static void make_kept (struct rec **out)
{
  *out = calloc (4, sizeof (struct rec));
  if (!*out)
    exit (1);
  keep_rec (*out);
}

void test_lent_then_dropped (void)
{
  struct rec *r = NULL;
  make_shown (&r); /* { dg-message "allocated here" } */
} /* { dg-warning "leak of 'r'" } */

/* Silent: freed.  */
void test_lent_then_freed (void)
{
  struct rec *r = NULL;
  make_shown (&r);
  free (r);
}

/* Silent: the helper handed it to a function that may keep it.  */
void test_kept_by_callee (void)
{
  struct rec *r = NULL;
  make_kept (&r);
}
