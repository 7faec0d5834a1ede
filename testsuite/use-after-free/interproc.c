/* use-after-free: the free happens in a helper (MEM30-C, CWE-416), found through
   the helper's summary ("frees parameter 0").  */
/* { dg-do compile } */

#include <stdlib.h>

struct conn {
  char *name;
  int fd;
};

static void conn_close(struct conn *c)
{
  free(c->name);
  free(c);
}

static char *take(char *p)
{
  free(p);
  return NULL;
}

/* The object is used after the helper that frees it.  */
int test_1(struct conn *c)
{
  conn_close(c);
  return c->fd; /* { dg-warning "use after 'free' of 'c'" } */
}

/* The helper's result is ignored and the argument used.  */
char test_2(char *p)
{
  take(p);
  return p[0]; /* { dg-warning "use after 'free' of 'p'" } */
}

/* The helper's result replaces the pointer: no use after free.  */
void test_3(char *p)
{
  p = take(p);
  if (p)
    p[0] = 0; /* { dg-bogus "use after" } */
}
