/* infer.c — naming conventions of allocators and deallocators (infer.h).  */

#include "infer.h"

#include <ctype.h>
#include <string.h>

const char *const mr_dealloc_suffixes[] = {
  "_free", "_destroy", "_unref", "_release", "_close", NULL
};
const char *const mr_alloc_suffixes[] = {
  "_new", "_alloc", "_create", "_dup", "_open", NULL
};
static const char *const reference_suffixes[] = {
  "_ref", "_retain", "_addref", "_incref", "_acquire", "_hold", NULL
};

bool
mr_infer_mode_parse (const char *s, mr_infer_mode *out)
{
  if (!s)
    return false;
  if (strcmp (s, "none") == 0)
    *out = MR_INFER_NONE;
  else if (strcmp (s, "bodies") == 0)
    *out = MR_INFER_BODIES;
  else if (strcmp (s, "names") == 0)
    *out = MR_INFER_NAMES;
  else
    return false;
  return true;
}

/* If name ends in one of suffixes after a non-empty prefix, the prefix length.  */
static bool
ends_with_one (const char *name, const char *const *suffixes, size_t *prefix_len)
{
  size_t n = strlen (name);
  for (const char *const *s = suffixes; *s; s++)
    {
      size_t k = strlen (*s);
      if (n > k && strcmp (name + n - k, *s) == 0 && name[n - k - 1] != '_')
	{
	  *prefix_len = n - k;
	  return true;
	}
    }
  return false;
}

mr_name_role
mr_infer_function_name (const char *name, size_t *prefix_len)
{
  size_t p;
  if (!name)
    return MR_ROLE_NONE;
  if (ends_with_one (name, mr_dealloc_suffixes, &p))
    {
      *prefix_len = p;
      return MR_ROLE_DEALLOC;
    }
  if (ends_with_one (name, mr_alloc_suffixes, &p))
    {
      *prefix_len = p;
      return MR_ROLE_ALLOC;
    }
  return MR_ROLE_NONE;
}

bool
mr_infer_takes_reference (const char *name, size_t *prefix_len)
{
  return name && ends_with_one (name, reference_suffixes, prefix_len);
}

/* Does lowercase s[0..n) end with w?  */
static bool
lower_ends_with (const char *s, size_t n, const char *w)
{
  size_t k = strlen (w);
  if (n < k)
    return false;
  for (size_t i = 0; i < k; i++)
    if (tolower ((unsigned char) s[n - k + i]) != w[i])
      return false;
  return true;
}

mr_ptr_role
mr_infer_pointer_name (const char *name, size_t *word, size_t *len)
{
  if (!name)
    return MR_PTR_NONE;
  size_t n = strlen (name);
  /* One trailing affix that says "a function": free_fn, freefunc, malloc_cb.  */
  static const char *const affixes[] = {
    "_function", "_func", "_fcn", "_fn", "_cb", "_hook", "_ptr", "func", "fn", NULL
  };
  for (const char *const *a = affixes; *a; a++)
    if (n > strlen (*a) && lower_ends_with (name, n, *a))
      {
	n -= strlen (*a);
	break;
      }
  /* Longest words first: realloc before alloc, dealloc before alloc.  */
  static const struct { const char *w; mr_ptr_role role; } words[] = {
    { "dealloc", MR_PTR_FREE }, { "realloc", MR_PTR_REALLOC },
    { "calloc", MR_PTR_CALLOC }, { "malloc", MR_PTR_MALLOC },
    { "strdup", MR_PTR_STRDUP }, { "alloc", MR_PTR_MALLOC }, { "free", MR_PTR_FREE }
  };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (lower_ends_with (name, n, words[i].w))
      {
	*len = strlen (words[i].w);
	*word = n - *len;
	return words[i].role;
      }
  return MR_PTR_NONE;
}
