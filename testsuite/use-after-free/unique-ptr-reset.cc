// std::unique_ptr<T>::reset as memrules models it: the held pointer is deleted,
// then the new one is held (issue 16, smart pointers beyond the local case).
// { dg-do compile }

#include <memory>

struct S { int v; };

// A raw pointer taken with get () and used after reset () deleted it.
void test_use_after_reset ()
{
  std::unique_ptr<S> u (new S);
  S *raw = u.get ();
  u.reset ();   // { dg-message "'delete' here|deleted here|freed here" }
  raw->v = 1;   // { dg-warning "use after 'delete' of 'raw'" }
}

// The same after reset (q): the old object is gone, the new one is held.
void test_use_after_reset_to_new ()
{
  std::unique_ptr<S> u (new S);
  S *raw = u.get ();
  u.reset (new S); // { dg-message "'delete' here|deleted here|freed here" }
  raw->v = 1;      // { dg-warning "use after 'delete' of 'raw'" }
}

// Silent: the new object is used, through get ().
void test_use_new_after_reset ()
{
  std::unique_ptr<S> u (new S);
  u.reset (new S);
  u.get ()->v = 1; // { dg-bogus "use after" }
} // { dg-bogus "leak|double" }

// Silent: reset () on an empty pointer, then a new one.
void test_reset_empty ()
{
  std::unique_ptr<S> u;
  u.reset ();
  u.reset (new S);
} // { dg-bogus "leak|double" }

// A pointer the unique_ptr holds, deleted by hand too: reset deletes it again.
void test_delete_then_reset ()
{
  S *p = new S;
  std::unique_ptr<S> u (p);
  delete p;   // { dg-message "first 'delete' here" }
  u.reset (); // { dg-warning "double-'delete'" }
}
