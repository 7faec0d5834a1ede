/* free-offset through a function of the unit: a callee that moves its parameter
   forward before it frees it (a search loop, `p += n`) frees past the start of
   whatever it is given: reported in the callee (testsuite/free-offset/params.c),
   once, so not again at its callers.  One that frees a header before the pointer
   it is given (`free (p - HDR)`) frees its caller's block at an offset
   (mr_summary.frees_at_off) when the caller passes the block's start: reported at
   the call, with notes at the allocation and at the callee's free; so is a walk
   from a field the callee loaded.  A callee that walks a copy and frees what it
   was given, a caller that passes the pointer past the header, and a callee given
   a pointer the caller did not allocate stay silent.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

#define HDR 16

struct text {
  char *chars;
  size_t len;
};

static void skip_blanks_and_free(char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  free(s); /* { dg-warning "'free' of 's' which points past the start of what the caller passed" } */
}

static void drop_prefix(char *s)
{
  s += 4;
  free(s); /* { dg-warning "'free' of 's' which points past the start of what the caller passed" } */
  /* { dg-message "it points 4 bytes past the start" "" { target *-*-* } .-1 } */
}

static size_t count_then_free(char *s)
{
  size_t n = 0;
  for (char *q = s; *q; q++)
    n++;
  free(s);
  return n;
}

static void release_with_header(char *user)
{
  free(user - HDR); /* { dg-message "'release_with_header' frees it here" } */
}

static void forward(char *s)
{
  skip_blanks_and_free(s); /* { dg-bogus "points past the start" } */
}

static void trim_and_drop(struct text *t)
{
  char *p = t->chars;
  while (*p == ' ')
    p++;
  free(p);
}

static char *filled(size_t n)
{
  char *p = malloc(n + 1);
  if (!p)
    return NULL;
  memset(p, ' ', n);
  p[n] = '\0';
  return p;
}

/* The callee searches past the start, then frees: reported in the callee, not
   again here.  */
void test_1(void)
{
  char *p = filled(8);
  if (!p)
    return;
  skip_blanks_and_free(p); /* { dg-bogus "does not point to the start" } */
}

/* A constant step: reported in the callee, with how far.  */
void test_2(void)
{
  char *p = filled(8);
  if (!p)
    return;
  drop_prefix(p); /* { dg-bogus "does not point to the start" } */
}

/* The callee walks a copy and frees what it was given: silent.  */
size_t test_3(void)
{
  char *p = filled(8);
  if (!p)
    return 0;
  return count_then_free(p); /* { dg-bogus "does not point to the start" } */
}

/* A header before the pointer: the caller passes the pointer past it: silent.  */
void test_4(void)
{
  char *base = malloc(HDR + 32);
  if (!base)
    return;
  release_with_header(base + HDR); /* { dg-bogus "does not point to the start" } */
}

/* ... but the block's own start is HDR bytes too early.  */
void test_5(void)
{
  char *base = malloc(HDR + 32); /* { dg-message "allocated here" } */
  if (!base)
    return;
  release_with_header(base); /* { dg-warning "'free' of 'base' which does not point to the start" } */
}

/* A pointer the caller was given may point anywhere: silent.  */
void test_6(char *given)
{
  skip_blanks_and_free(given); /* { dg-bogus "does not point to the start" } */
}

/* Through a function that passes it on: reported once, in the function that
   walks.  */
void test_7(void)
{
  char *p = filled(4);
  if (!p)
    return;
  forward(p); /* { dg-bogus "does not point to the start" } */
}

/* A field of the caller's struct, walked and freed by the callee.  */
void test_8(void)
{
  struct text t;
  t.chars = filled(6); /* { dg-message "allocated here" } */
  if (!t.chars)
    return;
  t.len = 6;
  trim_and_drop(&t); /* { dg-warning "which does not point to the start" } */
}
