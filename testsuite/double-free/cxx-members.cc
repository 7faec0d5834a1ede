// double-free through C++ constructors, destructors and copies (MEM51-CPP,
// CWE-415): a class that owns a pointer, copied member by member, deletes it
// twice; a deep copy, a moved-from pointer or a class that forbids copying is
// silent.
// { dg-do compile }

#include <cstring>

struct Owner {
  char *buf;
  explicit Owner(char *b) : buf(b) {}
  ~Owner() { delete[] buf; }
};

struct DeepCopy {
  char *buf;
  explicit DeepCopy(const char *s) : buf(new char[std::strlen(s) + 1]) { std::strcpy(buf, s); }
  DeepCopy(const DeepCopy &o) : buf(new char[std::strlen(o.buf) + 1]) { std::strcpy(buf, o.buf); }
  ~DeepCopy() { delete[] buf; }
};

// The implicit copy shares buf: both destructors delete it.
void test_1()
{
  Owner a(new char[8]);
  Owner b = a;
} // { dg-warning "double-'delete\[\]'" }

// A destructor run by hand, then the pointer deleted again.
void test_2(Owner *o)
{
  o->~Owner();
  delete[] o->buf; // { dg-warning "double-'delete\[\]' of 'o->buf'" }
}

// A deep copy owns its own buffer: silent.
void test_3()
{
  DeepCopy a("abc");
  DeepCopy b = a;
} // { dg-bogus "double-'delete" }

// One owner, destroyed once: silent.
void test_4()
{
  Owner a(new char[8]);
} // { dg-bogus "double-'delete" }

// delete of a heap object runs its destructor once: silent.
void test_5()
{
  Owner *o = new Owner(new char[8]);
  delete o; // { dg-bogus "double-'delete" }
}
