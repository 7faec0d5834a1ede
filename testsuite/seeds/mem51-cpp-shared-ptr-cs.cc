// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (std::shared_ptr): a custom deleter calls delete[].
// { dg-do compile }

#include <memory>

struct S {};

void f() {
  std::shared_ptr<S> s{new S[10], [](const S *ptr) { delete [] ptr; }}; // { dg-bogus "should have been deallocated|not on the heap" }
} // { dg-bogus "should have been deallocated|leak of" }
