/* Calls through function pointers that name an allocator or a deallocator
   (plugin/core/infer.h): struct members and globals whose name, once _fn, _func,
   _cb, ... is dropped, ends in free/dealloc, malloc/alloc, calloc, realloc or
   strdup, and whose type fits (a deallocator takes the pointer last, after an
   optional context).  Such a family only feeds double-free and use-after-free.  */
#include <stddef.h>
#include <stdlib.h>

struct allocator
{
  void *(*malloc)(size_t n);
  void *(*realloc)(void *p, size_t n);
  void (*free)(void *p);
};

struct ctx
{
  struct allocator *a;
  void *opaque;
  void *(*zalloc)(void *opaque, unsigned items, unsigned size);
  void (*zfree)(void *opaque, void *p);
  struct { void (*free_fn)(void *ud, void *p); void *ud; } alloc;
  void (*close)(void *p);		/* not a deallocator's name */
  int (*free_count)(void *p);		/* "count", not free */
  void (*free2)(int fd);		/* not a pointer */
};

int use(const void *p);

/* A member named free, called twice.  */
void test_1(struct ctx *c, void *p)
{
  c->a->free(p); /* { dg-message "first 'allocator.free' here" } */
  c->a->free(p); /* { dg-warning "double-'allocator.free' of 'p'" } */
}

/* The member malloc pairs with the member free of the same struct.  */
int test_2(struct ctx *c)
{
  char *p = c->a->malloc(8);
  if (!p)
    return -1;
  c->a->free(p); /* { dg-message "freed here" } */
  return p[0]; /* { dg-warning "use after 'allocator.free' of 'p'" } */
}

/* zlib's zalloc/zfree: a context first, the pointer last.  */
void test_3(struct ctx *c)
{
  void *w = c->zalloc(c->opaque, 4, 16);
  c->zfree(c->opaque, w); /* { dg-message "first 'ctx.zfree' here" } */
  c->zfree(c->opaque, w); /* { dg-warning "double-'ctx.zfree' of 'w'" } */
}

/* A member named free_fn inside a member: a->alloc.free_fn (ud, p).  */
void test_4(struct ctx *c, void *p)
{
  c->alloc.free_fn(c->alloc.ud, p); /* { dg-message "first" } */
  c->alloc.free_fn(c->alloc.ud, p); /* { dg-warning "double-'free_fn' of 'p'" } */
}

/* Uncertain families: no leak, no mismatch, no NULL check demanded.  */
int test_5(struct ctx *c)
{
  char *p = c->a->malloc(8);
  p[0] = 1; /* { dg-bogus "possibly-NULL" } */
  free(p); /* { dg-bogus "should have been deallocated" } */
  return 0;
}

int test_6(struct ctx *c)
{
  char *p = c->a->malloc(8);
  if (!p)
    return -1;
  p[0] = 1;
  return p[0]; /* { dg-bogus "leak" } */
}

/* A realloc member moves the block.  */
int test_7(struct ctx *c, char *p)
{
  char *q = c->a->realloc(p, 64); /* { dg-message "freed here" } */
  if (!q)
    return -1;
  return p[0]; /* { dg-warning "use after 'realloc' of 'p'" } */
}

/* Names or types that do not fit are ordinary calls.  */
void test_8(struct ctx *c, void *p)
{
  c->close(p);
  c->close(p); /* { dg-bogus "double" } */
  c->free_count(p);
  c->free_count(p); /* { dg-bogus "double" } */
  c->free2(3);
  c->free2(3);
}

/* Global function pointers, named by the rule (not in the knowledge base).  */
extern void *(*my_cmalloc)(size_t);
extern void (*my_cfree)(void *);

int test_9(void)
{
  char *p = my_cmalloc(4);
  if (!p)
    return 0;
  my_cfree(p); /* { dg-message "freed here" } */
  return p[1]; /* { dg-warning "use after 'my_cfree' of 'p'" } */
}

/* A local copy of the pointer is the same pointer.  */
void test_10(struct ctx *c, void *p)
{
  void (*f)(void *) = c->a->free;
  f(p); /* { dg-message "first" } */
  f(p); /* { dg-warning "double-'allocator.free' of 'p'" } */
}

/* Freed through the pointer and then by free: one deallocation too many.  */
void test_11(struct ctx *c)
{
  char *p = malloc(4);
  c->a->free(p); /* { dg-message "first 'allocator.free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
