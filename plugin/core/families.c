/* families.c — the shipped allocator knowledge (libs.def) and families files.  */

#include "families.h"
#include "infer.h"
#include "memir.h"
#include "util.h"
#include "words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const mr_lib builtin[] = {
#define MR_FN(NAME, KIND, FAMILY, ARG, DEREF, WRITE, FLAGS) \
  { NAME, MR_LIB_##KIND, FAMILY, ARG, FLAGS },
#include "libs.def"
#undef MR_FN
};

/* The user's entries, from families files: looked up before the built-in ones.  */
static mr_lib *user;
static unsigned nuser, cap_user;

#define NBUILTIN (sizeof builtin / sizeof builtin[0])

/* libs.def sorted by name on first use: this lookup runs for every call statement
   of every function compiled.  */
static const mr_lib *sorted[NBUILTIN];

static int
by_name (const void *a, const void *b)
{
  return strcmp ((*(const mr_lib *const *) a)->name, (*(const mr_lib *const *) b)->name);
}

const mr_lib *
mr_lib_lookup (const char *name)
{
  if (!name)
    return NULL;
  /* A families file's lines win; the latest line for a name wins.  */
  for (unsigned i = nuser; i-- > 0;)
    if (strcmp (user[i].name, name) == 0)
      return &user[i];
  if (!sorted[0])
    {
      for (size_t i = 0; i < NBUILTIN; i++)
	sorted[i] = &builtin[i];
      qsort (sorted, NBUILTIN, sizeof sorted[0], by_name);
    }
  mr_lib key = { .name = name };
  const mr_lib *kp = &key;
  const mr_lib *const *hit = bsearch (&kp, sorted, NBUILTIN, sizeof sorted[0], by_name);
  return hit ? *hit : NULL;
}

/* The names of the user families, MR_FAM_USER + i (mr_family_by_name).  */
static const char **family_names;
static unsigned nfamily_names, cap_family_names;

unsigned
mr_family_by_name (const char *name)
{
  if (strcmp (name, "free") == 0)
    return MR_FAM_MALLOC;
  for (unsigned i = 0; i < nfamily_names; i++)
    if (strcmp (family_names[i], name) == 0)
      return MR_FAM_USER + i;
  if (nfamily_names >= MR_FAM_UNCERTAIN - 1 - MR_FAM_USER)
    return MR_FAM_NONE;
  size_t n = strlen (name);
  char *copy = mr_xmalloc (n + 1);
  memcpy (copy, name, n + 1);
  MR_VEC_PUSH (family_names, nfamily_names, cap_family_names);
  family_names[nfamily_names - 1] = copy;
  return MR_FAM_USER + nfamily_names - 1;
}

unsigned
mr_uncertain_family_by_name (const char *name)
{
  unsigned f = mr_family_by_name (name);
  return f == MR_FAM_NONE ? f : f | MR_FAM_UNCERTAIN;
}

const char *
mr_user_family_name (unsigned family)
{
  family &= ~MR_FAM_UNCERTAIN;
  unsigned i = family - MR_FAM_USER;
  if (family < MR_FAM_USER || i >= nfamily_names)
    return NULL;
  return family_names[i];
}

bool
mr_resource_deallocator_name_p (const char *name)
{
  unsigned n;
  const mr_word *w = mr_words (MR_WL_RESOURCE_DEALLOCATOR, &n);
  for (unsigned i = 0; i < n; i++)
    if (strcmp (w[i].word, name) == 0)
      return true;
  return false;
}

static char *
copy_word (const char *s, size_t n)
{
  char *w = mr_xmalloc (n + 1);
  memcpy (w, s, n);
  w[n] = '\0';
  return w;
}

/* Splits a line into at most 4 words; returns their number.  */
static unsigned
split (const char *line, size_t len, const char *w[4], size_t wl[4])
{
  unsigned n = 0;
  size_t i = 0;
  while (i < len && n < 5)
    {
      while (i < len && isspace ((unsigned char) line[i]))
	i++;
      if (i >= len || line[i] == '#')
	break;
      size_t start = i;
      while (i < len && !isspace ((unsigned char) line[i]) && line[i] != '#')
	i++;
      if (n == 4)
	return 5;		/* too many */
      w[n] = line + start;
      wl[n] = i - start;
      n++;
    }
  return n;
}

static bool
word_is (const char *w, size_t n, const char *s)
{
  return strlen (s) == n && memcmp (w, s, n) == 0;
}

bool
mr_families_parse (const char *text, unsigned *bad_line, char *err, size_t errlen)
{
  unsigned lineno = 0;
  for (const char *p = text; *p;)
    {
      const char *end = strchr (p, '\n');
      size_t len = end ? (size_t) (end - p) : strlen (p);
      lineno++;
      const char *w[4];
      size_t wl[4];
      unsigned n = split (p, len, w, wl);
      p += len + (end ? 1 : 0);
      if (n == 0)
	continue;
      mr_lib e = { 0 };
      unsigned need = 3;
      /* A '?' suffix: may return NULL; a '!' suffix: never does.  */
      if (word_is (w[0], wl[0], "alloc") || word_is (w[0], wl[0], "alloc!"))
	e.kind = MR_LIB_ALLOC;
      else if (word_is (w[0], wl[0], "alloc?"))
	e.kind = MR_LIB_ALLOC, e.flags = MR_KF_MAY_FAIL;
      else if (word_is (w[0], wl[0], "free"))
	e.kind = MR_LIB_FREE;
      else if (word_is (w[0], wl[0], "realloc"))
	e.kind = MR_LIB_REALLOC, e.flags = MR_KF_MAY_FAIL;
      else if (word_is (w[0], wl[0], "realloc!"))
	e.kind = MR_LIB_REALLOC;
      else if (word_is (w[0], wl[0], "pool"))
	e.kind = MR_LIB_POOL, need = 2;
      else if (word_is (w[0], wl[0], "out"))
	e.kind = MR_LIB_OUT;
      else if (word_is (w[0], wl[0], "noreturn"))
	e.kind = MR_LIB_NORETURN, need = 2;
      else
	{
	  *bad_line = lineno;
	  snprintf (err, errlen, "unknown keyword '%.*s'; expected 'alloc', 'alloc?', "
		    "'alloc!', 'free', 'realloc', 'realloc!', 'pool', 'out' or 'noreturn'",
		    (int) wl[0], w[0]);
	  return false;
	}
      bool has_arg = (e.kind == MR_LIB_FREE || e.kind == MR_LIB_REALLOC
		      || e.kind == MR_LIB_OUT) && n == 4;
      if (n < need || (n > need && !has_arg))
	{
	  *bad_line = lineno;
	  snprintf (err, errlen, "'%.*s' takes %s", (int) wl[0], w[0],
		    need == 2 ? (e.kind == MR_LIB_POOL ? "a function name: pool NAME"
				 : "a function name: noreturn NAME")
		    : e.kind == MR_LIB_ALLOC ? "a function and its family: alloc NAME FAMILY"
		    : "a function, its family and optionally the argument (1-based): "
		      "free NAME FAMILY [ARG]");
	  return false;
	}
      if (has_arg)
	{
	  char *endp;
	  char *num = copy_word (w[3], wl[3]);
	  long a = strtol (num, &endp, 10);
	  bool ok = *endp == '\0' && a >= 1 && a <= 32;
	  free (num);
	  if (!ok)
	    {
	      *bad_line = lineno;
	      snprintf (err, errlen, "the argument number must be 1 to 32, not '%.*s'",
			(int) wl[3], w[3]);
	      return false;
	    }
	  e.arg = (unsigned) a - 1;
	}
      e.name = copy_word (w[1], wl[1]);
      e.family = need == 2 ? e.name : copy_word (w[2], wl[2]);
      MR_VEC_PUSH (user, nuser, cap_user);
      user[nuser - 1] = e;
    }
  return true;
}
