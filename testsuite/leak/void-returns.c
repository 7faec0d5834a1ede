/* leak: in a function returning void, an early `return;` is where its path loses
   the block, as `return -1;` is in one returning int: the warning is on that
   statement, not on the closing brace where GCC joins the paths (the jump keeps
   the statement's location).  Falling off the end is still reported at the closing
   brace (MEM31-C, CWE-401).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern int cond(void);

/* The early return leaks; the end frees.  */
void test_1(void)
{
  char *p = malloc(8);
  if (!p)
    return; /* { dg-bogus "leak" } */
  p[0] = 0;
  if (cond())
    return; /* { dg-warning "leak of 'p'" } */
  free(p);
} /* { dg-bogus "leak" } */

/* Freed before the early return: silent everywhere.  */
void test_2(void)
{
  char *p = malloc(8);
  if (!p)
    return;
  p[0] = 0;
  if (cond())
    {
      free(p);
      return; /* { dg-bogus "leak" } */
    }
  free(p);
} /* { dg-bogus "leak" } */

/* The second early return leaks (the first freed): the warning is on it, not
   on the first.  */
void test_3(const char *s)
{
  char *p = strdup(s);
  if (!p)
    return;
  if (p[0] == 'a')
    {
      free(p);
      return; /* { dg-bogus "leak" } */
    }
  p[1] = 0;
  if (p[0] == 'b')
    return; /* { dg-warning "leak of 'p'" } */
  free(p);
}

/* Falling off the end: at the closing brace.  */
void test_4(void)
{
  char *p = malloc(8);
  if (!p)
    return;
  p[0] = 0;
} /* { dg-warning "leak of 'p'" } */

/* The early return inside a loop.  */
void test_5(int n)
{
  for (int i = 0; i < n; i++)
    {
      char *p = malloc(8);
      if (!p)
	return;
      p[0] = (char) i;
      if (i == 5)
	return; /* { dg-warning "leak of 'p'" } */
      free(p);
    }
}
