/* sarif.h — a SARIF 2.1.0 log of one translation unit's findings, in plain C.

   The GCC glue (plugin/gcc/sarif-out.cc) adds each finding as GCC printed it (message,
   location, notes) and writes the log when the translation unit ends.  This file knows
   nothing of GCC, so it is unit-tested on its own (tests/test_sarif.c).

   The log: one run; tool.driver.rules has every rule of rules.def (slug as id, CERT
   ids, description, default) related to two taxonomies, CWE and CERT; each result has
   the rule, level, message, a physical location, the notes as relatedLocations and
   a codeFlow through the notes to the finding.  Files are absolute file:// URIs
   (memrules-sarif-merge can make them relative to a source root).  */

#ifndef MR_SARIF_H
#define MR_SARIF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mr_sarif_loc
{
  const char *file;		/* as the compiler names it, relative to the log's cwd */
  int line, column;		/* 1-based; column 0: unknown */
  int end_line, end_column;	/* end_column is one past the last character; 0: none */
  const char *message;		/* for a note: its text */
} mr_sarif_loc;

typedef struct mr_sarif_log mr_sarif_log;

/* A log for a tool of this version; relative file names are taken from CWD.  */
mr_sarif_log *mr_sarif_new (const char *version, const char *cwd);
void mr_sarif_free (mr_sarif_log *log);

/* Adds a result for RULE (an mr_rule), with NNOTES notes.  Strings are copied.  */
void mr_sarif_add (mr_sarif_log *log, int rule, bool error, const char *message,
		   const mr_sarif_loc *loc, const mr_sarif_loc *notes, unsigned nnotes);

/* The log as JSON text, malloc'd.  */
char *mr_sarif_json (const mr_sarif_log *log);

/* The file to write for the sarif=SPEC argument: '%p' becomes PID and '%%' '%'; a
   SPEC ending in '/' or naming a directory gets "<basename of TU>-<hash of
   TU_KEY>.sarif" appended (one file per translation unit, the same file each time
   that unit is compiled).  Returns false if it does not fit in OUT.  */
bool mr_sarif_path (const char *spec, const char *tu, const char *tu_key, long pid,
		    char *out, size_t size);

/* Writes TEXT to PATH atomically: into a temporary file in the same directory, then
   rename ().  Creates missing directories.  Returns 0 or an errno value.  */
int mr_sarif_write_file (const char *path, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* MR_SARIF_H */
