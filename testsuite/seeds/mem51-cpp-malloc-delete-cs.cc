// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (malloc()): the pointer from std::malloc() is released
// with std::free().
// { dg-do compile }

#include <cstdlib>

void f() {
  int *i = static_cast<int *>(std::malloc(sizeof(int)));
  // ...
  std::free(i); // { dg-bogus "should have been deallocated" }
}
