// leak in C++ along the path of std::throw_with_nested and
// std::rethrow_if_nested (issue 16, exceptions).  std::throw_with_nested (E)
// never returns: it throws an object of a class derived from E and from
// std::nested_exception, which a handler for E, a base of E,
// std::nested_exception or `...` takes; if no handler of the function does,
// it leaves the function holding what the function owns.
// std::rethrow_if_nested (e) rethrows, on purpose, the exception nested in e
// (of any type) or returns.  Recognised by their declarations in namespace
// std (plugin/gcc/lower-eh.cc: thrown_type, may_rethrow_nested).
// { dg-do compile }

#include <exception>
#include <stdexcept>

struct Err { int code; };
struct Other { int o; };

void may_throw ();
void log_failure ();

// The nested exception leaves the function holding p (the handler's own
// cleanup runs first, so the function's end is where it leaves).
void test_1 ()
{
  int *p = new int[4]; // { dg-message "allocated here" }
  try {
    may_throw ();
  } catch (const std::exception &) {
    std::throw_with_nested (std::runtime_error ("wrapped"));
  }
  delete[] p;
} // { dg-warning "leak of 'p'" }

// Silent: p is deleted before the nested exception is thrown.
void test_2 ()
{
  int *p = new int[4];
  try {
    may_throw ();
  } catch (const std::exception &) {
    delete[] p;
    std::throw_with_nested (std::runtime_error ("wrapped"));
  }
  delete[] p;
} // { dg-bogus "leak" }

// Silent: an enclosing handler for E takes what throw_with_nested (E) throws.
int test_3 ()
{
  int *p = new int[4];
  try {
    try {
      may_throw ();
    } catch (...) {
      std::throw_with_nested (Err ());
    }
  } catch (const Err &) {
    delete[] p;
    return -1;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak" }

// Silent: ... and one for std::nested_exception, its other base.
int test_4 ()
{
  int *p = new int[4];
  try {
    try {
      may_throw ();
    } catch (...) {
      std::throw_with_nested (Err ());
    }
  } catch (const std::nested_exception &) {
    delete[] p;
    return -1;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak" }

// Silent: ... and one for a base class of E.
int test_5 ()
{
  int *p = new int[4];
  try {
    try {
      may_throw ();
    } catch (...) {
      std::throw_with_nested (std::runtime_error ("wrapped"));
    }
  } catch (const std::exception &) {
    delete[] p;
    return -1;
  }
  delete[] p;
  return 0;
}

// A handler for an unrelated type never takes it: it leaves holding p.
int test_6 ()
{
  int *p = new int[4]; // { dg-message "allocated here" }
  try {
    try {
      may_throw ();
    } catch (...) {
      std::throw_with_nested (Err ());
    }
  } catch (const Other &) {
    delete[] p;
    return -1;
  }
  delete[] p;
  return 0;
} // { dg-warning "leak of 'p'" }

// Outside any handler or cleanup of the function, it leaves at the call.
void test_7 (bool bad)
{
  int *p = new int[4]; // { dg-message "allocated here" }
  if (bad)
    std::throw_with_nested (Err ()); // { dg-warning "leak of 'p'" }
  delete[] p;
}

// Silent: a user's function of the same name is no library call.
namespace mine { void throw_with_nested (const Err &); }
void test_8 (bool bad)
{
  int *p = new int[4];
  if (bad)
    mine::throw_with_nested (Err ());
  delete[] p;
} // { dg-bogus "leak" }

// std::rethrow_if_nested may rethrow the nested exception: it leaves the
// function holding p.
int test_9 ()
{
  int *p = new int[4]; // { dg-message "allocated here" }
  try {
    may_throw ();
  } catch (const std::exception &e) {
    std::rethrow_if_nested (e);
    delete[] p;
    return -1;
  }
  delete[] p;
  return 0;
} // { dg-warning "leak of 'p'" }

// Silent: p is deleted before the nested exception may be rethrown.
int test_10 ()
{
  int *p = new int[4];
  try {
    may_throw ();
  } catch (const std::exception &e) {
    delete[] p;
    std::rethrow_if_nested (e);
    return -1;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak" }

// Silent: an enclosing `catch (...)` takes what it rethrows.
int test_11 ()
{
  int *p = new int[4];
  try {
    try {
      may_throw ();
    } catch (const std::exception &e) {
      std::rethrow_if_nested (e);
      log_failure ();
    }
  } catch (...) {
    delete[] p;
    return -1;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak" }
