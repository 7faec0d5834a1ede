// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (class new): the nonscoped delete calls
// S::operator delete().
// { dg-do compile }

#include <cstdlib>
#include <new>

struct S {
  static void *operator new(std::size_t size) noexcept(true) {
    return std::malloc(size);
  }

  static void operator delete(void *ptr) noexcept(true) {
    std::free(ptr); // { dg-bogus "should have been deallocated" }
  }
};

void f() {
  S *s = new S;
  delete s; // { dg-bogus "should have been deallocated" }
}
