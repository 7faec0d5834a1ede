// leak in C++ along the exception of a call given a pointer (MEM31-C,
// CWE-401): a call that throws may have taken what it was handed, or freed it,
// before it threw, so its handler does not own that pointer any more where the
// call's normal return would not (the call may keep it); a pointer the call
// only reads (`const int *`), or never saw, is still the caller's there.
// Issue 16, item 3.
// { dg-do compile }

#include <stdexcept>

void may_throw();
void adopt(int *p);
int inspect(const int *p);

// A constructor without a body in sight, given a pointer it may keep.
struct Keeper {
  explicit Keeper(int *p);
  ~Keeper();
};

struct Registry {
  void add(int *p);
};

// Frees what it is given, then may throw.
void release_then_check(int *p, bool bad)
{
  delete p;
  if (bad)
    throw std::runtime_error("bad");
}

// The constructor received a: silent on both of its edges.
void test_1()
{
  int *a = new int(1);
  try {
    Keeper k(a);
  } catch (...) {
    return;
  }
} // { dg-bogus "leak of" }

// The call that throws never saw a: the handler forgets it.
void test_2()
{
  int *a = new int(2); // { dg-message "allocated here" }
  try {
    may_throw();
  } catch (...) {
    return;
  }
  delete a;
} // { dg-warning "leak of 'a'" }

// Handed to a function that may keep it: silent.
void test_3()
{
  int *a = new int(3);
  try {
    adopt(a);
  } catch (...) {
    return;
  }
} // { dg-bogus "leak of" }

// Only read by the call: still the caller's when it throws (lost at the
// handler's return).
int test_4()
{
  int *a = new int(4); // { dg-message "allocated here" }
  int r;
  try {
    r = inspect(a);
  } catch (...) {
    return -1; // { dg-warning "leak of 'a'" }
  }
  delete a;
  return r;
}

// Of two pointers, the one handed over is not lost, the other is.
void test_5()
{
  int *a = new int(5);
  int *b = new int(6); // { dg-message "allocated here" }
  try {
    adopt(a);
  } catch (...) {
    return;
  }
  delete b;
} // { dg-warning "leak of 'b'" }

// A method given a: silent.
void test_6(Registry &r)
{
  int *a = new int(7);
  try {
    r.add(a);
  } catch (...) {
    return;
  }
} // { dg-bogus "leak of" }

// A function of this file that frees a before it may throw: silent.
void test_7(bool bad)
{
  int *a = new int(8);
  try {
    release_then_check(a, bad);
  } catch (const std::exception &) {
    return;
  }
} // { dg-bogus "leak of" }
