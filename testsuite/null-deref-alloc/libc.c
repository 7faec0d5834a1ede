/* null-deref-alloc: an unchecked allocation passed to a C library function
   that reads or writes through it (memcpy, memset, strcpy, strlen, ...)
   (MEM32-C, CWE-690).  The wording is the same as for a dereference.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* memcpy into an unchecked malloc.  */
char *test_1(const char *s, size_t n)
{
  if (n == 0 || n > 4096)
    return NULL;
  char *p = malloc(n); /* { dg-message "allocated here" } */
  memcpy(p, s, n); /* { dg-warning "dereference of possibly-NULL 'p'" } */
  return p;
}

/* memset of an unchecked malloc.  */
void test_2(void)
{
  char *p = malloc(32);
  memset(p, 0, 32); /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
}

/* strcpy into an unchecked malloc.  */
char *test_3(void)
{
  char *p = malloc(8);
  strcpy(p, "hello"); /* { dg-warning "dereference of possibly-NULL 'p'" } */
  return p;
}

/* strlen of an unchecked strdup.  */
size_t test_4(const char *s)
{
  char *p = strdup(s);
  size_t n = strlen(p); /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
  return n;
}

/* printf %s of an unchecked strdup.  */
void test_5(const char *s)
{
  char *p = strdup(s);
  printf("%s\n", p); /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
}

/* The same calls after a check: silent.  */
size_t test_6(const char *s)
{
  char *p = malloc(32);
  if (p == NULL)
    return 0;
  memset(p, 0, 32); /* { dg-bogus "possibly-NULL" } */
  strcpy(p, "abc"); /* { dg-bogus "possibly-NULL" } */
  size_t n = strlen(p); /* { dg-bogus "possibly-NULL" } */
  char *d = strdup(s);
  if (d != NULL) {
    printf("%s %s\n", p, d); /* { dg-bogus "possibly-NULL" } */
    free(d);
  }
  free(p);
  return n;
}

/* %p prints the address, reads nothing through it: silent.  */
void test_7(void)
{
  char *p = malloc(16);
  printf("%p\n", (void *)p); /* { dg-bogus "possibly-NULL" } */
  free(p);
}
