/* double-free (MEM31-C, CWE-415) and use-after-free (MEM30-C, CWE-416) by a
   helper that frees its argument only as one of its integer parameters says
   (`if (owned) free (p);`): its summary keeps the condition on the parameter,
   and the argument its caller gives decides the free: a constant does, a value
   does where the caller's path knows it zero or not.  */
/* { dg-do compile } */

#include <stdlib.h>

extern int wanted(void);

static void release(char *p, int owned)
{
  if (owned)
    free(p);
}

static void release_unless(char *p, int keep)
{
  if (!keep)
    free(p);
}

/* A check of another parameter first returns early whatever the flag: the
   free depends on both, and the summary does not follow two.  */
static void release_checked(char *p, int n, int owned)
{
  if (n < 0)
    return;
  if (owned)
    free(p);
}

/* Given 1: it frees, and the caller frees again.  */
void test_1(void)
{
  char *p = malloc(10);
  release(p, 1);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Given 0: it frees nothing; the caller's free is the only one.  */
void test_2(void)
{
  char *p = malloc(10);
  release(p, 0);
  free(p); /* { dg-bogus "double-'free'" } */
}

/* Used after the helper freed it.  */
int test_3(void)
{
  char *p = malloc(10);
  if (!p)
    return 0;
  p[0] = 1;
  release(p, 1);
  return p[0]; /* { dg-warning "use after 'free' of 'p'" } */
}

/* The flag the other way round.  */
void test_4(void)
{
  char *p = malloc(10);
  release_unless(p, 0);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

void test_5(void)
{
  char *p = malloc(10);
  release_unless(p, 1);
  free(p); /* { dg-bogus "double-'free'" } */
}

/* A value the caller's path knows: nonzero in the first arm, zero in the
   second.  */
void test_6(int c)
{
  char *p = malloc(10);
  if (c) {
    release(p, c);
    free(p); /* { dg-warning "double-'free' of 'p'" } */
  } else {
    release(p, c);
    free(p); /* { dg-bogus "double-'free'" } */
  }
}

/* A value the caller does not know: no claim.  */
void test_7(void)
{
  char *p = malloc(10);
  release(p, wanted());
  free(p); /* { dg-bogus "double-'free'" } */
}

/* TODO: a free decided by two parameters (an early return on the other). */
void test_8(void)
{
  char *p = malloc(10);
  release_checked(p, 1, 1);
  free(p); /* { dg-warning "double-'free' of 'p'" "TODO: a free decided by two integer parameters" { xfail *-*-* } } */
}

void test_9(void)
{
  char *p = malloc(10);
  release_checked(p, 1, 0);
  free(p); /* { dg-bogus "double-'free'" } */
}
