// null-deref-alloc: a unique_ptr given malloc's memory (a deleter that frees)
// holds NULL when malloc failed; its operator bool says whether it does
// (issue 16, item 4).
// { dg-do compile }

#include <cstdlib>
#include <cstring>
#include <memory>

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};

// Checked through operator bool: silent.
int test_1(std::size_t n)
{
  std::unique_ptr<char, FreeDeleter> p(static_cast<char *>(std::malloc(n + 1)));
  if (!p)
    return -1;
  p.get()[0] = '\0'; // { dg-bogus "NULL" }
  return 0;
}

// Checked the other way round: silent.
void test_2(const char *s)
{
  std::unique_ptr<char, FreeDeleter> p(static_cast<char *>(std::malloc(std::strlen(s) + 1)));
  if (p)
    std::strcpy(p.get(), s); // { dg-bogus "NULL" }
}

// Not checked.
void test_3()
{
  std::unique_ptr<char, FreeDeleter> p(static_cast<char *>(std::malloc(8)));
  p.get()[0] = '\0'; // { dg-warning "possibly-NULL" }
}
