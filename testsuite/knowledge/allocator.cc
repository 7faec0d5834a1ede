// C++ std::allocator<T>::allocate/deallocate (and allocator_traits'): inline
// members in libstdc++'s system headers, which the pass does not analyse, so they
// are recognised by class and member name (docs/knowledge-base.md).  Their memory
// is a family of its own.
#include <memory>

void test_1()
{
  std::allocator<int> a;
  int *p = a.allocate(4);
  a.deallocate(p, 4); // { dg-message "first 'std::allocator::deallocate' here" }
  a.deallocate(p, 4); // { dg-warning "double-'std::allocator::deallocate' of 'p'" }
}

int test_2()
{
  std::allocator<int> a;
  int *p = a.allocate(4);
  p[0] = 1;
  a.deallocate(p, 4); // { dg-message "freed here" }
  return p[0]; // { dg-warning "use after 'std::allocator::deallocate' of 'p'" }
}

void test_3()
{
  std::allocator<int> a;
  int *p = a.allocate(4);
  p[0] = 1;
  a.deallocate(p, 4); // { dg-bogus "double|mismatch" }
}

// Through allocator_traits, as containers call it.
void test_4()
{
  std::allocator<long> a;
  using T = std::allocator_traits<std::allocator<long>>;
  long *p = T::allocate(a, 2);
  T::deallocate(a, p, 2); // { dg-message "first" }
  T::deallocate(a, p, 2); // { dg-warning "double-'std::allocator::deallocate' of 'p'" }
}

// Its memory released with delete is a mismatch.
void test_5()
{
  std::allocator<int> a;
  int *p = a.allocate(1); // { dg-message "allocated here" }
  delete p; // { dg-warning "'p' should have been deallocated with 'std::allocator::deallocate' but was deallocated with 'delete'" }
}

// Leaked (a global allocator: no destructor runs at the return).
std::allocator<int> ga;
int test_6(bool x)
{
  int *p = ga.allocate(1); // { dg-message "allocated here" }
  p[0] = 1;
  if (x)
    return 1; // { dg-warning "leak of 'p'" }
  ga.deallocate(p, 1);
  return 0;
}
