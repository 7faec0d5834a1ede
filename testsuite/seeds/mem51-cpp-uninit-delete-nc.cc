// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (uninitialized delete): if either allocation
// throws, the catch handler deletes pointers that were never initialised
// (i2 always, i1 when the first new throws): free-nonheap, "which is
// uninitialized on this path".
// { dg-do compile }
// On the path where both allocations succeed, the seed elides the code that
// uses and frees them: a leak (MEM31-C, tested in leak/), not the point of
// this example.
// { dg-prune-output "\[memrules-leak\]" }

#include <new>

void f() {
  int *i1, *i2;
  try {
    i1 = new int;
    i2 = new int;
  } catch (std::bad_alloc &) {
    delete i1; // { dg-warning "'i1', which is uninitialized on this path \(MEM51-CPP\)" }
    delete i2; // { dg-warning "'i2', which is uninitialized on this path \(MEM51-CPP\)" }
  }
}
