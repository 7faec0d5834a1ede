// tainted-allocation-size through a C++ reference parameter: a function of the
// unit that reads a value from outside into `size_t &out` is a source for the
// variable its caller passes (MEM35-C; CWE-789).
/* { dg-do compile } */

#include <cstdio>
#include <cstdlib>
#include <cstddef>

static void scan_size (std::size_t &out)
{
  std::fscanf (stdin, "%zu", &out);
}

static void parse_count (std::FILE *in, int &count)
{
  char line[32];
  if (std::fgets (line, sizeof line, in))
    count = std::atoi (line);
}

static void fixed_size (std::size_t &out)
{
  out = 20;
}

char *text_scanned ()
{
  std::size_t n = 0;
  scan_size (n);
  if (n > 5)
    return new char[n]; /* { dg-warning "size of 'operator new\[\]' comes from input 'n' with no upper bound" } */
  return nullptr;
}

char *text_scanned_checked ()
{
  std::size_t n = 0;
  scan_size (n);
  if (n > 5 && n < 100)
    return new char[n]; /* { dg-bogus "tainted-allocation-size" } */
  return nullptr;
}

int *cells_parsed (std::FILE *in)
{
  int k = -1;
  parse_count (in, k);
  std::size_t bytes = k * sizeof (int);
  return (int *) new char[bytes]; /* { dg-warning "size of 'operator new\[\]' comes from input 'k'" } */
}

char *text_fixed ()
{
  std::size_t n = 0;
  fixed_size (n);
  return new char[n]; /* { dg-bogus "tainted-allocation-size" } */
}
