/* use-after-free: two pointers tested for equality twice, neither changed in
   between (issue 14, item 4).  The path that freed p under `p == x` cannot take a
   later `p != x`, in any spelling; a later `p == x`, or a test of another pair,
   is not decided and still warns.  An early exit on a pair (`if (p == x && n
   == 0) return;`) rules out the paths that learn both later.  */
/* { dg-do compile } */

#include <stdlib.h>

struct node {
  int v;
  struct node *next;
};

/* Freed when equal, used when not: never the same path.  */
void test_1(struct node *p, struct node *x)
{
  if (p == x)
    free(p);
  if (p != x)
    p->v = 1; /* { dg-bogus "use after" } */
}

/* The same with the operands swapped and the test negated.  */
void test_2(struct node *p, struct node *x)
{
  if (x == p)
    free(p);
  if (!(p == x))
    p->v = 1; /* { dg-bogus "use after" } */
}

/* Freed when not equal, used when equal.  */
void test_3(struct node *p, struct node *x)
{
  if (p != x)
    free(p);
  else
    x->v = 0;
  if (p == x)
    p->v = 1; /* { dg-bogus "use after" } */
}

/* The test's result kept in a variable.  */
void test_4(struct node *p, struct node *x)
{
  int same = p == x;
  if (same)
    free(p);
  if (p != x)
    p->v = 1; /* { dg-bogus "use after" } */
}

/* Buggy: the second test is the first one again.  */
void test_5(struct node *p, struct node *x)
{
  if (p == x)
    free(p); /* { dg-message "freed here" } */
  if (p == x)
    p->v = 1; /* { dg-warning "use after 'free' of 'p'" } */
}

/* Buggy: the second test is of another pair, which the first does not decide.  */
void test_6(struct node *p, struct node *x, struct node *y)
{
  if (p == x)
    free(p); /* { dg-message "freed here" } */
  if (p != y)
    p->v = 1; /* { dg-warning "use after 'free' of 'p'" } */
}

/* Buggy: p changed between the tests, so the first says nothing of the second.  */
void test_7(struct node *p, struct node *x, struct node *y)
{
  struct node *q = p;
  if (p == x)
    free(q); /* { dg-message "freed here" } */
  p = y;
  if (p != x)
    q->v = 1; /* { dg-warning "use after 'free' of 'q'" } */
}

/* Buggy: the use is under no test; the field read again still holds the freed
   pointer.  */
void test_8(struct node *head, struct node *x)
{
  struct node *p = head->next;
  if (p == x)
    free(p); /* { dg-message "freed here" } */
  p = head->next;
  p->v = 1; /* { dg-warning "use after 'free' of 'p'" } */
}

/* An early exit on a pair and a value: once the path has learnt n == 0, the
   pair is known unequal (guards.c asks ptr-eq.c), so `p == x` after it cannot
   be taken.  */
char test_guarded(char *p, char *x, int n)
{
  if (p == x && n == 0)
    return 0;
  if (n == 0)
    free(p);
  if (p == x)
    return p[0]; /* { dg-bogus "use after" } */
  return 1;
}

/* The exit rules out nothing for `p != x`: the path that freed p uses it.  */
char test_guarded_buggy(char *p, char *x, int n)
{
  if (p == x && n == 0)
    return 0;
  if (n == 0)
    free(p); /* { dg-message "freed here" } */
  if (p != x)
    return p[0]; /* { dg-warning "use after 'free' of 'p'" } */
  return 1;
}

/* The same exit written as one test GCC may evaluate without short circuit. */
struct pair {
  struct node *a, *b;
};

int test_guarded_fields(struct pair *q, struct node *p, int n)
{
  if (q->a == p || n == 0)
    return 0;
  free(p); /* { dg-message "freed here" } */
  if (q->a != p)
    return p->v; /* { dg-warning "use after 'free' of 'p'" } */
  return 1;
}
