// tainted-allocation-size in C++: a new-expression's element count read from a
// stream, with and without a ceiling (MEM35-C; CWE-789).
/* { dg-do compile } */

#include <cstdio>
#include <cstddef>

long *read_values (std::FILE *in)
{
  int count = 0;
  if (std::fscanf (in, "%d", &count) != 1 || count <= 0)
    return nullptr;
  return new long[count]; /* { dg-warning "size of 'operator new\[\]' comes from input 'count' with no upper bound" } */
}

long *read_values_capped (std::FILE *in)
{
  int count = 0;
  if (std::fscanf (in, "%d", &count) != 1)
    return nullptr;
  if (count <= 0)
    return nullptr;
  if (count > 1024)
    return nullptr;
  return new long[count]; /* { dg-bogus "tainted-allocation-size" } */
}

// g++'s own check before new T[n] (n <= SIZE_MAX / sizeof (T)) is no maximum.
wchar_t *read_text (std::FILE *in)
{
  std::size_t n = 0;
  if (std::fscanf (in, "%zu", &n) != 1)
    return nullptr;
  return new wchar_t[n]; /* { dg-warning "comes from input 'n' with no upper bound" } */
}
