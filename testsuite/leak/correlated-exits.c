/* leak, uninit-read: an early exit taken when a combination of conditions holds
   (`if ((a || b == 0) && s != 1) return;`) rules that combination out for the
   rest of the function, although the paths that go on meet with nothing known
   of a, b or s alone (leak: MEM31-C, CWE-401;
   uninit-read: CWE-908).  */
/* { dg-do compile } */

#include <stdlib.h>

/* Past the exit, s != 1 means a == 0 and b != 0: the last test always holds.  */
void three_tests (int a, int b, int s)
{
  char *p = malloc (8);
  if (!p)
    return;
  if ((a || b == 0) && s != 1)
    {
      free (p);
      return;
    }
  if (s == 1)
    free (p);
  else if (b)
    free (p);
}

/* Buggy: a is 0 there, the test of a never frees.  */
void three_tests_wrong_one (int a, int b, int s)
{
  char *p = malloc (8);
  if (!p)
    return;
  if ((a || b == 0) && s != 1)
    {
      free (p);
      return;
    }
  if (s == 1)
    free (p);
  else if (a)
    free (p);
} /* { dg-warning "leak of 'p'" } */

/* At least one of a and b is not 0 past the exit (GCC folds the test into
   `(a | b) == 0` when it optimises).  */
void one_of_two (int a, int b)
{
  char *p = malloc (8);
  if (!p)
    return;
  if (a == 0 && b == 0)
    {
      free (p);
      return;
    }
  if (a)
    free (p);
  else if (b)
    free (p);
}

/* Buggy: b may be 1.  */
void one_of_two_too_narrow (int a, int b)
{
  char *p = malloc (8);
  if (!p)
    return;
  if (a == 0 && b == 0)
    {
      free (p);
      return;
    }
  if (a)
    free (p);
  else if (b > 1)
    free (p);
} /* { dg-warning "leak of 'p'" } */

/* The same with a value written on one branch and read after.  */
int written_on_each_path (int a, int b)
{
  int *v = malloc (sizeof *v);
  if (!v)
    return -1;
  if (!a && !b)
    {
      free (v);
      return -1;
    }
  if (b)
    *v = 1;
  else if (a)
    *v = 2;
  int r = *v;
  free (v);
  return r;
}

/* Buggy: a == 1 and b == 0 writes nothing.  */
int written_on_some_paths (int a, int b)
{
  int *v = malloc (sizeof *v);
  if (!v)
    return -1;
  if (!a && !b)
    {
      free (v);
      return -1;
    }
  if (b)
    *v = 1;
  else if (a > 1)
    *v = 2;
  int r = *v; /* { dg-warning "read of uninitialized memory" } */
  free (v);
  return r;
}
