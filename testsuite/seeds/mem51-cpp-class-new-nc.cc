// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (class new): new S calls the class-specific
// S::operator new(), but the scoped ::delete calls the global operator
// delete() instead of S::operator delete().  How the message spells the
// class-specific operator is not pinned.
// { dg-do compile }

#include <cstdlib>
#include <new>

struct S {
  static void *operator new(std::size_t size) noexcept(true) {
    return std::malloc(size);
  }

  static void operator delete(void *ptr) noexcept(true) {
    std::free(ptr);
  }
};

void f() {
  S *s = new S; // { dg-message "allocated here" }
  ::delete s; // { dg-warning "'s' should have been deallocated with '[^']+' but was deallocated with '(::)?(operator )?delete'" }
}
