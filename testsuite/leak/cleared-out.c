/* A callee that allocates and frees nothing but stores NULL through a pointer
   parameter (`*pp = 0;`): its summary records the store (an out-store), and as
   it neither reads nor keeps what the caller had there, the caller's block is
   lost at the call (a leak) and a freed pointer there is NULL after it.  */
#include <stdlib.h>
#include <string.h>

static void clear (char **pp)
{
  *pp = 0;
}

int leak_after_clear (size_t n)
{
  char *p = malloc (n);
  if (!p)
    return -1;
  memset (p, 0, n);
  clear (&p); /* { dg-warning "leak" } */
  return 0;
}

void free_clear_free (size_t n)
{
  char *p = malloc (n);
  free (p);
  clear (&p);
  free (p); /* { dg-bogus "double" } free (NULL) */
}

void free_then_free_again (size_t n)
{
  char *p = malloc (n);
  free (p);
  free (p); /* { dg-warning "double" } */
}

void clear_then_checked_free (size_t n)
{
  char *p = malloc (n);
  clear (&p); /* { dg-warning "leak" } */
  if (p)
    free (p);
}

/* The callee hands the old pointer on before clearing it: not lost.  */
void keep_somewhere (char *p);

static void hand_over (char **pp)
{
  keep_somewhere (*pp);
  *pp = 0;
}

void hand_over_then_return (size_t n)
{
  char *p = malloc (n);
  hand_over (&p); /* { dg-bogus "leak" } */
}

/* The callee frees it, then clears: silent, and a later free is free (NULL).  */
static void release (char **pp)
{
  free (*pp);
  *pp = 0;
}

void release_then_free (size_t n)
{
  char *p = malloc (n);
  release (&p);
  free (p); /* { dg-bogus "double|leak" } */
}

/* Through a field of a heap object.  */
struct box
{
  char *data;
  size_t len;
};

static void reset (struct box *b)
{
  b->data = NULL;
  b->len = 0;
}

void reset_loses_data (size_t n)
{
  struct box *b = malloc (sizeof *b);
  if (!b)
    return;
  b->data = malloc (n);
  reset (b);
  free (b);
} /* { dg-warning "leak" } b->data, lost at reset (b) */

void reset_after_free (size_t n)
{
  struct box *b = malloc (sizeof *b);
  if (!b)
    return;
  b->data = malloc (n);
  free (b->data);
  reset (b);
  free (b->data); /* { dg-bogus "double" } */
  free (b);
}
