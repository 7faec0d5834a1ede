// null-deref-alloc in C++: operator new throws instead of returning NULL, so
// its result needs no check; nothrow new and the C allocators do
// (MEM32-C, CWE-690).
// { dg-do compile }

#include <cstdlib>
#include <cstring>
#include <new>

struct S {
  int v;
};

// new: never NULL.  Silent.
int test_1()
{
  int *p = new int;
  *p = 1; // { dg-bogus "possibly-NULL" }
  int v = *p;
  delete p;
  return v;
}

// new[]: never NULL.  Silent.
void test_2()
{
  char *a = new char[16];
  std::strcpy(a, "abc"); // { dg-bogus "possibly-NULL" }
  delete[] a;
}

// nothrow new, checked.  Silent.
int test_3()
{
  S *s = new (std::nothrow) S;
  if (s == nullptr)
    return -1;
  s->v = 3; // { dg-bogus "possibly-NULL" }
  delete s;
  return 0;
}

// nothrow new, unchecked.
void test_4()
{
  S *s = new (std::nothrow) S; // { dg-message "allocated here" }
  s->v = 4; // { dg-warning "dereference of possibly-NULL 's'" }
  delete s;
}

// std::malloc in C++, unchecked.
void test_5()
{
  int *p = static_cast<int *>(std::malloc(sizeof(int))); // { dg-message "allocated here" }
  *p = 5; // { dg-warning "dereference of possibly-NULL 'p'" }
  std::free(p);
}

// std::malloc in C++, checked.  Silent.
void test_6()
{
  int *p = static_cast<int *>(std::malloc(sizeof(int)));
  if (!p)
    return;
  *p = 6; // { dg-bogus "possibly-NULL" }
  std::free(p);
}

// memset of an unchecked std::calloc.
void test_7()
{
  char *p = static_cast<char *>(std::calloc(4, 4));
  std::memset(p, 1, 16); // { dg-warning "dereference of possibly-NULL 'p'" }
  std::free(p);
}
