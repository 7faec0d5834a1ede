/* double-free: stores through one pointer that may change what another holds
   (issue 14).  A store through an element's back-pointer may write any list head
   or link, so it is taken to change every pointer the function read through
   another unknown pointer; what is provably apart keeps its value: another field
   of the same object, an allocation or a local the function made, a store of an
   integer.  A pointer to a local array's element at a variable index may write
   any element; a structure stored whole (copied, returned by value) replaces
   every field (MEM31-C, CWE-415).  */
/* { dg-do compile } */

#include <stdlib.h>

struct link {
  struct link *next, **prev;
};

struct pair {
  char *a, *b;
  size_t len;
};

/* Two distinct fields of one object: storing into b does not change a.  */
void test_1(struct pair *p, char *x)
{
  free(p->a); /* { dg-message "first 'free' here" } */
  p->b = x;
  free(p->a); /* { dg-warning "double-'free'" } */
}

/* An integer stored through another pointer does not change a pointer.  */
void test_2(struct pair *p, struct pair *q)
{
  free(p->a); /* { dg-message "first 'free' here" } */
  q->len = 0;
  free(p->a); /* { dg-warning "double-'free'" } */
}

/* A pointer stored through another parameter may have replaced p->a (q may be
   p): silent.  */
void test_3(struct pair *p, struct pair *q, char *x)
{
  free(p->a);
  q->a = x;
  free(p->a); /* { dg-bogus "double-'free'" } */
}

/* A local structure whose address is never taken: a store through an unknown
   pointer cannot reach it.  */
void test_4(struct link *l)
{
  struct pair local;
  local.a = malloc(16);
  local.b = NULL;
  free(local.a); /* { dg-message "first 'free' here" } */
  *l->prev = l->next;
  free(local.a); /* { dg-warning "double-'free'" } */
}

/* A fresh allocation: no pointer the function was given reaches it.  */
void test_5(struct link *l)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return;
  p->a = malloc(16);
  free(p->a); /* { dg-message "first 'free' here" } */
  *l->prev = l->next;
  l->next = NULL;
  free(p->a); /* { dg-warning "double-'free'" } */
  free(p);
}

/* The same element unlinked through its back-pointer and freed twice.  */
void test_6(struct link *l)
{
  *l->prev = l->next;
  free(l); /* { dg-message "first 'free' here" } */
  free(l); /* { dg-warning "double-'free' of 'l'" } */
}

/* A pointer to an element of a local array at a variable index: a store
   through it may replace any element.  */
void test_7(int i, char *x)
{
  char *arr[4] = { 0 };
  char **slot = &arr[i];
  arr[1] = malloc(16);
  free(arr[1]);
  *slot = x;
  free(arr[1]); /* { dg-bogus "double-'free'" } */
}

/* The same element freed twice, with a store through another parameter in
   between: the local array is out of its reach.  */
void test_8(struct link *l)
{
  char *arr[4] = { 0 };
  arr[1] = malloc(16);
  free(arr[1]); /* { dg-message "first 'free' here" } */
  *l->prev = NULL;
  free(arr[1]); /* { dg-warning "double-'free'" } */
}

struct pair make_pair(void);

/* A structure returned by value into the caller's object replaces its
   pointers.  */
void test_9(struct pair *p)
{
  free(p->a);
  *p = make_pair();
  free(p->a); /* { dg-bogus "double-'free'" } */
}

/* A structure copied over another: every field is replaced, not only the
   first.  */
void test_10(struct pair *p, struct pair *q)
{
  free(p->b);
  *p = *q;
  free(p->b); /* { dg-bogus "double-'free'" } */
}

/* A structure stored through another parameter, which may point to p.  */
void test_11(struct pair *p, struct pair *q)
{
  free(p->a);
  q[1] = make_pair();
  free(p->a); /* { dg-bogus "double-'free'" } */
}

/* ... but not into a local structure: p keeps its field.  */
void test_12(struct pair *p)
{
  struct pair local;
  free(p->a); /* { dg-message "first 'free' here" } */
  local = make_pair();
  free(local.b);
  free(p->a); /* { dg-warning "double-'free'" } */
}

struct inner {
  int n;
  char *buf;
};

struct outer {
  struct inner *in;
  struct outer *next;
};

/* A pointer stored into o's next while o->in->buf is known: in C's effective
   types an inner's buf cannot be an outer's next, but the engine has no types, and
   o->in, a pointer loaded from memory, might point into o itself.  */
void test_13(struct outer *o)
{
  free(o->in->buf); /* { dg-message "first 'free' here" "" { xfail *-*-* } } */
  o->next = NULL;
  free(o->in->buf); /* { dg-warning "double-'free'" "TODO: tell struct members of different types apart" { xfail *-*-* } } */
}
