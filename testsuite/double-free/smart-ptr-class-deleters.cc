// double-free: a unique_ptr with a deleter class or a lambda releases what it
// holds with its call operator (issue 16, item 4): what get () lent and was
// freed by hand is freed again at the end of its scope.
// { dg-do compile }

#include <cstdlib>
#include <memory>
#include <utility>

struct S {
  int v;
};

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};

struct DeleteS {
  void operator()(S *p) const { delete p; }
};

// Freed by hand, then by the deleter.
void test_1()
{
  std::unique_ptr<char, FreeDeleter> p(static_cast<char *>(std::malloc(8)));
  std::free(p.get());
} // { dg-warning "double-'free'" }

// Only used: silent.
void test_2()
{
  std::unique_ptr<char, FreeDeleter> p(static_cast<char *>(std::malloc(8)));
  if (p.get())
    p.get()[0] = 'a';
} // { dg-bogus "double|leak" }

// Moved into another owner, the raw copy deleted by hand.
void test_3()
{
  std::unique_ptr<S, DeleteS> a(new S);
  S *raw = a.get();
  std::unique_ptr<S, DeleteS> b(std::move(a));
  delete raw;
} // { dg-warning "double-'delete'" }

// release () into a raw pointer deleted by hand: silent.
void test_4()
{
  std::unique_ptr<S, DeleteS> a(new S);
  S *raw = a.release();
  delete raw;
} // { dg-bogus "double|leak" }

// A named lambda: freed by hand, then by the lambda.
void test_5()
{
  auto del = [](S *p) { std::free(p); };
  std::unique_ptr<S, decltype(del)> p(static_cast<S *>(std::malloc(sizeof(S))), del);
  std::free(p.get());
} // { dg-warning "double-'free'" }

// reset () frees it; the raw copy used afterwards.
int test_6()
{
  std::unique_ptr<S, DeleteS> a(new S);
  S *raw = a.get();
  a.reset();
  return raw->v; // { dg-warning "use after 'delete'" }
}

// release () thrown away: lost.
void test_7()
{
  std::unique_ptr<char, FreeDeleter> p(static_cast<char *>(std::malloc(8)));
  p.release();
} // { dg-warning "leak" }
