// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (std::unique_ptr): unique_ptr<S[]> made by
// std::make_unique<S[]>(10).
// { dg-do compile }

#include <memory>

struct S {};

void f() {
  std::unique_ptr<S[]> s = std::make_unique<S[]>(10); // { dg-bogus "should have been deallocated" }
} // { dg-bogus "should have been deallocated|leak of" }
