/* leak, use-after-free: the member of a union selected by a tag field.  A constant
   stored into the tag (`u->kind = K_STR`) is remembered, so a later test of the
   tag knows which member was written (MEM31-C, CWE-401; MEM30-C, CWE-416).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_INT, K_STR, K_LIST };
struct list { struct list *next; };
struct val
{
  enum kind kind;
  union { long i; char *str; struct list *l; } v;
};

/* The tag says the string member holds the block: it is freed.  */
void set_and_clear (const char *s)
{
  struct val u;
  u.kind = K_STR;
  u.v.str = strdup (s);
  if (u.kind == K_STR)
    free (u.v.str);
  else if (u.kind == K_LIST)
    free (u.v.l);
}

/* Each branch writes its own member with its own tag; the string is freed under
   its tag, the integer needs nothing.  */
long either (int c, const char *s)
{
  struct val u;
  if (c)
    {
      u.kind = K_STR;
      u.v.str = strdup (s);
    }
  else
    {
      u.kind = K_INT;
      u.v.i = 7;
    }
  long r = u.kind == K_INT ? u.v.i : 0;
  if (u.kind == K_STR)
    free (u.v.str);
  return r;
}

/* The same in the heap, with the tag reset once the member is freed: the second
   test cannot select the freed string.  */
void heap_value (const char *s)
{
  struct val *v = malloc (sizeof *v);
  if (!v)
    return;
  v->kind = K_STR;
  v->v.str = strdup (s);
  if (v->kind == K_STR)
    {
      free (v->v.str);
      v->kind = K_INT;
      v->v.i = 0;
    }
  if (v->kind == K_STR)
    puts (v->v.str);
  free (v);
}

/* Buggy: the tag is changed before the string is freed, so nothing frees it.  */
void retagged (const char *s)
{
  struct val u;
  u.kind = K_STR;
  u.v.str = strdup (s);
  u.kind = K_INT;
  if (u.kind == K_STR)
    free (u.v.str);
} /* { dg-warning "leak of 'u.v.str'" } */

/* Buggy: freed under the tag, which still says string: the read is a use after
   free.  */
void not_reset (const char *s)
{
  struct val *v = malloc (sizeof *v);
  if (!v)
    return;
  v->kind = K_STR;
  v->v.str = strdup (s);
  if (v->kind == K_STR)
    free (v->v.str); /* { dg-message "freed here" } */
  if (v->kind == K_STR)
    puts (v->v.str); /* { dg-warning "use after 'free' of 'v->v.str'" } */
  free (v);
}
