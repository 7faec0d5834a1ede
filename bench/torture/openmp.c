/* OpenMP: outlined parallel regions, tasks, reductions touching heap memory.
   flags: -fopenmp  */
#include <stdlib.h>

double
par_sum (int n)
{
  double *v = malloc (n * sizeof *v);
  double s = 0;
  if (!v)
    return 0;
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    v[i] = i * 0.5;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; i++)
    s += v[i];
#pragma omp parallel
  {
#pragma omp single
    {
      for (int i = 0; i < 4; i++)
        {
#pragma omp task firstprivate(i)
          {
            char *t = malloc (i + 1);
            free (t);
          }
        }
    }
  }
  free (v);
  return s;
}
