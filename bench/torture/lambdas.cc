// Lambdas: captures of pointers by value and reference, std::function, generic and
// recursive lambdas, immediately invoked lambdas, lambdas that free.
#include <cstdlib>
#include <functional>
#include <memory>
#include <vector>

int
lambdas (int n)
{
  int *p = new int (n);
  auto get = [p] { return *p; };
  auto drop = [&p] { delete p; p = nullptr; };
  int v = get ();
  drop ();
  std::function<int (int)> fib = [&fib] (int k) { return k < 2 ? k : fib (k - 1) + fib (k - 2); };
  auto generic = [] (auto *q) { std::free (q); };
  generic (std::malloc (4));
  int w = [&] { char *t = new char[n + 1]; t[0] = 1; int r = t[0]; delete[] t; return r; } ();
  std::vector<std::function<void ()>> later;
  char *buf = static_cast<char *> (std::malloc (8));
  later.push_back ([buf] { std::free (buf); });
  for (auto &f : later)
    f ();
  auto owner = std::make_unique<int[]> (n + 1);
  auto sum = [o = std::move (owner), n] () mutable { o[0] = n; return o[0]; };
  auto mut = [cnt = 0] () mutable { return ++cnt; };
  return v + fib (5) + w + sum () + mut ();
}

template <typename F> auto
apply_twice (F f, int x)
{
  return f (f (x));
}

int
use_apply (int x)
{
  return apply_twice ([] (int y) { int *q = new int (y); int r = *q + 1; delete q; return r; }, x);
}
