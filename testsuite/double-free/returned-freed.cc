// double-free in C++: a helper deletes what it made and returns it, and the
// caller deletes it again (MEM51-CPP, CWE-415), through the helper's summary.
// An array of a class with a destructor is returned past its array cookie: the
// caller's delete[] reaches the same block.  Silent: a helper that returns what
// it made without deleting it, and the NULL side.
// { dg-do compile }

#include <cstddef>

struct Point {
  int x, y;
};

struct Owner {
  int *v;
  Owner () : v (new int (0)) {}
  ~Owner () { delete v; }
};

static Point *points_gone (Point *unused)
{
  unused = new Point[8];
  delete[] unused; // { dg-message "frees it here" }
  return unused; // { dg-warning "return of 'unused' after 'delete\[\]'" }
}

void test_1 ()
{
  Point *p = nullptr;
  p = points_gone (p); // { dg-message "first 'delete\[\]' here" }
  delete[] p; // { dg-warning "double-'delete\[\]' of 'p'" }
}

static Owner *owners_gone ()
{
  Owner *o = new Owner[3];
  delete[] o;
  return o; // { dg-warning "return of 'o' after 'delete\[\]'" }
}

void test_2 ()
{
  Owner *o = owners_gone ();
  delete[] o; // { dg-warning "double-'delete\[\]' of 'o'" }
}

static Point *points_kept (Point *unused)
{
  unused = new Point[8];
  return unused;
}

void test_3 ()
{
  Point *p = nullptr;
  p = points_kept (p);
  delete[] p; // { dg-bogus "double" }
}

static Point *one_gone (bool make)
{
  if (!make)
    return nullptr;
  Point *p = new Point ();
  delete p;
  return p;
} // { dg-warning "return of memory after 'delete'" }

void test_4 (bool make)
{
  Point *p = one_gone (make);
  if (!p)
    delete p; // { dg-bogus "double" }
  else
    delete p; // { dg-warning "double-'delete' of 'p'" }
}
