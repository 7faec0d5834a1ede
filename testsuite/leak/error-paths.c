/* leak: error paths that return without freeing (MEM31-C, CWE-401).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* An early error return forgets to free.  */
int test_1(const char *s)
{
  char *buf = malloc(64); /* { dg-message "allocated here" } */
  if (buf == NULL)
    return -1;
  if (strlen(s) >= 64)
    return -2; /* { dg-warning "leak of 'buf'" } */
  strcpy(buf, s);
  free(buf);
  return 0;
}

/* The second allocation fails and the first is not released.  */
int test_2(void)
{
  char *a = malloc(16); /* { dg-message "allocated here" } */
  if (a == NULL)
    return -1;
  char *b = malloc(16);
  if (b == NULL)
    return -1; /* { dg-warning "leak of 'a'" } */
  a[0] = b[0] = '\0';
  free(b);
  free(a);
  return 0;
}

/* The same, with the cleanup done: silent.  */
int test_3(void)
{
  char *a = malloc(16);
  if (a == NULL)
    return -1;
  char *b = malloc(16);
  if (b == NULL) {
    free(a);
    return -1; /* { dg-bogus "leak of" } */
  }
  a[0] = b[0] = '\0';
  free(b);
  free(a);
  return 0; /* { dg-bogus "leak of" } */
}

/* One cleanup label for every error: silent.  */
int test_4(const char *s)
{
  int rc = -1;
  char *a = NULL, *b = NULL;
  a = strdup(s);
  if (a == NULL)
    goto out;
  b = malloc(32);
  if (b == NULL)
    goto out;
  if (strchr(a, '=') == NULL)
    goto out;
  b[0] = '\0';
  rc = 0;
out:
  free(b);
  free(a);
  return rc; /* { dg-bogus "leak of" } */
}

/* A goto that jumps past the cleanup of the first allocation.  */
int test_5(const char *s)
{
  int rc = -1;
  char *a = strdup(s); /* { dg-message "allocated here" } */
  if (a == NULL)
    goto fail;
  if (strchr(a, '=') == NULL)
    goto fail;
  free(a);
  rc = 0;
fail:
  return rc; /* { dg-warning "leak of 'a'" } */
}

/* An error flag tested before the free; freed either way: silent.  */
int test_6(const char *s)
{
  char *a = strdup(s);
  if (a == NULL)
    return -1;
  int err = strchr(a, '=') == NULL;
  if (err) {
    fputs("bad input\n", stderr);
    free(a);
    return -1; /* { dg-bogus "leak of" } */
  }
  free(a);
  return 0; /* { dg-bogus "leak of" } */
}
