// mismatched-dealloc: smart pointers whose default deleter does not match the
// allocation (MEM51-CPP, CWE-762).  The delete runs inside the smart pointer's
// destructor; memrules knows the default deleters and checks the pointer when
// the smart pointer takes it.  A custom deleter is not judged.
// { dg-do compile }

#include <cstdlib>
#include <memory>

struct S {
  int v;
};

// unique_ptr<S> owning new S[10]: its deleter calls delete, not delete[].
void test_1()
{
  std::unique_ptr<S> s{new S[10]}; // { dg-warning "should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

// shared_ptr<S> owning new S[10]: the same.
void test_2()
{
  std::shared_ptr<S> s{new S[10]}; // { dg-warning "should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

// unique_ptr<S[]> owning new S[10]: delete[].  Silent.
void test_3()
{
  std::unique_ptr<S[]> s{new S[10]}; // { dg-bogus "should have been deallocated" }
}

// make_unique<S[]>: silent.
void test_4()
{
  auto s = std::make_unique<S[]>(10); // { dg-bogus "should have been deallocated" }
}

// shared_ptr with an array deleter: silent.
void test_5()
{
  std::shared_ptr<S> s{new S[10], [](const S *ptr) { delete[] ptr; }}; // { dg-bogus "should have been deallocated" }
}

// unique_ptr<S> owning new S: silent.
void test_6()
{
  std::unique_ptr<S> s{new S}; // { dg-bogus "should have been deallocated" }
}

// A pointer from malloc given to unique_ptr<S>: delete of malloc'd memory.
void test_7()
{
  std::unique_ptr<S> s{static_cast<S *>(std::malloc(sizeof(S)))}; // { dg-warning "should have been deallocated with 'free' but was deallocated with 'delete'" }
}

// A local object given to a unique_ptr: it will delete a non-heap object.
void test_8()
{
  S local;
  std::unique_ptr<S> s{&local}; // { dg-warning "local" }
}

// shared_ptr<S[]> (C++17) deletes with delete[]: silent.
void test_9()
{
  std::shared_ptr<S[]> s{new S[10]}; // { dg-bogus "should have been deallocated" }
}

// A custom deleter is not judged.
struct FreeDeleter {
  void operator()(S *p) const { std::free(p); }
};
void test_10()
{
  std::unique_ptr<S, FreeDeleter> s{static_cast<S *>(std::malloc(sizeof(S)))}; // { dg-bogus "should have been deallocated" }
}

// The smart pointer owns it: no leak; release() hands it back, then delete.
void test_11()
{
  std::unique_ptr<S> s{new S};
  S *raw = s.release();
  delete raw; // { dg-bogus "double" }
}
