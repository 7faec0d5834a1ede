/* Seed 003, MEM30-C "Do not access freed memory", compliant solution from
   Kernighan and Ritchie: p->next is stored in q before freeing p.  */
/* { dg-do compile } */

#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

void free_list(struct node *head) {
  struct node *q;
  for (struct node *p = head; p != NULL; p = q) { /* { dg-bogus "use after" } */
    q = p->next; /* { dg-bogus "use after" } */
    free(p); /* { dg-bogus "double-'free'" } */
  }
}
