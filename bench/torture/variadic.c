/* Variadic functions: pointers through va_arg, va_copy, forwarding va_list.  */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
free_all (int n, ...)
{
  va_list ap;
  va_start (ap, n);
  for (int i = 0; i < n; i++)
    free (va_arg (ap, void *));
  va_end (ap);
}

static int
vcount (const char *fmt, va_list ap)
{
  va_list aq;
  va_copy (aq, ap);
  int n = vsnprintf (NULL, 0, fmt, aq);
  va_end (aq);
  return n;
}

char *
format (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  int n = vcount (fmt, ap);
  char *buf = n >= 0 ? malloc (n + 1) : NULL;
  if (buf)
    vsnprintf (buf, n + 1, fmt, ap);
  va_end (ap);
  return buf;
}

int
use_them (int k)
{
  char *a = malloc (4), *b = malloc (8), *c = format ("%d-%s", k, "x");
  free_all (3, a, b, c);
  char *d = format ("%p", (void *) &k);
  int r = d ? (int) strlen (d) : 0;
  free (d);
  return r;
}

/* __builtin_va_arg_pack forwarding (always_inline).  */
extern int logf_impl (int level, const char *fmt, ...);
static inline __attribute__ ((always_inline, gnu_inline)) int
logf_fwd (const char *fmt, ...)
{
  return logf_impl (1, fmt, __builtin_va_arg_pack ());
}

int
forward (char *p)
{
  int r = logf_fwd ("%s %d", p, 3);
  free (p);
  return r;
}
