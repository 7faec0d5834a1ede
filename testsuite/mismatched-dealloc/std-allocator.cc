// mismatched-dealloc, double-free and leak for the C++ library's allocation
// pairs of CERT MEM51-CPP's table: std::allocator<T>::allocate/deallocate and
// std::get_temporary_buffer/return_temporary_buffer are families of their own.
// { dg-do compile }
// { dg-options "-Wno-deprecated-declarations" }

#include <cstddef>
#include <memory>

// allocate / deallocate: silent.
void test_1()
{
  std::allocator<int> a;
  int *p = a.allocate(10);
  a.deallocate(p, 10); // { dg-bogus "should have been deallocated" }
}

// allocate / delete[]: mismatch.
void test_2()
{
  std::allocator<int> a;
  int *p = a.allocate(10);
  delete[] p; // { dg-warning "'p' should have been deallocated with 'std::allocator::deallocate' but was deallocated with 'delete\[\]'" }
}

// deallocate twice.
void test_3()
{
  std::allocator<int> a;
  int *p = a.allocate(10);
  a.deallocate(p, 10);
  a.deallocate(p, 10); // { dg-warning "double-'std::allocator::deallocate' of 'p'" }
}

// Never deallocated.
void test_4()
{
  std::allocator<int> a;
  int *p = a.allocate(10);
  p[0] = 1;
} // { dg-warning "leak of 'p'" }

// get_temporary_buffer / return_temporary_buffer: silent.
void test_5()
{
  std::pair<int *, std::ptrdiff_t> r = std::get_temporary_buffer<int>(10);
  std::return_temporary_buffer(r.first); // { dg-bogus "should have been deallocated" }
}

// get_temporary_buffer / delete[]: mismatch.
void test_6()
{
  std::pair<int *, std::ptrdiff_t> r = std::get_temporary_buffer<int>(10);
  delete[] r.first; // { dg-warning "'r.first' should have been deallocated with 'std::return_temporary_buffer' but was deallocated with 'delete\[\]'" }
}
