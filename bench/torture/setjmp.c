/* setjmp / longjmp across allocations, sigsetjmp, and volatile pointers.  */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static sigjmp_buf senv;

static void __attribute__ ((noinline))
fail (int code)
{
  longjmp (env, code);
}

char *
parse (const char *s)
{
  char *volatile buf = malloc (strlen (s) + 1);
  if (!buf)
    return NULL;
  int code = setjmp (env);
  if (code)
    {
      free (buf);
      return NULL;
    }
  for (const char *q = s; *q; q++)
    if (*q == '!')
      fail (1);
  strcpy (buf, s);
  return buf;
}

int
nested_jumps (int n)
{
  char *a = malloc (8), *b = NULL;
  if (sigsetjmp (senv, 1) == 0)
    {
      b = malloc (16);
      if (n > 3)
        siglongjmp (senv, 2);
      free (b);
      b = NULL;
    }
  free (a);
  return b != NULL;
}

int
setjmp_in_loop (int n)
{
  int count = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (4);
      if (setjmp (env) == 0)
        {
          if (i & 1)
            {
              free (p);
              p = NULL;
              longjmp (env, 1);
            }
        }
      else
        count++;
      free (p);
    }
  return count;
}
