/* pragma.c — the `#pragma memrules` parser (pragma.h): a small state machine fed
   one token at a time, and a reader of pragma lines in source text for lto1.  */

#include "pragma.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum
{
  WANT_COMMAND,			/* the first token */
  WANT_END,			/* after push or pop */
  WANT_FIRST_RULE,		/* after ignore|warn|error */
  WANT_RULE,			/* after a comma */
  WANT_COMMA,			/* after a rule name: `,` or the end */
  DONE
};

void
mr_pragma_start (mr_pragma *p)
{
  memset (p, 0, sizeof *p);
  p->state = WANT_COMMAND;
}

void
mr_pragma_release (mr_pragma *p)
{
  for (uint32_t i = 0; i < p->nerrors; i++)
    free (p->errors[i].name);
  free (p->errors);
  p->errors = NULL;
  p->nerrors = p->cap_errors = 0;
}

static void
add_error (mr_pragma *p, mr_pragma_problem problem, uint32_t token, const char *name,
	   size_t len)
{
  MR_VEC_PUSH (p->errors, p->nerrors, p->cap_errors);
  mr_pragma_error *e = &p->errors[p->nerrors - 1];
  e->problem = problem;
  e->token = token;
  e->name = NULL;
  if (name)
    {
      e->name = mr_xmalloc (len + 1);
      memcpy (e->name, name, len);
      e->name[len] = '\0';
    }
}

/* Marks in RULES the rules NAME[0..len) stands for (one slug, "all", or a run of
   slugs joined by the front end's string concatenation); false if it is none of
   these.  */
static bool
mark_rules (const char *name, size_t len, bool rules[MR_RULE_COUNT])
{
  if (!len)
    return true;
  if (len >= 3 && strncmp (name, "all", 3) == 0 && mark_rules (name + 3, len - 3, rules))
    {
      for (int r = 0; r < MR_RULE_COUNT; r++)
	rules[r] = true;
      return true;
    }
  for (int r = 0; r < MR_RULE_COUNT; r++)
    {
      size_t n = strlen (mr_rules[r].slug);
      if (n <= len && strncmp (name, mr_rules[r].slug, n) == 0
	  && mark_rules (name + n, len - n, rules))
	{
	  rules[r] = true;
	  return true;
	}
    }
  return false;
}

/* A string of rule names, separated by commas or blanks.  */
static void
take_names (mr_pragma *p, const char *s)
{
  while (*s)
    {
      size_t len = strcspn (s, ", \t");
      if (len)
	{
	  bool these[MR_RULE_COUNT] = { false };
	  if (mark_rules (s, len, these))
	    for (int r = 0; r < MR_RULE_COUNT; r++)
	      p->rules[r] |= these[r];
	  else
	    add_error (p, MR_PRAGMA_UNKNOWN_RULE, p->ntokens - 1, s, len);
	}
      s += len;
      if (*s)
	s++;
    }
}

bool
mr_pragma_feed (mr_pragma *p, mr_pragma_tok kind, const char *text)
{
  uint32_t here = p->ntokens++;
  switch (p->state)
    {
    case WANT_COMMAND:
      p->state = DONE;
      if (kind != MR_PTOK_NAME)
	add_error (p, MR_PRAGMA_NO_COMMAND, here, NULL, 0);
      else if (strcmp (text, "push") == 0 || strcmp (text, "pop") == 0)
	{
	  p->verb = text[1] == 'u' ? MR_PRAGMA_PUSH : MR_PRAGMA_POP;
	  p->state = WANT_END;
	}
      else if (strcmp (text, "ignore") == 0 || strcmp (text, "warn") == 0
	       || strcmp (text, "error") == 0)
	{
	  p->verb = text[0] == 'i' ? MR_PRAGMA_IGNORE
		    : text[0] == 'w' ? MR_PRAGMA_WARN : MR_PRAGMA_ERROR;
	  p->state = WANT_FIRST_RULE;
	}
      else
	add_error (p, MR_PRAGMA_UNKNOWN_COMMAND, here, NULL, 0);
      break;
    case WANT_END:
      if (kind != MR_PTOK_EOF)
	add_error (p, MR_PRAGMA_JUNK, here, NULL, 0);
      p->state = DONE;
      break;
    case WANT_FIRST_RULE:
    case WANT_RULE:
      if (kind == MR_PTOK_EOF && p->state == WANT_FIRST_RULE)
	{
	  add_error (p, MR_PRAGMA_MISSING_RULE, 0, NULL, 0);
	  p->state = DONE;
	}
      else if (kind != MR_PTOK_STRING)
	{
	  add_error (p, MR_PRAGMA_UNQUOTED_RULE, here, NULL, 0);
	  p->state = DONE;
	}
      else
	{
	  take_names (p, text);
	  p->state = WANT_COMMA;
	}
      break;
    case WANT_COMMA:
      if (kind == MR_PTOK_COMMA)
	p->state = WANT_RULE;
      else
	{
	  if (kind != MR_PTOK_EOF)
	    add_error (p, MR_PRAGMA_EXPECTED_COMMA, here, NULL, 0);
	  p->state = DONE;
	}
      break;
    default:
      break;
    }
  return p->state != DONE;
}

/* Reading source text (lto1 has no front end): the tokens of a line, as the
   preprocessor would make them of a pragma's arguments.  */

typedef struct reader
{
  const char *p;
  const char *end;		/* where the pragma's tokens end (a macro's `)`) */
  char *buf;			/* the current token's text */
  size_t cap;
} reader;

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

static bool
is_ident (char c, bool first)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
	 || (!first && c >= '0' && c <= '9');
}

static void
set_text (reader *r, size_t at, const char *s, size_t len)
{
  if (at + len + 1 > r->cap)
    {
      r->cap = 2 * (at + len + 1);
      r->buf = mr_xrealloc (r->buf, r->cap);
    }
  memcpy (r->buf + at, s, len);
  r->buf[at + len] = '\0';
}

/* The next token; its text in r->buf.  Adjacent strings are one.  */
static mr_pragma_tok
next_token (reader *r)
{
  const char *p = skip_blanks (r->p);
  if (!*p || *p == '\n' || *p == '\r' || (r->end && p >= r->end)
      || (p[0] == '/' && (p[1] == '/' || p[1] == '*')))
    {
      r->p = p;
      return MR_PTOK_EOF;
    }
  if (is_ident (*p, true))
    {
      const char *q = p;
      while (is_ident (*q, false))
	q++;
      set_text (r, 0, p, (size_t) (q - p));
      r->p = q;
      return MR_PTOK_NAME;
    }
  if (*p == '"' && strchr (p + 1, '"'))
    {
      size_t len = 0;
      while (*p == '"' && strchr (p + 1, '"') && (!r->end || p < r->end))
	{
	  const char *q = strchr (p + 1, '"');
	  set_text (r, len, p + 1, (size_t) (q - p - 1));
	  len += (size_t) (q - p - 1);
	  p = skip_blanks (q + 1);
	}
      r->p = p;
      return MR_PTOK_STRING;
    }
  r->p = p + 1;
  return *p == ',' ? MR_PTOK_COMMA : MR_PTOK_OTHER;
}

/* Is the next word w (then skipped)?  */
static bool
word (const char **p, const char *w)
{
  size_t n = strlen (w);
  if (strncmp (*p, w, n) != 0 || is_ident ((*p)[n], false))
    return false;
  *p = skip_blanks (*p + n);
  return true;
}

bool
mr_pragma_read_line (const char *line, mr_pragma *p)
{
  static const char *const macros[][2] = {
    { "MEMRULES_IGNORE", "ignore" }, { "MEMRULES_WARN", "warn" },
    { "MEMRULES_ERROR", "error" }, { "MEMRULES_PUSH", "push" }, { "MEMRULES_POP", "pop" }
  };
  const char *s = skip_blanks (line);
  const char *command = NULL;
  reader r = { 0 };
  if (*s == '#')
    {
      s = skip_blanks (s + 1);
      if (!word (&s, "pragma") || !word (&s, "memrules"))
	return false;
    }
  else
    {
      for (size_t i = 0; i < sizeof macros / sizeof *macros && !command; i++)
	if (word (&s, macros[i][0]))
	  command = macros[i][1];
      if (!command)
	return false;
      /* The macro's arguments are the pragma's, up to the closing parenthesis;
	 MEMRULES_PUSH and MEMRULES_POP take none.  */
      if (command[0] == 'p' || *s != '(')
	r.end = s;
      else
	{
	  s = skip_blanks (s + 1);
	  const char *close = strchr (s, ')');
	  r.end = close ? close : s + strlen (s);
	}
    }
  r.p = s;
  mr_pragma_start (p);
  bool more = true;
  if (command)
    more = mr_pragma_feed (p, MR_PTOK_NAME, command);
  while (more)
    {
      mr_pragma_tok kind = next_token (&r);
      more = mr_pragma_feed (p, kind, r.buf);
    }
  free (r.buf);
  return true;
}
