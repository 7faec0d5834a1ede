/* double-free through recursive helpers (MEM31-C, CWE-415).  Functions in a cycle
   of calls are analysed again once the whole cycle has summaries, and reported
   then: a recursive list destructor still counts as freeing its argument.  */
/* { dg-do compile } */

#include <stdlib.h>

struct node {
  struct node *next;
  char *data;
};

static void list_free(struct node *n)
{
  if (!n)
    return;
  list_free(n->next);
  free(n->data);
  free(n); /* { dg-message "'list_free' frees it here" } */
}

/* The recursive destructor frees the head: freeing it again is double.  */
void test_1(struct node *n)
{
  list_free(n);
  free(n); /* { dg-warning "double-'free' of 'n'" } */
}

/* A bug inside a recursive function is reported once, after the cycle.  */
void test_2(int depth)
{
  char *p = malloc(3);
  if (depth)
    test_2(depth - 1);
  free(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

static void odd_free(char *p, int k);

static void even_free(char *p, int k)
{
  if (k == 0) {
    free(p);
    return;
  }
  odd_free(p, k - 1);
}

static void odd_free(char *p, int k)
{
  if (k == 0) {
    free(p);
    return;
  }
  even_free(p, k - 1);
}

/* Mutual recursion that frees on every path: the cycle's fixpoint starts from
   "frees every parameter" and keeps it, since every path frees.  */
void test_3(void)
{
  char *p = malloc(3);
  even_free(p, 4);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A recursive walk that only reads: the caller's memory is still the caller's.  */
static int depth_of(const struct node *n)
{
  return n ? 1 + depth_of(n->next) : 0;
}

void test_4(struct node *n)
{
  int d = depth_of(n);
  (void) d;
  free(n); /* { dg-bogus "double-'free'" } */
}

/* Mutual recursion that frees only on some paths: the fixpoint takes the
   optimistic start away again.  */
static void skip_b(char *p, int k);

static void skip_a(char *p, int k)
{
  if (k > 10)
    return;
  skip_b(p, k + 1);
}

static void skip_b(char *p, int k)
{
  if (k == 3) {
    free(p);
    return;
  }
  skip_a(p, k + 1);
}

void test_5(void)
{
  char *p = malloc(3);
  skip_a(p, 0);
  free(p); /* { dg-bogus "double-'free'" } */
}
