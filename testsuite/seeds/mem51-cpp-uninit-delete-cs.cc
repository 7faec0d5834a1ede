// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (uninitialized delete): both pointers start as nullptr,
// a valid operand of delete.
// { dg-do compile }
// On the path where both allocations succeed, the seed elides the code that
// uses and frees them: a leak (MEM31-C, tested in leak/), not the point of
// this example.
// { dg-prune-output "\[memrules-leak\]" }

#include <new>

void f() {
  int *i1 = nullptr, *i2 = nullptr;
  try {
    i1 = new int;
    i2 = new int;
  } catch (std::bad_alloc &) {
    delete i1; // { dg-bogus "'i1'" }
    delete i2; // { dg-bogus "'i2'" }
  }
}
