/* Kernighan and Ritchie's incorrect list free (CERT MEM30-C): p->next is read after
   p was freed.  free_list_ok is their correct version and stays silent.  */
#include <stdlib.h>

struct node { int value; struct node *next; };

void free_list_bad (struct node *head)
{
  for (struct node *p = head; p != NULL; p = p->next)
    free (p);
}

void free_list_ok (struct node *head)
{
  struct node *q;
  for (struct node *p = head; p != NULL; p = q)
    {
      q = p->next;
      free (p);
    }
}
