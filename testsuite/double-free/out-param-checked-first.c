/* double-free: a helper of the file that first checks its out-parameter and its
   input together (`if (out == NULL || v == NULL) return -1;`), then sets *out to
   NULL and fills it in one of many switch cases, returning -1 only where *out is
   still NULL.  The two early -1 paths meet before the return with the parameter
   NULL on one and not on the other, so the state there has lost what the
   parameter points to; the parameter is still its own object or NULL, and on the
   object's side nothing was written: *out is what the caller had.  So a caller
   that frees it on -1 and again at its common exit frees nothing twice; one that
   frees it on success and again at the exit does (CWE-415).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item
{
  int kind;
  const char *text;
  long num;
};

char *append (char *a, const char *b);

static int
spell_item (const struct item *it, char **out)
{
  if (out == NULL || it == NULL)
    return -1;
  *out = NULL;
  switch (it->kind)
    {
    case 0:
    case 1:
      if (it->text == NULL)
	return -1;
      *out = strdup (it->text);
      break;
    case 2:
      *out = malloc (24);
      if (*out == NULL)
	return -1;
      snprintf (*out, 24, "%ld", it->num);
      break;
    case 3:
      {
	char buf[32];
	snprintf (buf, sizeof buf, "#%ld", it->num);
	*out = strdup (buf);
      }
      break;
    case 4:
      *out = strdup ("{");
      *out = append (*out, it->text);
      break;
    case 5:
      *out = strdup (it->num ? "true" : "false");
      break;
    case 6:
      {
	char *b = malloc (8);
	if (b == NULL)
	  return -1;
	snprintf (b, 8, "-%02ld", it->num % 100);
	*out = b;
      }
      break;
    case 7:
      if (it->text == NULL)
	return -1;
      *out = append (strdup ("<"), it->text);
      break;
    default:
      *out = strdup ("?");
      return 1;
    }
  if (*out == NULL)
    return -1;
  return 0;
}

int
keep_spelled_item (const struct item *it, char **res)
{
  char *v = NULL;
  if (spell_item (it, &v) == -1)
    {
      if (v != NULL)
	free (v);
      goto err;
    }
  *res = v;
  return 0;
err:
  if (v != NULL)
    free (v); /* { dg-bogus "double" } */
  return -1;
}

int
free_spelled_item_twice (const struct item *it, size_t *len)
{
  char *v = NULL;
  if (spell_item (it, &v) == -1)
    goto err;
  *len = v ? strlen (v) : 0;
  free (v);
  if (*len > 100)
    goto err;
  return 0;
err:
  if (v != NULL)
    free (v); /* { dg-warning "double-'free' of 'v'" } */
  return -1;
}

/* The same with the checks in an if-chain and an allocation of the helper's own:
   -1 leaves NULL, 0 a fresh copy.  */
static int
copy_name (const char *name, int upper, char **out)
{
  if (out == NULL || name == NULL)
    return -1;
  *out = NULL;
  if (upper)
    *out = strdup ("NAME");
  else
    *out = strdup (name);
  if (*out == NULL)
    return -1;
  return 0;
}

int
use_name (const char *name, int upper)
{
  char *s = NULL;
  int r = copy_name (name, upper, &s);
  if (r == -1)
    free (s); /* { dg-bogus "double" } */
  free (s); /* { dg-bogus "double" } */
  return r;
}

int
use_name_freed (const char *name, int upper)
{
  char *s = NULL;
  if (copy_name (name, upper, &s) != 0)
    return -1;
  free (s);
  free (s); /* { dg-warning "double-'free' of 's'" } */
  return 0;
}
