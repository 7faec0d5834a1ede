/* summary-db.c — the text form of summaries and the table of those read
   (summary-db.h).

   The format is driven by one field table: each mr_summary field is a line of
   summary_fields below (its name in the files, its kind, its default), arrays of
   structures (field_frees, field_stores) a line naming their element table; the
   input facts (mr_input_facts) have a table of their own, written after the
   summary's fields with the prefix "input.".
   Writing, reading and the fingerprint in the header all walk it, so a field added
   to mr_summary is one line here, and files of plugins with other fields are told
   apart by the fingerprint.  */

#include "summary-db.h"
#include "families.h"
#include "infer.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text buffer.  */

static void
text_reserve (mr_text *t, size_t more)
{
  if (t->n + more + 1 <= t->cap)
    return;
  size_t cap = t->cap ? t->cap : 256;
  while (cap < t->n + more + 1)
    cap *= 2;
  t->s = mr_xrealloc (t->s, cap);
  t->cap = cap;
}

static void
text_add (mr_text *t, const char *s, size_t len)
{
  text_reserve (t, len);
  memcpy (t->s + t->n, s, len);
  t->n += len;
  t->s[t->n] = '\0';
}

static void
text_printf (mr_text *t, const char *fmt, ...)
{
  char buf[256];
  va_list ap;
  va_start (ap, fmt);
  int len = vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  if (len > 0)
    text_add (t, buf, (size_t) len < sizeof buf ? (size_t) len : sizeof buf - 1);
}

void
mr_text_free (mr_text *t)
{
  free (t->s);
  *t = (mr_text) { 0 };
}

/* Strings go out with %XX for what would split a token.  */
static bool
needs_escape (unsigned char c)
{
  return c <= ' ' || c == '%' || c == '=' || c >= 0x7f;
}

static void
text_escaped (mr_text *t, const char *s)
{
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    if (needs_escape (*p))
      text_printf (t, "%%%02X", *p);
    else
      text_add (t, (const char *) p, 1);
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Decodes %XX in place; false on a bad escape.  */
static bool
unescape (char *s)
{
  char *out = s;
  for (char *p = s; *p; p++)
    {
      if (*p != '%')
	{
	  *out++ = *p;
	  continue;
	}
      int hi = hex_digit (p[1]), lo = hi < 0 ? -1 : hex_digit (p[2]);
      if (lo < 0)
	return false;
      *out++ = (char) (hi * 16 + lo);
      p += 2;
    }
  *out = '\0';
  return true;
}

/* Families by name.  */

static const char *const builtin_families[] = {
  [MR_FAM_NONE] = "none", [MR_FAM_MALLOC] = "malloc", [MR_FAM_NEW] = "new",
  [MR_FAM_NEW_ARRAY] = "new[]", [MR_FAM_ALLOCA] = "alloca",
  [MR_FAM_CLASS_NEW] = "class-new", [MR_FAM_CLASS_NEW_ARRAY] = "class-new[]",
  [MR_FAM_POOL] = "pool"
};
#define NBUILTIN (sizeof builtin_families / sizeof builtin_families[0])

void
mr_family_to_text (unsigned family, char *buf, size_t len)
{
  const char *uncertain = mr_family_uncertain (family) ? "?" : "";
  unsigned base = family & ~MR_FAM_UNCERTAIN;
  const char *user = mr_user_family_name (family);
  if (user)
    snprintf (buf, len, "%suser:%s", uncertain, user);
  else if (base < NBUILTIN && builtin_families[base])
    snprintf (buf, len, "%s%s", uncertain, builtin_families[base]);
  else
    snprintf (buf, len, "none");
}

unsigned
mr_family_from_text (const char *text)
{
  bool uncertain = text[0] == '?';
  const char *name = text + uncertain;
  unsigned family = MR_FAM_NONE;
  if (strncmp (name, "user:", 5) == 0)
    return uncertain ? mr_uncertain_family_by_name (name + 5) : mr_family_by_name (name + 5);
  for (unsigned i = 0; i < NBUILTIN; i++)
    if (builtin_families[i] && strcmp (builtin_families[i], name) == 0)
      family = i;
  return family != MR_FAM_NONE && uncertain ? family | MR_FAM_UNCERTAIN : family;
}

/* The field table.  */

typedef enum field_kind
{
  FK_BOOL, FK_U8, FK_U16, FK_U32, FK_MASK, FK_I32, FK_I64, FK_FAMILY, FK_LOC,
  FK_STR,			/* a const char *, NULL by default, kept by the table */
  FK_ARRAY			/* of structures: elements, count, sub */
} field_kind;

typedef struct field
{
  const char *name;
  field_kind kind;
  size_t off;
  int64_t def;			/* the default, not written */
  /* FK_ARRAY: */
  const struct field *sub;
  size_t nsub, elem_size, count_off, count_size, max;
} field;

#define FIELD(S, NAME, KIND, DEF) { #NAME, KIND, offsetof (S, NAME), DEF, NULL, 0, 0, 0, 0, 0 }
#define ARRAY(S, NAME, COUNT, SUB)					\
  { #NAME, FK_ARRAY, offsetof (S, NAME), 0, SUB, sizeof SUB / sizeof SUB[0],	\
    sizeof ((S *) 0)->NAME[0], offsetof (S, COUNT), sizeof ((S *) 0)->COUNT,	\
    sizeof ((S *) 0)->NAME / sizeof ((S *) 0)->NAME[0] }

static const field field_free_fields[] = {
  FIELD (mr_field_free, param, FK_U8, 0),
  FIELD (mr_field_free, freed, FK_BOOL, 0),
  FIELD (mr_field_free, family, FK_FAMILY, 0),
  FIELD (mr_field_free, off, FK_I64, 0),
  FIELD (mr_field_free, freed_at, FK_I64, 0),
  FIELD (mr_field_free, loc, FK_LOC, 0),
};

static const field field_store_fields[] = {
  FIELD (mr_field_store, dst_param, FK_U8, 0),
  FIELD (mr_field_store, src_param, FK_U8, 0),
  FIELD (mr_field_store, off, FK_I64, 0),
};

static const field field_deref_fields[] = {
  FIELD (mr_field_deref, param, FK_U8, 0),
  FIELD (mr_field_deref, off, FK_I64, 0),
};

static const field ret_lit_fields[] = {
  FIELD (mr_ret_lit, param, FK_U8, 0),
  FIELD (mr_ret_lit, field, FK_BOOL, 0),
  FIELD (mr_ret_lit, is_unsigned, FK_BOOL, 0),
  FIELD (mr_ret_lit, op, FK_U8, 0),
  FIELD (mr_ret_lit, off, FK_I64, 0),
  FIELD (mr_ret_lit, k, FK_I64, 0),
};

static const field out_store_fields[] = {
  FIELD (mr_out_store, param, FK_U8, 0),
  FIELD (mr_out_store, kind, FK_U8, 0),
  FIELD (mr_out_store, tied, FK_U8, 0),
  FIELD (mr_out_store, family, FK_FAMILY, 0),
  FIELD (mr_out_store, may_null, FK_BOOL, 0),
  FIELD (mr_out_store, unchecked, FK_BOOL, 0),
  FIELD (mr_out_store, always, FK_BOOL, 0),
  FIELD (mr_out_store, null_path, FK_BOOL, 0),
  FIELD (mr_out_store, drops_old, FK_BOOL, 0),
  FIELD (mr_out_store, off, FK_I64, 0),
  FIELD (mr_out_store, made_lo, FK_I64, 0),
  FIELD (mr_out_store, made_hi, FK_I64, 0),
  FIELD (mr_out_store, none_lo, FK_I64, 0),
  FIELD (mr_out_store, none_hi, FK_I64, 0),
  FIELD (mr_out_store, frees_on_result, FK_BOOL, 0),
  FIELD (mr_out_store, freed_lo, FK_I64, 0),
  FIELD (mr_out_store, freed_hi, FK_I64, 0),
  FIELD (mr_out_store, live_lo, FK_I64, 0),
  FIELD (mr_out_store, live_hi, FK_I64, 0),
  FIELD (mr_out_store, loc, FK_LOC, 0),
};

/* One line per mr_summary field (engine.h).  */
static const field summary_fields[] = {
  FIELD (mr_summary, valid, FK_BOOL, 0),
  FIELD (mr_summary, frees_always, FK_MASK, 0),
  FIELD (mr_summary, frees_maybe, FK_MASK, 0),
  FIELD (mr_summary, free_family, FK_FAMILY, 0),
  FIELD (mr_summary, free_loc, FK_LOC, 0),
  FIELD (mr_summary, frees_at_param, FK_U8, 0),
  FIELD (mr_summary, frees_at_off, FK_I64, 0),
  ARRAY (mr_summary, field_frees, nfield_frees, field_free_fields),
  ARRAY (mr_summary, field_stores, nfield_stores, field_store_fields),
  ARRAY (mr_summary, field_derefs, nfield_derefs, field_deref_fields),
  FIELD (mr_summary, derefs, FK_MASK, 0),
  FIELD (mr_summary, derefs_first, FK_MASK, 0),
  FIELD (mr_summary, derefs_if_set, FK_MASK, 0),
  FIELD (mr_summary, derefs_if_clear, FK_MASK, 0),
  FIELD (mr_summary, uses, FK_MASK, 0),
  FIELD (mr_summary, returns_alloc, FK_BOOL, 0),
  FIELD (mr_summary, alloc_family, FK_FAMILY, 0),
  FIELD (mr_summary, may_return_null, FK_BOOL, 0),
  FIELD (mr_summary, reallocs_param, FK_I32, -1),
  FIELD (mr_summary, returns_param, FK_I32, -1),
  FIELD (mr_summary, returns_param_off, FK_I64, 0),
  FIELD (mr_summary, no_clobber, FK_BOOL, 0),
  FIELD (mr_summary, stores_through, FK_MASK, 0),
  FIELD (mr_summary, stores_wild, FK_BOOL, 0),
  FIELD (mr_summary, writes, FK_MASK, 0),
  FIELD (mr_summary, error_channel, FK_BOOL, 0),
  FIELD (mr_summary, error_channel_besides_outs, FK_BOOL, 0),
  ARRAY (mr_summary, ret_truth, nret_truth, ret_lit_fields),
  FIELD (mr_summary, returns_const, FK_BOOL, 0),
  FIELD (mr_summary, ret_const, FK_I64, 0),
  FIELD (mr_summary, returns_scalar, FK_BOOL, 0),
  FIELD (mr_summary, scalar_param, FK_U8, 0),
  ARRAY (mr_summary, out_stores, nout_stores, out_store_fields),
  FIELD (mr_summary, returns_at, FK_U8, 0),
  FIELD (mr_summary, returns_at_pointer, FK_BOOL, 0),
  FIELD (mr_summary, returns_at_off, FK_I64, 0),
  FIELD (mr_summary, calls_param, FK_U8, 0),
  FIELD (mr_summary, calls_param_arg, FK_U8, 0),
  FIELD (mr_summary, calls_param_pos, FK_U8, 0),
  FIELD (mr_summary, pure, FK_BOOL, 0),
  FIELD (mr_summary, returns_freed, FK_U8, 0),
  FIELD (mr_summary, freed_ret_family, FK_FAMILY, 0),
  FIELD (mr_summary, freed_ret_loc, FK_LOC, 0),
  FIELD (mr_summary, freed_ret_off, FK_I64, 0),
  FIELD (mr_summary, freed_ret_param, FK_U8, 0),
  FIELD (mr_summary, freed_ret_on_zero, FK_BOOL, 0),
  FIELD (mr_summary, saw_return, FK_BOOL, 0),
  FIELD (mr_summary, other_return, FK_BOOL, 0),
};
#define NFIELDS(T) (sizeof T / sizeof T[0])

/* One line per mr_input_facts field (summary-db.h).  */
static const field input_fields[] = {
  FIELD (mr_input_facts, returns_input, FK_BOOL, 0),
  FIELD (mr_input_facts, sinks, FK_MASK, 0),
  FIELD (mr_input_facts, writes, FK_MASK, 0),
  FIELD (mr_input_facts, allocator, FK_STR, 0),
};
#define INPUT_PREFIX "input."

bool
mr_input_facts_any (const mr_input_facts *in)
{
  return in && (in->returns_input || in->sinks || in->writes);
}

/* Do two functions' input facts say the same to callers?  */
static bool
input_facts_same (const mr_input_facts *a, const mr_input_facts *b)
{
  if (a->returns_input != b->returns_input || a->sinks != b->sinks
      || a->writes != b->writes)
    return false;
  if (!a->allocator || !b->allocator)
    return a->allocator == b->allocator;
  return strcmp (a->allocator, b->allocator) == 0;
}

static uint64_t
fnv (uint64_t h, const void *data, size_t len)
{
  for (const unsigned char *p = data; len--; p++)
    h = (h ^ *p) * 0x100000001b3ull;
  return h;
}

static uint64_t
fingerprint_of (const field *t, size_t n, uint64_t h)
{
  for (size_t i = 0; i < n; i++)
    {
      h = fnv (h, t[i].name, strlen (t[i].name) + 1);
      h = fnv (h, &t[i].kind, sizeof t[i].kind);
      h = fnv (h, &t[i].def, sizeof t[i].def);
      if (t[i].kind == FK_ARRAY)
	h = fingerprint_of (t[i].sub, t[i].nsub, h);
    }
  return h;
}

const char *
mr_summary_db_header (void)
{
  static char header[64];
  if (!header[0])
    {
      uint64_t h = fingerprint_of (summary_fields, NFIELDS (summary_fields),
				   0xcbf29ce484222325ull);
      h = fingerprint_of (input_fields, NFIELDS (input_fields), h);
      snprintf (header, sizeof header, "memrules-summaries %d %016llx",
		MR_SUMMARY_DB_FORMAT, (unsigned long long) h);
    }
  return header;
}

/* Reading and writing one field's value.  */

static int64_t
get_int (const field *f, const void *base)
{
  const char *p = (const char *) base + f->off;
  switch (f->kind)
    {
    case FK_BOOL: return *(const bool *) p;
    case FK_U8: return *(const uint8_t *) p;
    case FK_U16: case FK_FAMILY: return *(const uint16_t *) p;
    case FK_U32: case FK_MASK: return *(const uint32_t *) p;
    case FK_I32: return *(const int32_t *) p;
    case FK_I64: return *(const int64_t *) p;
    default: return 0;
    }
}

static void
set_int (const field *f, void *base, int64_t v)
{
  char *p = (char *) base + f->off;
  switch (f->kind)
    {
    case FK_BOOL: *(bool *) p = v != 0; break;
    case FK_U8: *(uint8_t *) p = (uint8_t) v; break;
    case FK_U16: case FK_FAMILY: *(uint16_t *) p = (uint16_t) v; break;
    case FK_U32: case FK_MASK: *(uint32_t *) p = (uint32_t) v; break;
    case FK_I32: *(int32_t *) p = (int32_t) v; break;
    case FK_I64: *(int64_t *) p = v; break;
    default: break;
    }
}

/* An array's element count, an unsigned integer of whatever width mr_summary
   gives it.  */
static size_t
get_count (const field *f, const void *base)
{
  const char *p = (const char *) base + f->count_off;
  switch (f->count_size)
    {
    case 1: return *(const uint8_t *) p;
    case 2: return *(const uint16_t *) p;
    case 4: return *(const uint32_t *) p;
    default: return (size_t) *(const uint64_t *) p;
    }
}

static void
set_count (const field *f, void *base, size_t n)
{
  char *p = (char *) base + f->count_off;
  switch (f->count_size)
    {
    case 1: *(uint8_t *) p = (uint8_t) n; break;
    case 2: *(uint16_t *) p = (uint16_t) n; break;
    case 4: *(uint32_t *) p = (uint32_t) n; break;
    default: *(uint64_t *) p = n; break;
    }
}

static void
write_fields (mr_text *out, const field *t, size_t n, const void *base, const char *prefix)
{
  for (size_t i = 0; i < n; i++)
    {
      const field *f = &t[i];
      if (f->kind == FK_ARRAY)
	{
	  size_t count = get_count (f, base);
	  for (size_t k = 0; k < count && k < f->max; k++)
	    {
	      char sub[64];
	      snprintf (sub, sizeof sub, "%s%s.%zu.", prefix, f->name, k);
	      write_fields (out, f->sub, f->nsub,
			    (const char *) base + f->off + k * f->elem_size, sub);
	    }
	  continue;
	}
      if (f->kind == FK_LOC)
	{
	  const mr_loc *l = (const mr_loc *) ((const char *) base + f->off);
	  if (!l->file)
	    continue;
	  text_printf (out, " %s%s=", prefix, f->name);
	  text_escaped (out, l->file);
	  text_printf (out, ":%d:%d", l->line, l->column);
	  continue;
	}
      if (f->kind == FK_STR)
	{
	  const char *str = *(const char *const *) ((const char *) base + f->off);
	  if (!str)
	    continue;
	  text_printf (out, " %s%s=", prefix, f->name);
	  text_escaped (out, str);
	  continue;
	}
      int64_t v = get_int (f, base);
      if (v == f->def)
	continue;
      text_printf (out, " %s%s=", prefix, f->name);
      if (f->kind == FK_FAMILY)
	{
	  char fam[256];
	  mr_family_to_text ((unsigned) v, fam, sizeof fam);
	  text_escaped (out, fam);
	}
      else if (f->kind == FK_MASK)
	text_printf (out, "0x%llx", (unsigned long long) v);
      else
	text_printf (out, "%lld", (long long) v);
    }
}

void
mr_summary_db_write_unit (mr_text *out, const char *source, long long mtime)
{
  text_printf (out, "%s\nunit ", mr_summary_db_header ());
  text_escaped (out, source);
  text_printf (out, " %lld\n", mtime);
}

void
mr_summary_db_write_fn (mr_text *out, const char *name, const mr_summary *sum,
			bool never_returns, const mr_input_facts *input)
{
  bool any_input = mr_input_facts_any (input);
  if (!sum->valid && !never_returns && !any_input)
    return;
  text_add (out, "fn ", 3);
  text_escaped (out, name);
  if (never_returns)
    text_add (out, " never_returns=1", 16);
  write_fields (out, summary_fields, NFIELDS (summary_fields), sum, "");
  if (any_input)
    write_fields (out, input_fields, NFIELDS (input_fields), input, INPUT_PREFIX);
  text_add (out, "\n", 1);
}

void
mr_summary_db_write_uses (mr_text *out, const char *const *names, size_t n)
{
  if (!n)
    return;
  text_add (out, "uses", 4);
  for (size_t i = 0; i < n; i++)
    {
      text_add (out, " ", 1);
      text_escaped (out, names[i]);
    }
  text_add (out, "\n", 1);
}

/* Parsing a token "a.b.c=value" against a table.  */

static bool
parse_loc (char *v, mr_loc *l, char **file_out)
{
  char *c2 = strrchr (v, ':');
  if (!c2)
    return false;
  *c2 = '\0';
  char *c1 = strrchr (v, ':');
  if (!c1)
    return false;
  *c1 = '\0';
  char *end1, *end2;
  long line = strtol (c1 + 1, &end1, 10), col = strtol (c2 + 1, &end2, 10);
  if (*end1 || *end2 || c1 == v || !unescape (v))
    return false;
  *l = (mr_loc) { 0, NULL, (int) line, (int) col };
  *file_out = v;
  return true;
}

/* Sets the field key names under base; false if malformed.  An unknown key is
   malformed too: the fingerprint said the fields are ours.  file_out: a location's
   file or a string field's text, for the caller to keep (and to set the location's
   file pointer, *loc_out, or the string field, *str_out, to).  */
static bool
parse_field (const field *t, size_t n, void *base, char *key, char *v, mr_loc **loc_out,
	     const char ***str_out, char **file_out)
{
  char *dot = strchr (key, '.');
  if (dot)
    *dot = '\0';
  for (size_t i = 0; i < n; i++)
    {
      const field *f = &t[i];
      if (strcmp (f->name, key) != 0)
	continue;
      if (f->kind == FK_ARRAY)
	{
	  if (!dot)
	    return false;
	  char *end;
	  unsigned long k = strtoul (dot + 1, &end, 10);
	  if (*end != '.' || k >= f->max)
	    return false;
	  if (k + 1 > get_count (f, base))
	    set_count (f, base, k + 1);
	  return parse_field (f->sub, f->nsub, (char *) base + f->off + k * f->elem_size,
			      end + 1, v, loc_out, str_out, file_out);
	}
      if (dot)
	return false;
      if (f->kind == FK_LOC)
	{
	  *loc_out = (mr_loc *) ((char *) base + f->off);
	  return parse_loc (v, *loc_out, file_out);
	}
      if (f->kind == FK_STR)
	{
	  if (!unescape (v))
	    return false;
	  *str_out = (const char **) ((char *) base + f->off);
	  *file_out = v;
	  return true;
	}
      if (f->kind == FK_FAMILY)
	{
	  if (!unescape (v))
	    return false;
	  set_int (f, base, mr_family_from_text (v));
	  return true;
	}
      char *end;
      long long x = f->kind == FK_MASK ? (long long) strtoull (v, &end, 0) : strtoll (v, &end, 10);
      if (*end || end == v)
	return false;
      set_int (f, base, x);
      return true;
    }
  return false;
}

static void
set_defaults (const field *t, size_t n, void *base)
{
  for (size_t i = 0; i < n; i++)
    if (t[i].kind != FK_ARRAY && t[i].kind != FK_LOC && t[i].kind != FK_STR)
      set_int (&t[i], base, t[i].def);
}

/* The table: open addressing by name.  */

typedef struct db_slot
{
  mr_db_entry *e;
  char *line;			/* the entry's text, to choose between equal ones */
} db_slot;

struct mr_summary_db
{
  db_slot *slots;
  size_t cap, n;
  char **strings;		/* names and files, owned */
  size_t nstrings, cap_strings;
};

mr_summary_db *
mr_summary_db_new (void)
{
  return mr_xcalloc (1, sizeof (mr_summary_db));
}

void
mr_summary_db_free (mr_summary_db *db)
{
  if (!db)
    return;
  for (size_t i = 0; i < db->cap; i++)
    if (db->slots[i].e)
      {
	free (db->slots[i].e);
	free (db->slots[i].line);
      }
  for (size_t i = 0; i < db->nstrings; i++)
    free (db->strings[i]);
  free (db->strings);
  free (db->slots);
  free (db);
}

static char *
keep_string (mr_summary_db *db, const char *s)
{
  size_t len = strlen (s) + 1;
  char *copy = mr_xmalloc (len);
  memcpy (copy, s, len);
  MR_VEC_PUSH (db->strings, db->nstrings, db->cap_strings);
  db->strings[db->nstrings - 1] = copy;
  return copy;
}

static size_t
name_slot (const mr_summary_db *db, const char *name)
{
  uint64_t h = fnv (0xcbf29ce484222325ull, name, strlen (name));
  size_t i = (size_t) h & (db->cap - 1);
  while (db->slots[i].e && strcmp (db->slots[i].e->name, name) != 0)
    i = (i + 1) & (db->cap - 1);
  return i;
}

static void
grow (mr_summary_db *db)
{
  if (2 * (db->n + 1) <= db->cap)
    return;
  db_slot *old = db->slots;
  size_t old_cap = db->cap;
  db->cap = old_cap ? 2 * old_cap : 64;
  db->slots = mr_xcalloc (db->cap, sizeof *db->slots);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].e)
      db->slots[name_slot (db, old[i].e->name)] = old[i];
  free (old);
}

mr_db_entry *
mr_summary_db_get (mr_summary_db *db, const char *name)
{
  if (!db->cap)
    return NULL;
  mr_db_entry *e = db->slots[name_slot (db, name)].e;
  return e && !e->ambiguous ? e : NULL;
}

size_t
mr_summary_db_count (const mr_summary_db *db)
{
  return db->n;
}

/* Lines of a file's text, in a copy the parser may cut up.  */
static char *
next_line (char **cursor)
{
  char *line = *cursor;
  if (!line || !*line)
    return NULL;
  char *nl = strchr (line, '\n');
  if (nl)
    {
      *nl = '\0';
      *cursor = nl + 1;
    }
  else
    *cursor = line + strlen (line);
  return line;
}

static char *
copy_text (const char *text)
{
  size_t len = strlen (text) + 1;
  char *copy = mr_xmalloc (len);
  memcpy (copy, text, len);
  return copy;
}

mr_db_status
mr_summary_db_parse_unit (const char *text, mr_db_unit *unit, unsigned *bad_line)
{
  char *copy = copy_text (text), *cursor = copy;
  mr_db_status st = MR_DB_OK;
  char *header = next_line (&cursor);
  *bad_line = 1;
  if (!header || strcmp (header, mr_summary_db_header ()) != 0)
    st = strncmp (header ? header : "", "memrules-summaries ", 19) == 0
	 ? MR_DB_OTHER_VERSION : MR_DB_BAD;
  else
    {
      char *line = next_line (&cursor);
      char *sp = line ? strrchr (line, ' ') : NULL;
      *bad_line = 2;
      if (!line || strncmp (line, "unit ", 5) != 0 || !sp || sp < line + 5)
	st = MR_DB_BAD;
      else
	{
	  *sp = '\0';
	  char *end;
	  unit->mtime = strtoll (sp + 1, &end, 10);
	  if (*end || !unescape (line + 5) || strlen (line + 5) >= sizeof unit->source)
	    st = MR_DB_BAD;
	  else
	    strcpy (unit->source, line + 5);
	}
    }
  free (copy);
  return st;
}

/* The next space-separated token of *cursor, cut out in place, or NULL
   (strtok_r is POSIX, not C11).  */
static char *
next_token (char **cursor)
{
  char *p = *cursor;
  while (*p == ' ')
    p++;
  if (!*p)
    return NULL;
  char *end = strchr (p, ' ');
  if (end)
    {
      *end = '\0';
      *cursor = end + 1;
    }
  else
    *cursor = p + strlen (p);
  return p;
}

/* Parses an "fn" line (cut up in place) into e; the strings it names are kept in db.  */
static bool
parse_fn (mr_summary_db *db, char *line, mr_db_entry *e)
{
  *e = (mr_db_entry) { 0 };
  set_defaults (summary_fields, NFIELDS (summary_fields), &e->sum);
  set_defaults (input_fields, NFIELDS (input_fields), &e->input);
  for (uint32_t k = 0; k < MR_SUMMARY_FIELDS; k++)
    {
      set_defaults (field_free_fields, NFIELDS (field_free_fields), &e->sum.field_frees[k]);
      set_defaults (field_store_fields, NFIELDS (field_store_fields), &e->sum.field_stores[k]);
    }
  char *cursor = line + 3;
  char *tok = next_token (&cursor);
  if (!tok || !unescape (tok))
    return false;
  e->name = keep_string (db, tok);
  while ((tok = next_token (&cursor)))
    {
      char *eq = strchr (tok, '=');
      if (!eq)
	return false;
      *eq = '\0';
      if (strcmp (tok, "never_returns") == 0)
	{
	  e->never_returns = strcmp (eq + 1, "1") == 0;
	  continue;
	}
      mr_loc *loc = NULL;
      const char **str = NULL;
      char *file = NULL;
      size_t plen = strlen (INPUT_PREFIX);
      bool ok = strncmp (tok, INPUT_PREFIX, plen) == 0
		? parse_field (input_fields, NFIELDS (input_fields), &e->input, tok + plen,
			       eq + 1, &loc, &str, &file)
		: parse_field (summary_fields, NFIELDS (summary_fields), &e->sum, tok,
			       eq + 1, &loc, &str, &file);
      if (!ok)
	return false;
      if (loc)
	loc->file = keep_string (db, file);
      if (str)
	*str = keep_string (db, file);
    }
  return true;
}

/* Enters e (from the text line) in the table, see mr_summary_db_add.  */
static void
enter (mr_summary_db *db, const mr_db_entry *e, const char *line)
{
  grow (db);
  db_slot *s = &db->slots[name_slot (db, e->name)];
  if (!s->e)
    {
      s->e = mr_xmalloc (sizeof *s->e);
      *s->e = *e;
      s->line = copy_text (line);
      db->n++;
      return;
    }
  if (s->e->ambiguous)
    return;
  if (s->e->never_returns != e->never_returns || !mr_summary_same (&s->e->sum, &e->sum)
      || !input_facts_same (&s->e->input, &e->input))
    {
      s->e->ambiguous = true;
      return;
    }
  /* The same to callers, maybe freeing at other places: the smaller text wins, for
     notes that do not depend on the order files are read in.  */
  if (strcmp (line, s->line) < 0)
    {
      *s->e = *e;
      free (s->line);
      s->line = copy_text (line);
    }
}

mr_db_status
mr_summary_db_add (mr_summary_db *db, const char *text, unsigned *bad_line)
{
  mr_db_unit unit;
  mr_db_status st = mr_summary_db_parse_unit (text, &unit, bad_line);
  if (st != MR_DB_OK)
    return st;
  /* Parse everything first: a bad line leaves the table as it was.  */
  char *copy = copy_text (text), *cursor = copy;
  mr_db_entry *entries = NULL;
  char **lines = NULL;
  size_t n = 0, cap = 0, cap_lines = 0, nlines = 0;
  unsigned lineno = 0;
  char *line;
  while ((line = next_line (&cursor)))
    {
      lineno++;
      if (lineno <= 2 || strncmp (line, "uses ", 5) == 0 || !*line)
	continue;
      char *orig = copy_text (line);
      MR_VEC_PUSH (lines, nlines, cap_lines);
      lines[nlines - 1] = orig;
      MR_VEC_PUSH (entries, n, cap);
      if (strncmp (line, "fn ", 3) != 0 || !parse_fn (db, line, &entries[n - 1]))
	{
	  *bad_line = lineno;
	  st = MR_DB_BAD;
	  break;
	}
    }
  if (st == MR_DB_OK)
    for (size_t i = 0; i < n; i++)
      enter (db, &entries[i], lines[i]);
  for (size_t i = 0; i < nlines; i++)
    free (lines[i]);
  free (lines);
  free (entries);
  free (copy);
  return st;
}
