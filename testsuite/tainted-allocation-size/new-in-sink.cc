// tainted-allocation-size: a new-expression inside a function of the unit whose
// parameter is its element count is a sink; g++'s own check before new T[n]
// (n <= SIZE_MAX / sizeof (T)) bounds nothing (MEM35-C; CWE-789).
/* { dg-do compile } */

#include <cstdio>
#include <cstring>
#include <cstddef>

static void banner_of (std::size_t width)
{
  if (width > std::strlen ("--"))	// a lower bound only
    {
      wchar_t *line = new wchar_t[width];
      line[0] = L'-';
      delete[] line;
    }
}

static void banner_of_bytes (std::size_t width)
{
  char *line = new char[width];
  line[0] = '-';
  delete[] line;
}

static void banner_of_narrow (std::size_t width)
{
  if (width > std::strlen ("--") && width < 80)
    {
      wchar_t *line = new wchar_t[width];
      line[0] = L'-';
      delete[] line;
    }
}

static void banner_of_refusing (std::size_t width)
{
  if (width >= 4096)
    return;
  double *cells = new double[width];
  cells[0] = 0;
  delete[] cells;
}

void banner_from (std::FILE *in)
{
  std::size_t w = 0;
  if (std::fscanf (in, "%zu", &w) != 1)
    return;
  banner_of (w); /* { dg-warning "size of 'operator new\[\]' in 'void banner_of.std::size_t.' comes from input 'w' with no upper bound" } */
  banner_of_bytes (w); /* { dg-warning "size of 'operator new\[\]' in 'void banner_of_bytes.std::size_t.' comes from input 'w'" } */
  banner_of_narrow (w); /* { dg-bogus "tainted-allocation-size" } */
  banner_of_refusing (w); /* { dg-bogus "tainted-allocation-size" } */
  if (w <= 200)
    banner_of (w); /* { dg-bogus "tainted-allocation-size" } */
}

void banner_through_pointer (std::FILE *in)
{
  void (*draw) (std::size_t) = banner_of;
  std::size_t w = 0;
  if (std::fscanf (in, "%zu", &w) != 1)
    return;
  draw (w); /* { dg-warning "size of 'operator new\[\]' in 'void banner_of.std::size_t.' comes from input 'w'" } */
}

void banner_fixed ()
{
  banner_of (20); /* { dg-bogus "tainted-allocation-size" } */
  void (*draw) (std::size_t) = banner_of_bytes;
  draw (32); /* { dg-bogus "tainted-allocation-size" } */
}
