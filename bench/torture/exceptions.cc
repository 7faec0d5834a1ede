// Exceptions: throw/catch/rethrow, function-try-blocks, noexcept, cleanups of
// heap memory during unwinding, exceptions thrown from constructors.
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>

struct res
{
  char *p;
  explicit res (int n) : p (new char[n]) { if (n > 100) { delete[] p; throw std::length_error ("big"); } }
  ~res () { delete[] p; }
};

static void may_throw (int n) { if (n & 1) throw std::runtime_error ("odd"); }

int
catcher (int n)
{
  char *raw = new char[16];
  try
    {
      res r (n);
      may_throw (n);
      delete[] raw;
      raw = nullptr;
      throw 42;
    }
  catch (const std::exception &e)
    {
      delete[] raw;
      return 1;
    }
  catch (int v)
    {
      return v;
    }
  catch (...)
    {
      delete[] raw;
      throw;
    }
  return 0;
}

struct holder
{
  int *v;
  holder (int n)
  try : v (new int[n])
  {
    may_throw (n);
  }
  catch (...)
  {
    // v's memory leaks here in real code; the handler rethrows implicitly.
  }
  ~holder () { delete[] v; }
};

int
nothrow_new (std::size_t n) noexcept
{
  int *p = new (std::nothrow) int[n];
  if (!p)
    return -1;
  p[0] = 1;
  int r = p[0];
  delete[] p;
  return r;
}

std::string
nested_try (int n)
{
  std::string s = "x";
  try
    {
      try
        {
          std::string *t = new std::string (n, 'a');
          may_throw (n);
          s += *t;
          delete t;
        }
      catch (std::runtime_error &)
        {
          s += "r";
          throw std::logic_error ("again");
        }
    }
  catch (std::logic_error &)
    {
      s += "l";
    }
  return s;
}
