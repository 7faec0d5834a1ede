/* use-after-free: freeing linked structures, where the next link is read from
   the node being freed (MEM30-C, CWE-416; K&R 7.8.5).  */
/* { dg-do compile } */

#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

struct dnode {
  struct dnode *prev, *next;
};

struct tree {
  struct tree *left, *right;
};

/* K&R's incorrect version: p->next is read after free(p).  */
void test_1(struct node *head)
{
  struct node *p;
  for (p = head; p != NULL; p = p->next) /* { dg-warning "use after 'free' of 'p'" } */
    free(p); /* { dg-message "freed here" } */
}

/* K&R's correct version.  */
void test_2(struct node *head)
{
  struct node *p, *q;
  for (p = head; p != NULL; p = q) {
    q = p->next; /* { dg-bogus "use after" } */
    free(p);
  }
}

/* The same bug written as a while loop.  */
void test_3(struct node *p)
{
  while (p) {
    free(p);
    p = p->next; /* { dg-warning "use after 'free' of 'p'" } */
  }
}

/* The while loop done right.  */
void test_4(struct node *p)
{
  while (p) {
    struct node *next = p->next;
    free(p);
    p = next; /* { dg-bogus "use after" } */
  }
}

/* Unlinking from a doubly linked list after the free.  */
void test_5(struct dnode *n)
{
  free(n); /* { dg-message "freed here" } */
  n->prev->next = n->next; /* { dg-warning "use after 'free' of 'n'" } */
}

/* Unlinking first, then freeing.  */
void test_6(struct dnode *n)
{
  if (n->prev)
    n->prev->next = n->next;
  if (n->next)
    n->next->prev = n->prev;
  free(n); /* { dg-bogus "use after" } */
}

/* Freeing only the first node, then walking the rest.  */
int test_7(struct node *head)
{
  int sum = 0;
  struct node *rest = head->next;
  free(head);
  for (struct node *p = rest; p; p = p->next)
    sum += p->value; /* { dg-bogus "use after" } */
  return sum;
}

/* A tree node freed before its children are read.  */
void test_8(struct tree *t)
{
  struct tree *l = t->left;
  free(t);
  free(l);
  free(t->right); /* { dg-warning "use after 'free' of 't'" } */
}
