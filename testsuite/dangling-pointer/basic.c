/* dangling-pointer (MEM01-A, off by default): a freed pointer left where the caller
   can still reach it when the function returns.  */
/* { dg-options "-fplugin-arg-memrules-enable=dangling-pointer" } */

#include <stdlib.h>

struct conn { char *name; char *buf; int fd; };
static char *cache;

/* A field of the caller's object freed and left dangling.  */
void test_1(struct conn *c)
{
  free(c->name); /* { dg-warning "'c->name' is freed but left pointing to freed memory when the function returns; set it to NULL \(MEM01-A\) \[memrules-dangling-pointer\]" } */
}

/* Reset to NULL right after: silent (the seed's compliant form).  */
void test_2(struct conn *c)
{
  free(c->name); /* { dg-bogus "dangling" } */
  c->name = NULL;
}

/* A global freed and left dangling.  */
void test_3(void)
{
  free(cache); /* { dg-warning "'cache' is freed but left pointing to freed memory" } */
}

/* A global reset: silent.  */
void test_4(void)
{
  free(cache); /* { dg-bogus "dangling" } */
  cache = NULL;
}

/* Reset on one path only: reported for the other path.  */
void test_5(struct conn *c, int keep)
{
  free(c->buf); /* { dg-warning "'c->buf' is freed but left pointing" } */
  if (!keep)
    c->buf = NULL;
}

/* Replaced by a fresh allocation: silent.  */
void test_6(struct conn *c, size_t n)
{
  free(c->buf); /* { dg-bogus "dangling" } */
  c->buf = malloc(n);
}

/* The whole object freed: its fields die with it, silent.  */
void test_7(struct conn *c)
{
  free(c->name); /* { dg-bogus "dangling" } */
  free(c->buf); /* { dg-bogus "dangling" } */
  free(c);
}

/* A local pointer freed: nothing outlives the function, silent.  */
void test_8(void)
{
  char *p = malloc(8);
  free(p); /* { dg-bogus "dangling" } */
}

/* Handed to an unknown function after the free: it may have reset it.  */
extern void reopen(struct conn *c);
void test_9(struct conn *c)
{
  free(c->name); /* { dg-bogus "dangling" } */
  reopen(c);
}
