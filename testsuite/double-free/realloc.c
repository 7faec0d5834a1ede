/* double-free: realloc frees its argument when it succeeds (MEM31-C, CWE-415).
   realloc(p, 0) followed by free(p) is the realloc-zero-free rule, not this one:
   every size here is a nonzero constant.  */
/* { dg-do compile } */

#include <stdlib.h>

/* The old pointer freed after a successful realloc.  */
void test_1(char *p)
{
  char *q = realloc(p, 64);
  if (q != NULL) {
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    free(q);
  }
}

/* The idiom: on failure the old block is still ours and is freed once.  */
int test_2(char *p)
{
  char *q = realloc(p, 64);
  if (q == NULL) {
    free(p); /* { dg-bogus "double-'free'" } */
    return -1;
  }
  free(q); /* { dg-bogus "double-'free'" } */
  return 0;
}

/* The new pointer replaces the old only on success.  */
void test_3(char *p)
{
  char *q = realloc(p, 64);
  if (q != NULL)
    p = q;
  free(p); /* { dg-bogus "double-'free'" } */
}

/* The new block freed twice.  */
void test_4(char *p)
{
  char *q = realloc(p, 64);
  if (!q) {
    free(p);
    return;
  }
  free(q); /* { dg-message "first 'free' here" } */
  free(q); /* { dg-warning "double-'free' of 'q'" } */
}
