/* leak: the allocation is handed on, so losing the local pointer is not a
   leak (MEM31-C, CWE-401): stored into a global, a static (the seed's
   MEM31-C-EX1 exception), memory reachable from a parameter, passed to a
   function that may keep it, returned through an out parameter.  All silent.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct buf {
  char *data;
  size_t len;
};

struct node {
  struct node *next;
  int value;
};

struct tbl {
  void *items[16];
  unsigned long handle;
};

char *g_name;
char *g_table[8];
struct node *g_head;

extern void keep(void *p);
extern void register_buf(struct buf *b);

/* Stored into a global.  */
int test_1(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  g_name = p;
  return 0; /* { dg-bogus "leak of" } */
}

/* Stored into a static local (MEM31-C-EX1).  */
int test_2(void)
{
  static char *cache = NULL;
  if (cache == NULL) {
    cache = malloc(32);
    if (cache == NULL)
      return -1;
  }
  return 0; /* { dg-bogus "leak of" } */
}

/* Stored into a field of a struct the caller passed.  */
int test_3(struct buf *b, size_t n)
{
  if (n == 0 || n > 4096)
    return -1;
  b->data = malloc(n);
  if (b->data == NULL)
    return -1;
  b->len = n;
  return 0; /* { dg-bogus "leak of" } */
}

/* Through an out parameter.  */
int test_4(char **out)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  *out = p;
  return 0; /* { dg-bogus "leak of" } */
}

/* Passed to a function memrules does not know: it may keep it.  */
void test_5(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  keep(p);
} /* { dg-bogus "leak of" } */

/* Pushed on a global list.  */
int test_6(int v)
{
  struct node *n = malloc(sizeof *n);
  if (n == NULL)
    return -1;
  n->value = v;
  n->next = g_head;
  g_head = n;
  return 0; /* { dg-bogus "leak of" } */
}

/* Stored into a global array.  */
int test_7(int i)
{
  if (i < 0 || i >= 8)
    return -1;
  char *p = strdup("x");
  if (p == NULL)
    return -1;
  g_table[i] = p;
  return 0; /* { dg-bogus "leak of" } */
}

/* Stored into a local struct whose address is passed on.  */
void test_8(void)
{
  struct buf b;
  b.data = malloc(16);
  b.len = 16;
  register_buf(&b);
} /* { dg-bogus "leak of" } */

/* Linked into a list the caller owns.  */
int test_9(struct node *head, int v)
{
  struct node *n = malloc(sizeof *n);
  if (n == NULL)
    return -1;
  n->value = v;
  n->next = head->next;
  head->next = n;
  return 0; /* { dg-bogus "leak of" } */
}

/* A store into a local struct that dies with the function is not handing
   the allocation on.  */
int test_10(void)
{
  struct buf b;
  b.data = malloc(16); /* { dg-message "allocated here" } */
  if (b.data == NULL)
    return -1;
  b.len = 16;
  b.data[0] = '\0';
  return 0; /* { dg-warning "leak of '(b\.data|b)'" } */
}

/* Returned inside a struct, by value: the caller owns it.  Silent.  */
struct buf test_11(void)
{
  struct buf b;
  b.data = malloc(16);
  b.len = b.data != NULL ? 16 : 0;
  return b; /* { dg-bogus "leak of" } */
} /* { dg-bogus "leak of" } */

/* Stored at a variable index of an array in the caller's struct.  Silent.  */
int test_12(struct tbl *t, int i)
{
  if (i < 0 || i >= 16)
    return -1;
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  t->items[i] = p;
  return 0; /* { dg-bogus "leak of" } */
}

/* Stored as an integer handle in the caller's struct.  Silent.  */
int test_13(struct tbl *t)
{
  char *p = malloc(16);
  if (p == NULL)
    return -1;
  t->handle = (unsigned long)p;
  return 0; /* { dg-bogus "leak of" } */
}

/* The address of an element at a variable index handed to a function, which
   may free what the array holds (issue 14).  Silent.  */
void keep_slot(char **slot);
void test_14(int i)
{
  char *arr[4] = { 0 };
  arr[0] = malloc(16);
  keep_slot(&arr[i]);
} /* { dg-bogus "leak of" } */
