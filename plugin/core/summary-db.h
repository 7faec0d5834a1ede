/* summary-db.h — summaries across translation units: the text form of mr_summary
   (engine.h) that a compile writes for the functions it defines with external
   linkage, and the table of those a later compile reads for the functions it calls
   but does not define (-fplugin-arg-memrules-summaries=DIR, docs/integration.md).

   One file per translation unit, in a versioned line format:
       memrules-summaries 2 <fields fingerprint>
       unit <source path> <source mtime>
       fn <assembler name> key=value key=value ... input.key=value ...
       uses <assembler name> ...
   Every mr_summary field is listed once in summary-db.c's field table, and every
   mr_input_facts field (prefixed "input.") in another; a value at its default is
   not written, a field a file does not name takes its default.
   Families are written by name (their ids are registry indices of one process),
   locations as file:line:col.  The fingerprint is a hash of the field table, so a
   file written by a plugin with other fields is of another version: ignored.
   Strings are written with %XX escapes for space, '%', '=' and control bytes.

   The functions here are pure text and tables, no file I/O: the glue
   (plugin/gcc/summary-db.cc) reads and writes the files.  */

#ifndef MR_SUMMARY_DB_H
#define MR_SUMMARY_DB_H

#include "engine.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 2: the input facts (mr_input_facts) beside the summary.  */
#define MR_SUMMARY_DB_FORMAT 2

/* A growable text buffer.  */
typedef struct mr_text
{
  char *s;
  size_t n, cap;
} mr_text;

void mr_text_free (mr_text *t);

/* What a function does with values read from outside the program (CWE-789), as
   plugin/gcc/lower-input-calls.cc finds it from the function's GIMPLE: the
   tainted-allocation-size rule's facts for callers in other files.  All zero: the
   function has nothing to do with input.  */
typedef struct mr_input_facts
{
  bool returns_input;		/* its result is input, no upper bound on the way */
  uint32_t sinks;		/* bit k: parameter k becomes an allocation's size, unbounded */
  uint32_t writes;		/* bit k: it writes input where parameter k points */
  const char *allocator;	/* the allocation a sink's value reaches ("malloc") */
} mr_input_facts;

/* Does the function do anything with input?  */
bool mr_input_facts_any (const mr_input_facts *in);

/* "memrules-summaries 2 <fingerprint>" (no newline): the first line of every file.  */
const char *mr_summary_db_header (void);

/* Appends the header and the unit line.  */
void mr_summary_db_write_unit (mr_text *out, const char *source, long long mtime);
/* Appends one function's line: its summary and its input facts (NULL: none).  A
   summary that is not valid is written only if never_returns (a fatal error
   handler) or with input facts.  */
void mr_summary_db_write_fn (mr_text *out, const char *name, const mr_summary *sum,
			     bool never_returns, const mr_input_facts *input);
/* Appends the "uses" line: the names this unit looked up (memrules-scan re-runs a
   unit when one of them changes).  */
void mr_summary_db_write_uses (mr_text *out, const char *const *names, size_t n);

/* One function's entry as read.  */
typedef struct mr_db_entry
{
  const char *name;
  mr_summary sum;		/* locations: handle 0, file owned by the table */
  mr_input_facts input;		/* allocator: owned by the table */
  bool never_returns;
  bool ambiguous;		/* defined by two units that disagree: unknown */
  bool located;			/* the glue has filled the locations' handles */
} mr_db_entry;

typedef struct mr_summary_db mr_summary_db;

mr_summary_db *mr_summary_db_new (void);
void mr_summary_db_free (mr_summary_db *db);

typedef enum mr_db_status
{
  MR_DB_OK,
  MR_DB_OTHER_VERSION,		/* not this format or fields: ignored */
  MR_DB_BAD			/* malformed at *bad_line: ignored */
} mr_db_status;

/* What a file's text says about its unit, before its entries are added.  */
typedef struct mr_db_unit
{
  char source[4096];
  long long mtime;
} mr_db_unit;

/* Parses a file's header and unit line into *unit.  */
mr_db_status mr_summary_db_parse_unit (const char *text, mr_db_unit *unit, unsigned *bad_line);

/* Adds a file's entries to db (a file is added whole or not at all).  Entries of
   the same name from two files: kept if they say the same to callers (a function
   built into two programs), else marked ambiguous, so the result does not depend
   on the order files are added in.  */
mr_db_status mr_summary_db_add (mr_summary_db *db, const char *text, unsigned *bad_line);

/* The entry named so, or NULL (none, or ambiguous).  */
mr_db_entry *mr_summary_db_get (mr_summary_db *db, const char *name);
/* Number of entries (ambiguous ones included).  */
size_t mr_summary_db_count (const mr_summary_db *db);

/* A family's name in the files ("malloc", "new[]", "user:g_free", "?user:x" for an
   uncertain one), and back (MR_FAM_NONE for an unknown built-in name).  */
void mr_family_to_text (unsigned family, char *buf, size_t len);
unsigned mr_family_from_text (const char *text);

#ifdef __cplusplus
}
#endif

#endif /* MR_SUMMARY_DB_H */
