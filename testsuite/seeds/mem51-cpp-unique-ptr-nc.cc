// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (std::unique_ptr): a unique_ptr<S> owns new
// S[10]; its default deleter calls delete, not delete[].  The delete is in
// the deleter: memrules knows what the default deleter does (`delete` for T,
// `delete[]` for T[]) and checks the pointer when the smart pointer takes it.
// { dg-do compile }

#include <memory>

struct S {};

void f() {
  std::unique_ptr<S> s{new S[10]}; // { dg-warning "should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}
