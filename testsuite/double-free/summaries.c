/* double-free through helpers' summaries (MEM31-C, CWE-415): helpers that free
   their parameter only when it is not NULL, helpers that free a field of the
   object they are given (a clear or destroy function), and the note inside the
   helper where it frees.  The silent cases must stay silent.  */
/* { dg-do compile } */

#include <stdlib.h>

struct buffer {
  char *data;
  size_t len;
};

static void release(char *p)
{
  if (p)
    free(p); /* { dg-message "'release' frees it here" } */
}

static void buffer_clear(struct buffer *b)
{
  free(b->data); /* { dg-message "'buffer_clear' frees it here" } */
}

static void buffer_reset(struct buffer *b)
{
  free(b->data);
  b->data = NULL;
}

static void buffer_destroy(struct buffer *b)
{
  if (!b)
    return;
  if (b->data)
    free(b->data);
  free(b);
}

static void release_if(char *p, int flag)
{
  if (flag)
    free(p);
}

/* A NULL-checking helper still frees: the caller's second free is double.  */
void test_1(void)
{
  char *p = malloc(16);
  release(p); /* { dg-message "first 'free' here, in 'release'" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A helper frees a field of the caller's object, the caller frees it again.  */
void test_2(struct buffer *b)
{
  buffer_clear(b); /* { dg-message "first 'free' here, in 'buffer_clear'" } */
  free(b->data); /* { dg-warning "double-'free' of 'b->data'" } */
}

/* The same helper called twice on a local object.  */
void test_3(void)
{
  struct buffer b;
  b.data = malloc(16);
  b.len = 16;
  buffer_clear(&b);
  buffer_clear(&b); /* { dg-warning "double-'free' of 'b.data'" } */
}

/* The helper sets the field to NULL after freeing it: freeing again is a no-op.  */
void test_4(struct buffer *b)
{
  buffer_reset(b);
  free(b->data); /* { dg-bogus "double-'free'" } */
}

/* A destructor that checks for NULL at every step frees the field and the object.  */
void test_5(struct buffer *b)
{
  char *d = b->data;
  buffer_destroy(b);
  free(d); /* { dg-warning "double-'free' of 'd'" } */
}

/* A helper that frees only sometimes: no claim.  */
void test_6(char *p, int flag)
{
  release_if(p, flag);
  free(p); /* { dg-bogus "double-'free'" } */
}
