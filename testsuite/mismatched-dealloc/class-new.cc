// mismatched-dealloc: class-specific operator new/delete (and new[]/delete[])
// paired with the global ones (MEM51-CPP, CWE-762).  The seed's example: new S
// calls S::operator new, but ::delete calls the global operator delete.  How
// the message spells the class-specific operator is not pinned here.
// { dg-do compile }

#include <cstdlib>
#include <new>

struct S {
  static void *operator new(std::size_t size) noexcept(true);
  static void operator delete(void *ptr) noexcept(true);
  static void *operator new[](std::size_t size) noexcept(true);
  static void operator delete[](void *ptr) noexcept(true);
  int v;
};

void *S::operator new(std::size_t size) noexcept(true) { return std::malloc(size); }
void S::operator delete(void *ptr) noexcept(true) { std::free(ptr); }
void *S::operator new[](std::size_t size) noexcept(true) { return std::malloc(size); }
void S::operator delete[](void *ptr) noexcept(true) { std::free(ptr); }

// A class without its own operators, for comparison.
struct T {
  int v;
};

// Class-specific new, global ::delete.
void test_1()
{
  S *s = new S; // { dg-message "allocated here" }
  ::delete s; // { dg-warning "'s' should have been deallocated with '[^']+' but was deallocated with '(::)?(operator )?delete'" }
}

// Class-specific new, unqualified delete: S::operator delete.  Silent.
void test_2()
{
  S *s = new S;
  delete s; // { dg-bogus "should have been deallocated" }
}

// Class-specific new[], global ::delete[].
void test_3()
{
  S *v = new S[4];
  ::delete[] v; // { dg-warning "'v' should have been deallocated with '[^']+' but was deallocated with '(::)?(operator )?delete\[\]'" }
}

// Class-specific new[], unqualified delete[]: silent.
void test_4()
{
  S *v = new S[4];
  delete[] v; // { dg-bogus "should have been deallocated" }
}

// Global ::new, class-specific delete: the mirror image.
void test_5()
{
  S *s = ::new S;
  delete s; // { dg-warning "'s' should have been deallocated with '(::)?(operator )?delete' but was deallocated with '[^']+'" }
}

// Global ::new with global ::delete: silent.
void test_6()
{
  S *s = ::new S;
  ::delete s; // { dg-bogus "should have been deallocated" }
}

// Class-specific new released with free: wrong too, even though
// S::operator new happens to call malloc.
void test_7()
{
  S *s = new S;
  std::free(s); // { dg-warning "'s' should have been deallocated with '[^']+' but was deallocated with 'free'" }
}

// No class-specific operators: new T with ::delete is the global pair.
void test_8()
{
  T *t = new T;
  ::delete t; // { dg-bogus "should have been deallocated" }
}
