/* -fplugin-arg-memrules-infer=names: bodiless functions named like allocators and
   deallocators (foo_new/foo_free ...), paired by prefix.  Lower confidence: they
   feed double-free and use-after-free, never leak, mismatch, NULL or non-heap
   claims.  */
/* { dg-options "-fplugin-arg-memrules-infer=names" } */
#include <stdlib.h>

struct foo { int n; struct foo *next; };
struct foo *foo_new(void);
void foo_free(struct foo *f);
void foo_close(struct foo *f);		/* foo_free exists: foo_close is not it */

struct bar;
struct bar *bar_create(int);
void bar_destroy(struct bar *b);

struct obj;
struct obj *obj_new(void);
struct obj *obj_ref(struct obj *o);
void obj_unref(struct obj *o);

struct buf { char *data; };
void buf_free(struct buf *b);		/* frees b->data, maybe not b */
void list_free(void **items);		/* a pointer to pointers: not inferred */
void two_free(void *ctx, void *p);	/* two parameters: not inferred */
struct gz;
struct gz *gz_open(const char *);
int gz_close(struct gz *);		/* the only deallocator of gz */

void test_1(void)
{
  struct foo *f = foo_new();
  foo_free(f); /* { dg-message "first 'foo_free' here" } */
  foo_free(f); /* { dg-warning "double-'foo_free' of 'f'" } */
}

int test_2(void)
{
  struct foo *f = foo_new();
  foo_free(f); /* { dg-message "freed here" } */
  return f->n; /* { dg-warning "use after 'foo_free' of 'f'" } */
}

/* Never a leak, a NULL claim or a mismatch.  */
int test_3(int x)
{
  struct foo *f = foo_new();
  f->n = x; /* { dg-bogus "possibly-NULL" } */
  if (x)
    return 1; /* { dg-bogus "leak" } */
  free(f); /* { dg-bogus "should have been deallocated" } */
  return 0;
}

/* Nor free-nonheap.  */
void test_4(void)
{
  struct foo local;
  foo_free(&local); /* { dg-bogus "not on the heap" } */
}

/* _destroy pairs with _create.  */
void test_5(void)
{
  struct bar *b = bar_create(1);
  bar_destroy(b); /* { dg-message "first" } */
  bar_destroy(b); /* { dg-warning "double-'bar_destroy' of 'b'" } */
}

/* foo_close is not foo's deallocator (foo_free is).  */
void test_6(struct foo *f)
{
  foo_close(f);
  foo_free(f); /* { dg-bogus "double" } */
}

/* _close is a deallocator when it is the prefix's only one.  */
void test_7(const char *path)
{
  struct gz *g = gz_open(path);
  gz_close(g); /* { dg-message "first" } */
  gz_close(g); /* { dg-warning "double-'gz_close' of 'g'" } */
}

/* Reference counting: a function that takes a reference unrefs twice legitimately.  */
void test_8(struct obj *o)
{
  obj_ref(o);
  obj_unref(o);
  obj_unref(o); /* { dg-bogus "double" } */
}

void test_9(void)
{
  struct obj *o = obj_new();
  obj_unref(o); /* { dg-message "first" } */
  obj_unref(o); /* { dg-warning "double-'obj_unref' of 'o'" } */
}

/* The address of a member: the member's contents are released, not the object.  */
struct holder { int n; struct buf b; };
int test_10(struct holder *h)
{
  buf_free(&h->b);
  return h->n; /* { dg-bogus "use after" } */
}

/* Parameters that do not fit.  */
void test_11(void **items, void *ctx, void *p)
{
  list_free(items);
  list_free(items); /* { dg-bogus "double" } */
  two_free(ctx, p);
  two_free(ctx, p); /* { dg-bogus "double" } */
}

/* A function with a body is judged by its body (its summary), not its name.  */
void baz_free(struct foo *f) { (void) f; }
void test_12(struct foo *f)
{
  baz_free(f);
  baz_free(f); /* { dg-bogus "double" } */
}

/* A wrapper of the translation unit over an inferred deallocator, handed the
   address of a member: the member's contents are released, not the object
   (curl's sockhash_destroy (&multi->sockhash)).  */
struct hash { void **table; };
void hash_destroy(struct hash *h);
struct multi { int n; struct hash sockhash; };
static void sockhash_destroy(struct hash *h) { hash_destroy(h); }
void test_13(struct multi *m)
{
  sockhash_destroy(&m->sockhash);
  m->n = 0; /* { dg-bogus "use after" } */
  free(m); /* { dg-bogus "double" } */
}

/* Functions of system headers are the knowledge base's business:
   pthread_mutex_destroy destroys the mutex without freeing it.  */
#include <pthread.h>
void test_14(pthread_mutex_t *mtx)
{
  pthread_mutex_destroy(mtx);
  free(mtx); /* { dg-bogus "double" } */
}
