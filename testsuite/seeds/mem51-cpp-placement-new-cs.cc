// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (placement new()): instead of delete, s1's destructor is
// called explicitly.  The seed interleaves two revisions: f is the current
// one, f_older the earlier one (s1 destroyed by its normal lifetime).
// { dg-do compile }

#include <iostream>

struct S {
  S() { std::cout << "S::S()" << std::endl; }
  ~S() { std::cout << "S::~S()" << std::endl; }
};

void f() {
  alignas(struct S) char space[sizeof(struct S)];
  S *s1 = new (&space) S;

  // ...

  s1->~S(); // { dg-bogus "not on the heap" }
}

void f_older() {
  struct S s1;
  S *s2 = new (&s1) S;

  // ...

  (void)s2;
} // { dg-bogus "not on the heap" }
