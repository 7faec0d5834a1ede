/* leak: the line buffer getline and getdelim leave in the caller's pointer is the
   caller's after every call, grown from what it held or made from NULL (MEM31-C,
   CWE-401); reading into a freed buffer is a double free (CWE-415).  */
/* { dg-do compile } */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

struct reader {
  char *buf;
  size_t cap;
};

int test_1(FILE *f)
{
  char *line = NULL;
  size_t cap = 0;
  int n = 0;
  while (getline(&line, &cap, f) != -1)
    n++;
  return n; /* { dg-warning "leak of 'line'" } */
}

int test_2(FILE *f)
{
  char *line = NULL;
  size_t cap = 0;
  int n = 0;
  while (getline(&line, &cap, f) != -1)
    n++;
  free(line);
  return n; /* { dg-bogus "leak" } */
}

/* Failed: the buffer may still have been made, and is freed.  */
int test_3(FILE *f)
{
  char *line = NULL;
  size_t cap = 0;
  if (getdelim(&line, &cap, ';', f) < 0) {
    free(line);
    return -1; /* { dg-bogus "leak" } */
  }
  int c = line[0]; /* { dg-bogus "uninit" } */
  free(line);
  return c;
}

/* Freed, then handed back to getline, which reallocates it.  */
void test_4(FILE *f)
{
  char *line = NULL;
  size_t cap = 0;
  getline(&line, &cap, f);
  free(line); /* { dg-message "first 'free' here" } */
  getline(&line, &cap, f); /* { dg-warning "already freed 'line'" } */
  free(line);
}

/* Into a structure the caller gave: the caller's.  */
int test_5(struct reader *r, FILE *f)
{
  return getline(&r->buf, &r->cap, f); /* { dg-bogus "leak" } */
}
