/* use-after-free: a helper of the file that reads through a pointer field of its
   struct parameter, passed by value (`strlen (t.text)`) or by address (`strlen
   (tp->text)`), on every path: calling it after the field was freed is a use
   after free (CWE-416).  Calling it before the free, or a helper that checks the
   field first, is quiet.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct token
{
  char *text;
  int kind;
} token;

static token token_new(const char *s, int kind)
{
  token t;
  t.text = strdup(s);
  t.kind = kind;
  return t;
}

static void token_drop(token t)
{
  free(t.text);
}

static size_t token_width(token t)
{
  size_t n = strlen(t.text);
  printf("%d:%zu\n", t.kind, n);
  return n;
}

static size_t token_width_at(const token *tp)
{
  return strlen(tp->text) + 1;
}

static size_t token_width_checked(const token *tp)
{
  if (!tp->text)
    return 0;
  return strlen(tp->text);
}

size_t width_after_drop(const char *s)
{
  token t = token_new(s, 1);
  if (!t.text)
    return 0;
  token_drop(t);
  return token_width(t); /* { dg-warning "use after 'free' of 't.text'" } */
}

size_t width_at_after_drop(const char *s)
{
  token t = token_new(s, 2);
  if (!t.text)
    return 0;
  token_drop(t);
  return token_width_at(&t); /* { dg-warning "use after 'free' of 't.text'" } */
}

size_t width_then_drop(const char *s)
{
  token t = token_new(s, 3);
  if (!t.text)
    return 0;
  size_t n = token_width(t) + token_width_at(&t); /* { dg-bogus "after 'free'" } */
  token_drop(t);
  return n;
}

size_t width_after_drop_and_reset(const char *s)
{
  token t = token_new(s, 4);
  if (!t.text)
    return 0;
  token_drop(t);
  t.text = NULL;
  return token_width_checked(&t); /* { dg-bogus "after 'free'" } */
}
