/* A families file for xmalloc-style wrappers (issue 14): `realloc!` never returns
   NULL, `noreturn` names an error handler that does not return, and a declaration's
   `returns_nonnull` makes an `alloc?`/`realloc` line never NULL.  The memory is
   still malloc's: moved, freed twice or used after the move, it is reported.  */
/* { dg-options "-fplugin-arg-memrules-families=${srcdir}/xalloc.families" } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *yrealloc(void *p, size_t n);
void *nn_alloc(size_t n) __attribute__((returns_nonnull));
void *nn_realloc(void *p, size_t n) __attribute__((returns_nonnull));
void fatal(const char *msg);
void warn_oom(const char *msg);

struct buf {
  char *data;
  size_t len;
};

/* 1: p = xrealloc (p, n) never loses p and is never NULL.  */
char *test_1(size_t n)
{
  char *p = xmalloc(16);
  p[0] = 0;
  p = xrealloc(p, n); /* { dg-bogus "leak" } */
  p[1] = 0; /* { dg-bogus "possibly-NULL" } */
  return p;
}

/* 2: growing a field through it: no failure path.  */
void test_2(struct buf *b, size_t n)
{
  b->data = xrealloc(b->data, n + 1); /* { dg-bogus "leak" } */
  b->data[n] = 0; /* { dg-bogus "possibly-NULL" } */
}

/* 3: the old pointer is moved all the same: freeing it is a double free.  */
void test_3(size_t n)
{
  char *p = xmalloc(16);
  char *q = xrealloc(p, n + 16); /* { dg-message "first 'xrealloc' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
  free(q);
}

/* 4: and using it is a use after the move.  */
int test_4(size_t n)
{
  char *p = xmalloc(16);
  p[0] = 1;
  char *q = xrealloc(p, n + 16); /* { dg-message "freed here by 'xrealloc'" } */
  int c = p[0]; /* { dg-warning "use after 'xrealloc' of 'p'" } */
  free(q);
  return c;
}

/* 5: a realloc line without '!' may fail: p = yrealloc (p, n) loses p then.  */
int test_5(size_t n)
{
  char *p = xmalloc(16); /* { dg-message "allocated here" } */
  p[0] = 0;
  p = yrealloc(p, n + 16); /* { dg-warning "leak of 'p' if 'yrealloc' fails" } */
  if (p == NULL)
    return -1;
  free(p);
  return 0;
}

/* 6: the NULL path ends in the declared handler.  */
char *test_6(size_t n)
{
  char *p = malloc(n + 1);
  if (p == NULL) {
    fputs("out of memory\n", stderr);
    fatal("oom");
  }
  p[n] = 0; /* { dg-bogus "possibly-NULL" } */
  return p;
}

/* 7: a handler the file does not name may return: the NULL path goes on, and
   the note says how to declare it.  */
char *test_7(size_t n)
{
  char *p = malloc(n + 1);
  if (p == NULL)
    warn_oom("oom");
  p[n] = 0; /* { dg-warning "dereference of possibly-NULL 'p'" } */
  /* { dg-message "'p' is NULL here on a path that checked it; if that path calls a function that does not return, declare it '__attribute__ \(\(noreturn\)\)'" "" { target *-*-* } .-1 } */
  return p;
}

/* 8: the handler ends a failed realloc's path too.  */
int test_8(struct buf *b, size_t n)
{
  char *p = yrealloc(b->data, n + 1);
  if (p == NULL)
    fatal("oom");
  p[n] = 0; /* { dg-bogus "possibly-NULL" } */
  b->data = p;
  return 0;
}

/* 9: returns_nonnull on the declaration wins over the line's '?'.  */
char *test_9(size_t n)
{
  char *p = nn_alloc(n + 1);
  p[n] = 0; /* { dg-bogus "possibly-NULL" } */
  char *q = nn_realloc(p, n + 2);
  q[n + 1] = 0; /* { dg-bogus "possibly-NULL" } */
  return q;
}

/* 10: a realloc line without the attribute may return NULL.  */
void test_10(void)
{
  char *q = yrealloc(NULL, 8); /* { dg-message "allocated here" } */
  q[0] = 0; /* { dg-warning "dereference of possibly-NULL 'q'" } */
  free(q);
}
