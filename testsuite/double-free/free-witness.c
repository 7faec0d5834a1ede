/* double-free: a free behind two conditions (`r != 0 || res == NULL`), then
   exits on each condition, then a second free.  The two ways into the first free
   meet and the join forgets what each knew of r and res; but a path on which the
   first free freed the buffer passed one of them, and after `r != 0` and
   `res == NULL` have both failed, neither is left: the second free frees nothing
   twice.  The same in a retry loop that allocates again on each round (the
   buffer freed in an earlier round is another one), with res a local whose
   address the call writes through (read again after the loop: the variable still
   holds what the condition read).  Where a way to the first free stays open, or
   the variable was written after it, the second free is a double free
   (CWE-415).  */
/* { dg-do compile } */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern int lookup (char *buf, size_t size, int **res);
extern int *other (void);

int
lookup_once (void)
{
  int *res;
  char *buf = malloc (64);
  if (buf == NULL)
    return -1;
  int r = lookup (buf, 64, &res);
  if (r != 0 || res == NULL)
    free (buf);
  if (r != 0)
    return r;
  if (res == NULL)
    return -2;
  int v = *res;
  free (buf); /* { dg-bogus "double" } */
  return v;
}

int
lookup_retrying (char **name)
{
  int *res;
  char *buf;
  size_t size;
  int r;

  for (size = 64;; size *= 2)
    {
      buf = malloc (size);
      if (buf == NULL)
	return -1;
      do
	r = lookup (buf, size, &res);
      while (r == EINTR);
      if (r != 0 || res == NULL)
	free (buf);
      if (r != ERANGE)
	break;
    }
  if (r != 0)
    return r;
  if (res == NULL)
    return -2;
  *name = strdup (buf);
  free (buf); /* { dg-bogus "double" } */
  return 0;
}

/* Only r is checked again: res may have been NULL, and the buffer freed.  */
int
lookup_half_checked (void)
{
  int *res;
  char *buf = malloc (64);
  if (buf == NULL)
    return -1;
  int r = lookup (buf, 64, &res);
  if (r != 0 || res == NULL)
    free (buf);
  if (r != 0)
    return r;
  free (buf); /* { dg-warning "double-'free' of 'buf'" } */
  return 0;
}

/* res is written after the free: the later test reads another value.  */
int
lookup_then_replace (void)
{
  int *res;
  char *buf = malloc (64);
  if (buf == NULL)
    return -1;
  int r = lookup (buf, 64, &res);
  if (r != 0 || res == NULL)
    free (buf);
  res = other ();
  if (r != 0)
    return r;
  if (res == NULL)
    return -2;
  free (buf); /* { dg-warning "double-'free' of 'buf'" } */
  return 0;
}

/* The loop checks only r after it: a round that ended with res NULL freed the
   buffer and left the loop.  */
int
lookup_retrying_half (char **name)
{
  int *res;
  char *buf;
  size_t size;
  int r;

  for (size = 64;; size *= 2)
    {
      buf = malloc (size);
      if (buf == NULL)
	return -1;
      r = lookup (buf, size, &res);
      if (r != 0 || res == NULL)
	free (buf);
      if (r != ERANGE)
	break;
    }
  if (r != 0)
    return r;
  *name = strdup (buf); /* { dg-warning "use after 'free'" } */
  free (buf); /* { dg-warning "double-'free' of 'buf'" } */
  return 0;
}

/* Two frees of the buffer reach the later tests: a path that freed it at the
   second one passed other conditions, and may still reach the last free.  */
int
lookup_two_frees (int retry)
{
  int *res;
  char *buf = malloc (64);
  if (buf == NULL)
    return -1;
  int r = lookup (buf, 64, &res);
  if (r != 0 || res == NULL)
    free (buf);
  else if (retry)
    free (buf);
  if (r != 0)
    return r;
  if (res == NULL)
    return -2;
  free (buf); /* { dg-warning "double-'free' of 'buf'" } */
  return 0;
}
