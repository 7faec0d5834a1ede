// leak in C++ with exceptions (MEM31-C, CWE-401): a `new` that throws allocated
// nothing, and it throws only std::bad_alloc, so only the handlers that catch
// std::bad_alloc (or std::exception, or `...`) see it.  Issue 14.
// { dg-do compile }

#include <new>
#include <stdexcept>

// Reads what it is given and keeps nothing: a pointer handed to it that throws
// is still the caller's (leak/throwing-call-args.cc).
int use(const int *p);

// Issue 14: both news in one try, a handler for bad_alloc that deletes both and
// returns; each delete sees what was allocated before the new that threw.  Silent.
void test_1()
{
  int *a = nullptr, *b = nullptr;
  try {
    a = new int(1);
    b = new int(2);
  } catch (std::bad_alloc &) {
    delete a;
    delete b;
    return;
  } // { dg-bogus "leak of" }
  delete a;
  delete b;
} // { dg-bogus "leak of" }

// The same handler forgets a, allocated when the second new throws.  A return
// from a handler leaves at the return (the handler's end, its
// __cxa_end_catch, runs on the way).
int test_2()
{
  int *a = nullptr, *b = nullptr;
  try {
    a = new int(1); // { dg-message "allocated here" }
    b = new int(2);
  } catch (std::bad_alloc &) {
    delete b;
    return -1; // { dg-warning "leak of 'a'" }
  }
  delete a;
  delete b;
  return 0;
}

// catch (...): the same, silent.
void test_3()
{
  int *a = nullptr, *b = nullptr;
  try {
    a = new int(1);
    b = new int(2);
  } catch (...) {
    delete a;
    delete b;
    return;
  } // { dg-bogus "leak of" }
  delete a;
  delete b;
}

// Only bad_alloc can leave the inner try, and its handler deletes a: the outer
// handler for anything else is never reached with a allocated.  Silent.
int test_4()
{
  int *a = new int(0);
  try {
    int *b;
    try {
      b = new int(1);
    } catch (std::bad_alloc &) {
      delete a;
      return 1;
    }
    *b = 2;
    delete b;
  } catch (...) {
    return 2;
  } // { dg-bogus "leak of" }
  delete a;
  return 0;
}

// The same, with a call that may throw anything: the outer handler leaks both.
int test_5()
{
  int *a = new int(0); // { dg-message "allocated here" }
  try {
    int *b;
    try {
      b = new int(1); // { dg-message "allocated here" }
    } catch (std::bad_alloc &) {
      delete a;
      return 1;
    }
    use(b);
    delete b;
  } catch (...) {
    return 2; // { dg-warning "leak of '[ab]'" }
  }
  delete a;
  return 0;
}

// A handler of a type bad_alloc is not: a new never reaches it.  Silent.
int test_6()
{
  int *a = new int(0);
  try {
    int *b = new int(1);
    delete b;
  } catch (std::runtime_error &) {
    return 2;
  } catch (int) { // { dg-bogus "leak of" }
    return 3;
  } // { dg-bogus "leak of" }
  delete a;
  return 0;
}

// A handler for std::exception, bad_alloc's base, is reached: a leaks there.
int test_7()
{
  int *a = new int(0); // { dg-message "allocated here" }
  try {
    int *b = new int(1);
    delete b;
  } catch (std::runtime_error &) {
    delete a;
    return 1;
  } catch (const std::exception &) {
    return 2; // { dg-warning "leak of 'a'" }
  }
  delete a;
  return 0;
}

// nothrow new throws nothing: the handler is never reached.  Silent.
int test_8()
{
  int *a = new int(0);
  try {
    int *b = new (std::nothrow) int(1);
    if (!b) {
      delete a;
      return 1;
    }
    delete b;
  } catch (...) {
    return 2;
  } // { dg-bogus "leak of" }
  delete a;
  return 0;
}

struct out_of_pool : std::bad_alloc {};

// A handler for a class derived from std::bad_alloc: a replaced operator new may
// throw one, so the handler may be reached with a allocated.
int test_9()
{
  int *a = new int(0); // { dg-message "allocated here" }
  try {
    int *b = new int(1);
    delete b;
  } catch (out_of_pool &) {
    return 2; // { dg-warning "leak of 'a'" }
  }
  catch (std::bad_alloc &) {
    delete a;
    return 1;
  }
  delete a;
  return 0;
}
