/* double-free: the first free happens in a helper (MEM31-C, CWE-415), found
   through the helper's summary ("frees parameter 0"); the silent ones must stay
   silent.  */
/* { dg-do compile } */

#include <stdlib.h>

struct buffer {
  char *buf;
  size_t len;
};

static void release(char *p)
{
  free(p);
}

static void buffer_destroy(struct buffer *b)
{
  free(b->buf);
  free(b);
}

extern void consume(char *p);   /* no body: may or may not free */

/* A static helper frees, then the caller frees again.  */
void test_1(void)
{
  char *p = malloc(16);
  release(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* The helper called twice.  */
void test_2(void)
{
  char *p = malloc(16);
  release(p);
  release(p); /* { dg-warning "double-'free'" } */
}

/* A destructor-style helper, then a field freed by hand.  */
void test_3(void)
{
  struct buffer *b = malloc(sizeof *b);
  if (!b)
    return;
  b->buf = malloc(16);
  b->len = 16;
  buffer_destroy(b);
  free(b); /* { dg-warning "double-'free' of 'b'" } */
}

/* A function without a body is not assumed to free.  */
void test_4(void)
{
  char *p = malloc(16);
  consume(p);
  free(p); /* { dg-bogus "double-'free'" } */
}
