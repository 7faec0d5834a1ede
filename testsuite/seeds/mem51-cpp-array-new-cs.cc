// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (array new[]): delete replaced by delete[].
// { dg-do compile }

void f() {
  int *array = new int[10];
  // ...
  delete[] array; // { dg-bogus "should have been deallocated" }
}
