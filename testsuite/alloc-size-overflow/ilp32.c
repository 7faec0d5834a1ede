/* alloc-size-overflow on a 32-bit target (-m32), where size_t is 32 bits wide:
   an unsigned or int count times sizeof wraps, a product of two ints does even
   when widened; a short count does not (MEM35-C; CWE-190).  No system headers,
   so that it compiles without the 32-bit C library.  */
/* { dg-do compile } */
/* { dg-options "-m32" } */

typedef __SIZE_TYPE__ size_t;
void *malloc (size_t);

struct image { int stride, height; };

int *table (unsigned n)
{
  return malloc (n * sizeof (int)); /* { dg-warning "may overflow: 'n \* 4'" } */
}

int *table_signed (int n)
{
  return malloc (n * sizeof (int)); /* { dg-warning "may overflow: 'n \* 4'" } */
}

int *table_bounded (unsigned n)
{
  if (n > 1000000)
    return 0;
  return malloc (n * sizeof (int)); /* { dg-bogus "may overflow" } */
}

int *table_short (unsigned short n)
{
  return malloc (n * sizeof (int)); /* { dg-bogus "may overflow" } */
}

unsigned char *pixels_wide (const struct image *im)
{
  return malloc ((size_t) im->stride * im->height); /* { dg-warning "may overflow" } */
}
