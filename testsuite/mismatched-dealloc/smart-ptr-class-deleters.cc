// mismatched-dealloc: std::unique_ptr and std::shared_ptr with a deleter class
// or a lambda (issue 16, item 4).  The deleter's call operator is a function
// of the file: what its summary frees the pointer with is what the smart
// pointer releases with, checked where it takes the pointer.
// { dg-do compile }

#include <cstdio>
#include <cstdlib>
#include <memory>

struct S {
  int v;
};

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};

struct DeleteS {
  void operator()(S *p) const { delete p; }
};

// Does not free: a unique_ptr that only lends.
struct NoDelete {
  void operator()(S *) const {}
};

// free of memory from new.
void test_1()
{
  std::unique_ptr<int, FreeDeleter> p(new int); // { dg-warning "should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// free of memory from malloc: silent.
void test_2()
{
  std::unique_ptr<char, FreeDeleter> p(static_cast<char *>(std::malloc(8))); // { dg-bogus "should have been deallocated" }
  if (p)
    p.get()[0] = 1;
}

// delete of memory from malloc.
void test_3()
{
  std::unique_ptr<S, DeleteS> p(static_cast<S *>(std::malloc(sizeof(S)))); // { dg-warning "should have been deallocated with 'free' but was deallocated with 'delete'" }
}

// delete of memory from new: silent.
void test_4()
{
  std::unique_ptr<S, DeleteS> p(new S); // { dg-bogus "should have been deallocated" }
  p->v = 1;
}

// A named lambda given with the pointer.
void test_5()
{
  auto del = [](S *p) { std::free(p); };
  std::unique_ptr<S, decltype(del)> p(new S, del); // { dg-warning "should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// The same lambda given malloc's memory: silent.
void test_6()
{
  auto del = [](S *p) { std::free(p); };
  std::unique_ptr<S, decltype(del)> p(static_cast<S *>(std::malloc(sizeof(S))), del); // { dg-bogus "should have been deallocated" }
}

// A lambda closing a FILE: fclose is not followed, silent.
void test_7()
{
  auto del = [](FILE *f) { std::fclose(f); };
  std::unique_ptr<FILE, decltype(del)> f(std::fopen("x", "r"), del); // { dg-bogus "should have been deallocated" }
}

// A deleter that frees nothing is not judged.
void test_8()
{
  S s;
  std::unique_ptr<S, NoDelete> p(&s); // { dg-bogus "should have been deallocated|free-nonheap" }
  p->v = 1;
}

// A shared_ptr given a deleter class that deletes, with malloc's memory.
void test_9()
{
  std::shared_ptr<S> s(static_cast<S *>(std::malloc(sizeof(S))), DeleteS()); // { dg-warning "should have been deallocated with 'free' but was deallocated with 'delete'" }
}

// A shared_ptr given a lambda that frees, with new's memory.
void test_10()
{
  std::shared_ptr<S> s(new S, [](S *p) { std::free(p); }); // { dg-warning "should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// The same, matching: silent.
void test_11()
{
  std::shared_ptr<S> s(new S, DeleteS()); // { dg-bogus "should have been deallocated" }
}
