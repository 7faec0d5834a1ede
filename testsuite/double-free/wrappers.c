/* Wrappers of wrappers and calls through function pointers (MEM31-C, MEM51-CPP,
   CWE-415, CWE-762, CWE-401).  A summary is made of summaries: xfree (p) calls
   my_free (p) calls free (p); xmalloc calls my_malloc calls malloc.  A call through
   a function pointer whose target memrules cannot know (a callback) is an unknown
   call: its arguments escape (no leak, no double-free claim through it), and a
   pointer freed before it is still reported when used after it.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

static void my_free(void *p)
{
  free(p);
}

static void xfree(void *p)
{
  if (p)
    my_free(p);
}

static void *my_malloc(size_t n)
{
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

static void *xmalloc(size_t n)
{
  return my_malloc(n);
}

/* Two levels of wrapper on both sides.  */
void test_1(void)
{
  char *p = xmalloc(8);
  xfree(p);
  xfree(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* The wrapped allocation leaks like malloc's.  */
void test_2(void)
{
  int *p = xmalloc(sizeof(int));
  free(p);
  int *q = xmalloc(sizeof(int));
  q[0] = 1;
} /* { dg-warning "leak of 'q'" } */

typedef void (*release_fn)(void *);

/* A callback may free or keep: no claim either way.  */
void test_3(release_fn release)
{
  char *p = xmalloc(8);
  release(p);
  free(p); /* { dg-bogus "double-'free'" } */
}

void test_4(release_fn release)
{
  char *p = xmalloc(8);
  release(p);
} /* { dg-bogus "leak" } */

/* Freed before the callback, used after it: still a use after free.  */
void test_5(release_fn log_it)
{
  char *p = xmalloc(8);
  free(p);
  log_it(NULL);
  p[0] = 1; /* { dg-warning "use after 'free' of 'p'" } */
}

/* A table of function pointers: an unknown call, no crash.  */
struct ops {
  void *(*alloc)(size_t);
  void (*release)(void *);
};

void test_6(const struct ops *ops)
{
  char *p = ops->alloc(8);
  if (!p)
    return;
  memset(p, 0, 8);
  ops->release(p);
  ops->release(p); /* { dg-bogus "double-'free'" } */
}
