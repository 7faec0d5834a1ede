// malloc-cast is a C rule: C++ needs the cast, so it stays silent even when enabled.
// { dg-options "-fplugin-arg-memrules-enable=malloc-cast" }
#include <cstdlib>
void test_1()
{
  int *p = static_cast<int *>(std::malloc(sizeof *p)); // { dg-bogus "cast" }
  std::free(p);
}
void test_2()
{
  int *p = (int *) std::malloc(sizeof *p); // { dg-bogus "cast" }
  std::free(p);
}
