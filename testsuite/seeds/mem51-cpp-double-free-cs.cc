// Seed 004, MEM51-CPP "Properly deallocate dynamically allocated resources",
// compliant solution (double-free): the copy constructor and copy assignment
// operator of C are deleted, and g() takes its parameter by reference, so the
// P is deleted once, when h() exits.
// { dg-do compile }

struct P {};

class C {
  P *p;

public:
  C(P *p) : p(p) {}
  C(const C&) = delete;
  ~C() { delete p; } // { dg-bogus "double-'delete'" }
  void operator=(const C&) = delete;
  void f() {}
};

void g(C &c) {
  c.f();
}

void h() {
  P *p = new P;
  C c(p);
  g(c);
} // { dg-bogus "double-'delete'" }
