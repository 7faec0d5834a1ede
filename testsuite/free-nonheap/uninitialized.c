/* free-nonheap: a pointer variable freed on a path where nothing was assigned
   to it (its SSA default definition reaches the free, directly or through a
   PHI): its value is no allocation's (MEM34-C).  Initialised, assigned on every
   path, a parameter or a static: silent.  */
/* { dg-do compile } */

#include <stdlib.h>

void
never_assigned (void)
{
  char *p;
  free (p); /* { dg-warning "'free' of 'p', which is uninitialized on this path" } */
}

void
assigned_on_one_branch (int c)
{
  char *p;
  if (c)
    p = malloc (1);
  free (p); /* { dg-warning "'free' of 'p', which is uninitialized on this path \(MEM34-C\) \[memrules-free-nonheap\]" } */
}

void
initialised_to_null (int c)
{
  char *p = NULL;
  if (c)
    p = malloc (1);
  free (p); /* { dg-bogus "uninitialized" } */
}

void
assigned_on_every_path (int c)
{
  char *p;
  if (c)
    p = malloc (1);
  else
    p = malloc (2);
  free (p); /* { dg-bogus "uninitialized" } */
}

/* The second test repeats the first: the path that skipped the assignment
   skips the free.  */
void
same_condition (int c)
{
  char *p;
  if (c)
    p = malloc (1);
  if (c)
    free (p); /* { dg-bogus "uninitialized" } */
}

/* The same through a flag set with the assignment.  */
void
flag_set_with_it (int c)
{
  int have = 0;
  char *p;
  if (c)
    {
      p = malloc (1);
      have = 1;
    }
  if (have)
    free (p); /* { dg-bogus "uninitialized" } */
}

/* And through a field loaded twice.  */
struct req { int kind; };

void
field_tested_twice (struct req *r)
{
  char *p;
  if (r->kind)
    p = malloc (1);
  if (r->kind)
    free (p); /* { dg-bogus "uninitialized" } */
}

/* A label every allocation failure jumps to frees what the first failure
   never assigned.  */
int
cleanup_label (void)
{
  char *a, *b;
  a = malloc (8);
  if (!a)
    goto fail;
  b = malloc (8);
  if (!b)
    goto fail;
  free (b);
  free (a);
  return 0;
fail:
  free (b); /* { dg-warning "'free' of 'b', which is uninitialized on this path" } */
  free (a);
  return -1;
}

void
parameter (char *p)
{
  free (p); /* { dg-bogus "uninitialized" } */
}

void
static_pointer (void)
{
  static char *p;
  free (p); /* { dg-bogus "uninitialized" } */
  p = NULL;
}
