/* use-after-free and leak through a getter of the file, a function that returns
   the pointer its argument's object holds (`return b->buf;`): the result is that
   pointer, as the caller had it (MEM30-C, MEM31-C).  */
/* { dg-do compile } */

#include <stdlib.h>

struct box {
  char *buf;
  int n;
};

static char *box_buf(const struct box *b)
{
  return b->buf;
}

/* Freed through what the getter gave: not leaked.  */
void test_1(void)
{
  struct box b;
  b.buf = malloc(8);
  char *p = box_buf(&b);
  free(p);
} /* { dg-bogus "leak" } */

/* The getter gives the freed pointer.  */
char test_2(void)
{
  struct box b;
  b.buf = malloc(8);
  if (!b.buf)
    return 0;
  free(b.buf);
  char *p = box_buf(&b);
  return p[0]; /* { dg-warning "use after 'free' of 'p'" } */
}

/* Not freed at all: a leak, whatever the getter gave.  */
void test_3(void)
{
  struct box b;
  b.buf = malloc(8);
  char *p = box_buf(&b);
  if (p)
    p[0] = 0;
} /* { dg-warning "leak of 'b.buf'" } */
