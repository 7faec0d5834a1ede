/* double-free: the same allocation freed through two names - copies, casts,
   pointer arithmetic that comes back to the start (MEM31-C, CWE-415).  */
/* { dg-do compile } */

#include <stdlib.h>

/* A plain copy: the warning names the pointer as written at the second free.  */
void test_1(void)
{
  char *p = malloc(16);
  char *q = p;
  free(p); /* { dg-message "first 'free' here" } */
  free(q); /* { dg-warning "double-'free' of 'q'" } */
}

/* Through void * and back.  */
void test_2(void)
{
  int *ip = malloc(4 * sizeof(int));
  void *v = ip;
  free(ip); /* { dg-message "first 'free' here" } */
  free(v); /* { dg-warning "double-'free' of 'v'" } */
}

/* A cast at the call.  */
void test_3(void)
{
  int *ip = malloc(sizeof(int));
  free((void *)ip);
  free((char *)ip); /* { dg-warning "double-'free' of '(\(char \*\))?ip'" } */
}

/* Pointer arithmetic that returns to the start of the block.  */
void test_4(void)
{
  char *p = malloc(16);
  char *q = p + 4;
  free(p); /* { dg-message "first 'free' here" } */
  free(q - 4); /* { dg-warning "double-'free'" } */
}

/* The round trip in two steps through a second variable.  */
void test_5(void)
{
  char *p = malloc(16);
  char *q = p + 8;
  char *r = q - 8;
  free(r);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A pointer chosen by a condition is the freed one when c is true.  */
void test_6(int c)
{
  char *p = malloc(16);
  char *q = malloc(16);
  char *r = c ? p : q;
  free(p);
  free(r); /* { dg-warning "double-'free' of 'r'" } */
  if (c)
    free(q); /* { dg-bogus "double-'free'" "q was not freed when c" } */
}

/* The copy is given a new block before its free: two blocks, two frees.  */
void test_7(void)
{
  char *p = malloc(16);
  char *q = p;
  free(p);
  q = malloc(16);
  free(q); /* { dg-bogus "double-'free'" } */
}

/* Ownership moved to another variable, and the old name cleared.  */
void test_8(void)
{
  char *p = malloc(16);
  char *owner = p;
  p = NULL;
  free(owner);
  free(p); /* { dg-bogus "double-'free'" } */
}
