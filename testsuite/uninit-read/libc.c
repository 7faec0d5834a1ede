/* uninit-read: malloc'd memory passed before any write to a C library
   function that reads it -- strlen, printf %s, memcpy's source, strcmp
   (MEM33-C, CWE-908).  Functions that write it first (strcpy, memcpy's
   destination, fgets, snprintf) initialise it.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* strlen of a fresh malloc.  */
size_t test_1(void)
{
  char *p = malloc(32); /* { dg-message "allocated here" } */
  if (p == NULL)
    return 0;
  size_t n = strlen(p); /* { dg-warning "read of uninitialized memory" } */
  free(p);
  return n;
}

/* printf %s of a fresh malloc.  */
void test_2(void)
{
  char *p = malloc(32);
  if (p == NULL)
    return;
  printf("%s\n", p); /* { dg-warning "read of uninitialized memory" } */
  free(p);
}

/* memcpy from a fresh malloc.  */
void test_3(char *dst)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  memcpy(dst, p, 16); /* { dg-warning "read of uninitialized memory" } */
  free(p);
}

/* strcmp against a fresh malloc.  */
int test_4(const char *s)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  int r = strcmp(s, p); /* { dg-warning "read of uninitialized memory" } */
  free(p);
  return r;
}

/* strcat appends to whatever string is there: it reads the destination.  */
void test_5(const char *s)
{
  char *p = malloc(64);
  if (p == NULL)
    return;
  strcat(p, s); /* { dg-warning "read of uninitialized memory" } */
  free(p);
}

/* strcpy into it, then strlen: silent.  */
size_t test_6(void)
{
  char *p = malloc(32);
  if (p == NULL)
    return 0;
  strcpy(p, "hello");
  size_t n = strlen(p); /* { dg-bogus "uninitialized" } */
  free(p);
  return n;
}

/* memcpy into it, then read: silent.  */
int test_7(const int *src)
{
  int *p = malloc(4 * sizeof(int));
  if (p == NULL)
    return -1;
  memcpy(p, src, 4 * sizeof(int));
  int v = p[3]; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* fgets into it, then printed: silent.  */
void test_8(FILE *f)
{
  char *line = malloc(128);
  if (line == NULL)
    return;
  if (fgets(line, 128, f) != NULL)
    fputs(line, stdout); /* { dg-bogus "uninitialized" } */
  free(line);
}

/* snprintf into it, then printed: silent.  */
void test_9(int v)
{
  char *p = malloc(32);
  if (p == NULL)
    return;
  snprintf(p, 32, "%d", v);
  puts(p); /* { dg-bogus "uninitialized" } */
  free(p);
}

/* strcat after the first byte is set: silent.  */
void test_10(const char *s)
{
  char *p = malloc(64);
  if (p == NULL)
    return;
  p[0] = '\0';
  strncat(p, s, 63); /* { dg-bogus "uninitialized" } */
  free(p);
}

/* %p reads no memory: silent.  */
void test_11(void)
{
  char *p = malloc(32);
  if (p == NULL)
    return;
  printf("%p\n", (void *)p); /* { dg-bogus "uninitialized" } */
  free(p);
}

/* fread into it, then read: silent.  */
int test_12(FILE *f)
{
  unsigned char *p = malloc(64);
  if (p == NULL)
    return -1;
  size_t n = fread(p, 1, 64, f);
  int r = n > 0 ? p[0] : -1; /* { dg-bogus "uninitialized" } */
  free(p);
  return r;
}

/* A header field and a flexible array member written, then read: silent.  */
struct msg {
  size_t len;
  char data[];
};
int test_13(const char *s, size_t n)
{
  if (n == 0 || n > 100)
    return -1;
  struct msg *m = malloc(sizeof *m + n);
  if (m == NULL)
    return -1;
  m->len = n;
  memcpy(m->data, s, n);
  int c = m->data[0]; /* { dg-bogus "uninitialized" } */
  free(m);
  return c;
}

/* strtol stores the end of the number through endptr (issue 14): the slot it is
   given counts as written.  Regression for a false alarm on `**endp`.  */
long test_14(const char *s)
{
  char **endp = malloc(sizeof *endp);
  if (endp == NULL)
    return -1;
  long v = strtol(s, endp, 10);
  if (**endp != '\0') /* { dg-bogus "uninitialized" } */
    v = -1;
  free(endp);
  return v;
}

/* The same for strtod, through a pointer into a struct.  */
struct num {
  double v;
  char *end;
};
double test_15(const char *s)
{
  struct num *n = malloc(sizeof *n);
  if (n == NULL)
    return 0;
  double d = strtod(s, &n->end);
  if (*n->end != '\0') /* { dg-bogus "uninitialized" } */
    d = 0;
  free(n);
  return d;
}

/* strtol writes only through endptr: the memory it reads must be written.  */
long test_16(void)
{
  char *buf = malloc(16);
  if (buf == NULL)
    return -1;
  long v = strtol(buf, NULL, 10); /* { dg-warning "read of uninitialized memory 'buf'" } */
  free(buf);
  return v;
}
