/* sarif.c — builds and writes the SARIF 2.1.0 log of one translation unit.

   The JSON is written by hand (a growable buffer, strings escaped, invalid UTF-8
   replaced by U+FFFD so that every reader accepts it).  The shape follows the OASIS
   SARIF 2.1.0 schema, which the tests validate against (testsuite/sarif/).  */

#define _POSIX_C_SOURCE 200809L

#include "sarif.h"
#include "engine.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct mr_sarif_result
{
  int rule;
  bool error;
  char *message;
  mr_sarif_loc loc;
  mr_sarif_loc *notes;
  unsigned nnotes;
} mr_sarif_result;

struct mr_sarif_log
{
  char *version, *cwd;
  mr_sarif_result *results;
  size_t nresults, cap;
};

/* Text.  */

typedef struct buf
{
  char *s;
  size_t n, cap;
} buf;

static void
put (buf *b, const char *s, size_t n)
{
  if (b->n + n + 1 > b->cap)
    {
      while (b->n + n + 1 > b->cap)
	b->cap = b->cap ? 2 * b->cap : 4096;
      b->s = mr_xrealloc (b->s, b->cap);
    }
  memcpy (b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

static void
puts_ (buf *b, const char *s)
{
  put (b, s, strlen (s));
}

static void
putf (buf *b, const char *fmt, long long v)
{
  char tmp[512];
  int n = snprintf (tmp, sizeof tmp, fmt, v);
  put (b, tmp, (size_t) n);
}

/* The length of the valid UTF-8 sequence at S, or 0.  */
static size_t
utf8_len (const unsigned char *s)
{
  size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3
	     : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
  if (n == 2 && s[0] < 0xc2)
    return 0;			/* overlong */
  for (size_t i = 1; i < n; i++)
    if ((s[i] & 0xc0) != 0x80)
      return 0;
  return n;
}

/* S as a JSON string, quotes included.  */
static void
put_str (buf *b, const char *s)
{
  put (b, "\"", 1);
  for (const unsigned char *p = (const unsigned char *) (s ? s : ""); *p;)
    {
      size_t n = utf8_len (p);
      if (*p == '"' || *p == '\\')
	{
	  put (b, "\\", 1);
	  put (b, (const char *) p, 1);
	}
      else if (*p < 0x20)
	putf (b, "\\u%04llx", *p);
      else if (n == 0)
	{
	  puts_ (b, "\\ufffd");
	  n = 1;
	}
      else
	put (b, (const char *) p, n);
      p += n ? n : 1;
    }
  put (b, "\"", 1);
}

/* "key": "value" */
static void
put_kv (buf *b, const char *key, const char *value)
{
  put_str (b, key);
  put (b, ": ", 2);
  put_str (b, value);
}

/* FILE as an absolute, normalised file:// URI ("." and ".." segments removed,
   bytes other than unreserved ones and '/' percent-encoded).  */
static void
put_uri (buf *b, const char *cwd, const char *file)
{
  size_t n = strlen (file) + (cwd ? strlen (cwd) : 0) + 2;
  char *path = mr_xmalloc (n), *out = mr_xmalloc (n + 1);
  if (file[0] == '/' || !cwd)
    snprintf (path, n, "%s", file);
  else
    snprintf (path, n, "%s/%s", cwd, file);
  /* Normalise segment by segment into OUT.  */
  size_t o = 0;
  for (char *seg = path, *next; seg; seg = next)
    {
      next = strchr (seg, '/');
      if (next)
	*next++ = '\0';
      if (!*seg || strcmp (seg, ".") == 0)
	continue;
      if (strcmp (seg, "..") == 0)
	{
	  while (o > 0 && out[o - 1] != '/')
	    o--;
	  if (o > 0)
	    o--;
	  continue;
	}
      out[o++] = '/';
      size_t len = strlen (seg);
      memcpy (out + o, seg, len);
      o += len;
    }
  if (o == 0)
    out[o++] = '/';
  out[o] = '\0';
  buf u = { 0 };
  puts_ (&u, "file://");
  for (const unsigned char *p = (const unsigned char *) out; *p; p++)
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
	|| strchr ("-._~/", *p))
      put (&u, (const char *) p, 1);
    else
      putf (&u, "%%%02llX", *p);
  put_str (b, u.s);
  free (u.s);
  free (path);
  free (out);
}

/* The log.  */

static char *
sdup (const char *s)
{
  size_t n = strlen (s ? s : "") + 1;
  return memcpy (mr_xmalloc (n), s ? s : "", n);
}

mr_sarif_log *
mr_sarif_new (const char *version, const char *cwd)
{
  mr_sarif_log *log = mr_xcalloc (1, sizeof *log);
  log->version = sdup (version);
  log->cwd = cwd ? sdup (cwd) : NULL;
  return log;
}

static void
copy_loc (mr_sarif_loc *to, const mr_sarif_loc *from)
{
  *to = *from;
  to->file = sdup (from->file);
  to->message = from->message ? sdup (from->message) : NULL;
}

static void
free_loc (mr_sarif_loc *l)
{
  free ((char *) l->file);
  free ((char *) l->message);
}

void
mr_sarif_add (mr_sarif_log *log, int rule, bool error, const char *message,
	      const mr_sarif_loc *loc, const mr_sarif_loc *notes, unsigned nnotes)
{
  MR_VEC_PUSH (log->results, log->nresults, log->cap);
  mr_sarif_result *r = &log->results[log->nresults - 1];
  r->rule = rule;
  r->error = error;
  r->message = sdup (message);
  copy_loc (&r->loc, loc);
  r->nnotes = nnotes;
  r->notes = nnotes ? mr_xcalloc (nnotes, sizeof *r->notes) : NULL;
  for (unsigned i = 0; i < nnotes; i++)
    copy_loc (&r->notes[i], &notes[i]);
}

void
mr_sarif_free (mr_sarif_log *log)
{
  if (!log)
    return;
  for (size_t i = 0; i < log->nresults; i++)
    {
      mr_sarif_result *r = &log->results[i];
      free (r->message);
      free_loc (&r->loc);
      for (unsigned j = 0; j < r->nnotes; j++)
	free_loc (&r->notes[j]);
      free (r->notes);
    }
  free (log->results);
  free (log->version);
  free (log->cwd);
  free (log);
}

/* The CERT ids of a rule ("MEM31-C, MEM51-CPP"), one at a time.  */
static const char *
next_cert (const char *s, char *id, size_t size)
{
  while (*s == ' ' || *s == ',')
    s++;
  if (!*s)
    return NULL;
  size_t n = strcspn (s, ", ");
  snprintf (id, size, "%.*s", (int) (n < size ? n : size - 1), s);
  return s + n;
}

/* The taxonomies: every CWE and CERT id a rule of rules.def cites, once.  */
static void
put_taxonomies (buf *b)
{
  puts_ (b, "\"taxonomies\": [\n    {\"name\": \"CWE\", \"organization\": \"MITRE\", "
	 "\"informationUri\": \"https://cwe.mitre.org/\", \"shortDescription\": "
	 "{\"text\": \"The MITRE Common Weakness Enumeration\"}, \"taxa\": [");
  for (int r = 0; r < MR_RULE_COUNT; r++)
    {
      bool seen = false;
      for (int q = 0; q < r; q++)
	seen |= mr_rules[q].cwe == mr_rules[r].cwe;
      if (seen)
	continue;
      putf (b, r ? ",\n      {\"id\": \"%lld\", " : "\n      {\"id\": \"%lld\", ",
	    mr_rules[r].cwe);
      putf (b, "\"helpUri\": \"https://cwe.mitre.org/data/definitions/%lld.html\"}",
	    mr_rules[r].cwe);
    }
  puts_ (b, "]},\n    {\"name\": \"CERT\", \"organization\": \"Carnegie Mellon University "
	 "Software Engineering Institute\", \"informationUri\": "
	 "\"https://wiki.sei.cmu.edu/confluence/display/seccode\", \"shortDescription\": "
	 "{\"text\": \"SEI CERT C and C++ Coding Standards\"}, \"taxa\": [");
  bool first = true;
  for (int r = 0; r < MR_RULE_COUNT; r++)
    {
      char id[32];
      for (const char *s = mr_rules[r].cert; (s = next_cert (s, id, sizeof id));)
	{
	  bool seen = false;
	  for (int q = 0; q <= r && !seen; q++)
	    {
	      char other[32];
	      for (const char *t = mr_rules[q].cert; (t = next_cert (t, other, sizeof other));)
		if (strcmp (id, other) == 0 && (q < r || t < s))
		  seen = true;
	    }
	  if (seen)
	    continue;
	  puts_ (b, first ? "\n      {" : ",\n      {");
	  put_kv (b, "id", id);
	  puts_ (b, "}");
	  first = false;
	}
    }
  puts_ (b, "]}\n  ],\n  ");
}

/* One rule: its slug, texts, default and relationships to the taxa.  */
static void
put_rule (buf *b, int r)
{
  const mr_rule_info *ri = &mr_rules[r];
  puts_ (b, "{");
  put_kv (b, "id", ri->slug);
  puts_ (b, ", \"shortDescription\": {");
  put_kv (b, "text", ri->description);
  puts_ (b, "}, \"fullDescription\": {");
  char text[1024];
  snprintf (text, sizeof text, "%s (CERT %s, CWE-%d).", ri->description, ri->cert, ri->cwe);
  put_kv (b, "text", text);
  puts_ (b, "}, \"help\": {");
  snprintf (text, sizeof text,
	    "%s. CERT %s, CWE-%d. Silence it for a region with "
	    "#pragma memrules ignore \"%s\" (include/memrules.h: MEMRULES_IGNORE(\"%s\")), "
	    "or for a build with -fplugin-arg-memrules-disable=%s.",
	    ri->description, ri->cert, ri->cwe, ri->slug, ri->slug, ri->slug);
  put_kv (b, "text", text);
  puts_ (b, "}, \"defaultConfiguration\": {\"enabled\": ");
  puts_ (b, ri->default_on ? "true" : "false");
  puts_ (b, ", \"level\": \"warning\"}, \"properties\": {");
  put_kv (b, "cert", ri->cert);
  putf (b, ", \"cwe\": %lld, \"tags\": [\"security\", \"memory\", ", ri->cwe);
  putf (b, "\"external/cwe/cwe-%lld\"", ri->cwe);
  char id[32];
  for (const char *s = ri->cert; (s = next_cert (s, id, sizeof id));)
    {
      char tag[64];
      snprintf (tag, sizeof tag, "external/cert/%s", id);
      puts_ (b, ", ");
      put_str (b, tag);
    }
  putf (b, "]}, \"relationships\": [{\"target\": {\"id\": \"%lld\", \"toolComponent\": "
	"{\"name\": \"CWE\"}}, \"kinds\": [\"relevant\"]}", ri->cwe);
  for (const char *s = ri->cert; (s = next_cert (s, id, sizeof id));)
    {
      puts_ (b, ", {\"target\": {");
      put_kv (b, "id", id);
      puts_ (b, ", \"toolComponent\": {\"name\": \"CERT\"}}, \"kinds\": [\"relevant\"]}");
    }
  puts_ (b, "]}");
}

/* {"physicalLocation": {...}[, "message": {...}]} */
static void
put_location (const mr_sarif_log *log, buf *b, const mr_sarif_loc *l, int id)
{
  puts_ (b, "{");
  if (id >= 0)
    putf (b, "\"id\": %lld, ", id);
  puts_ (b, "\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
  put_uri (b, log->cwd, l->file ? l->file : "<unknown>");
  putf (b, "}, \"region\": {\"startLine\": %lld", l->line > 0 ? l->line : 1);
  if (l->column > 0)
    putf (b, ", \"startColumn\": %lld", l->column);
  if (l->end_line >= l->line && l->end_line > 0 && l->end_column > 0)
    {
      putf (b, ", \"endLine\": %lld", l->end_line);
      putf (b, ", \"endColumn\": %lld", l->end_column);
    }
  puts_ (b, "}}");
  if (l->message)
    {
      puts_ (b, ", \"message\": {");
      put_kv (b, "text", l->message);
      puts_ (b, "}");
    }
  puts_ (b, "}");
}

static void
put_result (const mr_sarif_log *log, buf *b, const mr_sarif_result *r)
{
  const mr_rule_info *ri = &mr_rules[r->rule];
  puts_ (b, "{");
  put_kv (b, "ruleId", ri->slug);
  putf (b, ", \"ruleIndex\": %lld, ", r->rule);
  put_kv (b, "level", r->error ? "error" : "warning");
  puts_ (b, ", \"message\": {");
  put_kv (b, "text", r->message);
  puts_ (b, "},\n      \"locations\": [");
  put_location (log, b, &r->loc, -1);
  puts_ (b, "]");
  if (r->nnotes)
    {
      puts_ (b, ",\n      \"relatedLocations\": [");
      for (unsigned i = 0; i < r->nnotes; i++)
	{
	  puts_ (b, i ? ", " : "");
	  put_location (log, b, &r->notes[i], (int) i + 1);
	}
      puts_ (b, "]");
    }
  /* The path: the notes' events in the order the engine gives them (allocation,
     first free...), then the finding itself.  */
  puts_ (b, ",\n      \"codeFlows\": [{\"threadFlows\": [{\"locations\": [");
  for (unsigned i = 0; i <= r->nnotes; i++)
    {
      mr_sarif_loc l = i < r->nnotes ? r->notes[i] : r->loc;
      if (i == r->nnotes)
	l.message = r->message;
      puts_ (b, i ? ", " : "");
      puts_ (b, "{\"location\": ");
      put_location (log, b, &l, -1);
      putf (b, ", \"executionOrder\": %lld}", (long long) i + 1);
    }
  puts_ (b, "]}]}]");
  putf (b, ",\n      \"taxa\": [{\"id\": \"%lld\", \"toolComponent\": {\"name\": \"CWE\"}}]}",
	ri->cwe);
}

char *
mr_sarif_json (const mr_sarif_log *log)
{
  buf b = { 0 };
  puts_ (&b, "{\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	 "\"version\": \"2.1.0\",\n\"runs\": [{\n  \"tool\": {\"driver\": {");
  put_kv (&b, "name", "memrules");
  puts_ (&b, ", ");
  put_kv (&b, "version", log->version);
  puts_ (&b, ", ");
  put_kv (&b, "semanticVersion", log->version);
  puts_ (&b, ", \"fullName\": \"memrules, CERT C/C++ memory-management rules for GCC\", "
	 "\"supportedTaxonomies\": [{\"name\": \"CWE\", \"index\": 0}, "
	 "{\"name\": \"CERT\", \"index\": 1}],\n    \"rules\": [");
  for (int r = 0; r < MR_RULE_COUNT; r++)
    {
      puts_ (&b, r ? ",\n      " : "\n      ");
      put_rule (&b, r);
    }
  puts_ (&b, "]}},\n  ");
  put_taxonomies (&b);
  puts_ (&b, "\"columnKind\": \"unicodeCodePoints\",\n  \"results\": [");
  for (size_t i = 0; i < log->nresults; i++)
    {
      puts_ (&b, i ? ",\n    " : "\n    ");
      put_result (log, &b, &log->results[i]);
    }
  puts_ (&b, "]\n}]\n}\n");
  return b.s;
}

/* Files.  */

/* FNV-1a, 64 bits: a stable name for a translation unit.  */
static uint64_t
hash (const char *s)
{
  uint64_t h = 0xcbf29ce484222325ULL;
  for (; *s; s++)
    h = (h ^ (unsigned char) *s) * 0x100000001b3ULL;
  return h;
}

bool
mr_sarif_path (const char *spec, const char *tu, const char *tu_key, long pid,
	       char *out, size_t size)
{
  buf b = { 0 };
  for (const char *p = spec; *p; p++)
    if (p[0] == '%' && p[1] == 'p')
      {
	putf (&b, "%lld", pid);
	p++;
      }
    else if (p[0] == '%' && p[1] == '%')
      put (&b, p++, 1);
    else
      put (&b, p, 1);
  struct stat st;
  if (b.n > 0 && (b.s[b.n - 1] == '/' || (stat (b.s, &st) == 0 && S_ISDIR (st.st_mode))))
    {
      const char *base = strrchr (tu ? tu : "", '/');
      base = base ? base + 1 : (tu && *tu ? tu : "stdin");
      if (b.s[b.n - 1] != '/')
	put (&b, "/", 1);
      puts_ (&b, base);
      char tail[64];
      snprintf (tail, sizeof tail, "-%016llx.sarif",
		(unsigned long long) hash (tu_key ? tu_key : ""));
      puts_ (&b, tail);
    }
  bool ok = b.s && b.n < size;
  if (ok)
    memcpy (out, b.s, b.n + 1);
  free (b.s);
  return ok;
}

/* mkdir -p of the directory part of PATH.  */
static int
make_parents (const char *path)
{
  char *dir = sdup (path);
  int rc = 0;
  for (char *p = dir + 1; *p && rc == 0; p++)
    if (*p == '/')
      {
	*p = '\0';
	if (mkdir (dir, 0777) != 0 && errno != EEXIST)
	  rc = errno;
	*p = '/';
      }
  free (dir);
  return rc;
}

int
mr_sarif_write_file (const char *path, const char *text)
{
  int rc = make_parents (path);
  if (rc)
    return rc;
  size_t n = strlen (path) + 32;
  char *tmp = mr_xmalloc (n);
  /* Same directory, so rename () is atomic: a reader sees the old file or the whole
     new one, never a part, and parallel writers never interleave.  */
  snprintf (tmp, n, "%s.tmp%ld", path, (long) getpid ());
  int fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0)
    {
      rc = errno;
      free (tmp);
      return rc;
    }
  size_t len = strlen (text), done = 0;
  while (done < len && rc == 0)
    {
      ssize_t w = write (fd, text + done, len - done);
      if (w < 0 && errno != EINTR)
	rc = errno;
      else if (w > 0)
	done += (size_t) w;
    }
  if (close (fd) != 0 && rc == 0)
    rc = errno;
  if (rc == 0 && rename (tmp, path) != 0)
    rc = errno;
  if (rc)
    unlink (tmp);
  free (tmp);
  return rc;
}
