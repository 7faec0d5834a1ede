/* alloc-size-overflow: a factor that is a constant the program fixes elsewhere in
   the unit -- stored through a pointer, returned by a function of the unit,
   stored in a private static, passed by every call of a private function (also
   through a local function pointer) -- has that constant's range, and its
   product cannot overflow; the same factor given a value from outside still
   warns (MEM35-C; CWE-190).  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdlib.h>
#include <wchar.h>

/* Through a pointer to a local.  */
wchar_t *through_alias (void)
{
  size_t width = 0;
  size_t *alias = &width;
  width = 24;
  size_t w = *alias;
  return malloc (w * sizeof (wchar_t)); /* { dg-bogus "may overflow" } */
}

wchar_t *through_alias_unknown (size_t given)
{
  size_t width = 0;
  size_t *alias = &width;
  width = given;
  size_t w = *alias;
  return malloc (w * sizeof (wchar_t)); /* { dg-warning "may overflow" } */
}

/* Returned by a function of the unit.  */
static size_t default_width (size_t ignored)
{
  ignored = 24;
  return ignored;
}

static size_t chosen_width (int wide)
{
  return wide ? 80 : 40;
}

static size_t given_width (size_t w)
{
  return w + 1;
}

wchar_t *returned (int wide)
{
  size_t a = default_width (0);
  size_t b = chosen_width (wide);
  wchar_t *p = malloc (a * sizeof (wchar_t)); /* { dg-bogus "may overflow" } */
  wchar_t *q = malloc (b * sizeof (wchar_t)); /* { dg-bogus "may overflow" } */
  free (q);
  return p;
}

wchar_t *returned_unknown (size_t n)
{
  size_t a = given_width (n);
  return malloc (a * sizeof (wchar_t)); /* { dg-warning "may overflow" } */
}

/* Stored in a private static by the unit's functions.  */
static size_t line_width;
static size_t any_width;

static wchar_t *line_buffer (void)
{
  size_t w = line_width;
  return malloc (w * sizeof (wchar_t)); /* { dg-bogus "may overflow" } */
}

static wchar_t *any_buffer (void)
{
  size_t w = any_width;
  return malloc (w * sizeof (wchar_t)); /* { dg-warning "may overflow" } */
}

wchar_t *set_and_make (int wide, size_t n)
{
  size_t w;
  w = 0;
  w = wide ? 132 : 80;
  line_width = 80;
  if (wide)
    line_width = 132;
  any_width = n;
  wchar_t *a = any_buffer ();
  free (a);
  (void) w;
  return line_buffer ();
}

/* Passed by every call of a private function, directly or through a local
   function pointer.  */
static void fill (size_t n)
{
  wchar_t *p = malloc (n * sizeof (wchar_t)); /* { dg-bogus "may overflow" } */
  if (p)
    p[0] = 0;
  free (p);
}

static void fill_any (size_t n)
{
  wchar_t *p = malloc (n * sizeof (wchar_t)); /* { dg-warning "may overflow" } */
  if (p)
    p[0] = 0;
  free (p);
}

void fill_fixed (void)
{
  size_t n;
  void (*f) (size_t) = fill;
  n = 0;
  n = 20;
  f (n);
  fill (40);
}

void fill_given (size_t n)
{
  void (*f) (size_t) = fill_any;
  fill_any (20);
  f (n);
}
