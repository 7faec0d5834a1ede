// use-after-free in C++: an object used after delete or delete[] (MEM50-CPP,
// MEM30-C; CWE-416).  The message names the operator: use after 'delete'.
// { dg-do compile }

#include <cstring>
#include <memory>

struct Point {
  int x, y;
  int sum() const;
};

int Point::sum() const { return x + y; }

extern bool more();
extern void keep(const void *p);

// Read after delete.
int test_1()
{
  int *p = new int(1);
  delete p; // { dg-message "(freed|deleted) here" }
  return *p; // { dg-warning "use after 'delete' of 'p'" }
}

// A field written after delete.
void test_2()
{
  Point *pt = new Point{1, 2};
  delete pt;
  pt->x = 3; // { dg-warning "use after 'delete' of 'pt'" }
}

// An element read after delete[].
int test_3()
{
  int *a = new int[4]();
  delete[] a; // { dg-message "(freed|deleted) here" }
  return a[2]; // { dg-warning "use after 'delete\[\]' of 'a'" }
}

// memcpy into a deleted array.
void test_4(const char *s)
{
  char *buf = new char[32];
  delete[] buf;
  std::memcpy(buf, s, 32); // { dg-warning "use after 'delete\[\]' of 'buf'" }
}

// A member function called on a deleted object dereferences 'this' inside
// the callee: seeing that needs a summary of Point::sum.
int test_5()
{
  Point *pt = new Point{1, 2};
  delete pt;
  return pt->sum(); // { dg-warning "use after 'delete' of 'pt'" }
}

// A use inside a loop after the delete.
int test_6(int n)
{
  int *p = new int(6);
  delete p;
  int r = 0;
  for (int i = 0; i < n; i++)
    r += *p; // { dg-warning "use after 'delete' of 'p'" }
  return r;
}

// Used before the delete only.
int test_7()
{
  Point *pt = new Point{3, 4};
  int r = pt->x + pt->y;
  delete pt; // { dg-bogus "use after" }
  return r;
}

// A new object before the use.
int test_8()
{
  int *p = new int(8);
  delete p;
  p = new int(9);
  int r = *p; // { dg-bogus "use after" }
  delete p;
  return r;
}

// The deleted pointer passed to a function without a body (a use), or compared
// (not one).
bool test_9(const int *other)
{
  int *p = new int(10);
  delete p; // { dg-message "freed here" }
  keep(p); // { dg-warning "use after 'delete' of 'p'" }
  return p == other; // { dg-bogus "use after" }
}

// Smart pointers manage the lifetime.
int test_10()
{
  std::unique_ptr<Point> u(new Point{5, 6});
  int r = u->x; // { dg-bogus "use after" }
  u.reset(new Point{7, 8});
  return r + u->y; // { dg-bogus "use after" }
}
