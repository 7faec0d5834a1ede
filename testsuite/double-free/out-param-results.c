/* double-free: a helper of the file that returns -1 only with *out NULL (it set
   *out = NULL first, and a failed allocation left NULL there): a caller that frees
   *out if it is not NULL on -1 and again at its common error exit frees nothing
   twice; one that frees it on success and again at the exit does (CWE-415).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

static int canon(int type, char **out)
{
  *out = NULL;
  if (type < 0)
    return -1;
  *out = strdup(type ? "yes" : "no");
  if (*out == NULL)
    return -1;
  return 0;
}

int test_1(int type, char **res)
{
  char *v = NULL;
  if (canon(type, &v) == -1)
    {
      if (v != NULL)
        free(v);
      goto err;
    }
  *res = strdup(v);
  if (!*res)
    goto err;
  free(v);
  return 0;
err:
  if (v != NULL)
    free(v); /* { dg-bogus "double" } */
  return -1;
}

int test_2(int type, char **res)
{
  char *v = NULL;
  char *r;
  if (canon(type, &v) == -1)
    goto err;
  r = strdup(v);
  free(v);
  if (!r)
    goto err;
  *res = r;
  return 0;
err:
  if (v != NULL)
    free(v); /* { dg-warning "double-'free' of 'v'" } */
  return -1;
}
