/* double-free: a helper of the file that returns -1 only with *out NULL, while 0
   may leave *out NULL too (nothing to render) or hold a fresh copy: on -1 the
   caller's pointer is NULL, so freeing it there and again at the common exit frees
   nothing twice; on 0 it may be the copy, so a caller that frees it on success and
   again at the exit does free it twice (CWE-415).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

static int render(int kind, const char *s, char **out)
{
  *out = NULL;
  if (s == NULL)
    return -1;
  if (kind == 0)
    return 0;
  *out = strdup(s);
  if (*out == NULL)
    return -1;
  return 0;
}

int keep_rendered(int kind, const char *s, char **res)
{
  char *v = NULL;
  if (render(kind, s, &v) == -1)
    {
      if (v != NULL)
        free(v);
      goto err;
    }
  *res = v;
  return 0;
err:
  if (v != NULL)
    free(v); /* { dg-bogus "double" } */
  return -1;
}

int failed_rendering(int kind, const char *s)
{
  char *v = NULL;
  int r = render(kind, s, &v);
  if (r < 0)
    free(v); /* { dg-bogus "double" } */
  free(v); /* { dg-bogus "double" } */
  return r;
}

int free_rendered_twice(int kind, const char *s, size_t *len)
{
  char *v = NULL;
  if (render(kind, s, &v) != 0)
    goto err;
  *len = v ? strlen(v) : 0;
  free(v);
  if (*len > 100)
    goto err;
  return 0;
err:
  if (v != NULL)
    free(v); /* { dg-warning "double-'free' of 'v'" } */
  return -1;
}

/* The same when what it leaves on success is not only its own fresh copy (a
   string grown by a function of another file, kept or freed as it likes): -1
   still leaves NULL, or the caller's pointer where it gave up before writing.  */
char *grow(char *a, const char *b);

static int spell(const char *v, int kind, const char **out)
{
  if (v == NULL)
    return -1;
  *out = NULL;
  if (kind == 0)
    *out = strdup(v);
  else if (kind == 1)
    {
      *out = strdup("{");
      *out = grow((char *) *out, v);
    }
  else
    {
      *out = strdup("?");
      return 1;
    }
  if (*out == NULL)
    return -1;
  return 0;
}

int keep_spelled(const char *s, int kind, char **res)
{
  const char *v = NULL;
  if (spell(s, kind, &v) == -1)
    {
      if (v != NULL)
        free((char *) v);
      goto err;
    }
  *res = (char *) v;
  return 0;
err:
  if (v != NULL)
    free((char *) v); /* { dg-bogus "double" } */
  return -1;
}

int keep_spelled_zero(const char *s, int kind, char **res)
{
  const char *v = NULL;
  if (spell(s, kind, &v) != 0)
    {
      if (v != NULL)
        free((char *) v);
      goto err;
    }
  *res = (char *) v;
  return 0;
err:
  if (v != NULL)
    free((char *) v); /* { dg-warning "double-'free' of 'v'" } */
  return -1;
}

/* Each call in a loop leaves another pointer: freeing the one before once per
   round is quiet.  */
int spell_each(const char **words, int n, char *first)
{
  char *acc = first;
  for (int i = 0; i < n; i++)
    {
      const char *next;
      if (spell(words[i], i % 3, &next) == -1)
        {
          if (acc != first)
            free(acc); /* { dg-bogus "double" } */
          return -1;
        }
      if (acc != first)
        free(acc); /* { dg-bogus "double" } */
      acc = (char *) next;
    }
  if (acc != first)
    free(acc); /* { dg-bogus "double" } */
  return 0;
}
