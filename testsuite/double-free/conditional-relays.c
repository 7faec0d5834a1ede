/* double-free, use-after-free: a function that calls the deallocator its caller
   gives it only on some of its paths (`if (n > 64) rel (p);`), itself or through
   another function of the file that always does (`if (n > 64) destroy (p,
   rel);`), may free its argument: its callers do not know which path it took, so
   a free after it is no double free and a use after it no use after free (the
   engine reports what is freed on every path, not what may be).  Next to them,
   the forms that free on every path (also where p is NULL: `if (p) rel (p);`) are
   must-frees, and a free or a use after them is reported.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

typedef void (*release_fn)(void *);

void show(const char *);

static void destroy(void *p, release_fn rel)
{
  rel(p);
}

/* Calls it on large blocks only.  */
static void destroy_large(void *p, release_fn rel, size_t n)
{
  if (n > 64)
    rel(p);
}

/* Hands it on for large blocks only.  */
static void relay_large(void *p, release_fn rel, size_t n)
{
  if (n > 64)
    destroy(p, rel);
}

/* Hands it on to a function that calls it on large blocks only.  */
static void relay_to_maybe(void *p, release_fn rel, size_t n)
{
  destroy_large(p, rel, n);
}

/* Hands it on after a check that p is not NULL: every path with a block.  */
static void relay_checked(void *p, release_fn rel)
{
  if (p)
    destroy(p, rel);
}

/* Hands it on in a loop that may not run.  */
static void relay_n(void *p, release_fn rel, int n)
{
  for (int i = 0; i < n; i++)
    destroy(p, rel);
}

void test_1(size_t n)
{
  char *p = malloc(n);
  destroy_large(p, free, n);
  if (n <= 64)
    free(p); /* { dg-bogus "double-'free'" } */
}

void test_2(size_t n)
{
  char *p = malloc(n);
  relay_large(p, free, n);
  if (n <= 64)
    free(p); /* { dg-bogus "double-'free'" } */
}

void test_3(size_t n)
{
  char *p = malloc(n);
  relay_to_maybe(p, free, n);
  if (n <= 64)
    free(p); /* { dg-bogus "double-'free'" } */
}

void test_4(const char *s, int n)
{
  char *p = strdup(s);
  relay_n(p, free, n);
  if (n <= 0)
    free(p); /* { dg-bogus "double-'free'" } */
}

/* A use after a may-free: not reported.  */
void test_5(const char *s, size_t n)
{
  char *p = strdup(s);
  relay_large(p, free, n);
  show(p); /* { dg-bogus "use after 'free'" } */
  if (n <= 64)
    free(p);
}

/* The buggy forms beside them: freed on every path, then freed again.  */
void test_6(const char *s)
{
  char *p = strdup(s);
  show(p);
  relay_checked(p, free); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

void test_7(const char *s)
{
  char *p = strdup(s);
  show(p);
  destroy(p, free);
  show(p); /* { dg-warning "use after 'free' of 'p'" } */
}
