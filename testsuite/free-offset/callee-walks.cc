// free-offset through a function of the unit, in C++: a callee that advances
// its parameter before it frees it (or deletes it) frees past the start of
// whatever it is given: reported in the callee, once, not again at the call;
// one that advances a copy is silent.
// { dg-do compile }

#include <cstdlib>
#include <cstring>

static void skip_and_free (char *s)
{
  while (*s == '#')
    ++s;
  std::free (s); // { dg-warning "'free' of 's' which points past the start of what the caller passed" }
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
  delete[] s; // { dg-warning "'delete\[\]' of 's' which points past the start of what the caller passed" }
}

// The callee advances what it frees: reported there.
void test_1 ()
{
  char *line = static_cast<char *> (std::malloc (8));
  if (!line)
    return;
  std::strcpy (line, "##ab");
  skip_and_free (line); // { dg-bogus "does not point to the start" }
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

// delete[] of the advanced pointer: reported in the callee (its NULL test is
// on the moved pointer, which the in-function judgement does not need).
void test_3 ()
{
  char *line = new char[8];
  std::strcpy (line, "##ab");
  skip_and_delete (line); // { dg-bogus "does not point to the start" }
}
