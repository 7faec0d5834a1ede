// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (array new[]): an array allocated with new[] is
// deallocated with scalar delete.
// { dg-do compile }

void f() {
  int *array = new int[10]; // { dg-message "allocated here" }
  // ...
  delete array; // { dg-warning "'array' should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}
