/* realloc-zero-free: realloc(p, n) with n possibly 0, then free(p) on the
   path where realloc returned NULL (MEM04-C, MEM36-C; CWE-415).  glibc frees p
   and returns NULL for size 0, so the "safe" failure path frees p twice.  The
   warning is at the later free, the note at the realloc.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct buf {
  char *data;
  size_t len;
};

extern int cond(void);

/* The seed's shape with an unconstrained size; the message format, pinned
   once in full.  */
char *test_1(char *p, size_t size)
{
  char *p2 = realloc(p, size); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (p2 == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it \(MEM04-C\) \[memrules-realloc-zero-free\]" } */
    return NULL;
  }
  return p2;
}

/* A size computed by subtraction can be 0.  */
char *test_2(char *p, size_t len)
{
  if (len == 0)
    return p;
  char *q = realloc(p, len - 1); /* { dg-message "'realloc' frees 'p' when the size is 0" } */
  if (!q) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* A size that is 0 on one path.  */
char *test_3(char *p)
{
  size_t n = cond() ? 64 : 0;
  char *q = realloc(p, n);
  if (q == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* A struct field reallocated, freed on failure.  */
int test_4(struct buf *b, size_t n)
{
  char *q = realloc(b->data, n); /* { dg-message "'realloc' frees '[^']*data' when the size is 0" } */
  if (q == NULL) {
    free(b->data); /* { dg-warning "'free' of '[^']*data' after 'realloc' of size 0 freed it" } */
    b->data = NULL;
    b->len = 0;
    return -1;
  }
  b->data = q;
  b->len = n;
  return 0;
}

/* A size from an int.  */
char *test_5(char *p, int count)
{
  char *q = realloc(p, (size_t)count);
  if (q == NULL) {
    free(p); /* { dg-warning "'free' of 'p' after 'realloc' of size 0 freed it" } */
    return NULL;
  }
  return q;
}

/* The seed's compliant solution: realloc only for a non-zero size, free
   otherwise.  Silent.  */
char *test_6(char *p, size_t size)
{
  if (size != 0) {
    char *p2 = realloc(p, size);
    if (p2 == NULL) {
      free(p); /* { dg-bogus "after 'realloc' of size 0" } */
      return NULL;
    }
    return p2;
  }
  free(p); /* { dg-bogus "after 'realloc' of size 0" } */
  return NULL;
}

/* A constant non-zero size.  Silent.  */
char *test_7(char *p)
{
  char *q = realloc(p, 128);
  if (q == NULL) {
    free(p); /* { dg-bogus "after 'realloc' of size 0" } */
    return NULL;
  }
  return q;
}

/* size == 0 handled before.  Silent.  */
char *test_8(char *p, size_t size)
{
  if (size == 0)
    return p;
  char *q = realloc(p, size);
  if (q == NULL) {
    free(p); /* { dg-bogus "after 'realloc' of size 0" } */
    return NULL;
  }
  return q;
}

/* A size raised to at least 1.  Silent.  */
char *test_9(char *p, size_t size)
{
  if (size < 1)
    size = 1;
  char *q = realloc(p, size);
  if (q == NULL) {
    free(p); /* { dg-bogus "after 'realloc' of size 0" } */
    return NULL;
  }
  return q;
}

/* The failure path leaves p to the caller: nothing freed, nothing used.
   Silent.  */
char *test_10(char *p, size_t size)
{
  char *q = realloc(p, size);
  if (q == NULL)
    return NULL; /* { dg-bogus "after 'realloc' of size 0" } */
  return q;
}

/* A size guarded by n > 0 inside the branch.  Silent.  */
char *test_11(char *p, size_t n)
{
  if (n > 0) {
    char *q = realloc(p, n);
    if (q == NULL) {
      free(p); /* { dg-bogus "after 'realloc' of size 0" } */
      return NULL;
    }
    return q;
  }
  return p;
}

/* A constant non-zero multiple: sizeof times a small constant.  Silent.  */
long *test_12(long *p)
{
  long *q = realloc(p, 16 * sizeof *p);
  if (q == NULL) {
    free(p); /* { dg-bogus "after 'realloc' of size 0" } */
    return NULL;
  }
  return q;
}
