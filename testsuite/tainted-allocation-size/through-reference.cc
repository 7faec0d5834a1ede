// tainted-allocation-size in C++: an input value assigned to a local through a
// reference to it, or through a pointer to it, and read back (MEM35-C; CWE-789).
/* { dg-do compile } */

#include <cstdio>
#include <cstdlib>

char *line_buffer (std::FILE *in)
{
  char text[32] = "";
  int count = 8;
  int &ref = count;
  if (std::fgets (text, sizeof text, in))
    ref = std::atoi (text);
  return new char[count]; /* { dg-warning "comes from input 'count' with no upper bound" } */
}

char *line_buffer_capped (std::FILE *in)
{
  char text[32] = "";
  int count = 8;
  int &ref = count;
  if (std::fgets (text, sizeof text, in))
    ref = std::atoi (text);
  if (count < 0 || count > 512)
    return nullptr;
  return new char[count]; /* { dg-bogus "tainted-allocation-size" } */
}

char *line_buffer_fixed (std::FILE *in)
{
  char text[32] = "";
  int count = 8;
  int *where = &count;
  if (std::fgets (text, sizeof text, in))
    *where = std::atoi (text);
  *where = 128;
  return new char[*where]; /* { dg-bogus "tainted-allocation-size" } */
}

long *slots_through_pointer (std::FILE *in)
{
  char text[32] = "";
  long count = 1;
  long *where = &count;
  if (std::fgets (text, sizeof text, in))
    *where = std::strtol (text, nullptr, 10);
  return new long[*where]; /* { dg-warning "comes from input" } */
}
