// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (new): std::free() releases memory allocated by
// new, and S's destructor is never called.
// { dg-do compile }

#include <cstdlib>

struct S {
  ~S();
};

void f() {
  S *s = new S(); // { dg-message "allocated here" }
  // ...
  std::free(s); // { dg-warning "'s' should have been deallocated with 'delete' but was deallocated with 'free'" }
}
