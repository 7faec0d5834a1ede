/* double-free: a helper returns memory it freed and the caller frees it again
   (MEM31-C, CWE-415), found through the helper's summary: the result starts
   freed, with notes at the call and at the free inside the helper.  Silent:
   the NULL side of a result that may be NULL, a constant argument that selects
   the NULL path, an argument the caller found NULL before the call, a helper
   that frees another block and returns a fresh one, one that frees on some
   path and returns a live block on another.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct msg {
  char *body;
  size_t len;
};

/* NULL for no input, freed memory otherwise.  */
static struct msg *parse (const char *text)
{
  if (!text)
    return NULL;
  struct msg *m = malloc (sizeof *m);
  if (!m)
    abort ();
  m->body = NULL;
  m->len = strlen (text);
  free (m); /* { dg-message "'parse' frees it here" } */
  return m;
} /* { dg-warning "return of memory after 'free'" } */

void test_1 (const char *text)
{
  struct msg *m = parse (text); /* { dg-message "first 'free' here, in 'parse'" } */
  free (m); /* { dg-warning "double-'free' of 'm'" } */
}

void test_2 (const char *text)
{
  struct msg *m = parse (text);
  if (m)
    free (m); /* { dg-warning "double-'free' of 'm'" } */
}

/* The NULL side.  */
void test_3 (const char *text)
{
  struct msg *m = parse (text);
  if (!m)
    free (m); /* { dg-bogus "double-'free'" } */
}

/* NULL input: a NULL result.  */
void test_4 (void)
{
  struct msg *m = parse (NULL);
  free (m); /* { dg-bogus "double-'free'" } */
}

/* An integer argument that decides.  */
static char *scratch (int want)
{
  if (!want)
    return NULL;
  char *s = malloc (32);
  free (s);
  return s;
} /* { dg-warning "return of memory after 'free'" } */

void test_5 (void)
{
  char *s = scratch (0);
  free (s); /* { dg-bogus "double-'free'" } */
}

void test_6 (void)
{
  char *s = scratch (1);
  free (s); /* { dg-warning "double-'free' of 's'" } */
}

/* The caller tested the argument before: its test of the result agrees.  */
void test_7 (int want)
{
  char *s = scratch (want);
  if (want == 0 && s != NULL)
    free (s); /* { dg-bogus "double-'free'" } */
}

/* Frees the old block, returns a new one.  */
static char *swap_out (char *old)
{
  free (old);
  return strdup ("fresh");
}

void test_8 (char *old)
{
  char *s = swap_out (old);
  free (s); /* { dg-bogus "double-'free'" } */
}

/* Freed on one path, a live block on the other.  */
static char *maybe_drop (char *b, int drop)
{
  char *copy = strdup (b);
  if (!copy)
    return NULL;
  if (drop)
    free (copy);
  return copy;
} /* { dg-warning "return of memory after 'free'" } */

void test_9 (char *b, int drop)
{
  char *s = maybe_drop (b, drop);
  if (s)
    free (s); /* { dg-bogus "double-'free'" } */
}

/* The caller knows the argument is NULL before the call: the result is NULL on
   that path, freeing it untested is fine.  */
void test_10 (const char *text)
{
  if (text)
    return;
  struct msg *m = parse (text);
  free (m); /* { dg-bogus "double-'free'" } */
}

/* The argument known not NULL: the freed block.  */
void test_11 (const char *text)
{
  if (!text)
    return;
  struct msg *m = parse (text); /* { dg-message "first 'free' here, in 'parse'" } */
  free (m); /* { dg-warning "double-'free' of 'm'" } */
}

/* The same with the integer form.  */
void test_12 (int want)
{
  if (want)
    return;
  char *s = scratch (want);
  free (s); /* { dg-bogus "double-'free'" } */
}

void test_13 (int want)
{
  if (want == 0)
    return;
  char *s = scratch (want);
  free (s); /* { dg-warning "double-'free' of 's'" } */
}
