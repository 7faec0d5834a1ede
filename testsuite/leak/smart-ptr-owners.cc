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

// Moved into a container of unique_ptrs: the container owns it, silent.
#include <vector>
void test_5(std::vector<std::unique_ptr<S>> &all)
{
  auto u = std::make_unique<S>();
  u->v = 1;
  all.push_back(std::move(u));
} // { dg-bogus "leak|double" }

// Returned by a move: the caller owns it, silent.
std::unique_ptr<S> test_6(bool b)
{
  auto u = std::make_unique<S>();
  auto w = std::make_unique<S>();
  if (b)
    return std::move(u);
  return std::move(w);
} // { dg-bogus "leak|double" }

// Released into a new owner returned: silent.
std::unique_ptr<S> test_7()
{
  std::unique_ptr<S> u(new S);
  return std::unique_ptr<S>(u.release());
} // { dg-bogus "leak|double" }
