/* uninit-read: the fields of a fresh block told apart.  A store of known place
   and width into the first 32 bytes writes those bytes only (`pt->x = 1;`), so
   a later read of bytes no store reached reads uninitialised memory.  Anything
   else that writes (memset, a call given the pointer, a store at an unknown
   place such as a loop's element, a whole-struct assignment, a store beyond the
   first 32 bytes) initialises the whole object, and a read that overlaps a
   written byte, of unknown width or by a call is not reported.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct pair {
  int key;
  int value;
};

struct rec {
  char tag[8];
  int count;
  long total;
  char *name;
};

struct wide {
  char head[40];
  int tail;
};

union word {
  int i;
  float f;
};

extern void fill_pair(struct pair *);
extern int cond(void);

/* One field written, the other read.  */
int test_1(void)
{
  struct pair *p = malloc(sizeof *p); /* { dg-message "allocated here" } */
  if (!p)
    return -1;
  p->key = 1;
  int v = p->value; /* { dg-warning "read of uninitialized memory 'p'" } */
  free(p);
  return v;
}

/* The written field read back: silent.  */
int test_2(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  p->key = 1;
  int v = p->key; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* Both fields written: silent.  */
int test_3(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  p->value = 2;
  p->key = 1;
  int v = p->value + p->key; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* The second field written on one path only: the other path reads it
   uninitialised.  */
int test_4(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  p->key = 1;
  if (cond())
    p->value = 2;
  int v = p->value; /* { dg-warning "read of uninitialized memory" } */
  free(p);
  return v;
}

/* Written on both paths, by different stores: silent.  */
int test_5(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  p->key = 1;
  if (cond())
    p->value = 2;
  else
    p->value = 3;
  int v = p->value; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* Fields further in, and one element of an array member.  */
long test_6(void)
{
  struct rec *r = malloc(sizeof *r);
  if (!r)
    return -1;
  r->count = 0;
  r->tag[0] = 'a';
  long t = r->total; /* { dg-warning "read of uninitialized memory" } */
  free(r);
  return t;
}

int test_7(void)
{
  struct rec *r = malloc(sizeof *r);
  if (!r)
    return -1;
  r->tag[0] = 'a';
  int c = r->tag[1]; /* { dg-warning "read of uninitialized memory" } */
  free(r);
  return c;
}

/* memset, a helper given the pointer, a whole-struct assignment: the whole
   object is written.  */
int test_8(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  p->key = 1;
  memset(p, 0, sizeof *p);
  int v = p->value; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

int test_9(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  p->key = 1;
  fill_pair(p);
  int v = p->value; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

int test_10(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  *p = (struct pair){1, 2};
  int v = p->value; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* A loop writing elements (an unknown place): the whole object.  */
int test_11(void)
{
  int *a = malloc(8 * sizeof *a);
  if (!a)
    return -1;
  a[0] = 0;
  for (int i = 1; i < 8; i++)
    a[i] = i;
  int v = a[3]; /* { dg-bogus "uninitialized" } */
  free(a);
  return v;
}

/* One element written, another read.  */
int test_12(void)
{
  int *a = malloc(4 * sizeof *a);
  if (!a)
    return -1;
  a[0] = 1;
  int v = a[1]; /* { dg-warning "read of uninitialized memory" } */
  free(a);
  return v;
}

/* A union: its members share their bytes.  */
float test_13(void)
{
  union word *w = malloc(sizeof *w);
  if (!w)
    return -1;
  w->i = 1;
  float f = w->f; /* { dg-bogus "uninitialized" } */
  free(w);
  return f;
}

/* A copy of the partly written struct, and a call reading the string
   written so far: neither is told apart.  */
int test_14(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  p->key = 1;
  struct pair c = *p; /* { dg-bogus "uninitialized" } */
  free(p);
  return c.key;
}

size_t test_15(void)
{
  char *s = malloc(8);
  if (!s)
    return 0;
  s[0] = 'a';
  s[1] = '\0';
  size_t n = strlen(s); /* { dg-bogus "uninitialized" } */
  free(s);
  return n;
}

/* A store beyond the first 32 bytes initialises the whole object.  */
int test_16(void)
{
  struct wide *w = malloc(sizeof *w);
  if (!w)
    return -1;
  w->tail = 1;
  int c = w->head[0]; /* { dg-bogus "uninitialized" } */
  free(w);
  return c;
}

/* Written through a pointer into the struct (`&p->value`): the same bytes.  */
int test_17(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  int *v = &p->value;
  *v = 2;
  p->key = 1;
  int r = p->value; /* { dg-bogus "uninitialized" } */
  free(p);
  return r;
}

/* calloc: zeroed.  */
int test_18(void)
{
  struct pair *p = calloc(1, sizeof *p);
  if (!p)
    return -1;
  p->key = 1;
  int v = p->value; /* { dg-bogus "uninitialized" } */
  free(p);
  return v;
}

/* A bit-field shares its bytes with its neighbours: not told apart.  */
struct flags {
  unsigned a : 4;
  unsigned b : 4;
};

unsigned test_19(void)
{
  struct flags *f = malloc(sizeof *f);
  if (!f)
    return 0;
  f->a = 1;
  unsigned b = f->b; /* { dg-bogus "uninitialized" } */
  free(f);
  return b;
}
