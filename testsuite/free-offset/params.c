/* free-offset in the function that frees its own parameter past its start
   (CWE-761): the value a parameter has at entry is the start of what the caller
   passed, so freeing it moved forward (by a constant, or by a walk on the paths
   where the walk advanced) is undefined whatever the caller passed, and is
   reported here, with no caller in sight.  A pointer freed before it (`free (p -
   HDR)`, an allocator's header), a parameter re-based on a loaded or another
   value, a walk on a copy, an index instead of a moved pointer stay silent.  */
/* { dg-do compile } */
/* { dg-options "-Wno-free-nonheap-object" } */

#include <stdlib.h>

#define HDR 16

struct node {
  struct node *next;
  char *text;
};

struct pair {
  char *first;
  char *second;
};

void release(char *p);

/* A constant step.  */
void drop_two(char *data)
{
  data += 2;
  free(data); /* { dg-warning "'free' of 'data' which points past the start of what the caller passed" } */
  /* { dg-message "it points 2 bytes past the start" "" { target *-*-* } .-1 } */
}

/* A search loop that stops at a mark or at the end.  */
void drop_after_mark(char *data, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      if (*data == 'S')
	break;
      data++;
    }
  free(data); /* { dg-warning "'free' of 'data' which points past the start of what the caller passed" } */
}

/* A walk over blanks.  */
void drop_blanks(char *s)
{
  while (*s == ' ')
    s++;
  free(s); /* { dg-warning "'free' of 's' which points past the start of what the caller passed" } */
}

/* A header before the pointer: the caller's convention, silent here.  */
void drop_with_header(char *user)
{
  free(user - HDR); /* { dg-bogus "points past the start" } */
}

/* The last node of a list: re-based on loaded pointers, silent.  */
void drop_last(struct node *n)
{
  while (n->next)
    n = n->next;
  free(n); /* { dg-bogus "points past the start" } */
}

/* A copy walks, the parameter is freed as given: silent.  */
size_t drop_counted(char *s)
{
  size_t len = 0;
  for (char *q = s; *q; q++)
    len++;
  free(s); /* { dg-bogus "points past the start" } */
  return len;
}

/* ... while freeing the copy that walked is the bug.  */
size_t drop_walked_copy(char *s)
{
  char *q = s;
  while (*q)
    q++;
  size_t len = (size_t) (q - s);
  free(q); /* { dg-warning "'free' of 'q' which points past the start of what the caller passed" } */
  return len;
}

/* An index moves nothing: silent.  */
void drop_indexed(char *s)
{
  size_t i = 0;
  while (s[i] == ' ')
    i++;
  s[i] = '\0';
  free(s); /* { dg-bogus "points past the start" } */
}

/* Moved, then re-assigned from another value: silent.  */
void drop_other(char *p, struct node *n)
{
  p++;
  *p = '\0';
  p = n->text;
  free(p); /* { dg-bogus "points past the start" } */
}

/* Moved back where it was: silent.  */
void drop_back(char *p)
{
  p += 3;
  *p = '\0';
  p -= 3;
  free(p); /* { dg-bogus "points past the start" } */
}

/* On the path that returns before moving, the parameter is the start: only the
   free after the move is reported.  */
void drop_unless_empty(char *p)
{
  if (*p == '\0')
    {
      free(p); /* { dg-bogus "points past the start" } */
      return;
    }
  p++;
  free(p); /* { dg-warning "'free' of 'p' which points past the start" } */
}

/* A callee frees what it is given: given the parameter moved, it frees past
   its start (reported at the call, where the function hands it on).  */
void release(char *p)
{
  free(p);
}

void release_tail(char *s)
{
  release(s + 1); /* { dg-warning "'free' of 's' which points past the start of what the caller passed" } */
  /* { dg-message "freed here, in 'release'" "" { target *-*-* } .-1 } */
}

/* The same callee given the pointer as it came: silent.  */
void release_whole(char *s)
{
  release(s); /* { dg-bogus "points past the start" } */
}

/* realloc of the moved parameter.  */
char *grow_tail(char *p)
{
  p++;
  return realloc(p, 32); /* { dg-warning "'realloc' of 'p' which points past the start of what the caller passed" } */
}

/* A field's address inside the object the parameter points to.  */
void drop_second(struct pair *pr)
{
  free(&pr->second); /* { dg-warning "'free' of '&pr->second' which points past the start" } */
}

/* The field's value is a pointer loaded anew: silent.  */
void drop_second_value(struct pair *pr)
{
  free(pr->second); /* { dg-bogus "points past the start" } */
}
