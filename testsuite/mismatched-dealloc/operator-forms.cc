// mismatched-dealloc, double-free and leak with the allocation functions a
// program declares or replaces itself (MEM51-CPP, CWE-762/415/401): a global
// replacement operator new (with a body here), the nothrow form, sized and
// aligned deletes, class-specific operators with a sized delete, and arrays of
// a class with a destructor, whose pointer is 8 bytes into the block (the array
// cookie).  Issue 16, item 7.
// { dg-do compile }
// { dg-options "-std=c++17" }

#include <cstdlib>
#include <new>

// The program replaces the global operators: still the new family.
void *operator new(std::size_t n)
{
  void *p = std::malloc(n ? n : 1);
  if (!p)
    throw std::bad_alloc();
  return p;
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

struct alignas(64) Line {
  int v[16];
};

struct Pooled {
  static void *operator new(std::size_t n);
  static void operator delete(void *p, std::size_t n) noexcept;
  int v;
};

struct Res {
  Res();
  ~Res();
  int fd;
};

// Replaced operator new, released with free: its memory is delete's, whatever
// the replacement calls.
void test_1()
{
  int *p = new int(1);
  std::free(p); // { dg-warning "'p' should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// Replaced operators, paired: silent.
void test_2()
{
  int *p = new int(2);
  delete p; // { dg-bogus "should have been|double" }
}

// Called by hand: operator new, then a sized operator delete: silent; twice:
// double.
void test_3()
{
  void *p = ::operator new(16);
  ::operator delete(p, 16); // { dg-bogus "should have been" }
}

void test_4()
{
  void *p = ::operator new(16);
  ::operator delete(p);
  ::operator delete(p); // { dg-warning "double-'delete' of 'p'" }
}

// Aligned new (an over-aligned class) and aligned delete: silent; free: wrong.
void test_5()
{
  Line *l = new Line;
  delete l; // { dg-bogus "should have been" }
}

void test_6()
{
  Line *l = new Line;
  std::free(l); // { dg-warning "'l' should have been deallocated with 'delete' but was deallocated with 'free'" }
}

void test_7()
{
  void *p = ::operator new(64, std::align_val_t(64)); // { dg-message "allocated here" }
} // { dg-warning "leak of 'p'" }

// nothrow new may return NULL; released with free it is still a mismatch.
void test_8()
{
  int *p = new (std::nothrow) int;
  if (!p)
    return;
  std::free(p); // { dg-warning "'p' should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// Class-specific new with a sized class delete: silent; free: wrong; lost: leak.
void test_9()
{
  Pooled *o = new Pooled;
  delete o; // { dg-bogus "should have been" }
}

void test_10()
{
  Pooled *o = new Pooled;
  std::free(o); // { dg-warning "'o' should have been deallocated with '[^']+' but was deallocated with 'free'" }
}

void test_11()
{
  Pooled *o = new Pooled; // { dg-message "allocated here" }
} // { dg-warning "leak of 'o'" }

// Arrays of a class with a destructor: delete[] matches; delete or free do not;
// lost, the leak is named by the pointer the program holds.
void test_12()
{
  Res *r = new Res[4];
  delete[] r; // { dg-bogus "should have been" }
}

void test_13()
{
  Res *r = new Res[4];
  delete r; // { dg-warning "'r' should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

void test_14()
{
  Res *r = new Res[4];
  std::free(r); // { dg-warning "'r' should have been deallocated with 'delete\[\]' but was deallocated with 'free'" }
}

void test_15()
{
  Res *r = new Res[4]; // { dg-message "allocated here" }
} // { dg-warning "leak of 'r'" }
