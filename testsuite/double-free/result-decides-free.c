/* double-free: a helper that frees a field of the object it is given on its error
   path, returns -1 there and leaves the field dangling, while its success path
   leaves a live block there; the caller's cleanup on the error path frees the field
   again (the shape of many real double frees: a parser's error path and the
   caller's cleanup both own the buffer).  Which one the slot holds depends on the
   result: the summary says "freed where the result is -1" (an out-store's freed
   range, docs/rules.md, double-free), and the caller's branch on the result
   decides it.  The success path's cleanup and a helper that clears the field
   after freeing it stay silent.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct ctx { char *buf; int n; };
int rejected (const char *);

static int parse (struct ctx *c, const char *s)
{
  c->buf = malloc (strlen (s) + 1);
  if (!c->buf)
    return -1;
  strcpy (c->buf, s);
  if (rejected (c->buf))
    {
      free (c->buf);
      return -1;
    }
  return 0;
}

static int parse_clearing (struct ctx *c, const char *s)
{
  c->buf = malloc (strlen (s) + 1);
  if (!c->buf)
    return -1;
  strcpy (c->buf, s);
  if (rejected (c->buf))
    {
      free (c->buf);
      c->buf = NULL;
      return -1;
    }
  return 0;
}

static void cleanup (struct ctx *c)
{
  free (c->buf);
}

int run (const char *s)
{
  struct ctx c;
  if (parse (&c, s) < 0) /* { dg-message "first 'free' here, in 'parse'" } */
    {
      cleanup (&c); /* { dg-warning "double-'free' of 'c.buf'" } */
      return -1;
    }
  cleanup (&c); /* { dg-bogus "double" } */
  return 0;
}

/* Silent: the helper clears what it freed.  */
int run_clearing (const char *s)
{
  struct ctx c;
  if (parse_clearing (&c, s) < 0)
    {
      cleanup (&c);
      return -1;
    }
  cleanup (&c);
  return 0;
}
