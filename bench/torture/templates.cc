// Templates: variadic, CRTP, SFINAE, specialisation, constexpr, allocators.
#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

template <typename T, typename... Args>
T *make (Args &&...args)
{
  return new T (std::forward<Args> (args)...);
}

template <typename T> struct pool
{
  T *items = nullptr;
  std::size_t n = 0;
  explicit pool (std::size_t k) : items (static_cast<T *> (std::malloc (k * sizeof (T)))), n (k) {}
  ~pool () { std::free (items); }
  pool (const pool &) = delete;
  pool &operator= (const pool &) = delete;
};

template <typename Derived> struct base
{
  void run () { static_cast<Derived *> (this)->step (); }
};

struct impl : base<impl>
{
  int *p = new int[4];
  void step () { delete[] p; p = nullptr; }
  ~impl () { delete[] p; }
};

template <typename T>
typename std::enable_if<std::is_pointer<T>::value, void>::type
release (T p)
{
  delete p;
}

template <typename T>
typename std::enable_if<!std::is_pointer<T>::value, void>::type
release (T)
{
}

template <> void release<char *> (char *p) { delete[] p; }

template <int N> struct fact { static constexpr int value = N * fact<N - 1>::value; };
template <> struct fact<0> { static constexpr int value = 1; };

template <typename... Ts> int count_and_free (Ts... ps)
{
  int n = 0;
  ((delete ps, ++n), ...);
  return n;
}

constexpr int sq (int x) { return x * x; }

int
use_templates (int k)
{
  int *a = make<int> (k);
  double *b = make<double> (1.5);
  pool<long> pl (k);
  impl i;
  i.run ();
  release (a);
  release (k);
  release<char *> (new char[3]);
  int arr[sq (3)] = {};
  return count_and_free (b, new short (1)) + fact<5>::value + arr[0] + (int) pl.n;
}
