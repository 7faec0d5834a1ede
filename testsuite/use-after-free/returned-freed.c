/* use-after-free: a helper returns memory it freed (MEM30-C, CWE-416).  The helper
   gets the dangling-return warning; its summary says that its result is freed
   memory (on every path, or on some with NULL on the others), so each caller's
   result starts freed: passing it to any function, or reading through it, is a
   use, with notes at the call and at the free inside the helper.  Silent: the
   result only compared with NULL, the NULL side of a result that may be NULL,
   a constant argument that selects the helper's NULL path, a helper that frees
   another block and returns a fresh one, and one that returns freed memory on
   one path and a live block on another (the caller cannot tell which).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>
#include <stdio.h>

extern void record (const char *text);	/* defined elsewhere */

/* Freed on the path that made it, NULL when there is nothing to copy.  */
static char *backwards (const char *s)
{
  if (s == NULL)
    return NULL;
  size_t n = strlen (s);
  char *out = malloc (n + 1);
  if (out == NULL)
    exit (1);
  for (size_t i = 0; i < n; i++)
    out[i] = s[n - 1 - i];
  out[n] = '\0';
  free (out); /* { dg-message "'backwards' frees it here" } */
  return out;
} /* { dg-warning "return of .* after 'free'" } */

/* Freed on every path.  */
static int *counters (int n)
{
  int *c = calloc (n + 1, sizeof *c);
  if (!c)
    abort ();
  c[0] = n;
  free (c);
  return c; /* { dg-warning "return of 'c' after 'free'" } */
}

void test_1 (void)
{
  char *r = backwards ("abc"); /* { dg-message "freed here, in 'backwards'" } */
  puts (r); /* { dg-warning "use after 'free' of 'r'" } */
}

/* Passed to a function without a body: a use (issue 15 item 1).  */
void test_2 (const char *s)
{
  char *r = backwards (s);
  record (r); /* { dg-warning "use after 'free' of 'r'" } */
}

char test_3 (const char *s)
{
  char *r = backwards (s);
  if (r == NULL)
    return 0;
  return r[0]; /* { dg-warning "use after 'free' of 'r'" } */
}

int test_4 (void)
{
  int *c = counters (4);
  return c[0]; /* { dg-warning "use after 'free' of 'c'" } */
}

/* Only compared with NULL: no use.  */
int test_5 (const char *s)
{
  char *r = backwards (s);
  return r != NULL; /* { dg-bogus "use after" } */
}

/* The NULL side of a result that may be NULL.  */
void test_6 (const char *s)
{
  char *r = backwards (s);
  if (r == NULL)
    record (r); /* { dg-bogus "use after" } */
}

/* A constant argument that selects the NULL path: the result is NULL.  */
void test_7 (void)
{
  char *r = backwards (NULL);
  record (r); /* { dg-bogus "use after" } */
}

/* Frees the old block, returns a fresh one.  */
static char *replace (char *old, size_t n)
{
  free (old);
  char *fresh = malloc (n);
  if (fresh)
    memset (fresh, 0, n);
  return fresh;
}

void test_8 (char *old)
{
  char *r = replace (old, 8);
  if (r)
    record (r); /* { dg-bogus "use after" } */
  free (r);
}

/* Freed memory on one path, a live block on the other: the caller cannot tell
   which it has, so it reports nothing (the helper's own warning stays).  */
static char *sometimes (int drop)
{
  char *b = malloc (16);
  if (!b)
    abort ();
  b[0] = 0;
  if (drop)
    {
      free (b);
      return b;
    }
  return b;
} /* { dg-warning "return of memory after 'free'" } */

void test_9 (int drop)
{
  char *r = sometimes (drop);
  if (r)
    record (r); /* { dg-bogus "use after" } */
  free (r);
}

/* The same helper's result passed on by a wrapper: the wrapper returns freed
   memory too, and its caller uses it.  */
static char *backwards_twice (const char *s)
{
  return backwards (s); /* { dg-warning "return of 'memory' after 'free'|return of .* after 'free'" } */
}

void test_10 (void)
{
  char *r = backwards_twice ("xy");
  puts (r); /* { dg-warning "use after 'free' of 'r'" } */
}
