/* double-free: tagged pointers, whose low bits carry a tag and are cleared
   before the free: `(uintptr_t) p & ~3` is p itself (MEM31-C, CWE-415).
   Regression of issue 14: a loop freeing every element of an array of tagged
   pointers frees a different object each time.  */
/* { dg-do compile } */

#include <stdint.h>
#include <stdlib.h>

#define UNTAG(p) ((void *)((uintptr_t)(p) & ~(uintptr_t)3))

/* Every element, untagged, freed once.  */
void test_1(void **v, int n)
{
  for (int i = 0; i < n; i++)
    free(UNTAG(v[i])); /* { dg-bogus "double-'free'" } */
}

/* The same through a pointer walking the array.  */
void test_2(void **v, void **end)
{
  for (void **p = v; p != end; p++)
    free(UNTAG(*p)); /* { dg-bogus "double-'free'" } */
}

/* An address computed by integer arithmetic, new on every iteration.  */
void test_3(uintptr_t *v, int n)
{
  for (int i = 0; i < n; i++)
    free((void *)(v[i] - 16)); /* { dg-bogus "double-'free'" } */
}

/* Buggy: the same tagged pointer freed twice.  */
void test_4(void *tagged)
{
  free(UNTAG(tagged)); /* { dg-message "first 'free' here" } */
  free(UNTAG(tagged)); /* { dg-warning "double-'free'" } */
}

/* Buggy: freed untagged, then freed again as it is.  */
void test_5(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  void *tagged = (void *)((uintptr_t)p | 1);
  free(UNTAG(tagged)); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
