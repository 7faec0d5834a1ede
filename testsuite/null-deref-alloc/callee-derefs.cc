// null-deref-alloc through a function of the unit, in C++: a method that reads
// its object first dereferences `this`, so calling it on an unchecked nothrow
// new is a NULL dereference at the call; a function given the object likewise.
// Plain new throws instead of returning NULL: silent.  A method that tests
// `this` first is not dereferencing first: silent.
// g++ tests a nothrow new's result for NULL itself before the object's lifetime
// starts (GCC 16 for every class, older ones when the class has a constructor):
// that branch is the new-expression's own, not the program's, and the line from
// the allocation to the call goes on through it (rules/null-deref-alloc.c,
// alloc_own_branch).  A test the program writes is still a branch.
// { dg-do compile }

#include <new>
#include <cstdlib>

struct Counter
{
  int n;
  int step;
  void reset ();
  int get () const;
};

void Counter::reset ()
{
  n = 0;
  step = 1;
}

int Counter::get () const
{
  return n;
}

static void bump (Counter *c)
{
  c->n += c->step;
}

static int peek_safe (const Counter *c)
{
  return c ? c->n : -1;
}

// A method on an unchecked nothrow new.
int test_1 ()
{
  Counter *c = new (std::nothrow) Counter; // { dg-message "allocated here" }
  c->reset (); // { dg-warning "dereference of possibly-NULL 'c'" }
  int v = c->get ();
  delete c;
  return v;
}

// Plain new never returns NULL: silent.
int test_2 ()
{
  Counter *c = new Counter;
  c->reset (); // { dg-bogus "possibly-NULL" }
  int v = c->get ();
  delete c;
  return v;
}

// A function of the unit given it.
void test_3 ()
{
  Counter *c = new (std::nothrow) Counter; // { dg-message "allocated here" }
  bump (c); // { dg-warning "dereference of possibly-NULL 'c'" }
  delete c;
}

// A callee that checks first: silent.
int test_4 ()
{
  Counter *c = new (std::nothrow) Counter;
  int v = peek_safe (c); // { dg-bogus "possibly-NULL" }
  delete c;
  return v;
}

// Checked by the caller: silent.
void test_5 ()
{
  Counter *c = static_cast<Counter *> (std::malloc (sizeof (Counter)));
  if (!c)
    return;
  bump (c); // { dg-bogus "possibly-NULL" }
  std::free (c);
}

// A class with a constructor: g++ tests the result before running it, on every
// GCC, and the constructor's exception edge adds branches of its own.
struct Gauge
{
  Gauge ();
  int level;
  void clear ();
};

void Gauge::clear ()
{
  level = 0;
}

void test_6 ()
{
  Gauge *g = new (std::nothrow) Gauge; // { dg-message "allocated here" }
  g->clear (); // { dg-warning "dereference of possibly-NULL 'g'" }
  delete g;
}

// The same, checked by the program: silent.
int test_7 ()
{
  Gauge *g = new (std::nothrow) Gauge;
  if (!g)
    return -1;
  g->clear (); // { dg-bogus "possibly-NULL" }
  delete g;
  return 0;
}

// The program's own branch between the allocation and the call, on an error
// code a helper computed from the NULL test: whether the call is reached on the
// NULL path is the helper's business, and the call is judged only on a straight
// line.  Silent.
static int failed_with (bool bad, int code)
{
  return bad ? code : 0;
}

void test_8 ()
{
  Counter *c = new (std::nothrow) Counter;
  int err = failed_with (!c, 3);
  if (!err)
    c->reset (); // { dg-bogus "possibly-NULL" }
  delete c;
}
