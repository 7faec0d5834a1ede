// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (placement new()): the local buffer space is
// passed to placement new, and the resulting pointer to delete, which tries
// to free memory that ::operator new() did not return.  The seed interleaves
// two revisions: f is the current one (a char buffer), f_older the earlier
// one (placement new over a local S).
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

  delete s1; // { dg-warning "'delete' of 's1' which points to memory not on the heap" }
}

void f_older() {
  struct S s1;
  S *s2 = new (&s1) S;

  // ...

  delete s2; // { dg-warning "'delete' of 's2' which points to memory not on the heap" }
}
