/* Seed 003, MEM30-C "Do not access freed memory", noncompliant code example
   from Kernighan and Ritchie: p is freed before p->next is executed, so
   p->next reads memory that has already been freed.  */
/* { dg-do compile } */

#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

void free_list(struct node *head) {
  for (struct node *p = head; p != NULL; p = p->next) { /* { dg-warning "use after 'free' of 'p'" } */
    free(p); /* { dg-message "freed here" } */
  }
}
