// std::unique_ptr<T> as memrules models it (MEM31-C, MEM30-C, MEM51-CPP): it holds
// the pointer it was given and deletes it when it is destroyed; get () lends it,
// release () hands it back to the caller, who must then delete it.  Moves, resets
// and returns by value leave what it holds out of sight (silent).
// { dg-do compile }

#include <memory>
#include <utility>

struct S {
  int v;
};

// release () and the pointer never deleted: a leak.
void test_1()
{
  std::unique_ptr<S> s{new S};
  S *raw = s.release();
  raw->v = 2;
} // { dg-warning "leak" }

// release () then delete: silent.
void test_2()
{
  std::unique_ptr<S> s{new S};
  S *raw = s.release();
  delete raw; // { dg-bogus "double" }
} // { dg-bogus "leak" }

// get () lends it: deleting it too is a double delete when s is destroyed.
void test_3()
{
  std::unique_ptr<S> s{new S};
  S *g = s.get();
  delete g;
} // { dg-warning "double-'delete'" }

// A raw pointer used after the unique_ptr that owned it was destroyed.
void test_4()
{
  S *p = new S;
  {
    std::unique_ptr<S> s{p};
  }
  p->v = 1; // { dg-warning "use after 'delete' of 'p'" }
}

// The usual lifetime: silent.
void test_5()
{
  std::unique_ptr<S[]> s{new S[4]};
  s.get()[0].v = 1;
} // { dg-bogus "leak|double|should have been" }

// Returned, moved, reset: silent.
std::unique_ptr<S> test_6()
{
  std::unique_ptr<S> s{new S};
  return s; // { dg-bogus "leak" }
}

void test_7()
{
  std::unique_ptr<S> s{new S};
  auto t = std::move(s);
  s.reset(new S);
} // { dg-bogus "leak|double|heap" }
