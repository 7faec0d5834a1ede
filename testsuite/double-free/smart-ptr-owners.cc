// double-free: smart pointers handing their pointer on (issue 16, item 4):
// release () into another owner, moves, make_unique and make_shared, and two
// shared_ptrs made from one raw pointer.
// { dg-do compile }

#include <memory>
#include <utility>

struct S {
  int v;
};

// release () into another unique_ptr: that one deletes it.
void test_1()
{
  std::unique_ptr<S> a(new S);
  S *raw = a.get();
  std::unique_ptr<S> b(a.release());
  delete raw;
} // { dg-warning "double-'delete'" }

// Its silent twin: the raw pointer is only used.
void test_2()
{
  std::unique_ptr<S> a(new S);
  std::unique_ptr<S> b(a.release());
  b->v = 1;
} // { dg-bogus "double|leak" }

// A move: the new owner deletes what the raw copy deleted already.
void test_3()
{
  std::unique_ptr<S> a(new S);
  S *raw = a.get();
  std::unique_ptr<S> b(std::move(a));
  delete raw;
} // { dg-warning "double-'delete'" }

// A move assignment: silent, each object deleted once.
void test_4()
{
  std::unique_ptr<S> a(new S);
  std::unique_ptr<S> b(new S);
  b = std::move(a);
  b->v = 1;
} // { dg-bogus "double|leak" }

// The object make_unique made, deleted by hand: the unique_ptr deletes it again.
void test_5()
{
  auto u = std::make_unique<S>();
  delete u.get();
} // { dg-warning "double-'delete'" }

// make_unique used through operator->: silent.
void test_6()
{
  auto u = std::make_unique<S>();
  u->v = 1;
  if (u)
    (*u).v = 2;
} // { dg-bogus "double|leak" }

// Two shared_ptrs made from one raw pointer: each deletes it.
void test_7()
{
  S *p = new S;
  std::shared_ptr<S> a(p);
  std::shared_ptr<S> b(p);
} // { dg-warning "double-'delete'" }

// A copy shares the ownership: silent.
void test_8()
{
  std::shared_ptr<S> a(new S);
  std::shared_ptr<S> b(a);
  b->v = 1;
} // { dg-bogus "double" }

// make_shared's object deleted by hand.
void test_9()
{
  auto sp = std::make_shared<S>();
  S *raw = sp.get();
  delete raw;
} // { dg-warning "double-'delete'" }

// release () deleted by hand: silent.
void test_10()
{
  auto u = std::make_unique<S>();
  delete u.release();
} // { dg-bogus "double|leak" }
