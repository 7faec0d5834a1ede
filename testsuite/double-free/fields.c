/* double-free: pointers kept in memory - struct fields, fields reached through
   pointers, nested access paths, array elements, globals (MEM31-C, CWE-415).
   Each load of s->buf is a new temporary in GIMPLE, so these need the engine's
   memory slots: the warning names the access path as written.  */
/* { dg-do compile } */

#include <stdlib.h>

struct buffer {
  char *buf;
  size_t len;
};

struct inner { char *c; };
struct middle { struct inner *b; };
struct outer { struct middle *a; };

extern void reset_buffer(struct buffer *s);
extern void log_msg(const char *msg);

char *g_buf;

/* A field through a pointer, freed twice.  */
void test_1(struct buffer *s)
{
  free(s->buf); /* { dg-message "first 'free' here" } */
  free(s->buf); /* { dg-warning "double-'free' of 's->buf'" } */
}

/* A field of a local struct.  */
void test_2(void)
{
  struct buffer s;
  s.buf = malloc(16);
  s.len = 16;
  free(s.buf);
  free(s.buf); /* { dg-warning "double-'free' of 's.buf'" } */
}

/* A store to another field does not touch s->buf.  */
void test_3(struct buffer *s)
{
  free(s->buf);
  s->len = 0;
  free(s->buf); /* { dg-warning "double-'free' of 's->buf'" } */
}

/* A nested access path.  */
void test_4(struct outer *o)
{
  free(o->a->b->c); /* { dg-message "first 'free' here" } */
  free(o->a->b->c); /* { dg-warning "double-'free' of 'o->a->b->c'" } */
}

/* The field is cleared after the free.  */
void test_5(struct buffer *s)
{
  free(s->buf);
  s->buf = NULL;
  free(s->buf); /* { dg-bogus "double-'free'" } */
}

/* The field gets a new block.  */
void test_6(struct buffer *s)
{
  free(s->buf);
  s->buf = malloc(16);
  free(s->buf); /* { dg-bogus "double-'free'" } */
}

/* An unknown function that receives s may store a new pointer in s->buf.  */
void test_7(struct buffer *s)
{
  free(s->buf);
  reset_buffer(s);
  free(s->buf); /* { dg-bogus "double-'free'" } */
}

/* A middle link of the path changes: o->a->b->c is another object now.  */
void test_8(struct outer *o, struct inner *other)
{
  free(o->a->b->c);
  o->a->b = other;
  free(o->a->b->c); /* { dg-bogus "double-'free'" } */
}

/* Array elements with constant indices.  */
void test_9(char **v)
{
  free(v[0]);
  free(v[1]); /* { dg-bogus "double-'free'" } */
  free(v[0]); /* { dg-warning "double-'free' of '(v\[0\]|\*v)'" } */
}

/* A global pointer.  */
void test_10(void)
{
  free(g_buf); /* { dg-message "first 'free' here" } */
  free(g_buf); /* { dg-warning "double-'free' of 'g_buf'" } */
}

/* A global pointer across an unknown call, which may assign it.  */
void test_11(void)
{
  free(g_buf);
  log_msg("freed");
  free(g_buf); /* { dg-bogus "double-'free'" } */
}

/* The field's value copied to a local before the first free.  */
void test_12(struct buffer *s)
{
  char *b = s->buf;
  free(b);
  free(s->buf); /* { dg-warning "double-'free' of 's->buf'" } */
}
