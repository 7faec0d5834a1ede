/* leak (MEM31-C, CWE-401): a block stored into the caller's struct is lost when
   the function frees the struct, also with calls in between that cannot take it:
   C library functions the knowledge base says keep and free nothing of what they
   are given (strlen, memcpy, printf), and functions of the unit whose summary says
   they neither free, store nor hand on their arguments.  Silent when the call
   between is unknown, stores the pointer, or frees it.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct holder {
  char *buf;
  size_t len;
};

void publish(char *);

static char *registry[16];
static int nregistered;

/* Stores what it is given: the block is held by the registry.  */
static void list_add(char *p)
{
  registry[nregistered++ % 16] = p;
}

/* Frees what it is given, on one path.  */
static void maybe_drop(char *p, int now)
{
  if (now)
    free(p);
}

/* Reads what it is given and keeps nothing.  */
static size_t count_spaces(const char *p)
{
  size_t n = 0;
  for (; *p; p++)
    n += *p == ' ';
  return n;
}

void test_1(struct holder *s, size_t n)
{
  s->buf = malloc(n); /* { dg-message "allocated here" } */
  if (!s->buf)
    return;
  s->buf[0] = '\0';
  s->len = strlen(s->buf);
  free(s);
} /* { dg-warning "leak of 's->buf'" } */

void test_2(struct holder *s, const char *src, size_t n)
{
  s->buf = malloc(n); /* { dg-message "allocated here" } */
  if (!s->buf)
    return;
  memcpy(s->buf, src, n);
  free(s);
} /* { dg-warning "leak of 's->buf'" } */

void test_3(struct holder *s, size_t n)
{
  s->buf = malloc(n); /* { dg-message "allocated here" } */
  printf("%p %zu\n", (void *) s->buf, n);
  free(s);
} /* { dg-warning "leak of 's->buf'" } */

void test_4(struct holder *s, size_t n)
{
  s->buf = calloc(n, 1); /* { dg-message "allocated here" } */
  if (!s->buf)
    return;
  s->len = count_spaces(s->buf);
  free(s);
} /* { dg-warning "leak of 's->buf'" } */

/* Silent: an unknown function may keep it.  */
void test_5(struct holder *s, size_t n)
{
  s->buf = malloc(n);
  publish(s->buf);
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: the helper stores it where it outlives the call.  */
void test_6(struct holder *s, size_t n)
{
  s->buf = malloc(n);
  list_add(s->buf);
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: the helper frees it.  */
void test_7(struct holder *s, size_t n)
{
  s->buf = malloc(n);
  maybe_drop(s->buf, 1);
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: the struct, field and all, copied out by memcpy before it is freed
   (the size is not a constant GCC folds the copy by).  */
void test_8(struct holder *s, struct holder *copy, size_t n, size_t size)
{
  s->buf = malloc(n);
  memcpy(copy, s, size);
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: the field's bytes copied out of the struct into a local pointer the
   function hands on.  */
void test_9(struct holder *s, size_t n, size_t size)
{
  char *p = NULL;
  s->buf = malloc(n);
  memcpy(&p, &s->buf, size);
  free(s);
  publish(p);
} /* { dg-bogus "leak of" } */

/* A function declared pure writes no memory: it can keep nothing.  */
size_t digest(const char *) __attribute__((pure));
size_t test_10(struct holder *s, size_t n)
{
  s->buf = malloc(n); /* { dg-message "allocated here" } */
  size_t d = digest(s->buf);
  free(s);
  return d; /* { dg-warning "leak of 's->buf'" } */
}
