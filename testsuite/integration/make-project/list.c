/* list.c — make project: a use after free in the classic list loop.  */
#include "list.h"

struct node *
list_push (struct node *head, const char *name)
{
  struct node *n = malloc (sizeof *n);
  if (!n)
    return head;
  n->name = NULL;
  n->next = head;
  (void) name;
  return n;
}

void
list_free (struct node *head)
{
  for (struct node *p = head; p; p = p->next) /* { dg-warning "use after 'free' of 'p'" } */
    free (p); /* { dg-message "freed here" } */
}
