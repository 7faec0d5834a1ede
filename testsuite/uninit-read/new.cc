// uninit-read in C++: std::malloc'd memory read before any write (MEM33-C,
// CWE-908).  new T() and new T(v) initialise; new T[n] of a scalar type does
// not.
// { dg-do compile }

#include <cstdlib>
#include <cstring>

struct P {
  int x, y;
};

// std::malloc, a field read.
int test_1()
{
  P *p = static_cast<P *>(std::malloc(sizeof(P))); // { dg-message "allocated here" }
  if (p == nullptr)
    return -1;
  int x = p->x; // { dg-warning "read of uninitialized memory" }
  std::free(p);
  return x;
}

// std::calloc: silent.
int test_2()
{
  P *p = static_cast<P *>(std::calloc(1, sizeof(P)));
  if (p == nullptr)
    return -1;
  int x = p->x; // { dg-bogus "uninitialized" }
  std::free(p);
  return x;
}

// new int(5): initialised.  Silent.
int test_3()
{
  int *p = new int(5);
  int v = *p; // { dg-bogus "uninitialized" }
  delete p;
  return v;
}

// new P(): value-initialised (zeroed).  Silent.
int test_4()
{
  P *p = new P();
  int y = p->y; // { dg-bogus "uninitialized" }
  delete p;
  return y;
}

// new char[n] of a scalar type is not initialised: strlen reads garbage.
std::size_t test_5()
{
  char *a = new char[32]; // { dg-message "allocated here" }
  std::size_t n = std::strlen(a); // { dg-warning "read of uninitialized memory" }
  delete[] a;
  return n;
}

// new char[n]() is zeroed.  Silent.
std::size_t test_6()
{
  char *a = new char[32]();
  std::size_t n = std::strlen(a); // { dg-bogus "uninitialized" }
  delete[] a;
  return n;
}

// new int without an initializer, read.
int test_7()
{
  int *p = new int; // { dg-message "allocated here" }
  int v = *p; // { dg-warning "read of uninitialized memory" }
  delete p;
  return v;
}

// std::malloc, then written by std::memset: silent.
int test_8()
{
  P *p = static_cast<P *>(std::malloc(sizeof(P)));
  if (p == nullptr)
    return -1;
  std::memset(p, 0, sizeof(P));
  int y = p->y; // { dg-bogus "uninitialized" }
  std::free(p);
  return y;
}
