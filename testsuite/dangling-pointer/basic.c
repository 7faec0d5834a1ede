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

/* A static inside the function freed and left.  */
void test_10(void)
{
  static char *buf;
  free(buf); /* { dg-warning "'buf' is freed but left pointing" } */
}

/* Freed through a copy of the field: the field still holds it.  */
void test_11(struct conn *c)
{
  char *tmp = c->name;
  free(tmp); /* { dg-warning "'tmp' is freed but left pointing" } */
}

/* Freed on an error path only, reset on the other: reported for the error path.  */
int test_12(struct conn *c, int fail)
{
  if (fail) {
    free(c->buf); /* { dg-warning "'c->buf' is freed but left pointing" } */
    return -1;
  }
  free(c->buf); /* { dg-bogus "dangling" } */
  c->buf = NULL;
  return 0;
}
