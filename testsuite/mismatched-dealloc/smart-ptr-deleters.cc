// mismatched-dealloc: smart pointers given a function as their deleter (issue
// 16, item 4).  The deleter frees with its function's family: what the smart
// pointer is given must come from the matching allocator.
// { dg-do compile }

#include <cstdio>
#include <cstdlib>
#include <memory>

struct S {
  int v;
};

// fclose of memory from malloc.
void test_1()
{
  std::unique_ptr<FILE, decltype(&fclose)> f(static_cast<FILE *>(std::malloc(16)), &fclose); // { dg-warning "should have been deallocated with 'free' but was deallocated with 'fclose'" }
}

// free of memory from malloc: silent.
void test_2()
{
  std::unique_ptr<S, void (*)(void *)> s(static_cast<S *>(std::malloc(sizeof(S))), std::free); // { dg-bogus "should have been deallocated" }
}

// free of memory from new.
void test_3()
{
  std::unique_ptr<S, void (*)(void *)> s(new S, std::free); // { dg-warning "should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// A shared_ptr with free as its deleter, given new[] memory.
void test_4()
{
  std::shared_ptr<S> s(new S[4], std::free); // { dg-warning "should have been deallocated with 'delete\[\]' but was deallocated with 'free'" }
}

// A shared_ptr with free, given malloc memory: silent.
void test_5()
{
  std::shared_ptr<S> s(static_cast<S *>(std::malloc(sizeof(S))), std::free); // { dg-bogus "should have been deallocated" }
}

// A lambda converted to the function pointer deleter frees with what its body
// frees with: free of memory from new.
void test_6()
{
  std::unique_ptr<S, void (*)(S *)> s(new S, [](S *p) { std::free(p); }); // { dg-warning "should have been deallocated with 'delete' but was deallocated with 'free'" }
}

// The same lambda given memory from malloc: silent.
void test_7()
{
  std::unique_ptr<S, void (*)(S *)> s(static_cast<S *>(std::malloc(sizeof(S))), [](S *p) { std::free(p); }); // { dg-bogus "should have been deallocated" }
}

// A function of the file as the deleter: its summary says it frees with free.
static void release_s(S *p)
{
  std::free(p);
}
void test_8()
{
  std::unique_ptr<S, void (*)(S *)> s(new S, release_s); // { dg-warning "should have been deallocated with 'delete' but was deallocated with 'free'" }
}
void test_9()
{
  std::unique_ptr<S, void (*)(S *)> s(static_cast<S *>(std::malloc(sizeof(S))), release_s); // { dg-bogus "should have been deallocated" }
}
