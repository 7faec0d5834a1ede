// leak: a helper that allocates into a reference parameter (`T *&out`) and lends
// the block to a `const T *` reader keeps no other reference: the caller that
// drops it leaks it (MEM31-C).  A non-const receiver may keep it: silent.
// { dg-do compile }

#include <cstdlib>

struct Rec { int a, b; };
void show_rec (const Rec *r);
void keep_rec (Rec *r);

static void make_shown (Rec *&out)
{
  out = (Rec *) calloc (4, sizeof (Rec));
  if (!out)
    exit (1);
  out[0].a = 1;
  show_rec (&out[0]);
}

static void make_kept (Rec *&out)
{
  out = new Rec[4];
  keep_rec (out);
}

void test_lent_then_dropped ()
{
  Rec *r = nullptr;
  make_shown (r); // { dg-message "allocated here" }
} // { dg-warning "leak of 'r'" }

// Silent: freed.
void test_lent_then_freed ()
{
  Rec *r = nullptr;
  make_shown (r);
  free (r);
}

// Silent: the helper handed it on.
void test_kept_by_callee ()
{
  Rec *r = nullptr;
  make_kept (r);
}
