/* leak: a pointer lent to a function without a body through a `const T *`
   parameter stays the caller's (the callee reads it and keeps no copy, GCC's
   analyzer's convention too), so losing it afterwards is a leak (MEM31-C).  A
   non-const parameter, or a call also handed a function to call back (a
   destructor), may take it over: silent.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern void show (const char *line);
extern void keep (char *line);
extern void keep_with (const char *data, void (*destroy) (void *));
extern void show_list (const char *const *lines, int n);
struct node { char *text; };
extern void show_node (const struct node *n);

void test_lent_then_lost (const char *s)
{
  char *copy = strdup (s); /* { dg-message "allocated here" } */
  show (copy);
} /* { dg-warning "leak of 'copy'" } */

/* Silent: freed after the call.  */
void test_lent_then_freed (const char *s)
{
  char *copy = strdup (s);
  show (copy);
  free (copy);
}

/* Silent: a non-const parameter may keep it.  */
void test_handed (const char *s)
{
  char *copy = strdup (s);
  keep (copy);
}

/* Silent: handed with its destructor.  */
void test_handed_with_destructor (const char *s)
{
  char *copy = strdup (s);
  keep_with (copy, free);
}

/* Silent: what a lent object points to may be kept (the node's text).  */
void test_contents_may_be_kept (const char *s)
{
  struct node n;
  n.text = strdup (s);
  show_node (&n);
}

/* The lent node itself was allocated and is lost.  */
void test_lent_node_lost (void)
{
  struct node *n = malloc (sizeof *n); /* { dg-message "allocated here" } */
  if (!n)
    return;
  n->text = NULL;
  show_node (n);
} /* { dg-warning "leak of 'n'" } */

/* A use after free through a const parameter is still a use.  */
void test_lent_after_free (const char *s)
{
  char *copy = strdup (s);
  free (copy); /* { dg-message "freed here|'free' here" } */
  show (copy); /* { dg-warning "use after 'free' of 'copy'" } */
}
