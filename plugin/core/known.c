/* known.c — the known.def and inputs.def tables and printf format scanning.  */

#include "known.h"

#include <stdlib.h>
#include <string.h>

/* The family is filled in from the FAMILY column on first use (family_named).  */
static mr_known table[] = {
#define MR_FN(NAME, KIND, FAMILY, ARG, DEREF, WRITE, FLAGS) \
  { NAME, MR_KNOWN_##KIND, MR_FAM_NONE, ARG, DEREF, WRITE, FLAGS },
#include "known.def"
#undef MR_FN
};

static const char *const family_column[] = {
#define MR_FN(NAME, KIND, FAMILY, ARG, DEREF, WRITE, FLAGS) FAMILY,
#include "known.def"
#undef MR_FN
};

#define NKNOWN (sizeof table / sizeof table[0])

/* The table sorted by name, built on first use: lookups happen for every call
   statement of every function compiled, so they are binary searches.  */
static const mr_known *sorted[NKNOWN];

/* The C library's families by the name of their deallocator (knowledge.h).  */
static mr_family
family_named (const char *name)
{
  if (!name)
    return MR_FAM_NONE;
  if (strcmp (name, "free") == 0)
    return MR_FAM_MALLOC;
  if (strcmp (name, "alloca") == 0)
    return MR_FAM_ALLOCA;
  abort ();			/* known.def names no other family */
}

static int
by_name (const void *a, const void *b)
{
  return strcmp ((*(const mr_known *const *) a)->name, (*(const mr_known *const *) b)->name);
}

const mr_known *
mr_known_lookup (const char *name)
{
  if (!name)
    return NULL;
  if (!sorted[0])
    {
      for (size_t i = 0; i < NKNOWN; i++)
	{
	  table[i].family = family_named (family_column[i]);
	  sorted[i] = &table[i];
	}
      qsort (sorted, NKNOWN, sizeof sorted[0], by_name);
    }
  mr_known key = { .name = name };
  const mr_known *kp = &key;
  const mr_known *const *hit = bsearch (&kp, sorted, NKNOWN, sizeof sorted[0], by_name);
  return hit ? *hit : NULL;
}

static const mr_input inputs[] = {
#define MR_INPUT(NAME, HOW, ARG) { NAME, MR_INPUT_##HOW, ARG },
#include "inputs.def"
#undef MR_INPUT
};

/* A linear search: asked only for the calls a size is computed from.  */
const mr_input *
mr_input_lookup (const char *name)
{
  if (!name)
    return NULL;
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
    if (strcmp (inputs[i].name, name) == 0)
      return &inputs[i];
  return NULL;
}

uint32_t
mr_printf_deref_mask (const char *fmt, uint32_t first_arg)
{
  uint32_t mask = 0, arg = first_arg;
  for (const char *p = fmt; p && *p; p++)
    {
      if (*p != '%')
	continue;
      p++;
      if (*p == '%')
	continue;
      /* Flags, width, precision, length: a '*' consumes an argument; '$' (numbered
	 arguments) is not followed.  */
      while (*p && strchr ("-+ #0'123456789.*hlLqjztI", *p))
	{
	  if (*p == '*')
	    arg++;
	  if (p[0] >= '1' && p[0] <= '9' && strchr (p, '$')
	      && strspn (p, "0123456789") == (size_t) (strchr (p, '$') - p))
	    return mask;
	  p++;
	}
      if (!*p)
	break;
      if (*p == 's' && arg < 32)
	mask |= 1u << arg;
      arg++;
    }
  return mask;
}
