// leak in C++ when a throw-expression leaves the function (MEM31-C, CWE-401):
// memory the function still owns and nothing frees on the way out (no handler of
// the function catches the exception, no cleanup deletes it) is lost there.  Only
// throw-expressions: the exceptions of ordinary calls are not judged.  Issue 16,
// item 3.
// { dg-do compile }

#include <memory>
#include <stdexcept>
#include <string>

void may_throw();
int *kept;

// No handler, no cleanup: the throw leaves the function holding p.
void test_1(bool bad)
{
  int *p = new int[4]; // { dg-message "allocated here" }
  if (bad)
    throw std::runtime_error("bad"); // { dg-warning "leak of 'p'" }
  delete[] p;
}

// Deleted before the throw: silent.
void test_2(bool bad)
{
  int *p = new int[4];
  if (bad) {
    delete[] p;
    throw std::runtime_error("bad");
  }
  delete[] p;
}

// Owned by a unique_ptr, whose destructor runs as the exception leaves: silent.
void test_3(bool bad)
{
  std::unique_ptr<int[]> p(new int[4]);
  if (bad)
    throw std::runtime_error("bad");
  p[0] = 1;
}

// Stored where the caller sees it before the throw: silent.
void test_4(bool bad)
{
  int *p = new int[4];
  kept = p;
  if (bad)
    throw 4;
}

// Caught in the function and deleted by the handler: silent.
void test_5(bool bad)
{
  int *p = new int[4];
  try {
    if (bad)
      throw std::runtime_error("bad");
  } catch (const std::runtime_error &) {
    delete[] p;
    return;
  }
  delete[] p;
}

// A handler for another type: the throw goes through the cleanup of the try's
// local and leaves the function with p (reported at its end: the way out
// after the cleanups has no line of its own).
void test_6(bool bad)
{
  int *p = new int[4]; // { dg-message "allocated here" }
  std::string name("six");
  try {
    if (bad)
      throw std::runtime_error("bad");
  } catch (int) {
    delete[] p;
    return;
  }
  delete[] p;
} // { dg-warning "leak of 'p'" }

// A call that may throw is not judged: silent.
void test_7()
{
  int *p = new int[4];
  may_throw();
  delete[] p;
}

// A noexcept function terminates instead of letting the exception out: silent.
void test_8(bool bad) noexcept
{
  int *p = new int[4];
  if (bad)
    throw std::runtime_error("bad");
  delete[] p;
}
