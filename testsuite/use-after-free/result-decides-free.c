/* use-after-free: a helper frees a field of its argument on its error path and
   leaves it dangling (the result says so: -1 there, 0 with it live); the caller
   reads it on that path, to print it.  The success side's read, and a helper
   that clears the field after freeing it, stay silent.  */
/* { dg-do compile } */

#include <stdio.h>
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

int test_1 (const char *s)
{
  struct ctx c;
  if (parse (&c, s) < 0) /* { dg-message "freed here, in 'parse'" } */
    {
      puts (c.buf); /* { dg-warning "use after 'free' of 'c.buf'" } */
      return -1;
    }
  puts (c.buf); /* { dg-bogus "use after" } */
  free (c.buf);
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

int test_2 (const char *s)
{
  struct ctx c;
  if (parse_clearing (&c, s) < 0)
    {
      if (c.buf)
	puts (c.buf); /* { dg-bogus "use after" } */
      return -1;
    }
  puts (c.buf);
  free (c.buf);
  return 0;
}
