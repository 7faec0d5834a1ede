// use-after-free: a raw pointer used after the smart pointer that owned it was
// destroyed (issue 16, item 4).  A shared_ptr deletes at its end only when it
// is the one owner: made here from a raw pointer or by make_shared, never copied.
// { dg-do compile }

#include <memory>
#include <utility>

struct S {
  int v;
};

std::shared_ptr<S> lookup();

// The only owner, destroyed at the end of its block.
void test_1()
{
  S *raw;
  {
    std::shared_ptr<S> sp(new S);
    raw = sp.get();
  }
  raw->v = 1;  // { dg-warning "use after 'delete' of 'raw'" }
}

// A shared_ptr returned by a function may share its object with other owners:
// silent.
void test_2()
{
  S *raw;
  {
    std::shared_ptr<S> sp = lookup();
    raw = sp.get();
  }
  raw->v = 1;  // { dg-bogus "use after" }
}

// A copy keeps the object alive: silent.
void test_3()
{
  S *raw;
  std::shared_ptr<S> keep;
  {
    auto sp = std::make_shared<S>();
    raw = sp.get();
    keep = sp;
  }
  raw->v = 1;  // { dg-bogus "use after" }
}

// make_unique's object used after the unique_ptr it was moved into is gone.
void test_4()
{
  auto u = std::make_unique<S>();
  S *raw = u.get();
  {
    std::unique_ptr<S> w(std::move(u));
  }
  raw->v = 1;  // { dg-warning "use after 'delete' of 'raw'" }
}
