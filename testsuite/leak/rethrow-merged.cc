// leak in C++ along a rethrow of exceptions of several types (issue 16,
// exceptions): `throw;` rethrows the exception its handler took, so where
// paths throwing different types join before the handler, the rethrow
// carries each of them, and each enclosing handler surely, maybe or never
// takes each one.  An exception of no known type (a call's) that a handler
// for E takes is an E from then on.  An exception thrown while a
// throw-expression builds its object (a std::runtime_error's string) is not
// followed.  plugin/gcc/lower-eh.cc (rethrowing_handler,
// builds_thrown_object), plugin/core/refine.c (fold_case).
// { dg-do compile }

#include <exception>
#include <stdexcept>

struct Base { virtual ~Base (); };
struct A : Base { int a; };
struct B : Base { int b; };
struct C : Base { int c; };

void may_throw ();
void log_failure ();

// Silent: the rethrow carries a runtime_error or a logic_error, and a handler
// for each deletes p.
void test_1 (bool c)
{
  int *p = new int[4];
  try {
    try {
      if (c)
	throw std::runtime_error ("a");
      else
	throw std::logic_error ("b");
    } catch (const std::exception &) {
      throw;
    }
  } catch (const std::runtime_error &) {
    delete[] p;
    return;
  } catch (const std::logic_error &) {
    delete[] p;
    return;
  }
  delete[] p;
} // { dg-bogus "leak" }

// The logic_error has no handler: it leaves holding p.
void test_2 (bool c)
{
  int *p = new int[4]; // { dg-message "allocated here" }
  try {
    try {
      if (c)
	throw std::runtime_error ("a");
      else
	throw std::logic_error ("b");
    } catch (const std::exception &) {
      log_failure ();
      throw;
    }
  } catch (const std::runtime_error &) {
    delete[] p;
    return;
  }
  delete[] p;
} // { dg-warning "leak of 'p'" }

// Silent: the same with the program's classes.
int test_3 (int k)
{
  int *p = new int[4];
  try {
    try {
      if (k == 1)
	throw A ();
      else if (k == 2)
	throw B ();
      else
	throw C ();
    } catch (const Base &) {
      log_failure ();
      throw;
    }
  } catch (const A &) {
    delete[] p;
    return 1;
  } catch (const B &) {
    delete[] p;
    return 2;
  } catch (const C &) {
    delete[] p;
    return 3;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak" }

// The handler for B forgets p: only the B reaches it.
int test_4 (int k)
{
  int *p = new int[4]; // { dg-message "allocated here" }
  try {
    try {
      if (k == 1)
	throw A ();
      else
	throw B ();
    } catch (const Base &) {
      throw;
    }
  } catch (const A &) {
    delete[] p;
    return 1;
  } catch (const B &) {
    return 2; // { dg-warning "leak of 'p'" }
  }
  delete[] p;
  return 0;
}

// Silent: p is deleted on the path of the A only, and only the A reaches
// the handler that does not delete it.
int test_5 (int k)
{
  int *p = new int[4];
  try {
    try {
      if (k == 1)
	{
	  delete[] p;
	  throw A ();
	}
      throw B ();
    } catch (const Base &) {
      throw;
    }
  } catch (const A &) {
    return 1;
  } catch (const B &) {
    delete[] p;
    return 2;
  }
  return 0;
} // { dg-bogus "leak|double" }

// A call's exception taken by the handler for Base is a Base, which the
// handler for A may not take: it may leave holding p.
int test_6 (bool c)
{
  int *p = new int[4]; // { dg-message "allocated here" }
  try {
    try {
      if (c)
	throw A ();
      may_throw ();
    } catch (const Base &) {
      throw;
    }
  } catch (const A &) {
    delete[] p;
    return 1;
  }
  delete[] p;
  return 0;
} // { dg-warning "leak of 'p'" }

// Silent: ... and one for Base takes it.
int test_7 (bool c)
{
  int *p = new int[4];
  try {
    try {
      if (c)
	throw A ();
      may_throw ();
    } catch (const Base &) {
      throw;
    }
  } catch (const A &) {
    delete[] p;
    return 1;
  } catch (const Base &) {
    delete[] p;
    return 2;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak" }

// `catch (...)` rethrows what it took, an A here, which the outer handler
// for A surely takes.  TODO: a try whose one handler is `catch (...)` has no
// dispatch (its landing pad is the handler), so its rethrow still carries
// anything, which may leave.
int test_8 ()
{
  int *p = new int[4];
  try {
    try {
      throw A ();
    } catch (...) {
      log_failure ();
      throw;
    }
  } catch (const A &) {
    delete[] p;
    return 1;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak" "" { xfail *-*-* } }
