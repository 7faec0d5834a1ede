// free-offset in C++: a member function or a class's operator delete that frees
// its own parameter past its start is reported in the function; one that frees
// the header before the pointer it is given (a sized allocator's convention),
// the pointer a member holds, or the pointer as given stays silent.  Defined out
// of their class, so that they are compiled when nothing calls them.
// { dg-do compile }

#include <cstddef>
#include <cstdlib>

struct header {
  std::size_t size;
};

struct pool {
  char *last;
  void release_tail (char *p);
  void release_last ();
  void release_as_given (char *p);
};

void pool::release_tail (char *p)
{
  while (*p != '\0')
    ++p;
  std::free (p); // { dg-warning "'free' of 'p' which points past the start of what the caller passed" }
}

void pool::release_last ()
{
  char *p = last;
  std::free (p); // { dg-bogus "points past the start" }
}

void pool::release_as_given (char *p)
{
  std::free (p); // { dg-bogus "points past the start" }
}

struct sized {
  static void operator delete (void *p);
};

void sized::operator delete (void *p)
{
  std::free (static_cast<header *> (p) - 1); // { dg-bogus "points past the start" }
}

void drop_words (char *words)
{
  char *w = words + 4;
  delete[] w; // { dg-warning "'delete\[\]' of 'w' which points past the start of what the caller passed" }
}
