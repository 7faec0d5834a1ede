// alloc-size-overflow in C++: new T[n] computes its size with an overflow
// check (g++ throws std::bad_array_new_length), so it is silent; a product
// passed to malloc or operator new[] by hand is not checked
// (MEM35-C; CWE-190).
// { dg-do compile }

#include <cstddef>
#include <cstdlib>
#include <new>

struct S {
  double a, b;
};

// new T[n]: g++ checks.  Silent.
S *test_1(std::size_t n)
{
  return new S[n]; // { dg-bogus "may overflow" }
}

// new int[n] with n an int: g++ checks.  Silent.
int *test_2(int n)
{
  return new int[n]; // { dg-bogus "may overflow" }
}

// std::malloc with an unchecked product.
S *test_3(std::size_t n)
{
  return static_cast<S *>(std::malloc(n * sizeof(S))); // { dg-warning "multiplication in the size of 'malloc' may overflow" }
}

// operator new[] called directly with a product.
void *test_4(std::size_t n)
{
  return ::operator new[](n * sizeof(S)); // { dg-warning "multiplication in the size of '[^']*new[^']*' may overflow" }
}
