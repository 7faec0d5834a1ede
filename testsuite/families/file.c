/* A families file (-fplugin-arg-memrules-families=FILE) describes allocators the
   plugin cannot know: talloc-style pairs, arenas, destructors taking the object second.  */
/* { dg-options "-fplugin-arg-memrules-families=${srcdir}/talloc.families" } */

#include <stdlib.h>
#include <stddef.h>

void *my_talloc(void *ctx, size_t n);
void my_talloc_free(void *p);
void *my_arena_get(size_t n);
void obj_release(void *ctx, void *obj);

void test_1(void *ctx)
{
  char *p = my_talloc(ctx, 8);
  if (!p)
    return;
  p[0] = 0;
  my_talloc_free(p); /* { dg-message "first 'my_talloc_free' here" } */
  my_talloc_free(p); /* { dg-warning "double-'my_talloc_free' of 'p'" } */
}

/* alloc? : may return NULL.  */
void test_2(void *ctx)
{
  char *p = my_talloc(ctx, 8); /* { dg-message "allocated here" } */
  p[0] = 0; /* { dg-warning "dereference of possibly-NULL 'p'" } */
  my_talloc_free(p);
}

/* Mixing families.  */
void test_3(void *ctx)
{
  char *p = my_talloc(ctx, 8);
  if (p)
    free(p); /* { dg-warning "should have been deallocated with 'my_talloc_free' but was deallocated with 'free'" } */
}

/* Arena memory is never leaked.  */
int test_4(void)
{
  char *p = my_arena_get(16);
  p[0] = 1;
  return p[0]; /* { dg-bogus "leak" } */
}

/* The object is the second argument.  */
void test_5(void *ctx, void *o)
{
  obj_release(ctx, o); /* { dg-message "first 'obj_release' here" } */
  obj_release(ctx, o); /* { dg-warning "double-'obj_release' of 'o'" } */
}
