// leak (MEM31-C, CWE-401) of a block a class returned by value holds: a class
// with a non-trivial destructor or copy constructor is built in the caller's
// object through a hidden pointer (the return slot), and what the function
// leaves in its members lands in the caller's object, as for a C struct returned
// by value (leak/returned-structs.c).  Lost unfreed, it leaks; freed by the
// class's destructor, the caller's destruction of the object releases it.
// Issue 16, item 2.
// { dg-do compile }

#include <cstring>

// A destructor with an empty body: not trivial, frees nothing.
struct Span {
  int *p;
  int n;
  ~Span() {}
};

// A user copy constructor and a constructor that allocates.
struct Buf {
  explicit Buf(unsigned n) : data(new char[n]), len(n) {}
  Buf(const Buf &o) : data(o.data), len(o.len) {}
  char *data;
  unsigned len;
};

// Owns its member: the destructor deletes it.
struct Text {
  Text() : s(nullptr) {}
  ~Text() { delete[] s; }
  char *s;
};

// The named object is the return slot (NRV).
static Span make_span(int n)
{
  Span h;
  h.p = new int[n];
  h.n = n;
  return h;
}

// Two candidates: the one returned is copied into the return slot.
static Span pick_span(bool first)
{
  Span a, b;
  a.p = new int[4];
  b.p = nullptr;
  if (first)
    return a;
  b.p = a.p;
  return b;
}

static Buf make_buf(unsigned n)
{
  return Buf(n);
}

static Text make_text(const char *t)
{
  Text r;
  r.s = new char[std::strlen(t) + 1];
  std::strcpy(r.s, t);
  return r;
}

void test_1(int n)
{
  Span s = make_span(n); // { dg-message "allocated here" }
  s.n = 0;
} // { dg-warning "leak of 's.p'" }

void test_2(bool f)
{
  Span s = pick_span(f);
  (void) s;
} // { dg-warning "leak of 's.p'" }

void test_3()
{
  Buf b = make_buf(16);
  b.len = 0;
} // { dg-warning "leak of 'b.data'" }

// Silent: freed by the caller.
void test_4(int n)
{
  Span s = make_span(n);
  delete[] s.p;
} // { dg-bogus "leak of" }

// Silent: handed back to the caller's caller.
int *test_5(int n)
{
  Span s = make_span(n);
  return s.p; // { dg-bogus "leak of" }
}

// Silent: the destructor of Text deletes the member.
unsigned test_6()
{
  Text t = make_text("abc");
  return (unsigned) std::strlen(t.s);
} // { dg-bogus "leak of" }

// Silent: the object is kept by the caller's caller.
void test_7(Buf *out)
{
  Buf b = make_buf(8);
  out->data = b.data;
} // { dg-bogus "leak of" }
