/* Allocation-heavy code: realloc chains, pointer-to-pointer, linked lists, arrays
   of pointers, ownership moves, strdup family; compiled also with sanitizers.
   flags: -fsanitize=address,undefined  */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

struct list
{
  struct list *next;
  char *payload;
};

struct list *
push (struct list *head, const char *s)
{
  struct list *n = malloc (sizeof *n);
  if (!n)
    return head;
  n->payload = strdup (s);
  n->next = head;
  return n;
}

void
list_free (struct list *l)
{
  while (l)
    {
      struct list *next = l->next;
      free (l->payload);
      free (l);
      l = next;
    }
}

char **
split (const char *s, int *count)
{
  char **v = NULL;
  int n = 0;
  const char *start = s;
  for (const char *p = s;; p++)
    if (*p == ',' || *p == 0)
      {
        char **nv = realloc (v, (n + 1) * sizeof *v);
        if (!nv)
          {
            for (int i = 0; i < n; i++)
              free (v[i]);
            free (v);
            return NULL;
          }
        v = nv;
        v[n++] = strndup (start, p - start);
        if (!*p)
          break;
        start = p + 1;
      }
  *count = n;
  return v;
}

void
move_owner (char **dst, char **src)
{
  free (*dst);
  *dst = *src;
  *src = NULL;
}

int
realloc_chain (int n)
{
  char *p = NULL;
  for (int i = 1; i <= n; i++)
    {
      char *q = realloc (p, i * 16);
      if (!q)
        break;
      p = q;
      p[i] = 0;
    }
  p = realloc (p, 0);
  free (p);
  free (NULL);
  char *z = calloc (0, 1);
  free (z);
  char *s = strdup ("abc"), *t = strndup ("abcdef", 3);
  move_owner (&s, &t);
  free (s);
  free (t);
  return n;
}
