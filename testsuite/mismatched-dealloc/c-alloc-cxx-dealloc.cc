// mismatched-dealloc: memory from the C allocators (malloc, calloc, realloc,
// strdup, strndup, aligned_alloc) released with delete or delete[]
// (MEM51-CPP, CWE-762).  The message names the deallocator that should have
// been used and the one that was: "'p' should have been deallocated with
// 'free' but was deallocated with 'delete'".  The note is at the allocation.
// { dg-do compile }

#include <cstdlib>
#include <cstring>
#include <stdlib.h>
#include <string.h>

// malloc released with delete; the message format, pinned once in full.
void test_1()
{
  int *p = static_cast<int *>(std::malloc(sizeof(int))); // { dg-message "allocated here" }
  delete p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete' \(MEM51-CPP\) \[memrules-mismatched-dealloc\]" }
}

// malloc released with delete[].
void test_2()
{
  char *p = static_cast<char *>(std::malloc(16)); // { dg-message "allocated here" }
  delete[] p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete\[\]'" }
}

// calloc released with delete[].
void test_3()
{
  int *p = static_cast<int *>(std::calloc(8, sizeof(int)));
  delete[] p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete\[\]'" }
}

// calloc released with delete.
void test_4()
{
  long *p = static_cast<long *>(calloc(1, sizeof(long)));
  delete p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete'" }
}

// The block realloc returned, released with delete[].
void test_5()
{
  char *p = static_cast<char *>(std::malloc(16));
  char *q = static_cast<char *>(std::realloc(p, 32));
  if (q == nullptr) {
    std::free(p); // { dg-bogus "should have been deallocated" }
    return;
  }
  delete[] q; // { dg-warning "'q' should have been deallocated with 'free' but was deallocated with 'delete\[\]'" }
}

// strdup released with delete[] (a common slip: strings are char arrays).
void test_6(const char *s)
{
  char *p = strdup(s); // { dg-message "allocated here" }
  delete[] p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete\[\]'" }
}

// strndup released with delete.
void test_7(const char *s)
{
  char *p = strndup(s, 8);
  delete p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete'" }
}

// aligned_alloc released with delete.
void test_8()
{
  double *p = static_cast<double *>(std::aligned_alloc(64, 64 * sizeof(double)));
  delete p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete'" }
}

// Through a copy: the name is the one deleted.
void test_9()
{
  int *p = static_cast<int *>(std::malloc(4 * sizeof(int)));
  int *q = p;
  delete[] q; // { dg-warning "'q' should have been deallocated with 'free' but was deallocated with 'delete\[\]'" }
}

// Mismatched on one path only.
void test_10(bool c)
{
  char *p = static_cast<char *>(std::malloc(16));
  if (c)
    std::free(p); // { dg-bogus "should have been deallocated" }
  else
    delete[] p; // { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'delete\[\]'" }
}

// The matching pairs stay silent: std::free of std::malloc, free of calloc,
// of realloc, of strdup.
void test_11(const char *s)
{
  int *a = static_cast<int *>(std::malloc(sizeof(int)));
  int *b = static_cast<int *>(std::calloc(4, sizeof(int)));
  char *c = strdup(s);
  std::free(a); // { dg-bogus "should have been deallocated" }
  free(b); // { dg-bogus "should have been deallocated" }
  std::free(c); // { dg-bogus "should have been deallocated" }
}

// realloc of malloc'd memory, then free: all one family.
void test_12()
{
  char *p = static_cast<char *>(std::malloc(16));
  char *q = static_cast<char *>(std::realloc(p, 64)); // { dg-bogus "should have been deallocated" }
  if (q == nullptr) {
    std::free(p);
    return;
  }
  std::free(q); // { dg-bogus "should have been deallocated" }
}
