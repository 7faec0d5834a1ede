/* use-after-free: the old pointer used after realloc moved the block
   (MEM30-C, CWE-416).  A successful realloc frees its argument; a failed one
   (NULL result) leaves it valid.  Sizes are nonzero constants, so the
   realloc-zero-free rule does not apply.  The message may name either
   deallocator: "use after 'realloc'" or "use after 'free'".  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct vec {
  int *data;
  int *spare;
  int count;
  int max;
};

/* A write through the old pointer after a successful realloc.  */
int test_1(char *p)
{
  char *q = realloc(p, 64);
  if (q == NULL) {
    free(p);
    return -1;
  }
  p[0] = 'x'; /* { dg-warning "use after '(free|realloc)' of 'p'" } */
  free(q);
  return 0;
}

/* The old pointer is still valid when realloc failed.  */
int test_2(char *p)
{
  char *q = realloc(p, 64);
  if (q == NULL) {
    p[0] = '\0'; /* { dg-bogus "use after" } */
    free(p);
    return -1;
  }
  q[0] = 'x'; /* { dg-bogus "use after" } */
  free(q);
  return 0;
}

/* Copying from the old block into the new one after the move.  */
int test_3(char *p)
{
  char *q = realloc(p, 128);
  if (!q) {
    free(p);
    return -1;
  }
  memcpy(q + 64, p, 64); /* { dg-warning "use after '(free|realloc)' of 'p'" } */
  free(q);
  return 0;
}

/* A struct field grown with realloc; the new block is stored in the wrong
   field and v->data still holds the old one.  */
int test_4(struct vec *v, int x)
{
  if (v->count == v->max) {
    int *more = realloc(v->data, 64 * sizeof(int));
    if (!more)
      return -1;
    v->max = 64;
    v->spare = more;
  }
  v->data[v->count++] = x; /* { dg-warning "use after '(free|realloc)' of 'v->data'" } */
  return 0;
}

/* The same with the field updated.  */
int test_5(struct vec *v, int x)
{
  if (v->count == v->max) {
    int *more = realloc(v->data, 64 * sizeof(int));
    if (!more)
      return -1;
    v->max = 64;
    v->data = more;
  }
  v->data[v->count++] = x; /* { dg-bogus "use after" } */
  return 0;
}

/* The pointer replaced only when realloc succeeds, then used.  */
void test_6(char *p)
{
  char *q = realloc(p, 32);
  if (q)
    p = q;
  p[0] = 'y'; /* { dg-bogus "use after" } */
  free(p);
}
