// free-offset through a function of the unit, in C++: a callee that advances
// its parameter before it frees it frees its caller's block at an offset,
// reported at the call; one that advances a copy is silent.  `delete[]` of the
// advanced pointer tests the moved pointer for NULL: moved from the parameter, it
// is NULL only where the parameter is (refine.c), so the parameter is freed on
// every path.
// { dg-do compile }

#include <cstdlib>
#include <cstring>

static void skip_and_free (char *s)
{
  while (*s == '#')
    ++s;
  std::free (s); // { dg-message "'void skip_and_free\(char\*\)' frees it here" }
}

static unsigned length_and_free (char *s)
{
  unsigned n = 0;
  for (const char *q = s; *q; ++q)
    ++n;
  std::free (s);
  return n;
}

static void skip_and_delete (char *s)
{
  while (*s == '#')
    ++s;
  delete[] s;
}

// The callee advances what it frees.
void test_1 ()
{
  char *line = static_cast<char *> (std::malloc (8)); // { dg-message "allocated here" }
  if (!line)
    return;
  std::strcpy (line, "##ab");
  skip_and_free (line); // { dg-warning "which does not point to the start of its allocation" }
}

// The callee advances a copy: silent.
unsigned test_2 ()
{
  char *line = static_cast<char *> (std::malloc (8));
  if (!line)
    return 0;
  std::strcpy (line, "##ab");
  return length_and_free (line); // { dg-bogus "does not point to the start" }
}

// delete[] of the advanced pointer.
void test_3 ()
{
  char *line = new char[8];
  std::strcpy (line, "##ab");
  skip_and_delete (line); // { dg-warning "which does not point to the start" }
}
