/* use-after-free: a helper of the file leaves a pointer it freed in the caller's
   variable, or frees what the variable holds, through an out-parameter (MEM30-C,
   CWE-416), found through the helper's summary.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void fatal(void) __attribute__((noreturn));
extern void show(int v);

/* Fills the caller's pointer, works on the block, then frees it: the pointer the
   caller gets is dangling.  */
static void fill_and_drop(int **out)
{
  *out = malloc(4 * sizeof(int));
  if (!*out)
    fatal();
  (*out)[0] = 1;
  free(*out);
}

/* Frees what the caller holds and says so by clearing it.  */
static void release(char **p)
{
  free(*p);
  *p = NULL;
}

/* Frees what the caller holds and leaves the pointer.  */
static void drop(char **p)
{
  free(*p);
}

int test_1(void)
{
  int *v;
  fill_and_drop(&v);
  return v[0]; /* { dg-warning "use after 'free' of 'v'" } */
}

/* Cleared by the helper: freeing it again is free (NULL).  */
void test_2(void)
{
  char *s = malloc(8);
  release(&s);
  free(s); /* { dg-bogus "double|after" } */
}

char test_3(void)
{
  char *s = malloc(8);
  if (!s)
    return 0;
  drop(&s);
  return s[0]; /* { dg-warning "use after 'free' of 's'" } */
}

/* Refilled by a helper after the free: silent.  */
static void refill(int **out)
{
  *out = malloc(sizeof(int));
  if (!*out)
    fatal();
}

void test_4(void)
{
  int *v;
  fill_and_drop(&v);
  refill(&v);
  show(*v); /* { dg-bogus "after" } */
  free(v);
}
