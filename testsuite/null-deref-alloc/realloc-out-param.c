/* null-deref-alloc through a function of the unit that reallocates its caller's
   pointer through a pointer parameter and may fail (`*pp = realloc (*pp, n)`:
   mr_out_store REALLOC, may_null): the caller's pointer may be NULL after the
   call.  A function with a result may say so by it: not summarised.  */
/* { dg-do compile } */

#include <stdlib.h>

struct buf
{
  char *data;
  size_t len;
};

static void grow(char **pp, size_t n)
{
  *pp = realloc(*pp, n); /* { dg-warning "leak of '\*pp' if 'realloc' fails" } */
}

static void grow_buf(struct buf *b, size_t n)
{
  b->data = realloc(b->data, n); /* { dg-warning "leak of 'b->data' if 'realloc' fails" } */
  b->len = n;
}

/* Its result tells the caller.  */
static int grow_told(char **pp, size_t n)
{
  char *q = realloc(*pp, n);
  if (!q)
    return -1;
  *pp = q;
  return 0;
}

void unchecked(size_t n)
{
  char *p = malloc(4);
  if (!p)
    return;
  grow(&p, n);
  p[0] = 'x'; /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
}

void unchecked_field(struct buf *b, size_t n)
{
  grow_buf(b, n);
  b->data[0] = 'x'; /* { dg-warning "dereference of possibly-NULL" } */
}

/* Silent: checked.  */
void checked(size_t n)
{
  char *p = malloc(4);
  if (!p)
    return;
  grow(&p, n);
  if (!p)
    return;
  p[0] = 'x'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* Silent: the result says it failed.  */
void told(size_t n)
{
  char *p = malloc(4);
  if (!p)
    return;
  if (grow_told(&p, n) != 0) {
    free(p);
    return;
  }
  p[0] = 'x'; /* { dg-bogus "possibly-NULL" } */
  free(p);
}
