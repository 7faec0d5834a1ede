// double-free, leak and use-after-free through the copies of a class that owns a
// raw pointer (MEM51-CPP, CWE-415/401/416): the implicit copy assignment shares
// the pointer (both destructors delete it, the target's own is lost); a deep
// copy assignment, a move that empties its source are silent; a temporary's
// destructor deletes what its getter returned.  Issue 16, item 2.
// { dg-do compile }

#include <cstring>

struct Shallow {
  char *b;
  Shallow() : b(new char[4]) {}
  ~Shallow() { delete[] b; }
};

struct Deep {
  char *b;
  Deep() : b(new char[4]) {}
  Deep(const Deep &o) : b(new char[4]) { std::memcpy(b, o.b, 4); }
  Deep &operator=(const Deep &o)
  {
    if (this != &o)
      std::memcpy(b, o.b, 4);
    return *this;
  }
  ~Deep() { delete[] b; }
};

struct Movable {
  char *b;
  Movable() : b(new char[4]) {}
  Movable(Movable &&o) : b(o.b) { o.b = nullptr; }
  ~Movable() { delete[] b; }
};

struct Text {
  char *buf;
  Text() : buf(new char[8]) { buf[0] = '\0'; }
  ~Text() { delete[] buf; }
  const char *get() const { return buf; }
};

Text make_text();
void show(const char *);

// The implicit assignment: b's buffer is lost, a's deleted twice.
void test_1()
{
  Shallow a;
  Shallow b;
  b = a; // { dg-warning "leak of 'b.b'" }
} // { dg-warning "double-'delete\[\]' of 'a.b'" }

// Deep copies, by assignment and construction: silent.
void test_2()
{
  Deep a;
  Deep b;
  b = a;
  Deep c(a);
} // { dg-bogus "double-'delete|leak of" }

// A move leaves its source empty: silent.
void test_3()
{
  Movable a;
  Movable b(static_cast<Movable &&>(a));
} // { dg-bogus "double-'delete" }

// The temporary's destructor deletes the buffer its getter returned.
void test_4()
{
  const char *s = make_text().get();
  show(s); // { dg-warning "use after 'delete\[\]' of 's'" }
}

// A named object lives on: silent.
void test_5()
{
  Text t = make_text();
  const char *s = t.get();
  show(s); // { dg-bogus "use after" }
}
