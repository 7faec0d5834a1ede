/* alloc-size-overflow: arithmetic done in int or unsigned int wraps before it
   becomes the size_t argument (MEM35-C; CWE-190, CWE-680), next to the same sizes
   bounded by a guard or by their types, which stay silent.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdlib.h>

struct image {
  int stride, height;
  unsigned count, extra;
};

/* Buggy: the growth is computed in int.  */
char *grow (char *old_buf, int old, int n)
{
  return realloc (old_buf, (old + n + 256) * 2); /* { dg-warning "may overflow: '\(old \+ n \+ 256\) \* 2'" } */
}

/* Both terms bounded first.  Silent.  */
char *grow_bounded (char *old_buf, int old, int n)
{
  if (old < 0 || old > 4096 || n < 0 || n > 4096)
    return NULL;
  return realloc (old_buf, (old + n + 256) * 2); /* { dg-bogus "may overflow" } */
}

/* Buggy: a product of two ints, in int.  */
unsigned char *pixels (const struct image *im)
{
  return malloc (im->stride * im->height); /* { dg-warning "may overflow: '[^']*stride \* [^']*height'" } */
}

/* Widened first: two ints cannot overflow a 64-bit size_t.  Silent.  */
unsigned char *pixels_wide (const struct image *im)
{
  return malloc ((size_t) im->stride * im->height); /* { dg-bogus "may overflow" "" { target x86_64-*-* } } */
}

/* Buggy: the sum wraps in unsigned int before the multiplication in size_t.  */
int *slots (const struct image *im)
{
  return malloc ((im->count + im->extra) * sizeof (int)); /* { dg-warning "may overflow: '\([^']*count \+ [^']*extra\) \* 4'" } */
}

/* Each count bounded.  Silent.  */
int *slots_bounded (const struct image *im)
{
  if (im->count > 65536 || im->extra > 65536)
    return NULL;
  return malloc ((im->count + im->extra) * sizeof (int)); /* { dg-bogus "may overflow" } */
}

/* Two unsigned shorts add up in int without wrapping.  Silent.  */
int *slots_short (unsigned short a, unsigned short b)
{
  return malloc ((a + b) * sizeof (int)); /* { dg-bogus "may overflow" } */
}

/* Buggy: doubled in unsigned int, then a terminator added.  */
char *doubled (unsigned n)
{
  return malloc (n * 2 + 1); /* { dg-warning "may overflow: 'n \* 2'" } */
}

char *doubled_bounded (unsigned n)
{
  if (n > 100000)
    return NULL;
  return malloc (n * 2 + 1); /* { dg-bogus "may overflow" } */
}
