/* The CERT MEM31-C error-path double free: x is freed when error_condition is set,
   and again at the end.  memrules warns at the second free and points at the first.  */
#include <stdlib.h>

int process (int *x, size_t n);

int f (size_t n)
{
  int *x = malloc (n * sizeof (int));
  if (x == NULL)
    return -1;
  int error_condition = process (x, n);
  if (error_condition == 1)
    free (x);
  /* ... */
  free (x);
  return error_condition;
}
