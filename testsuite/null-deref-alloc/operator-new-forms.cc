// null-deref-alloc in C++ with the allocation functions a program declares
// (MEM32-C, CWE-690): an operator new declared not to throw (`noexcept`,
// `throw ()`, or the nothrow_t form), global or of a class, reports failure by
// returning NULL, so its result needs a check before it is dereferenced; one
// that may throw never returns NULL.  Issue 16, item 7.
// { dg-do compile }

#include <cstddef>
#include <cstdlib>
#include <new>

// A class-specific operator new declared noexcept, with a body in sight.
struct Pooled {
  int v;
  static void *operator new(std::size_t n) noexcept { return std::malloc(n); }
  static void operator delete(void *p) { std::free(p); }
};

// The same declared noexcept, without a body.
struct Arena_node {
  int v;
  static void *operator new(std::size_t n) noexcept;
  static void operator delete(void *p);
};

// A class-specific nothrow form, declared by the program.
struct Slab_item {
  int v;
  static void *operator new(std::size_t n, const std::nothrow_t &) noexcept;
  static void operator delete(void *p);
};

// A class-specific operator new that throws when it runs out.
struct Checked {
  int v;
  static void *operator new(std::size_t n)
  {
    if (void *p = std::malloc(n))
      return p;
    throw std::bad_alloc();
  }
  static void operator delete(void *p) { std::free(p); }
};

// noexcept, with a constructor: the new-expression checks the result before
// constructing, and hands the unchecked pointer on to the program.
struct Counted {
  int v;
  Counted();
  static void *operator new(std::size_t n) noexcept;
  static void operator delete(void *p);
};

// A global nothrow operator new the program replaces (declared here).
void *operator new(std::size_t n, const std::nothrow_t &) noexcept;

int test_1()
{
  Pooled *p = new Pooled;
  p->v = 1; // { dg-warning "possibly-NULL 'p'" }
  int r = p->v;
  delete p;
  return r;
}

int test_2()
{
  Pooled *p = new Pooled;
  if (!p)
    return -1;
  p->v = 2; // { dg-bogus "possibly-NULL" }
  int r = p->v;
  delete p;
  return r;
}

int test_3()
{
  Arena_node *n = new Arena_node;
  n->v = 3; // { dg-warning "possibly-NULL 'n'" }
  int r = n->v;
  delete n;
  return r;
}

int test_4()
{
  Arena_node *n = new Arena_node;
  if (n == nullptr)
    return -1;
  n->v = 4; // { dg-bogus "possibly-NULL" }
  int r = n->v;
  delete n;
  return r;
}

int test_5()
{
  Slab_item *s = new (std::nothrow) Slab_item;
  s->v = 5; // { dg-warning "possibly-NULL 's'" }
  int r = s->v;
  delete s;
  return r;
}

int test_6()
{
  Slab_item *s = new (std::nothrow) Slab_item;
  if (!s)
    return -1;
  s->v = 6; // { dg-bogus "possibly-NULL" }
  int r = s->v;
  delete s;
  return r;
}

// A throwing class operator new never returns NULL: silent.
int test_7()
{
  Checked *c = new Checked;
  c->v = 7; // { dg-bogus "possibly-NULL" }
  int r = c->v;
  delete c;
  return r;
}

int test_8()
{
  Counted *c = new Counted;
  c->v = 8; // { dg-warning "possibly-NULL 'c'" }
  int r = c->v;
  delete c;
  return r;
}

int test_9()
{
  Counted *c = new Counted;
  if (!c)
    return -1;
  c->v = 9; // { dg-bogus "possibly-NULL" }
  int r = c->v;
  delete c;
  return r;
}

int test_10()
{
  int *p = new (std::nothrow) int;
  *p = 10; // { dg-warning "possibly-NULL 'p'" }
  int r = *p;
  delete p;
  return r;
}

int test_11()
{
  int *p = new (std::nothrow) int;
  if (!p)
    return -1;
  *p = 11; // { dg-bogus "possibly-NULL" }
  int r = *p;
  delete p;
  return r;
}
