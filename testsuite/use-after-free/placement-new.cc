// use-after-free: an object built by placement new in storage already released
// (MEM30-C, CWE-416).  The new-expression uses the storage, whether or not the
// constructor's writes are in sight.  Issue 16, item 7.
// { dg-do compile }

#include <cstdlib>
#include <new>

struct Opaque {
  Opaque();			// body out of sight
  ~Opaque();
  int v;
};

struct Trivial {
  int v;
};

void consume(void *);

// Deleted, then an object built in it.
void test_1()
{
  int *p = new int(1);
  delete p;
  int *q = new (p) int; // { dg-warning "use after 'delete' of 'p'" }
  consume(q);
}

// Freed, then a class with an unseen constructor built in it.
void test_2()
{
  void *buf = std::malloc(sizeof(Opaque));
  if (!buf)
    return;
  std::free(buf);
  Opaque *o = new (buf) Opaque; // { dg-warning "use after 'free' of 'buf'" }
  consume(o);
}

// A trivial object built without a write.
void test_3()
{
  void *buf = std::malloc(sizeof(Trivial));
  if (!buf)
    return;
  std::free(buf);
  Trivial *t = new (buf) Trivial; // { dg-warning "use after 'free' of 'buf'" }
  consume(t);
}

// Built in live storage, destroyed, then the storage freed: silent.
void test_4()
{
  void *buf = std::malloc(sizeof(Opaque));
  if (!buf)
    return;
  Opaque *o = new (buf) Opaque; // { dg-bogus "use after" }
  consume(o);
  o->~Opaque();
  std::free(buf); // { dg-bogus "double-'free'|use after" }
}

// The object destroyed and another built in its storage: silent (the storage
// was never released).
void test_5()
{
  Opaque *o = new Opaque;
  o->~Opaque();
  Opaque *n = new (o) Opaque; // { dg-bogus "use after" }
  delete n;
}

// A helper of the file builds an object in what it is given: the caller's
// freed storage is used through it.
static Trivial *build(void *where)
{
  return new (where) Trivial();
}

void test_6()
{
  void *buf = std::malloc(sizeof(Trivial));
  if (!buf)
    return;
  std::free(buf);
  consume(build(buf)); // { dg-warning "use after 'free' of 'buf'" }
}
