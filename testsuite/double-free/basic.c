/* double-free: the plainest shapes of a pointer freed twice (MEM31-C, CWE-415).  */
/* { dg-do compile } */

#include <stdlib.h>

extern int cond(void);

/* The message format, pinned once in full.  */
void test_1(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p' \(MEM31-C\) \[memrules-double-free\]" } */
}

/* A parameter: where the pointer came from does not matter.  */
void test_2(char *p)
{
  free(p); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Freed on one branch, then again unconditionally.  */
void test_3(int n)
{
  char *p = malloc(16);
  if (n > 3)
    free(p); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Freed on both branches, then again.  */
void test_4(int n)
{
  char *p = malloc(16);
  if (n)
    free(p);
  else
    free(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* calloc and __builtin_free are the same family.  */
void test_5(void)
{
  int *p = calloc(4, sizeof(int));
  __builtin_free(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Reset to NULL after free: free(NULL) is harmless.  */
void test_6(void)
{
  char *p = malloc(16);
  free(p);
  p = NULL;
  free(p); /* { dg-bogus "double-'free'" } */
}

/* A fresh allocation in between.  */
void test_7(void)
{
  char *p = malloc(16);
  free(p);
  p = malloc(32);
  free(p); /* { dg-bogus "double-'free'" } */
}

/* Early return after the first free.  */
void test_8(void)
{
  char *p = malloc(16);
  if (cond()) {
    free(p);
    return;
  }
  free(p); /* { dg-bogus "double-'free'" } */
}

/* Two different allocations.  */
void test_9(void)
{
  char *p = malloc(16);
  char *q = malloc(16);
  free(p);
  free(q); /* { dg-bogus "double-'free'" } */
}

/* An unknown call between the frees cannot revive a local pointer.  */
void test_10(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "first 'free' here" } */
  cond();
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
