// use-after-free in C++: a helper deletes the array it filled and returns it;
// the caller hands the result to a function defined elsewhere (MEM30-C,
// CWE-416), through the helper's summary.  Silent: the result compared with
// nullptr only, and a helper that returns a live array.
// { dg-do compile }

#include <cstddef>

extern void print_text (const char *text);

static char *spelled (const char *word)
{
  std::size_t n = 0;
  while (word[n])
    n++;
  char *out = new char[n + 1];
  for (std::size_t i = 0; i <= n; i++)
    out[i] = word[i];
  delete[] out; // { dg-message "'char\* spelled\(const char\*\)' frees it here" }
  return out; // { dg-warning "return of 'out' after 'delete\[\]'" }
}

static char *spelled_live (const char *word)
{
  char *out = new char[2];
  out[0] = word[0];
  out[1] = 0;
  return out;
}

void test_1 ()
{
  char *s = spelled ("abc"); // { dg-message "freed here, in" }
  print_text (s); // { dg-warning "use after 'delete\[\]' of 's'" }
}

bool test_2 ()
{
  char *s = spelled ("abc");
  return s != nullptr; // { dg-bogus "use after" }
}

void test_3 ()
{
  char *s = spelled_live ("abc");
  print_text (s); // { dg-bogus "use after" }
  delete[] s;
}

char test_4 ()
{
  char *s = spelled ("q");
  return s[0]; // { dg-warning "use after 'delete\[\]' of 's'" }
}
