// double-free: a unique_ptr moved out of the function's locals (issue 16,
// item 4).  A raw copy taken by get () before the move and deleted afterwards
// is deleted twice when the new owner is known to delete it: a parameter
// passed by value, which the caller destroys after the call unless the callee
// took it; a callee that deletes through a reference.  Where the new owner is
// out of sight (a member, a container, a global), it is not judged.
// { dg-do compile }

#include <memory>
#include <utility>
#include <vector>

struct S {
  int v;
};

// Takes it by value and only uses it: the caller's temporary deletes it.
static void use(std::unique_ptr<S> u)
{
  u->v = 1;
}

void test_1()
{
  auto u = std::make_unique<S>();
  S *raw = u.get();
  use(std::move(u));
  delete raw; // { dg-warning "double-'delete'" }
}

// Takes it by value and keeps it: out of sight, silent.
static std::unique_ptr<S> kept;
static void keep(std::unique_ptr<S> u)
{
  kept = std::move(u);
}

void test_2()
{
  auto u = std::make_unique<S>();
  S *raw = u.get();
  keep(std::move(u));
  raw->v = 2;
} // { dg-bogus "double|leak" }

// Takes it by value, moves it into a local of its own that deletes it.
static void finish(std::unique_ptr<S> u)
{
  std::unique_ptr<S> last(std::move(u));
  last->v = 3;
}

void test_3()
{
  auto u = std::make_unique<S>();
  S *raw = u.get();
  finish(std::move(u));
  delete raw; // { dg-warning "double-'delete'" }
}

// The same, nothing deleted by hand: silent.
void test_4()
{
  auto u = std::make_unique<S>();
  finish(std::move(u));
} // { dg-bogus "double|leak" }

// Deleted through a reference.
static void drop(std::unique_ptr<S> &u)
{
  u.reset();
}

void test_5()
{
  auto u = std::make_unique<S>();
  S *raw = u.get();
  drop(u);
  delete raw; // { dg-warning "double-'delete'" }
}

// The same, nothing deleted by hand: silent (u holds NULL after drop).
void test_6()
{
  auto u = std::make_unique<S>();
  drop(u);
} // { dg-bogus "double|leak" }

// Moved into a member: the member's owner deletes it, out of sight.
struct H {
  std::unique_ptr<S> m_;
  void take();
};

void H::take()
{
  auto u = std::make_unique<S>();
  S *raw = u.get();
  m_ = std::move(u);
  raw->v = 4;
} // { dg-bogus "double|leak" }

// Moved into a container: silent.
void test_8(std::vector<std::unique_ptr<S>> &all)
{
  auto u = std::make_unique<S>();
  S *raw = u.get();
  all.push_back(std::move(u));
  raw->v = 5;
} // { dg-bogus "double|leak" }

// Released through a reference and deleted by the caller: silent.
static S *take_out(std::unique_ptr<S> &u)
{
  return u.release();
}

void test_9()
{
  auto u = std::make_unique<S>();
  delete take_out(u);
} // { dg-bogus "double|leak" }
