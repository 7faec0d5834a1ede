/* use-after-free and double-free through the result of a function that returns
   its argument (issue 14): strcpy's, memcpy's and a summarized `return dst;` are
   copies of the argument, one object with it.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

char *fill(char *d, size_t n)
{
  for (size_t i = 0; i < n; i++)
    d[i] = 'x';
  return d;
}

/* 1: the copy used after the original is freed.  */
int test_1(const char *s)
{
  char *p = malloc(strlen(s) + 1);
  if (p == NULL)
    return -1;
  char *q = strcpy(p, s);
  free(p); /* { dg-message "freed here" } */
  return q[0]; /* { dg-warning "use after 'free' of 'q'" } */
}

/* 2: both freed.  */
void test_2(const char *s, size_t n)
{
  char *p = malloc(n);
  if (p == NULL)
    return;
  char *q = memcpy(p, s, n);
  free(q); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* 3: through a summarized function of the translation unit.  */
int test_3(size_t n)
{
  char *p = malloc(n + 1);
  if (p == NULL)
    return -1;
  char *q = fill(p, n);
  free(p); /* { dg-message "freed here" } */
  return q[0]; /* { dg-warning "use after 'free' of 'q'" } */
}

/* 4: compliant: the copy used before the free.  */
int test_4(const char *s)
{
  char *p = malloc(strlen(s) + 1);
  if (p == NULL)
    return -1;
  char *q = strcpy(p, s);
  int c = q[0]; /* { dg-bogus "use after" } */
  free(p);
  return c;
}

/* 5: a NULL check of the copy checks the original.  */
size_t test_5(const char *s, size_t n)
{
  char *p = malloc(n + 1);
  char *q = p ? memset(p, 0, n + 1) : NULL;
  if (q == NULL)
    return 0;
  size_t r = strlen(q); /* { dg-bogus "possibly-NULL" } */
  free(p);
  return r + strlen(s);
}
