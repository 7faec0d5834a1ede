/* mismatched-dealloc in C: user allocator/deallocator pairs declared with
   __attribute__ ((malloc (DEALLOC, N))) (MEM51-CPP, CWE-762).  The message
   names the user deallocator: "'p' should have been deallocated with
   'my_free' but was deallocated with 'free'".  */
/* { dg-do compile } */

#include <stdlib.h>

struct pool;

void my_free(void *p);
void *my_alloc(size_t n) __attribute__((malloc, malloc(my_free, 1)));

void other_free(void *p);
void *other_alloc(size_t n) __attribute__((malloc, malloc(other_free, 1)));

void pool_free(struct pool *pool, void *p);
void *pool_alloc(struct pool *pool, size_t n)
    __attribute__((malloc, malloc(pool_free, 2)));

char *dup_name(const char *s) __attribute__((malloc, malloc(free, 1)));

extern int cond(void);

/* A user allocator released with free.  */
void test_1(void)
{
  char *p = my_alloc(16); /* { dg-message "allocated here" } */
  free(p); /* { dg-warning "'p' should have been deallocated with 'my_free' but was deallocated with 'free' \(MEM51-CPP\) \[memrules-mismatched-dealloc\]" } */
}

/* A user allocator released with another user deallocator.  */
void test_2(void)
{
  char *p = my_alloc(16);
  other_free(p); /* { dg-warning "'p' should have been deallocated with 'my_free' but was deallocated with 'other_free'" } */
}

/* The matching user pair: silent.  */
void test_3(void)
{
  char *p = my_alloc(16);
  my_free(p); /* { dg-bogus "should have been deallocated" } */
}

/* malloc released with a user deallocator.  */
void test_4(void)
{
  char *p = malloc(16);
  my_free(p); /* { dg-warning "'p' should have been deallocated with 'free' but was deallocated with 'my_free'" } */
}

/* A user allocator passed to realloc.  */
void test_5(void)
{
  char *p = other_alloc(16);
  char *q = realloc(p, 32); /* { dg-warning "'p' should have been deallocated with 'other_free' but was deallocated with 'realloc'" } */
  if (q == NULL) {
    other_free(p); /* { dg-bogus "should have been deallocated" } */
    return;
  }
  free(q);
}

/* The deallocator takes the pointer as its second argument.  */
void test_6(struct pool *pool)
{
  char *p = pool_alloc(pool, 16);
  pool_free(pool, p); /* { dg-bogus "should have been deallocated" } */
}

/* The same allocation released with free.  */
void test_7(struct pool *pool)
{
  char *p = pool_alloc(pool, 16);
  free(p); /* { dg-warning "'p' should have been deallocated with 'pool_free' but was deallocated with 'free'" } */
}

/* An allocator declared to pair with free itself: silent.  */
void test_8(const char *s)
{
  char *p = dup_name(s);
  free(p); /* { dg-bogus "should have been deallocated" } */
}

/* Mismatched on one branch only.  */
void test_9(void)
{
  char *p = my_alloc(16);
  if (cond())
    my_free(p); /* { dg-bogus "should have been deallocated" } */
  else
    other_free(p); /* { dg-warning "'p' should have been deallocated with 'my_free' but was deallocated with 'other_free'" } */
}

/* malloc with free, in C: silent.  */
void test_10(void)
{
  char *p = malloc(16);
  free(p); /* { dg-bogus "should have been deallocated" } */
}
