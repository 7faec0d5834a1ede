// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (malloc()): std::malloc() mixed with delete.
// { dg-do compile }

#include <cstdlib>

void f() {
  int *i = static_cast<int *>(std::malloc(sizeof(int))); // { dg-message "allocated here" }
  // ...
  delete i; // { dg-warning "'i' should have been deallocated with 'free' but was deallocated with 'delete'" }
}
