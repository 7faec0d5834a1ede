/* leak: p = realloc(p, n) loses p when realloc fails (MEM31-C, CWE-401).  The
   warning is on the realloc line: "leak of 'p' if 'realloc' fails".  Sizes are
   nonzero constants or guarded, so realloc-zero-free does not apply.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct vec {
  int *data;
  size_t cap;
};

/* The classic self-assignment, local block.  */
int test_1(void)
{
  char *p = malloc(16); /* { dg-message "allocated here" } */
  if (p == NULL)
    return -1;
  p[0] = '\0';
  p = realloc(p, 64); /* { dg-warning "leak of 'p' if 'realloc' fails" } */
  if (p == NULL)
    return -1;
  free(p);
  return 0;
}

/* Through a temporary, the old block freed on failure: silent.  */
int test_2(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  p[0] = '\0';
  char *q = realloc(p, 64); /* { dg-bogus "leak of" } */
  if (q == NULL) {
    free(p);
    return -1; /* { dg-bogus "leak of" } */
  }
  p = q;
  free(p);
  return 0; /* { dg-bogus "leak of" } */
}

/* Through a temporary, but the failure path forgets the old block.  */
int test_3(void)
{
  char *p = malloc(16); /* { dg-message "allocated here" } */
  if (p == NULL)
    return -1;
  p[0] = '\0';
  char *q = realloc(p, 64);
  if (q == NULL)
    return -1; /* { dg-warning "leak of 'p'" } */
  free(q);
  return 0;
}

/* A field of a caller's struct grown in place: the old block is lost when
   realloc fails.  */
int test_4(struct vec *v)
{
  if (v->cap > 1024)
    return -1;
  v->data = realloc(v->data, 2 * v->cap * sizeof(int) + sizeof(int)); /* { dg-warning "leak of 'v->data' if 'realloc' fails" } */
  if (v->data == NULL)
    return -1;
  v->cap = 2 * v->cap + 1;
  return 0;
}

/* The same through a temporary: silent.  */
int test_5(struct vec *v)
{
  if (v->cap > 1024)
    return -1;
  int *more = realloc(v->data, 2 * v->cap * sizeof(int) + sizeof(int)); /* { dg-bogus "leak of" } */
  if (more == NULL)
    return -1;
  v->data = more;
  v->cap = 2 * v->cap + 1;
  return 0;
}

/* Successful realloc, the new block returned: silent.  */
char *test_6(const char *s)
{
  char *p = strdup(s);
  if (p == NULL)
    return NULL;
  char *q = realloc(p, 256);
  if (q == NULL) {
    free(p);
    return NULL;
  }
  return q; /* { dg-bogus "leak of" } */
}

/* Wrappers of the translation unit: one that aborts when realloc fails never loses
   p; one that passes realloc's NULL on does, and is named in the warning.  */
void *grow_or_die(void *p, size_t n)
{
  void *q = realloc(p, n);
  if (q == NULL)
    abort();
  return q;
}

void *grow(void *p, size_t n)
{
  return realloc(p, n);
}

int test_wrappers(size_t n)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  p[0] = '\0';
  p = grow_or_die(p, 32); /* { dg-bogus "leak" } */ /* { dg-message "allocated here" } */
  p = grow(p, 64); /* { dg-warning "leak of 'p' if 'grow' fails" } */
  if (p == NULL)
    return -1;
  free(p);
  return (int) n;
}
