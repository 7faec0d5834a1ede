// mismatched-dealloc: memory from new and new[] released with the wrong
// operator or with free (MEM51-CPP, CWE-762).
// { dg-do compile }

#include <cstdlib>
#include <new>

struct S {
  S();
  ~S();
  int v;
};

S::S() : v(0) {}
S::~S() {}

struct Base {
  virtual ~Base();
};
struct Derived : Base {
  int x;
};

struct Holder {
  char *buf;
};

extern bool cond();

// new released with free.
void test_1()
{
  int *p = new int(1); // { dg-message "allocated here" }
  std::free(p); // { dg-warning "'p' should have been deallocated with 'delete' but was deallocated with 'free' \(MEM51-CPP\) \[memrules-mismatched-dealloc\]" }
}

// new of a class with a destructor released with free: the destructor never runs.
void test_2()
{
  S *s = new S(); // { dg-message "allocated here" }
  std::free(s); // { dg-warning "'s' should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// new released with delete[].
void test_3()
{
  int *p = new int(2);
  delete[] p; // { dg-warning "'p' should have been deallocated with 'delete' but was deallocated with 'delete\[\]'" }
}

// new[] released with free.
void test_4()
{
  char *p = new char[16]; // { dg-message "allocated here" }
  free(p); // { dg-warning "'p' should have been deallocated with 'delete\[\]' but was deallocated with 'free'" }
}

// new[] released with delete (seed MEM51-CPP "array new[]").
void test_5()
{
  int *a = new int[10];
  delete a; // { dg-warning "'a' should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

// new[] of a class with a destructor (array cookie) released with delete.
void test_6()
{
  S *v = new S[4];
  delete v; // { dg-warning "'v' should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

// new released with realloc.
void test_7()
{
  int *p = new int(3);
  void *q = std::realloc(p, 64); // { dg-warning "'p' should have been deallocated with 'delete' but was deallocated with 'realloc'" }
  if (q == nullptr) {
    delete p; // { dg-bogus "should have been deallocated" }
    return;
  }
  std::free(q);
}

// nothrow new is still new: released with free.
void test_8()
{
  int *p = new (std::nothrow) int;
  std::free(p); // { dg-warning "'p' should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// The wrong operator on one branch only.
void test_9()
{
  int *a = new int[8];
  if (cond())
    delete[] a; // { dg-bogus "should have been deallocated" }
  else
    delete a; // { dg-warning "'a' should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

// Matching pairs stay silent: new/delete, new[]/delete[], nothrow new/delete.
void test_10()
{
  int *p = new int(4);
  int *a = new int[8];
  S *s = new S;
  S *v = new S[2];
  int *n = new (std::nothrow) int(5);
  delete p; // { dg-bogus "should have been deallocated" }
  delete[] a; // { dg-bogus "should have been deallocated" }
  delete s; // { dg-bogus "should have been deallocated" }
  delete[] v; // { dg-bogus "should have been deallocated" }
  delete n; // { dg-bogus "should have been deallocated" }
}

// Placement new into malloc'd storage: the object is destroyed by hand and the
// storage released with free, which matches malloc.
void test_11()
{
  void *raw = std::malloc(sizeof(S));
  if (raw == nullptr)
    return;
  S *s = new (raw) S;
  s->~S();
  std::free(raw); // { dg-bogus "should have been deallocated" }
}

// Placement new into a local buffer, never deleted: nothing to report.
int test_12()
{
  alignas(S) unsigned char space[sizeof(S)];
  S *s = new (space) S;
  int v = s->v;
  s->~S();
  return v; // { dg-bogus "should have been deallocated" }
}

// The operator functions called directly carry the same pairing.
void test_13()
{
  void *raw = ::operator new(16); // { dg-message "allocated here" }
  std::free(raw); // { dg-warning "'raw' should have been deallocated with '(::)?(operator )?delete' but was deallocated with 'free'" }
}

// ::operator new with ::operator delete: silent.
void test_14()
{
  void *raw = ::operator new(16);
  ::operator delete(raw); // { dg-bogus "should have been deallocated" }
}

// A null pointer released with anything is fine.
void test_15()
{
  int *p = nullptr;
  char *q = nullptr;
  std::free(p); // { dg-bogus "should have been deallocated" }
  delete[] q; // { dg-bogus "should have been deallocated" }
}

// Delete through a pointer to the base class: still new/delete.  Silent.
void test_16()
{
  Base *b = new Derived;
  delete b; // { dg-bogus "should have been deallocated" }
}

// A struct field: new[] stored in h.buf, released with free.
void test_17()
{
  Holder h;
  h.buf = new char[4]; // { dg-message "allocated here" }
  std::free(h.buf); // { dg-warning "'h\.buf' should have been deallocated with 'delete\[\]' but was deallocated with 'free'" }
}
