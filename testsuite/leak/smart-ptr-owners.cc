// leak: what make_unique made, released and never deleted; a move keeps it
// owned (issue 16, item 4).
// { dg-do compile }

#include <memory>
#include <utility>

struct S {
  int v;
};

// release () with the result thrown away: lost.
void test_1()
{
  auto u = std::make_unique<S>();  // { dg-message "allocated here" }
  u.release();
} // { dg-warning "leak" }

// release () into a variable that is used, never deleted.
void test_2()
{
  auto u = std::make_unique<S>();
  S *raw = u.release();
  raw->v = 1;
} // { dg-warning "leak" }

// Moved into another unique_ptr: silent.
void test_3()
{
  auto u = std::make_unique<S>();
  std::unique_ptr<S> w(std::move(u));
  w->v = 1;
} // { dg-bogus "leak" }

// Moved into a member: out of sight, silent.
struct H {
  std::unique_ptr<S> m;
  void take();
};
void H::take()
{
  auto u = std::make_unique<S>();
  m = std::move(u);
} // { dg-bogus "leak" }
