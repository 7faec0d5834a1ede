// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (new): the pointer from new is released with delete.
// { dg-do compile }

struct S {
  ~S();
};

void f() {
  S *s = new S();
  // ...
  delete s; // { dg-bogus "should have been deallocated" }
}
