// null-deref-alloc: a helper that stores malloc's result into a reference
// parameter (`T *&p`) without looking at it leaves NULL there when the allocation
// fails; the caller's unchecked dereference is MEM32-C's.  A caller that checks,
// or a helper using `new` (which throws): silent.
// { dg-do compile }

#include <cstdlib>

struct Rec { int a, b; };

static void make (Rec *&out)
{
  out = (Rec *) malloc (sizeof (Rec));
}

static void make_new (Rec *&out)
{
  out = new Rec;
}

void test_unchecked ()
{
  Rec *r = nullptr;
  make (r); // { dg-message "allocated here" }
  r->a = 1; // { dg-warning "dereference of possibly-NULL 'r'" }
  free (r);
}

// Silent: checked by the caller.
void test_caller_checks ()
{
  Rec *r = nullptr;
  make (r);
  if (!r)
    return;
  r->a = 1;
  free (r);
}

// Silent: new never returns NULL.
void test_new ()
{
  Rec *r = nullptr;
  make_new (r);
  r->a = 1;
  delete r;
}
