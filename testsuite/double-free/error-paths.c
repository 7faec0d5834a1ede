/* double-free: error handling - goto cleanup ladders, switch, flags and
   correlated conditions (MEM31-C, CWE-415).  The silent cases here are the
   path-sensitive ones: a path-insensitive checker would warn on all of them.  */
/* { dg-do compile } */

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

extern int step(char *buf);
extern void report(void);

/* The classic ladder, done right.  */
int test_1(void)
{
  int ret = -1;
  char *a = malloc(16);
  if (!a)
    goto out;
  char *b = malloc(16);
  if (!b)
    goto free_a;
  if (step(b) < 0)
    goto free_b;
  ret = 0;
free_b:
  free(b); /* { dg-bogus "double-'free'" } */
free_a:
  free(a); /* { dg-bogus "double-'free'" } */
out:
  return ret;
}

/* The error path frees and then jumps to a label that frees again.  */
int test_2(void)
{
  char *a = malloc(16);
  if (!a)
    return -1;
  if (step(a) < 0) {
    free(a); /* { dg-message "first 'free' here" } */
    goto err;
  }
  free(a);
  return 0;
err:
  free(a); /* { dg-warning "double-'free' of 'a'" } */
  return -1;
}

/* The error branch frees but forgets to return.  */
int test_3(void)
{
  char *a = malloc(16);
  if (!a)
    return -1;
  if (step(a) < 0)
    free(a); /* { dg-message "first 'free' here" } */
  free(a); /* { dg-warning "double-'free' of 'a'" } */
  return 0;
}

/* switch with a fall-through into a case that frees again.  */
void test_4(int kind)
{
  char *p = malloc(16);
  switch (kind) {
  case 0:
    free(p);
    break;
  case 1:
    free(p);
    /* fall through */
  default:
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    break;
  }
}

/* switch where every case frees exactly once.  */
void test_5(int kind)
{
  char *p = malloc(16);
  switch (kind) {
  case 0:
    free(p);
    break;
  case 1:
    report();
    free(p);
    break;
  default:
    free(p); /* { dg-bogus "double-'free'" } */
    break;
  }
}

/* Correlated conditions on the same variable.  */
void test_6(int err)
{
  char *p = malloc(16);
  if (err)
    free(p);
  report();
  if (!err)
    free(p); /* { dg-bogus "double-'free'" } */
}

/* A flag that records the free.  */
void test_7(int c)
{
  char *p = malloc(16);
  int freed = 0;
  if (c) {
    free(p);
    freed = 1;
  }
  report();
  if (!freed)
    free(p); /* { dg-bogus "double-'free'" } */
}

/* A bool flag, tested the other way round.  */
void test_8(int c)
{
  char *p = malloc(16);
  bool owned = true;
  if (c) {
    free(p);
    owned = false;
  }
  if (owned)
    free(p); /* { dg-bogus "double-'free'" } */
}

/* Complementary comparisons.  */
void test_9(int n)
{
  char *p = malloc(16);
  if (n > 10)
    free(p);
  if (n <= 10)
    free(p); /* { dg-bogus "double-'free'" } */
}

/* The same condition twice.  */
void test_10(int n)
{
  char *p = malloc(16);
  if (n > 10)
    free(p); /* { dg-message "first 'free' here" } */
  if (n > 10)
    free(p); /* { dg-warning "double-'free' of 'p'" } */
  else
    free(p); /* { dg-bogus "double-'free'" } */
}

/* The result of a call decides; freed on the error path, then the caller's
   cleanup frees again when the same call result is checked again.  */
int test_11(void)
{
  char *p = malloc(16);
  int rc = step(p);
  if (rc < 0)
    free(p);
  if (rc < 0) {
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    return rc;
  }
  free(p); /* { dg-bogus "double-'free'" } */
  return 0;
}

/* A goto ladder that frees a buffer and clears it, so the shared cleanup may
   free it again.  */
int test_12(const char *src)
{
  char *a = malloc(64);
  if (!a)
    return -1;
  if (strlen(src) >= 64) {
    free(a);
    a = NULL;
    goto fail;
  }
  strcpy(a, src);
  if (step(a) < 0)
    goto fail;
  free(a);
  return 0;
fail:
  free(a); /* { dg-bogus "double-'free'" } */
  return -1;
}

/* Correlated conditions on a bool parameter: "!err" on a bool is a different
   GIMPLE shape (err == 0, or err ^ 1) from the int case in test_6.  */
void test_13(bool err)
{
  char *p = malloc(16);
  if (err)
    free(p);
  if (!err)
    free(p); /* { dg-bogus "double-'free'" } */
}
