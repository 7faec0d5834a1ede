/* leak: a helper of the file that returns -1 with nothing made and 0 or 1 (a long
   one) with a fresh allocation in *out: the caller's tests of the result against
   -1, 0 and 1 (`!= -1`, `>= 0`, `> 0`, `< 0`, `== 1`) tell where *out holds it, so
   returning on the side that has it without freeing it leaks (CWE-401), and
   freeing it there is quiet.  */
/* { dg-do compile } */

#include <stdlib.h>

void consume(const char *);

static int load(int k, char **out)
{
  char *p;
  if (k < 0)
    return -1;
  p = malloc(k + 1);
  if (!p)
    return -1;
  *out = p;
  if (k > 10)
    return 1;
  return 0;
}

int used_if_loaded(int k)
{
  char *p = NULL;
  if (load(k, &p) != -1)
    {
      consume(p);
      free(p);
      return 1;
    }
  return 0;
}

int forgets_if_loaded(int k)
{
  char *p = NULL;
  if (load(k, &p) != -1)
    return 1; /* { dg-warning "leak of 'p'" } */
  return 0;
}

int forgets_if_nonnegative(int k)
{
  char *p = NULL;
  if (load(k, &p) >= 0)
    return 1; /* { dg-warning "leak of 'p'" } */
  return 0;
}

int forgets_long_ones(int k)
{
  char *p = NULL;
  if (load(k, &p) > 0)
    return 1; /* { dg-warning "leak of 'p'" } */
  free(p);
  return 0;
}

int returns_on_failure(int k)
{
  char *p = NULL;
  int r = load(k, &p);
  if (r < 0)
    return -1; /* { dg-bogus "leak" } */
  consume(p);
  free(p);
  return r;
}

int forgets_exactly_long_ones(int k)
{
  char *p = NULL;
  int r = load(k, &p);
  if (r == 1)
    return -1; /* { dg-warning "leak of 'p'" } */
  free(p);
  return r;
}
