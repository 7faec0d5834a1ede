/* null-deref-alloc: the result of malloc, calloc, realloc, strdup or
   aligned_alloc dereferenced on a path where it was not checked for NULL
   (MEM32-C, CWE-690).  The message: "dereference of possibly-NULL 'p'", with a
   note at the allocation.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct point {
  int x, y;
};

extern int cond(void);

/* malloc, written without a check; the message format, pinned once in full.  */
void test_1(void)
{
  char *p = malloc(16); /* { dg-message "allocated here" } */
  p[0] = '\0'; /* { dg-warning "dereference of possibly-NULL 'p' \(MEM32-C\) \[memrules-null-deref-alloc\]" } */
  free(p);
}

/* calloc, a field written.  */
void test_2(void)
{
  struct point *pt = calloc(1, sizeof *pt); /* { dg-message "allocated here" } */
  pt->x = 1; /* { dg-warning "dereference of possibly-NULL 'pt'" } */
  free(pt);
}

/* The result of realloc.  */
void test_3(char *old)
{
  char *q = realloc(old, 64);
  q[0] = 'a'; /* { dg-warning "dereference of possibly-NULL 'q'" } */
  free(q);
}

/* strdup, read through *p.  */
int test_4(const char *s)
{
  char *p = strdup(s);
  int c = *p; /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
  return c;
}

/* aligned_alloc.  */
void test_5(void)
{
  double *d = aligned_alloc(64, 64 * sizeof(double));
  d[0] = 0.0; /* { dg-warning "dereference of possibly-NULL 'd'" } */
  free(d);
}

/* Used first, checked afterwards: too late.  */
int test_6(void)
{
  int *v = malloc(4 * sizeof(int));
  v[0] = 1; /* { dg-warning "dereference of possibly-NULL 'v'" } */
  if (v == NULL)
    return -1;
  free(v);
  return 0;
}

/* Checked on one branch only.  */
void test_7(void)
{
  char *p = malloc(16);
  if (cond()) {
    if (p == NULL)
      return;
  }
  p[0] = '\0'; /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
}

/* Written in a loop.  */
void test_8(void)
{
  int *v = malloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    v[i] = i; /* { dg-warning "dereference of possibly-NULL 'v'" } */
  free(v);
}

/* The wrong pointer checked.  */
int test_9(void)
{
  char *a = malloc(16);
  char *b = malloc(16);
  if (a == NULL) {
    free(b);
    return -1;
  }
  a[0] = '\0';
  b[0] = '\0'; /* { dg-warning "dereference of possibly-NULL 'b'" } */
  free(b);
  free(a);
  return 0;
}

/* Passed unchecked to free: free(NULL) is fine.  Silent.  */
void test_10(void)
{
  char *p = malloc(16);
  free(p); /* { dg-bogus "possibly-NULL" } */
}

/* Address arithmetic and comparison are not dereferences.  Silent.  */
int test_11(void)
{
  char *p = malloc(16);
  char *end = p + 16; /* { dg-bogus "possibly-NULL" } */
  int r = end != p;
  free(p);
  return r;
}
