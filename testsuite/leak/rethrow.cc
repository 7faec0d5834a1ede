// leak in C++ when a rethrow leaves the function (MEM31-C, CWE-401): `throw;`
// in a handler and std::rethrow_exception throw on purpose, as a
// throw-expression does, so what the function still owns when the exception
// leaves it is lost there (at the function's end when a handler's or a
// local's cleanup runs first); a handler that frees it first is silent, and
// nothing runs after a rethrow.  Issue 16, item 3.
// { dg-do compile }

#include <exception>
#include <memory>
#include <stdexcept>

void may_throw();
void log_failure();
int consume(int *p);

// A handler that logs and rethrows, forgetting p: lost as the exception leaves.
void test_1()
{
  int *p = new int[8]; // { dg-message "allocated here" }
  try {
    may_throw();
  } catch (const std::exception &) {
    log_failure();
    throw; // { dg-warning "leak of 'p'" }
  }
  delete[] p;
}

// The handler releases p before it rethrows: silent.
void test_2()
{
  int *p = new int[8];
  try {
    may_throw();
  } catch (const std::exception &) {
    delete[] p;
    throw;
  }
  delete[] p;
} // { dg-bogus "leak of" }

// Owned by a unique_ptr, whose destructor runs as the rethrown exception
// leaves: silent.
void test_3()
{
  std::unique_ptr<int[]> p(new int[8]);
  try {
    may_throw();
  } catch (...) {
    log_failure();
    throw;
  }
  p[0] = 1;
} // { dg-bogus "leak of" }

// A rethrow caught by an outer handler of the same function, which releases p
// and returns: the exception never leaves.  Silent.
int test_4()
{
  int *p = new int[8];
  try {
    try {
      may_throw();
    } catch (...) {
      log_failure();
      throw;
    }
  } catch (...) {
    delete[] p;
    return -1;
  }
  delete[] p;
  return 0;
} // { dg-bogus "leak of" }

// std::rethrow_exception leaves the function holding p.
void test_5(std::exception_ptr failure)
{
  int *p = new int[8]; // { dg-message "allocated here" }
  p[0] = 5;
  if (failure)
    std::rethrow_exception(failure);
  delete[] p;
} // { dg-warning "leak of 'p'" }

// ... and after releasing it: silent.  Nothing runs after the rethrow, so the
// code after it does not see p released (no double delete, no use after it).
int test_6(std::exception_ptr failure)
{
  int *p = new int[8];
  p[0] = 6;
  if (failure) {
    delete[] p;
    std::rethrow_exception(failure);
  }
  int r = p[0];
  delete[] p;
  return r;
} // { dg-bogus "leak of" }

// `throw;` in a function a handler calls rethrows the exception being
// handled: it leaves this function (no region of it) holding q.
void rethrow_with_context()
{
  int *q = new int(7); // { dg-message "allocated here" }
  *q = consume(nullptr);
  throw; // { dg-warning "leak of 'q'" }
}

// ... and after handing q to consume: silent.
void rethrow_after_handing()
{
  int *q = new int(8);
  consume(q);
  throw;
}

// Nothing runs after `throw;` in a handler: the delete after the try is not a
// second one.
void test_7()
{
  int *p = new int(9);
  try {
    may_throw();
  } catch (...) {
    delete p;
    throw;
  }
  *p = 1; // { dg-bogus "use after" }
  delete p; // { dg-bogus "double" }
}
