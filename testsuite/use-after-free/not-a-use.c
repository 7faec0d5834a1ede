/* use-after-free: what is and is not a use of a freed pointer (MEM30-C,
   CWE-416).  Returning it hands the dangling pointer to the caller and warns,
   as its own rule (dangling-return/, not use-after-free);
   comparing it, copying it, or passing it to a function without a body (it
   escapes; memrules does not guess what the callee does) stays silent.  */
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

/* Passed to a function without a body: it escapes, no warning.  */
void test_4(void)
{
  char *p = malloc(16);
  free(p);
  record(p); /* { dg-bogus "use after" } */
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

/* Passed to an unknown comparison function.  */
int test_9(const void *key)
{
  char *p = malloc(16);
  free(p);
  return same(key, p); /* { dg-bogus "use after" } */
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
