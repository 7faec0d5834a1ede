/* double-free of structures returned by value (MEM31-C, CWE-415): the call writes
   the whole structure, so in a loop each iteration's b.p is a new pointer.  */
/* { dg-do compile } */

#include <stdlib.h>

struct buf {
  char *p;
  int n;
};

struct buf get_buf(int i);

/* A new buffer each iteration, freed once.  Silent.  */
void test_1(int n)
{
  for (int i = 0; i < n; i++) {
    struct buf b = get_buf(i);
    free(b.p); /* { dg-bogus "double-'free'" } */
  }
}

/* One buffer, returned before the loop, freed in every iteration.  */
void test_2(int n)
{
  struct buf b = get_buf(0);
  for (int i = 0; i < n; i++)
    free(b.p); /* { dg-warning "double-'free' of 'b.p'" } */
}
