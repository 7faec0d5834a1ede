/* list.h — the make project's shared declarations.  */
#include <stdlib.h>
#include <string.h>

struct node
{
  struct node *next;
  char *name;
};

struct node *list_push (struct node *head, const char *name);
void list_free (struct node *head);
char *buffer_grow (char *buf, size_t n);
char *strings_join (const char *a, const char *b);
