/* Flexible array members, zero-length arrays, struct hack, offsetof arithmetic.  */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct str
{
  size_t len;
  char data[];
};

struct old
{
  int n;
  char *items[0];
};

struct outer
{
  int tag;
  struct str *s;
};

struct str *
str_new (const char *s)
{
  size_t n = strlen (s);
  struct str *r = malloc (offsetof (struct str, data) + n + 1);
  if (!r)
    return NULL;
  r->len = n;
  memcpy (r->data, s, n + 1);
  return r;
}

struct old *
old_new (int n)
{
  struct old *o = malloc (sizeof *o + n * sizeof (char *));
  if (!o)
    return NULL;
  o->n = n;
  for (int i = 0; i < n; i++)
    o->items[i] = malloc (i + 1);
  return o;
}

void
old_free (struct old *o)
{
  for (int i = 0; i < o->n; i++)
    free (o->items[i]);
  free (o);
}

/* container_of: from a member pointer back to the allocation.  */
#define container_of(ptr, type, member) \
  ((type *) ((char *) (ptr) - offsetof (type, member)))

void
free_from_member (size_t *lenp)
{
  struct str *s = container_of (lenp, struct str, len);
  free (s);
}

int
grow (struct str **sp, const char *more)
{
  size_t m = strlen (more);
  struct str *n = realloc (*sp, sizeof **sp + (*sp)->len + m + 1);
  if (!n)
    return -1;
  memcpy (n->data + n->len, more, m + 1);
  n->len += m;
  *sp = n;
  return 0;
}
