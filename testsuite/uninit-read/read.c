/* uninit-read: malloc'd memory read before anything was written to it
   (MEM33-C, CWE-908).  The message: "read of uninitialized memory 'p'", with a
   note at the allocation.  The name in the message is not pinned beyond the
   first case.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct point {
  int x, y;
};

extern int cond(void);

/* p[0] read right after malloc; the message format, pinned once in full.  */
int test_1(void)
{
  int *p = malloc(4 * sizeof(int)); /* { dg-message "allocated here" } */
  if (p == NULL)
    return -1;
  int v = p[0]; /* { dg-warning "read of uninitialized memory 'p' \(MEM33-C\) \[memrules-uninit-read\]" } */
  free(p);
  return v;
}

/* A field read before any write.  */
int test_2(void)
{
  struct point *pt = malloc(sizeof *pt); /* { dg-message "allocated here" } */
  if (pt == NULL)
    return -1;
  int x = pt->x; /* { dg-warning "read of uninitialized memory" } */
  free(pt);
  return x;
}

/* Read in a loop that sums the block.  */
int test_3(void)
{
  int *v = malloc(8 * sizeof(int));
  if (v == NULL)
    return -1;
  int sum = 0;
  for (int i = 0; i < 8; i++)
    sum += v[i]; /* { dg-warning "read of uninitialized memory" } */
  free(v);
  return sum;
}

/* Written on one branch only, read after.  */
int test_4(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  if (cond())
    p[0] = 'a';
  int c = p[0]; /* { dg-warning "read of uninitialized memory" } */
  free(p);
  return c;
}

/* Read through *p, the block handed on by a copy.  */
int test_5(void)
{
  long *p = malloc(sizeof(long));
  if (p == NULL)
    return -1;
  long *q = p;
  long v = *q; /* { dg-warning "read of uninitialized memory" } */
  free(p);
  return (int)v;
}

/* Written after malloc: silent.  */
int test_6(void)
{
  int *p = malloc(4 * sizeof(int));
  if (p == NULL)
    return -1;
  p[0] = 7;
  int v = p[0]; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* calloc zeroes the block: silent.  */
int test_7(void)
{
  int *p = calloc(4, sizeof(int));
  if (p == NULL)
    return -1;
  int v = p[2]; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* memset first: silent.  */
int test_8(void)
{
  struct point *pt = malloc(sizeof *pt);
  if (pt == NULL)
    return -1;
  memset(pt, 0, sizeof *pt);
  int y = pt->y; /* { dg-bogus "uninitialized" } */
  free(pt);
  return y;
}

/* A field written, then the same field read: silent.  */
int test_9(void)
{
  struct point *pt = malloc(sizeof *pt);
  if (pt == NULL)
    return -1;
  pt->x = 3;
  int x = pt->x; /* { dg-bogus "uninitialized" } */
  free(pt);
  return x;
}

/* Written on both branches: silent.  */
int test_10(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  if (cond())
    p[0] = 'a';
  else
    p[0] = 'b';
  int c = p[0]; /* { dg-bogus "uninitialized" } */
  free(p);
  return c;
}

/* Passed to an unknown function first: it may initialise it.  Silent.  */
extern void fill(void *p, size_t n);
int test_11(void)
{
  int *p = malloc(4 * sizeof(int));
  if (p == NULL)
    return -1;
  fill(p, 4 * sizeof(int));
  int v = p[1]; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* The old contents survive realloc: silent.  */
int test_12(int *old)
{
  int *p = realloc(old, 64 * sizeof(int));
  if (p == NULL)
    return -1;
  int v = p[0]; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* The pointer value itself (not the memory) compared and printed: silent.  */
int test_13(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  char *end = p + 16;
  int r = end > p; /* { dg-bogus "uninitialized" } */
  free(p);
  return r;
}

/* One field written, the other read: the written field does not make the
   whole struct initialised.  */
int test_14(void)
{
  struct point *pt = malloc(sizeof *pt);
  if (pt == NULL)
    return -1;
  pt->x = 1;
  int y = pt->y; /* { dg-warning "read of uninitialized memory" } */
  free(pt);
  return y;
}

/* The whole struct assigned at once, then a field read: silent.  */
int test_15(void)
{
  struct point *pt = malloc(sizeof *pt);
  if (pt == NULL)
    return -1;
  *pt = (struct point){0, 0};
  int y = pt->y; /* { dg-bogus "uninitialized" } */
  free(pt);
  return y;
}
