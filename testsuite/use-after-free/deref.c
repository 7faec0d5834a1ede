/* use-after-free: a freed pointer dereferenced - read or write, *p, p[i],
   p->f (MEM30-C, CWE-416).  */
/* { dg-do compile } */

#include <stdlib.h>

struct point {
  int x, y;
};

/* The message format, pinned once in full.  */
int test_1(void)
{
  int *p = malloc(sizeof *p);
  if (!p)
    return 0;
  *p = 1;
  free(p); /* { dg-message "freed here" } */
  return *p; /* { dg-warning "use after 'free' of 'p' \(MEM30-C\) \[memrules-use-after-free\]" } */
}

/* A write through the pointer.  */
void test_2(void)
{
  int *p = malloc(sizeof *p);
  if (!p)
    return;
  free(p); /* { dg-message "freed here" } */
  *p = 2; /* { dg-warning "use after 'free' of 'p'" } */
}

/* An indexed write.  */
void test_3(int i)
{
  char *p = malloc(16);
  if (!p)
    return;
  free(p);
  p[i & 15] = 'x'; /* { dg-warning "use after 'free' of 'p'" } */
}

/* An indexed read with a constant index.  */
char test_4(void)
{
  char *p = calloc(16, 1);
  if (!p)
    return 0;
  free(p);
  return p[3]; /* { dg-warning "use after 'free' of 'p'" } */
}

/* A field read through a freed struct pointer.  */
int test_5(void)
{
  struct point *pt = malloc(sizeof *pt);
  if (!pt)
    return 0;
  pt->x = 1;
  pt->y = 2;
  free(pt); /* { dg-message "freed here" } */
  return pt->y; /* { dg-warning "use after 'free' of 'pt'" } */
}

/* A field write.  */
void test_6(struct point *pt)
{
  free(pt);
  pt->x = 0; /* { dg-warning "use after 'free' of 'pt'" } */
}

/* Freed on one path only: still a use after free on that path.  */
int test_7(int *p, int c)
{
  if (c)
    free(p); /* { dg-message "freed here" } */
  return *p; /* { dg-warning "use after 'free' of 'p'" } */
}

/* Through a copy made before the free.  */
int test_8(int *p)
{
  int *q = p;
  free(p);
  return *q; /* { dg-warning "use after 'free' of 'q'" } */
}

/* Uses before the free, and none after.  */
int test_9(void)
{
  int *p = malloc(2 * sizeof *p);
  if (!p)
    return 0;
  p[0] = 1;
  p[1] = p[0] + 1;
  int r = p[1];
  free(p);
  return r; /* { dg-bogus "use after" } */
}

/* A new block before the use.  */
int test_10(void)
{
  int *p = malloc(sizeof *p);
  free(p);
  p = malloc(sizeof *p);
  if (!p)
    return 0;
  *p = 3; /* { dg-bogus "use after" } */
  int r = *p;
  free(p);
  return r;
}

/* The use is on the branch where the pointer was not freed.  */
int test_11(int *p, int c)
{
  int r = 0;
  if (c)
    free(p);
  else
    r = *p; /* { dg-bogus "use after" } */
  if (!c)
    free(p);
  return r;
}
