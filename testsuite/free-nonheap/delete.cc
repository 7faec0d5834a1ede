// free-nonheap in C++: delete or delete[] of stack or static storage, and of
// objects created by placement new in such storage (MEM34-C, MEM51-CPP;
// CWE-590).  The message names the operator: "'delete' of 'p' which points
// to memory not on the heap".
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

static S gs;

// The address of a local object.
void test_1()
{
  S s;
  S *p = &s;
  delete p; // { dg-warning "'delete' of 'p' which points to memory not on the heap" }
}

// delete[] of a local array.
void test_2()
{
  int a[4] = {1, 2, 3, 4};
  int *p = a;
  delete[] p; // { dg-warning "'delete\[\]' of 'p' which points to memory not on the heap" }
}

// Placement new in a local buffer, then delete (seed MEM51-CPP).
void test_3()
{
  alignas(S) unsigned char space[sizeof(S)];
  S *s = new (space) S;
  delete s; // { dg-warning "'delete' of 's' which points to memory not on the heap" }
}

// Placement new in a local buffer, destroyed by hand: silent.
void test_4()
{
  alignas(S) unsigned char space[sizeof(S)];
  S *s = new (space) S;
  s->~S(); // { dg-bogus "not on the heap" }
}

// Placement new in static storage, then delete.
void test_5()
{
  alignas(S) static unsigned char space[sizeof(S)];
  S *s = new (space) S;
  delete s; // { dg-warning "'delete' of 's' which points to memory not on the heap" }
}

// A global object.
void test_6()
{
  delete &gs; // { dg-warning "'delete' of '&?gs' which points to memory not on the heap" }
}

// free of a local object in C++.
void test_7()
{
  S s;
  std::free(&s); // { dg-warning "'free' of '&?s' which points to memory not on the heap" }
}

// Placement new in malloc'd storage, released with free: heap, silent.
void test_8()
{
  void *raw = std::malloc(sizeof(S));
  if (raw == nullptr)
    return;
  S *s = new (raw) S;
  s->~S();
  std::free(raw); // { dg-bogus "not on the heap" }
}

// Heap objects: silent.
void test_9()
{
  S *s = new S;
  int *a = new int[4];
  delete s; // { dg-bogus "not on the heap" }
  delete[] a; // { dg-bogus "not on the heap" }
}

// delete cites the C++ rule, free the C one.
void cites_the_cxx_rule()
{
  int local = 0;
  int *p = &local;
  delete p; // { dg-warning "'delete' of 'p' which points to memory not on the heap \(MEM51-CPP\) \[memrules-free-nonheap\]" }
}

void cites_the_c_rule()
{
  int local = 0;
  std::free(&local); // { dg-warning "'free' of '&?local' which points to memory not on the heap \(MEM34-C\) \[memrules-free-nonheap\]" }
}
