/* main.c — make project: uses the others; one double free.  */
#include <stdio.h>
#include "list.h"

int
main (int argc, char **argv)
{
  struct node *l = NULL;
  for (int i = 1; i < argc; i++)
    l = list_push (l, argv[i]);
  char *s = strings_join ("a", "b");
  if (s)
    {
      puts (s);
      free (s); /* { dg-message "first 'free' here" } */
      if (argc > 3)
	free (s); /* { dg-warning "double-'free' of 's'" } */
    }
  list_free (l);
  return 0;
}
