/* uninit-read: buffers filled by a loop (MEM33-C, CWE-908).  A loop with a
   constant trip count runs, so its body's writes happen; a second loop under the
   same bound as the filling one runs only when the first did.  What such a loop
   fills is elements [0, n): element n is still uninitialised.  Regressions of
   issue 14 (false alarms on mature C code), with their buggy twins.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdlib.h>

extern void use(int);
extern void fill(int *);

/* Filled by a loop of 100 iterations, then d[0] read.  */
int test_1(void)
{
  int *d = malloc(100 * sizeof *d);
  if (d == NULL)
    return -1;
  for (int i = 0; i < 100; i++)
    d[i] = 5;
  use(d[0]); /* { dg-bogus "uninitialized" } */
  free(d);
  return 0;
}

/* Two loops over the same n: squares, then their sum.  */
int test_2(int n)
{
  int *sq = malloc(100 * sizeof *sq);
  if (sq == NULL)
    return -1;
  int s = 0;
  for (int i = 0; i < n; i++)
    sq[i] = i * i;
  for (int i = 0; i < n; i++)
    s += sq[i]; /* { dg-bogus "uninitialized" } */
  free(sq);
  return s;
}

/* The same with unsigned counts, the first loop written with !=.  */
int test_3(size_t n)
{
  int *sq = malloc(100 * sizeof *sq);
  if (sq == NULL)
    return -1;
  int s = 0;
  for (size_t i = 0; i != n; i++)
    sq[i] = (int)i;
  for (size_t i = 0; i < n; i++)
    s += sq[i]; /* { dg-bogus "uninitialized" } */
  free(sq);
  return s;
}

/* Filled by a callee, element by element through &a[i].  */
int test_4(void)
{
  int *a = malloc(10 * sizeof *a);
  if (a == NULL)
    return -1;
  for (int i = 0; i < 10; i++)
    fill(&a[i]);
  int r = a[0]; /* { dg-bogus "uninitialized" } */
  free(a);
  return r;
}

/* The bound read from a structure, the same in both loops.  */
struct vec {
  int n;
};

int test_5(struct vec *v)
{
  int *sq = malloc(100 * sizeof *sq);
  if (sq == NULL)
    return -1;
  int s = 0;
  for (int i = 0; i < v->n; i++)
    sq[i] = i;
  for (int i = 0; i < v->n; i++)
    s += sq[i]; /* { dg-bogus "uninitialized" } */
  free(sq);
  return s;
}

/* Buggy: a loop over n may run zero times, then d[0] is read.  */
int test_6(int n)
{
  int *d = malloc(100 * sizeof *d); /* { dg-message "allocated here" } */
  if (d == NULL)
    return -1;
  for (int i = 0; i < n; i++)
    d[i] = 5;
  int r = d[0]; /* { dg-warning "read of uninitialized memory 'd'" } */
  free(d);
  return r;
}

/* Buggy: filled up to n, read up to m.  */
int test_7(int n, int m)
{
  int *sq = malloc(100 * sizeof *sq); /* { dg-message "allocated here" } */
  if (sq == NULL)
    return -1;
  int s = 0;
  for (int i = 0; i < n; i++)
    sq[i] = i;
  for (int i = 0; i < m; i++)
    s += sq[i]; /* { dg-warning "read of uninitialized memory 'sq'" } */
  free(sq);
  return s;
}

/* Buggy: a loop that runs zero times (its bound is at most 0).  */
int test_8(int n)
{
  int *d = malloc(100 * sizeof *d); /* { dg-message "allocated here" } */
  if (d == NULL)
    return -1;
  if (n > 0)
    n = 0;
  for (int i = 0; i < n; i++)
    d[i] = 5;
  int r = d[0]; /* { dg-warning "read of uninitialized memory 'd'" } */
  free(d);
  return r;
}

/* Buggy: filled up to 100, element 100 read.  */
int test_9(void)
{
  int *d = malloc(101 * sizeof *d); /* { dg-message "allocated here" } */
  if (d == NULL)
    return -1;
  for (int i = 0; i < 100; i++)
    d[i] = 5;
  int r = d[100]; /* { dg-warning "read of uninitialized memory 'd'" } */
  free(d);
  return r;
}

/* Buggy: filled up to n, element n read (n is at least 1 here).  */
int test_10(size_t n)
{
  if (n == 0 || n > 99)
    return -1;
  int *d = malloc((n + 1) * sizeof *d); /* { dg-message "allocated here" } */
  if (d == NULL)
    return -1;
  for (size_t i = 0; i < n; i++)
    d[i] = 5;
  int r = d[n]; /* { dg-warning "read of uninitialized memory 'd'" } */
  free(d);
  return r;
}

/* The last element filled, and the one after it written by hand.  */
int test_11(size_t n)
{
  if (n == 0 || n > 99)
    return -1;
  int *d = malloc((n + 1) * sizeof *d);
  if (d == NULL)
    return -1;
  for (size_t i = 0; i < n; i++)
    d[i] = 5;
  int r = d[n - 1]; /* { dg-bogus "uninitialized" } */
  d[n] = r;
  r += d[n]; /* { dg-bogus "uninitialized" } */
  free(d);
  return r;
}

/* Filled up to 100, element 99 read.  */
int test_12(void)
{
  int *d = malloc(100 * sizeof *d);
  if (d == NULL)
    return -1;
  for (int i = 0; i <= 99; i++)
    d[i] = 5;
  int r = d[99]; /* { dg-bogus "uninitialized" } */
  free(d);
  return r;
}

/* Two loops over a signed count made a size, (size_t) n.  */
int test_13(int n)
{
  int *sq = malloc(100 * sizeof *sq);
  if (sq == NULL)
    return -1;
  int s = 0;
  for (size_t i = 0; i < (size_t)n; i++)
    sq[i] = 1;
  for (size_t i = 0; i < (size_t)n; i++)
    s += sq[i]; /* { dg-bogus "uninitialized" } */
  free(sq);
  return s;
}

/* A constant count in an int variable, made a size for the loop.  */
int test_14(void)
{
  int n = 20;
  int *d = malloc(100 * sizeof *d);
  if (d == NULL)
    return -1;
  for (size_t i = 0; i < (size_t)n; i++)
    d[i] = 1;
  int r = d[0]; /* { dg-bogus "uninitialized" } */
  free(d);
  return r;
}
