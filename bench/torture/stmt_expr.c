/* Statement expressions, typeof, __auto_type, __builtin_choose_expr, _Generic.  */
#include <stdlib.h>
#include <string.h>

#define XMALLOC(n) ({ void *_p = malloc (n); if (!_p) abort (); _p; })
#define SWAP(a, b) ({ __typeof__ (a) _t = (a); (a) = (b); (b) = _t; })
#define FREE_AND_NULL(p) ({ free (p); (p) = NULL; 0; })
#define MAX(a, b) ({ __auto_type _a = (a); __auto_type _b = (b); _a > _b ? _a : _b; })
#define KIND(x) _Generic ((x), char *: 1, int *: 2, default: 0)

int
stmt_exprs (int n)
{
  char *a = XMALLOC (n + 1);
  char *b = XMALLOC (MAX (n, 4));
  SWAP (a, b);
  int r = ({
    int s = 0;
    for (int i = 0; i < n; i++)
      s += ({ int t = i * 2; t; });
    s;
  });
  r += KIND (a) + KIND (&r);
  FREE_AND_NULL (a);
  r += __builtin_choose_expr (sizeof (int) == 4, 1, 2);
  r += ({ b[0] = 0; b[0]; });
  free (b);
  return r;
}

/* A statement expression that jumps out of itself.  */
int
stmt_expr_goto (int n)
{
  char *p = malloc (8);
  int v = ({
    if (n < 0)
      goto bad;
    n * 2;
  });
  free (p);
  return v;
bad:
  free (p);
  return -1;
}

/* Statement expression in a loop condition that allocates.  */
int
stmt_expr_cond (int n)
{
  int c = 0;
  while (({ char *t = malloc (n + 1); int ok = t != NULL; free (t); ok && c < n; }))
    c++;
  return c;
}
