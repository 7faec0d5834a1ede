/* infer.c — naming conventions of allocators and deallocators (infer.h).  */

#include "infer.h"
#include "util.h"
#include "words.h"

#include <ctype.h>
#include <string.h>

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

/* If name ends in one of the suffixes of a list (words.def) after a non-empty
   prefix, the prefix length.  */
static bool
ends_with_one (const char *name, mr_word_list suffixes, size_t *prefix_len)
{
  size_t n = strlen (name);
  unsigned nw;
  const mr_word *w = mr_words (suffixes, &nw);
  for (unsigned i = 0; i < nw; i++)
    {
      const char *s = w[i].word;
      size_t k = strlen (s);
      if (n > k && strcmp (name + n - k, s) == 0 && name[n - k - 1] != '_')
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
  if (ends_with_one (name, MR_WL_DEALLOC_SUFFIX, &p))
    {
      *prefix_len = p;
      return MR_ROLE_DEALLOC;
    }
  if (ends_with_one (name, MR_WL_ALLOC_SUFFIX, &p))
    {
      *prefix_len = p;
      return MR_ROLE_ALLOC;
    }
  return MR_ROLE_NONE;
}

bool
mr_infer_takes_reference (const char *name, size_t *prefix_len)
{
  return name && ends_with_one (name, MR_WL_REFERENCE_SUFFIX, prefix_len);
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
  unsigned na;
  const mr_word *affixes = mr_words (MR_WL_POINTER_AFFIX, &na);
  for (unsigned i = 0; i < na; i++)
    if (n > strlen (affixes[i].word) && lower_ends_with (name, n, affixes[i].word))
      {
	n -= strlen (affixes[i].word);
	break;
      }
  /* Longest words first (words.def): realloc before alloc, dealloc before alloc.  */
  unsigned nw;
  const mr_word *words = mr_words (MR_WL_POINTER_WORD, &nw);
  for (unsigned i = 0; i < nw; i++)
    if (lower_ends_with (name, n, words[i].word))
      {
	*len = strlen (words[i].word);
	*word = n - *len;
	return (mr_ptr_role) words[i].role;
      }
  return MR_PTR_NONE;
}

char *
mr_infer_paired_free_name (const char *name, size_t word, size_t len)
{
  bool upper = isupper ((unsigned char) name[word]);
  bool all_upper = upper && isupper ((unsigned char) name[word + 1]);
  const char *repl = all_upper ? "FREE" : upper ? "Free" : "free";
  size_t rest = strlen (name + word + len);
  char *s = mr_xmalloc (word + 4 + rest + 1);
  memcpy (s, name, word);
  memcpy (s + word, repl, 4);
  memcpy (s + word + 4, name + word + len, rest + 1);
  return s;
}

bool
mr_name_is_secret (const char *id)
{
  char name[128];
  size_t n = 0;
  for (const char *p = id; *p && n + 1 < sizeof name; p++)
    name[n++] = (char) tolower ((unsigned char) *p);
  name[n] = '\0';
  unsigned nw;
  const mr_word *parts = mr_words (MR_WL_SECRET_PART, &nw);
  for (unsigned i = 0; i < nw; i++)
    if (strstr (name, parts[i].word))
      return true;
  const mr_word *ends = mr_words (MR_WL_SECRET_SUFFIX, &nw);
  for (unsigned i = 0; i < nw; i++)
    {
      size_t k = strlen (ends[i].word);
      if (n >= k && strcmp (name + n - k, ends[i].word) == 0)
	return true;
    }
  return false;
}
