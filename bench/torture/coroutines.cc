// C++20 coroutines: the frame is heap-allocated by the compiler; a generator that
// owns heap memory across suspension points.
// flags: -std=c++20
#include <coroutine>
#include <cstdlib>
#include <utility>

struct gen
{
  struct promise_type
  {
    int value = 0;
    gen get_return_object () { return gen (std::coroutine_handle<promise_type>::from_promise (*this)); }
    std::suspend_always initial_suspend () noexcept { return {}; }
    std::suspend_always final_suspend () noexcept { return {}; }
    std::suspend_always yield_value (int v) { value = v; return {}; }
    void return_void () {}
    void unhandled_exception () { std::abort (); }
  };
  std::coroutine_handle<promise_type> h;
  explicit gen (std::coroutine_handle<promise_type> hh) : h (hh) {}
  gen (gen &&o) noexcept : h (std::exchange (o.h, {})) {}
  ~gen () { if (h) h.destroy (); }
  bool next () { h.resume (); return !h.done (); }
  int get () const { return h.promise ().value; }
};

gen
counter (int n)
{
  int *buf = new int[n + 1];
  for (int i = 0; i < n; i++)
    {
      buf[i] = i;
      co_yield buf[i];
    }
  delete[] buf;
}

int
drive (int n)
{
  int s = 0;
  gen g = counter (n);
  while (g.next ())
    s += g.get ();
  return s;
}
