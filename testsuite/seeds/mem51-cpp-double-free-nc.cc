// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// noncompliant code example (double-free): C owns a P * that its destructor
// deletes; the implicitly defaulted copy constructor copies the pointer, so
// the copy passed to g() deletes it when g()'s argument is destroyed, and c
// deletes it again when h() exits.  Finding it needs summaries of ~C and of
// the copy (a known gap).  The second delete is the destructor call GCC puts at
// h()'s closing brace.
// { dg-do compile }

struct P {};

class C {
  P *p;

public:
  C(P *p) : p(p) {}
  ~C() { delete p; } // { dg-message "'C::~C\(\)' frees it here" }
  void f() {}
};

void g(C c) {
  c.f();
}

void h() {
  P *p = new P;
  C c(p);
  g(c); // { dg-message "first 'delete' here, in 'C::~C\(\)'" }
} // { dg-warning "double-'delete' of 'c.p'" }
