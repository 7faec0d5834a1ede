/* GNU C nested functions: trampolines, access to the enclosing frame's pointers.  */
#include <stdlib.h>
#include <string.h>

static void
apply (void (*fn) (int), int n)
{
  for (int i = 0; i < n; i++)
    fn (i);
}

int
outer (int n)
{
  char *buf = malloc (64);
  int count = 0;
  void inner (int i)
  {
    if (buf && i < 64)
      buf[i] = (char) i;
    count++;
  }
  void release (int i)
  {
    if (i == n - 1)
      {
        free (buf);
        buf = NULL;
      }
  }
  apply (inner, n);
  apply (release, n);
  auto int deeper (int);
  int deeper (int k)
  {
    int deepest (int j) { return j + count; }
    return deepest (k) + (buf != NULL);
  }
  return deeper (n);
}

void *
nested_allocator (int n)
{
  void *make (size_t sz) { return malloc (sz); }
  void drop (void *p) { free (p); }
  void *p = make (n);
  void *q = make (n * 2);
  drop (p);
  return q;
}
