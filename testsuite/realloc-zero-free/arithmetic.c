/* realloc-zero-free: sizes computed by arithmetic that can be 0 (MEM04-C,
   MEM36-C; CWE-415): a difference of two values the function never compares, a
   sum of two counts that may both be 0, a product whose factor is 0 on a path;
   next to each, the form that cannot be 0, which stays silent.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdlib.h>

struct buf {
  char *data;
  size_t size, used;
};

/* Buggy: size - used is 0 when the buffer is full.  */
int shrink (struct buf *b)
{
  char *q = realloc (b->data, b->size - b->used); /* { dg-message "'realloc' frees '[^']*data' when the size is 0" } */
  if (q == NULL) {
    free (b->data); /* { dg-warning "'free' of '[^']*data' after 'realloc' of size 0 freed it" } */
    b->data = NULL;
    return -1;
  }
  b->data = q;
  return 0;
}

/* The function knows which is larger: the difference is at least 1.  */
int shrink_checked (struct buf *b)
{
  if (b->size <= b->used)
    return 0;
  char *q = realloc (b->data, b->size - b->used);
  if (q == NULL) {
    free (b->data); /* { dg-bogus "after 'realloc' of size 0" } */
    b->data = NULL;
    return -1;
  }
  b->data = q;
  return 0;
}

/* Buggy: two counts that may both be 0.  */
char *join (char *p, size_t head, size_t tail)
{
  char *q = realloc (p, head + tail); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (!q) {
    free (p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* Two unsigned ints and a terminator, added in size_t: never 0.  */
char *join_terminated (char *p, unsigned head, unsigned tail)
{
  char *q = realloc (p, (size_t) head + tail + 1);
  if (!q) {
    free (p); /* { dg-bogus "after 'realloc' of size 0" } */
    return NULL;
  }
  return q;
}

/* Buggy: the count of separators is 0 when there is none, and so is the
   product.  */
int *split_points (int *v, const char *s)
{
  size_t n = 0;
  for (size_t i = 0; s[i]; i++)
    if (s[i] == ',')
      n++;
  int *q = realloc (v, n * sizeof *q); /* { dg-message "'realloc' frees 'v' when the size is 0" } */
  if (!q) {
    free (v); /* { dg-warning "'free' of 'v' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* The same count, 0 handled first.  */
int *split_points_checked (int *v, const char *s)
{
  size_t n = 0;
  for (size_t i = 0; s[i]; i++)
    if (s[i] == ',')
      n++;
  if (n == 0) {
    free (v);
    return NULL;
  }
  int *q = realloc (v, n * sizeof *q);
  if (!q) {
    free (v); /* { dg-bogus "after 'realloc' of size 0" } */
    return NULL;
  }
  return q;
}
