/* use-after-free: what is and is not a use of a freed pointer (MEM30-C,
   CWE-416).  Returning it hands the dangling pointer to the caller and warns,
   as its own rule (dangling-return/, not use-after-free); passing it to a
   function without a body warns too (its value is indeterminate once freed,
   and the callee may do anything with it: calls.c has more).  Comparing it or
   copying it stays silent.  */
/* { dg-do compile } */

#include <stdlib.h>

struct buffer {
  char *buf;
  size_t len;
};

extern void record(void *p);
extern int same(const void *a, const void *b);

char *g_last;

/* Returning the freed pointer.  */
char *test_1(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "freed here" } */
  return p; /* { dg-warning "return of 'p' after 'free' \(MEM30-C\) \[memrules-dangling-return\]" } */
}

/* Returning a freed field.  */
char *test_2(struct buffer *s)
{
  free(s->buf); /* { dg-message "freed here" } */
  return s->buf; /* { dg-warning "return of 's->buf' after 'free' \(MEM30-C\) \[memrules-dangling-return\]" } */
}

/* Returning it on one path only.  */
char *test_3(int c)
{
  char *p = malloc(16);
  if (c)
    free(p);
  return p; /* { dg-warning "return of 'p' after 'free' \(MEM30-C\) \[memrules-dangling-return\]" } */
}

/* Passed to a function without a body: a use.  */
void test_4(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "freed here" } */
  record(p); /* { dg-warning "use after 'free' of 'p' \(MEM30-C\) \[memrules-use-after-free\]" } */
}

/* Compared with another pointer.  */
int test_5(char *q)
{
  char *p = malloc(16);
  free(p);
  return p == q; /* { dg-bogus "use after" } */
}

/* Compared with NULL.  */
int test_6(void)
{
  char *p = malloc(16);
  free(p);
  if (p != NULL) /* { dg-bogus "use after" } */
    return 1;
  return 0;
}

/* Assigned to another variable and to a global.  */
void test_7(void)
{
  char *p = malloc(16);
  free(p);
  char *q = p; /* { dg-bogus "use after" } */
  g_last = q; /* { dg-bogus "use after" } */
}

/* Overwritten after the free.  */
void test_8(void)
{
  char *p = malloc(16);
  free(p);
  p = NULL; /* { dg-bogus "use after" } */
  record(p);
}

/* Passed to a comparison function without a body: nothing says it only compares
   the addresses, so a use (a `const` one would say so: calls.c).  */
int test_9(const void *key)
{
  char *p = malloc(16);
  free(p); /* { dg-message "freed here" } */
  return same(key, p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* Returning the pointer when it was not freed on that path.  */
char *test_10(int c)
{
  char *p = malloc(16);
  if (c) {
    free(p);
    return NULL;
  }
  return p; /* { dg-bogus "use after" } */
}
