/* Variable length arrays, VLA typedefs and parameters, alloca in loops.  */
#include <alloca.h>
#include <stdlib.h>
#include <string.h>

int
vla_sum (int n, int m, int a[n][m])
{
  int s = 0;
  int tmp[n > 0 ? n : 1];
  for (int i = 0; i < n; i++)
    {
      tmp[i] = 0;
      for (int j = 0; j < m; j++)
        tmp[i] += a[i][j];
      s += tmp[i];
    }
  return s;
}

char *
vla_of_pointers (int n)
{
  char *ptrs[n + 1];
  typedef char row[n + 2];
  row *rows = malloc (sizeof (row) * 4);
  for (int i = 0; i <= n; i++)
    ptrs[i] = malloc (i + 1);
  for (int i = 0; i <= n; i++)
    if (i != n / 2)
      free (ptrs[i]);
  free (rows);
  return ptrs[n / 2];
}

int
alloca_in_loop (int n)
{
  int total = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = alloca (i + 16);
      memset (p, i, i + 16);
      total += p[i];
      char *q = __builtin_alloca_with_align (32, 128);
      q[0] = p[0];
      total += q[0];
    }
  return total;
}

void
vla_goto (int n)
{
  char *heap = malloc (n + 1);
  {
    char buf[n + 1];
    memcpy (buf, heap ? heap : "", 1);
    if (n > 10)
      goto done;
    buf[0] = 0;
  }
done:
  free (heap);
}

size_t
vla_sizeof (int n)
{
  int (*p)[n] = malloc (sizeof *p * 3);
  size_t s = sizeof *p;
  free (p);
  return s;
}
