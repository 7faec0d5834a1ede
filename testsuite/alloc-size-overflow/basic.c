/* alloc-size-overflow: an unguarded multiplication that can overflow reaches
   the size of an allocation (MEM35-C, MEM37-C, INT30-C; CWE-190).  The
   message: "multiplication in the size of 'malloc' may overflow: 'n * 8'";
   how the product is printed is not pinned.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct rec {
  double x, y;
  int id;
};

/* n * sizeof(T) with n a size_t parameter; the message format, pinned once.  */
struct rec *test_1(size_t n)
{
  return malloc(n * sizeof(struct rec)); /* { dg-warning "multiplication in the size of 'malloc' may overflow: '[^']+' \(MEM35-C\) \[memrules-alloc-size-overflow\]" } */
}

/* (n + 1) * sizeof(T).  */
int *test_2(size_t n)
{
  return malloc((n + 1) * sizeof(int)); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* Two size_t variables multiplied.  */
unsigned char *test_3(size_t width, size_t height)
{
  return malloc(width * height); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* The size computed in a separate statement.  */
char *test_4(size_t n)
{
  size_t sz = n * 16;
  return malloc(sz); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* Three factors.  */
float *test_5(size_t w, size_t h)
{
  return malloc(w * h * sizeof(float)); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* A product computed in int, then converted to size_t: count * 8 overflows
   int for counts above INT_MAX / 8 and can come out small.  */
char *test_6(int count)
{
  return malloc(count * 8); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* A check that does not bound the operand (it only logs).  */
extern void note_big(size_t n);
long *test_7(size_t n)
{
  if (n > SIZE_MAX / sizeof(long))
    note_big(n);
  return malloc(n * sizeof(long)); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* A header plus an array: an addition after the multiplication.  */
struct rec *test_8(size_t n)
{
  return malloc(sizeof(struct rec) + n * sizeof(double)); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* A 64-bit count from a uint64_t field.  */
struct hdr {
  uint64_t count;
};
uint32_t *test_9(const struct hdr *h)
{
  return malloc(h->count * sizeof(uint32_t)); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}

/* An addition alone is not this rule's business.  Silent.  */
char *test_10(size_t n)
{
  return malloc(n + 1); /* { dg-bogus "may overflow" } */
}

/* sizeof first, the count second.  */
double *test_11(size_t n)
{
  return malloc(sizeof(double) * n); /* { dg-warning "multiplication in the size of 'malloc' may overflow" } */
}
