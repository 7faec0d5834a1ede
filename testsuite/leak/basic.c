/* leak: the last reference to an allocation is lost without a free (MEM31-C,
   CWE-401).  The warning is where the reference is lost -- the return
   statement, the closing brace of a void function, or an assignment that
   overwrites the pointer -- with a note at the allocation.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int cond(void);

/* Allocated, checked, never freed: the seed's text_buffer (MEM31-C); the
   message format, pinned once in full.  */
int test_1(void)
{
  char *p = malloc(32); /* { dg-message "allocated here" } */
  if (p == NULL)
    return -1; /* { dg-bogus "leak of" } */
  p[0] = '\0';
  return 0; /* { dg-warning "leak of 'p' \(MEM31-C\) \[memrules-leak\]" } */
}

/* A void function: the pointer dies at the closing brace.  */
void test_2(void)
{
  char *p = malloc(32); /* { dg-message "allocated here" } */
  if (p == NULL)
    return;
  p[0] = '\0';
} /* { dg-warning "leak of 'p'" } */

/* The pointer overwritten by a second allocation.  */
int test_3(void)
{
  char *p = malloc(16); /* { dg-message "allocated here" } */
  if (p == NULL)
    return -1;
  p[0] = 'a';
  p = malloc(32); /* { dg-warning "leak of 'p'" } */
  if (p == NULL)
    return -1;
  p[0] = 'b';
  free(p);
  return 0;
}

/* strdup'd, used by known library functions that keep nothing, dropped.  */
size_t test_4(const char *s)
{
  char *p = strdup(s);
  if (p == NULL)
    return 0;
  size_t n = strlen(p);
  return n; /* { dg-warning "leak of 'p'" } */
}

/* Freed on one branch only.  */
int test_5(void)
{
  int *v = calloc(8, sizeof(int));
  if (v == NULL)
    return -1;
  v[0] = 1;
  if (cond())
    free(v);
  return 0; /* { dg-warning "leak of 'v'" } */
}

/* Freed on every path: silent.  */
int test_6(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  p[0] = '\0';
  if (cond()) {
    free(p);
    return 1; /* { dg-bogus "leak of" } */
  }
  free(p);
  return 0; /* { dg-bogus "leak of" } */
}

/* Returned to the caller: silent.  */
char *test_7(const char *s)
{
  size_t n = strlen(s);
  char *p = malloc(n + 1);
  if (p == NULL)
    return NULL;
  memcpy(p, s, n + 1);
  return p; /* { dg-bogus "leak of" } */
}

/* Returned through a copy and a cast: silent.  */
void *test_8(void)
{
  char *p = malloc(16);
  char *q = p;
  return (void *)q; /* { dg-bogus "leak of" } */
}

/* Allocation failed: nothing to free on that path.  Silent.  */
int test_9(void)
{
  char *p = malloc(16);
  if (!p)
    return -1; /* { dg-bogus "leak of" } */
  free(p);
  return 0;
}

/* Never checked, never freed: the NULL path is not a leak, the other is.
   (p is only printed with %p, which reads nothing through it.)  */
void test_10(void)
{
  char *p = malloc(16); /* { dg-message "allocated here" } */
  printf("%p\n", (void *)p);
} /* { dg-warning "leak of 'p'" } */

/* Freed through a copy: silent.  */
void test_11(void)
{
  char *p = malloc(16);
  char *q = p;
  p = NULL;
  free(q);
} /* { dg-bogus "leak of" } */

/* The pointer set to NULL without a free: the reference is lost there.  */
void test_12(void)
{
  char *p = malloc(16); /* { dg-message "allocated here" } */
  if (p == NULL)
    return;
  p[0] = '\0';
  p = NULL; /* { dg-warning "leak of 'p'" } */
  printf("%p\n", (void *)p);
}

/* A block allocated and freed in each iteration of a loop: silent.  */
void test_13(int n)
{
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    if (p == NULL)
      return; /* { dg-bogus "leak of" } */
    p[0] = '\0';
    free(p);
  } /* { dg-bogus "leak of" } */
} /* { dg-bogus "leak of" } */
