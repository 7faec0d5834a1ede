// leak: a unique_ptr whose pointer leaves the function's locals (issue 16,
// item 4): into a member, a container, the result, a parameter passed by
// value; the local is left empty and deletes nothing.  A callee that releases
// the caller's unique_ptr through a reference and drops the pointer leaks it.
// { dg-do compile }

#include <memory>
#include <utility>
#include <vector>

struct S {
  int v;
};

// Moved into a member: silent.
struct H {
  std::unique_ptr<S> m_;
  void set();
  void set_from(std::unique_ptr<S> p);
};

void H::set()
{
  std::unique_ptr<S> p(new S);
  this->m_ = std::move(p);
} // { dg-bogus "leak" }

// A parameter passed by value moved into a member: silent.
void H::set_from(std::unique_ptr<S> p)
{
  m_ = std::move(p);
} // { dg-bogus "leak" }

// Into a container: silent.
void test_3(std::vector<std::unique_ptr<S>> &v)
{
  auto p = std::make_unique<S>();
  v.push_back(std::move(p));
} // { dg-bogus "leak" }

// Returned, built in place: silent.
std::unique_ptr<S> test_4()
{
  auto p = std::make_unique<S>();
  p->v = 1;
  return p;
} // { dg-bogus "leak" }

// Returned from a parameter passed by value: silent.
std::unique_ptr<S> test_5(std::unique_ptr<S> p)
{
  return p;
} // { dg-bogus "leak" }

// Passed by value to a function of another file: silent.
void consume(std::unique_ptr<S> p);
void test_6()
{
  auto p = std::make_unique<S>();
  consume(std::move(p));
} // { dg-bogus "leak" }

// A callee releases the caller's unique_ptr and drops the pointer.
static void forget(std::unique_ptr<S> &u)
{
  u.release();
}

void test_7()
{
  auto u = std::make_unique<S>();
  forget(u); // { dg-warning "leak" }
}

// A callee releases it into a unique_ptr of its own: silent.
static void adopt(std::unique_ptr<S> &u)
{
  std::unique_ptr<S> mine(u.release());
  mine->v = 2;
}

void test_8()
{
  auto u = std::make_unique<S>();
  adopt(u);
} // { dg-bogus "leak|double" }
