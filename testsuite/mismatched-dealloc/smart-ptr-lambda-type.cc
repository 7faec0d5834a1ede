// mismatched-dealloc: a unique_ptr whose deleter is the type of a lambda
// written in the template argument (C++20: a lambda in an unevaluated
// operand).  Its call operator's summary says what it frees with (issue 16,
// item 4).
// { dg-do compile }
// { dg-options "-std=c++20" }

#include <cstdlib>
#include <memory>

using free_ptr = std::unique_ptr<char, decltype([](char *p) { std::free(p); })>;

// free of memory from new[].
void test_1()
{
  free_ptr p(new char[8]); // { dg-warning "should have been deallocated with 'delete\[\]' but was deallocated with 'free'" }
}

// free of memory from malloc: silent.
void test_2()
{
  free_ptr p(static_cast<char *>(std::malloc(8))); // { dg-bogus "should have been deallocated" }
}

// Freed by hand through get (), then by the deleter.
void test_3()
{
  free_ptr p(static_cast<char *>(std::malloc(8)));
  std::free(p.get());
} // { dg-warning "double-'free'" }

// release () and freed by hand: silent.
void test_4()
{
  free_ptr p(static_cast<char *>(std::malloc(8)));
  std::free(p.release());
} // { dg-bogus "double|leak" }
