// use-after-free: a unique_ptr handed to a function of the file that deletes
// what it holds (issue 16, item 4): the function's summary says so, and a raw
// copy taken by get () before the call is used after it.
// { dg-do compile }

#include <memory>
#include <utility>

struct S {
  int v;
};

// Takes it by rvalue reference into a local of its own, deleted at its end.
static void take(std::unique_ptr<S> &&u)
{
  std::unique_ptr<S> w = std::move(u);
  w->v = 1;
}

void test_1()
{
  auto x = std::make_unique<S>();
  S *raw = x.get();
  take(std::move(x));
  raw->v = 2; // { dg-warning "use after 'delete'" }
}

// Only reads it through a const reference: the raw copy stays valid.
static int peek(const std::unique_ptr<S> &u)
{
  return u ? u->v : 0;
}

int test_2()
{
  auto x = std::make_unique<S>();
  S *raw = x.get();
  int n = peek(x);
  return n + raw->v; // { dg-bogus "use after" }
}

// A deleter class given the memory, reset through a reference.
struct DeleteS {
  void operator()(S *p) const { delete p; }
};

static void clear(std::unique_ptr<S, DeleteS> &u)
{
  u.reset();
}

int test_3()
{
  std::unique_ptr<S, DeleteS> p(new S);
  S *raw = p.get();
  clear(p);
  return raw->v; // { dg-warning "use after 'delete'" }
}
