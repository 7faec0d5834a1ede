// alloc-size-overflow: a count a function of the unit sets through a C++
// reference (or a pointer) parameter holds what that function stores on every
// return; a constant there cannot make the product overflow, a value it does not
// fix can (MEM35-C; CWE-190).
/* { dg-do compile } */

#include <cstddef>
#include <cstdlib>

static void default_width (std::size_t &w)
{
  w = 20;
}

static void chosen_width (std::size_t *w, bool wide)
{
  if (wide)
    *w = 132;
  else
    *w = 80;
}

static void copied_width (std::size_t &w, std::size_t from)
{
  w = from;
}

static void maybe_width (std::size_t &w, bool set)
{
  if (set)
    w = 20;
}

wchar_t *line_of_default ()
{
  std::size_t w = 0;
  default_width (w);
  return (wchar_t *) std::malloc (w * sizeof (wchar_t)); /* { dg-bogus "may overflow" } */
}

wchar_t *line_of_choice (bool wide)
{
  std::size_t w;
  chosen_width (&w, wide);
  return (wchar_t *) std::malloc (w * sizeof (wchar_t)); /* { dg-bogus "may overflow" } */
}

wchar_t *line_of_copy (std::size_t n)
{
  std::size_t w = 0;
  copied_width (w, n);
  return (wchar_t *) std::malloc (w * sizeof (wchar_t)); /* { dg-warning "may overflow" } */
}

wchar_t *line_of_maybe (bool set, std::size_t n)
{
  std::size_t w = n;
  maybe_width (w, set);
  return (wchar_t *) std::malloc (w * sizeof (wchar_t)); /* { dg-warning "may overflow" } */
}
