// leak in C++ along the paths exceptions take (MEM31-C, CWE-401): a call that may
// throw reaches any handler; a noexcept call none; a throw reaches the handlers of
// its type; cleanups (destructors) run on the way; an exception of a call that
// leaves the function is not judged (a throw-expression's is, and a rethrow's:
// leak/throw-exits.cc, leak/rethrow.cc).  Issue 16, item 3 (the
// exceptions of `new` are leak/exceptions.cc).
// { dg-do compile }

#include <new>
#include <stdexcept>

void may_throw();
void never_throws() noexcept;

struct Guard {
  Guard();
  ~Guard();
};

struct Buffer {
  char *buf;
  explicit Buffer(char *b) : buf(b) {}
  ~Buffer() { delete[] buf; }
};

// A call that may throw anything reaches `catch (...)`, which forgets a (the
// leak is reported where the function returns).
void test_1()
{
  int *a = new int(1); // { dg-message "allocated here" }
  try {
    may_throw();
  } catch (...) {
    return;
  }
  delete a;
} // { dg-warning "leak of 'a'" }

// A noexcept call reaches no handler: silent.
void test_2()
{
  int *a = new int(2);
  try {
    never_throws();
  } catch (...) {
    return;
  } // { dg-bogus "leak of" }
  delete a;
}

// The handler deletes a and rethrows: silent; one that rethrows without deleting
// leaves holding a, judged as a throw-expression leaving is, at the function's
// end (the way out after the handler's cleanup; the expectation was silence
// before rethrows were judged: leak/rethrow.cc).
void test_3()
{
  int *a = new int(3);
  try {
    may_throw();
  } catch (...) {
    delete a;
    throw;
  }
  delete a;
} // { dg-bogus "leak of" }

void test_4()
{
  int *a = new int(4); // { dg-message "allocated here" }
  try {
    may_throw();
  } catch (...) {
    throw; // { dg-warning "leak of 'a'" }
  }
  delete a;
}

// A throw of one type reaches its handler, not another type's.
void test_5()
{
  int *a = new int(5); // { dg-message "allocated here" }
  try {
    throw std::runtime_error("five");
  } catch (std::runtime_error &) {
    return;
  }
  delete a;
} // { dg-warning "leak of 'a'" }

void test_6()
{
  int *a = new int(6);
  try {
    throw 6;
  } catch (std::bad_alloc &) {
    return;
  } catch (int) {
    delete a;
    return;
  } // { dg-bogus "leak of" }
  delete a;
}

// A destructor run on the way out (a cleanup) before the handler: the handler
// still forgets a.
void test_7()
{
  int *a = new int(7); // { dg-message "allocated here" }
  try {
    Guard g;
    may_throw();
  } catch (...) {
    return;
  }
  delete a;
} // { dg-warning "leak of 'a'" }

// The cleanup of an owner deletes the buffer when may_throw throws: silent.
void test_8()
{
  Buffer b(new char[8]);
  may_throw();
} // { dg-bogus "leak of" }

// A function-try-block's handler: what the body allocated is lost there.
void test_9()
try {
  int *a = new int(9); // { dg-message "allocated here" }
  may_throw();
  delete a;
} catch (...) {
} // { dg-warning "leak of 'a'" }

// Deleted in the handler of the only type that reaches it, then rethrown: silent.
void test_10()
{
  int *a = nullptr;
  try {
    a = new int(10);
    may_throw();
  } catch (...) {
    delete a;
    throw;
  }
  delete a;
} // { dg-bogus "leak of" }

struct Base_error {};
struct Parse_error : Base_error {};
struct Io_error {};

// A throw reaches the handler of a base class of its type: a is lost there.
void test_11()
{
  int *a = new int(11); // { dg-message "allocated here" }
  try {
    throw Parse_error();
  } catch (Io_error &) {
    delete a;
    return;
  } catch (Base_error &) {
    return;
  }
  delete a;
} // { dg-warning "leak of 'a'" }

// ... but never the handler of a derived class or an unrelated one: the
// exception leaves the function holding a (leak/throw-exits.cc).
void test_12()
{
  int *a = new int(12);
  try {
    throw Base_error();
  } catch (Parse_error &) {
    return;
  } catch (Io_error &) {
    return;
  }
  delete a;
} // { dg-warning "leak of 'a'" }

// A throw and a new in one try, each reaching its own handler: silent.
void test_13()
{
  int *a = nullptr, *b = nullptr;
  try {
    a = new int(13);
    b = new int(14);
    if (*a == *b)
      throw Io_error();
  } catch (std::bad_alloc &) {
    delete a;
    return;
  } catch (Io_error &) {
    delete a;
    delete b;
    return;
  }
  delete a;
  delete b;
} // { dg-bogus "leak of" }
