/* GCC attributes on declarations without a body (MEM30-C, MEM32-C, MEM33-C):
   `nonnull` and `access (read_only | read_write)` parameters are read through, so a
   freed, possibly-NULL or uninitialised pointer passed there is a use;
   `access (write_only)` and `nonnull` may write (no uninitialised read claimed);
   `returns_nonnull` allocators never return NULL.
   A function with none of these is not assumed to read its argument.  */
/* { dg-do compile } */

#include <stdlib.h>

void pool_release(void *p);
void *pool_get(size_t n) __attribute__((malloc(pool_release, 1), returns_nonnull));
extern size_t count_bytes(const char *s) __attribute__((nonnull(1)));
extern void fill(char *d, size_t n) __attribute__((access(write_only, 1, 2)));
extern void show(const char *d, size_t n) __attribute__((access(read_only, 1, 2)));
extern void note_pointer(const void *p);

/* nonnull: the callee reads the freed string.  */
void test_1(void)
{
  char *p = malloc(4);
  free(p);
  count_bytes(p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* nonnull: the unchecked result of malloc.  */
void test_2(void)
{
  char *p = malloc(4);
  count_bytes(p); /* { dg-warning "possibly-NULL 'p'" } */
  free(p);
}

/* access (read_only): nothing was written yet.  */
void test_3(void)
{
  char *p = malloc(4);
  if (!p)
    return;
  show(p, 4); /* { dg-warning "read of uninitialized memory 'p'" } */
  free(p);
}

/* access (write_only) fills it first: silent.  */
void test_4(void)
{
  char *p = malloc(4);
  if (!p)
    return;
  fill(p, 4);
  show(p, 4); /* { dg-bogus "uninitialized" } */
  free(p);
}

/* No attribute: passing a freed pointer on is a use all the same (evaluating it
   is undefined, and nothing says the callee only logs the address).  */
void test_5(void)
{
  char *p = malloc(4);
  free(p); /* { dg-message "freed here" } */
  note_pointer(p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* returns_nonnull: the NULL branch is not a path, so q is not leaked there.  */
void test_6(void)
{
  char *q = malloc(4);
  char *p = pool_get(4);
  if (!p)
    return;
  free(q);
  pool_release(p);
} /* { dg-bogus "leak" } */

void *pool_get_maybe(size_t n) __attribute__((malloc(pool_release, 1)));

/* Without it, the NULL branch is a path, and q is leaked there.  */
void test_7(void)
{
  char *q = malloc(4);
  char *p = pool_get_maybe(4);
  if (!p)
    return; /* { dg-warning "leak of 'q'" "at the path's own return" } */
  free(q);
  pool_release(p);
} /* { dg-bogus "leak" } */
