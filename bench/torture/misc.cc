// Operators, references to pointers, pointers to members, unions with non-trivial
// members, thread_local objects, static-local guards, goto in C++, new[] of objects
// with destructors (array cookies), inheriting constructors, structured bindings.
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <utility>

struct buf
{
  char *p;
  std::size_t n;
  buf (std::size_t k) : p (new char[k]), n (k) {}
  buf (const buf &o) : p (new char[o.n]), n (o.n) { std::memcpy (p, o.p, n); }
  buf &operator= (buf o) { std::swap (p, o.p); std::swap (n, o.n); return *this; }
  ~buf () { delete[] p; }
  char &operator[] (std::size_t i) { return p[i]; }
  explicit operator bool () const { return p != nullptr; }
};

struct derived : buf { using buf::buf; };

union u
{
  std::string s;
  int i;
  u () : i (0) {}
  ~u () {}
};

void
reset (char *&ref)
{
  delete[] ref;
  ref = nullptr;
}

thread_local buf tl (8);

int
misc (int n)
{
  buf a (4), b (a);
  a = b;
  a[0] = 1;
  derived d (3);
  char buf::*pm = nullptr;
  char *buf::*pp = &buf::p;
  int r = (d.*pp)[0] + (pm == nullptr);
  char *raw = new char[5];
  reset (raw);
  u x;
  new (&x.s) std::string ("union");
  r += (int) x.s.size ();
  x.s.~basic_string ();
  static buf once (16);
  r += (int) once.n + (int) tl.n;
  buf *arr = new buf[3]{ 1, 2, 3 };
  delete[] arr;
  auto [q, m] = std::pair<int *, int> (new int (n), n);
  if (n > 5)
    goto out;
  r += *q;
out:
  delete q;
  return r + m + (a ? 1 : 0);
}
