/* leak (MEM31-C, CWE-401): a block stored into a struct the caller gave (a
   parameter, or a pointer loaded from one) is the caller's to reach, until the
   function frees the struct: if the field held the only reference and no call ran
   in between, the block is lost.  Silent when the block was also stored elsewhere,
   handed to a call, freed first, or returned, and when a call may have copied the
   field.  Freeing the struct first and the field after is a use after free.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct holder {
  char *buf;
  size_t len;
};

struct table {
  struct holder *slot;
};

void publish(char *);
void audit(struct holder *);
char *kept;

void test_1(struct holder *s, size_t n)
{
  s->buf = malloc(n); /* { dg-message "allocated here" } */
  s->len = n;
  free(s);
} /* { dg-warning "leak of 's->buf'" } */

/* The holder loaded from the caller's table.  */
void test_2(struct table *t, size_t n)
{
  struct holder *h = t->slot;
  h->buf = malloc(n);
  free(h);
  t->slot = NULL;
} /* { dg-warning "leak of 'h->buf'" } */

/* Only on the path that does not hand the block on.  */
void test_3(struct holder *s, size_t n, int share)
{
  s->buf = malloc(n);
  if (share)
    publish(s->buf);
  free(s);
} /* { dg-warning "leak of 's->buf'" } */

/* Silent: the field is freed first.  */
void test_4(struct holder *s, size_t n)
{
  s->buf = malloc(n);
  free(s->buf);
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: also stored into another of the caller's structs.  */
void test_5(struct holder *s, struct holder *t, size_t n)
{
  char *b = malloc(n);
  s->buf = b;
  t->buf = b;
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: also held by a global.  */
void test_6(struct holder *s, size_t n)
{
  char *b = malloc(n);
  s->buf = b;
  kept = b;
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: handed to a call that may keep it.  */
void test_7(struct holder *s, size_t n)
{
  s->buf = malloc(n);
  publish(s->buf);
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: a call between may have copied the field (audit may keep s).  */
void test_8(struct holder *s, size_t n)
{
  s->buf = malloc(n);
  audit(s);
  free(s);
} /* { dg-bogus "leak of" } */

/* Silent: returned after the struct was freed.  */
char *test_9(struct holder *s, size_t n)
{
  char *b = malloc(n);
  s->buf = b;
  free(s);
  return b; /* { dg-bogus "leak of" } */
}

/* Silent: the field was written by a call this function cannot see into.  */
void fill(struct holder *);
void test_10(struct holder *s)
{
  fill(s);
  free(s);
} /* { dg-bogus "leak of" } */

/* The other order: the field read from the freed struct.  */
void test_11(struct holder *s)
{
  free(s); /* { dg-message "freed here" } */
  free(s->buf); /* { dg-warning "use after 'free' of 's'" } */
}
