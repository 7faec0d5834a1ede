/* leak (MEM31-C, CWE-401) across calls: a helper that only reads what it is given
   leaves the allocation to the caller (still a leak if the caller forgets it);
   one that stores it, returns it or passes it on takes ownership (silent).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct list {
  char *items[8];
  int n;
};

static struct list global_list;

static size_t measure(const char *s)
{
  return strlen(s);
}

static void keep(struct list *l, char *s)
{
  l->items[l->n++] = s;
}

static void keep_global(char *s)
{
  global_list.items[0] = s;
}

static char *identity(char *s)
{
  return s;
}

extern void unknown(char *s);

/* The helper only reads: the allocation is still the caller's, and lost.  */
size_t test_1(void)
{
  char *s = strdup("abc");
  if (!s)
    return 0;
  return measure(s); /* { dg-warning "leak of 's'" } */
}

/* Stored into a list the caller was given: ownership taken.  */
void test_2(struct list *l)
{
  char *s = strdup("abc");
  if (!s)
    return;
  keep(l, s);
} /* { dg-bogus "leak" } */

/* Stored into a global.  */
void test_3(void)
{
  char *s = strdup("abc");
  if (!s)
    return;
  keep_global(s);
} /* { dg-bogus "leak" } */

/* Returned by the helper, and the result dropped: identity's summary says it
   gives its parameter back, so the result is a copy of s and s is still
   leaked (this was silent before the engine followed returned parameters).  */
void test_4(void)
{
  char *s = strdup("abc"); /* { dg-message "allocated here" } */
  if (!s)
    return;
  identity(s);
} /* { dg-warning "leak of 's'" } */

/* The result kept and freed: silent.  */
void test_4b(void)
{
  char *s = strdup("abc");
  if (!s)
    return;
  char *t = identity(s);
  free(t);
} /* { dg-bogus "leak" } */

/* Passed to a function without a body.  */
void test_5(void)
{
  char *s = strdup("abc");
  if (!s)
    return;
  unknown(s);
} /* { dg-bogus "leak" } */

/* A wrapper that may return NULL and says so through an error code.  */
static void *alloc_rc(int *rc, size_t n)
{
  void *p = malloc(n);
  if (!p)
    *rc = 1;
  return p;
}

/* The caller tests the error code, not the pointer: on the failure path there is
   nothing to leak, and the engine cannot tie rc to p: silent.  */
int test_6(char **out)
{
  int rc = 0;
  char *p = alloc_rc(&rc, 8);
  if (rc)
    return rc; /* { dg-bogus "leak" } */
  *out = p;
  return 0;
}

/* Checked non-NULL, then lost: a leak.  */
int test_7(void)
{
  int rc = 0;
  char *p = alloc_rc(&rc, 8);
  if (!p)
    return rc;
  p[0] = 0;
  return 0; /* { dg-warning "leak of 'p'" } */
}
