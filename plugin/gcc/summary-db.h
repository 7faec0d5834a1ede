/* summary-db.h — the summary database across translation units
   (-fplugin-arg-memrules-summaries=DIR, summaries-read=DIR; docs/integration.md).

   A compile with summaries=DIR writes, when it ends, the summaries of the
   functions it defines with external linkage into DIR/<source>.<hash>.mrs (one file
   per translation unit, replaced atomically: temporary file + rename), in the text
   form of plugin/core/summary-db.h, keyed by assembler name.  A compile with
   summaries=DIR or summaries-read=DIR reads every file of DIR but its own the first
   time it lowers a call to a function it does not define, and lowers the call by
   that function's summary as if it were defined here; the input facts written
   beside a summary (lower-input-calls.cc) are read for the calls the size walks
   of tainted-allocation-size meet.  Files of another version,
   malformed ones and those of units whose source changed or went since (stale) are
   ignored, with one note each kind.  Nothing of it runs at an -flto link.  */

#ifndef MR_SUMMARY_DB_GLUE_H
#define MR_SUMMARY_DB_GLUE_H

#include "gcc-common.h"
#include "../core/engine.h"
#include "../core/summary-db.h"

/* Remembers fndecl's summary for the file written at the end (analyse.cc, after
   each analysis: the last one recorded is the final one).  */
void mr_db_note_defined (tree fndecl, const mr_summary *sum);

/* The summary of a function another translation unit defines, or NULL (no
   database, defined here, not in the database, ambiguous, not valid).  Its
   locations are GCC locations in the other file.  */
const mr_summary *mr_db_summary (tree fndecl);

/* What a function another translation unit defines does with input (CWE-789:
   lower-input-calls.cc's facts, written beside its summary), or NULL (as
   mr_db_summary, or nothing to do with input).  */
const mr_input_facts *mr_db_input (tree fndecl);

/* Does the database say fndecl never returns?  */
bool mr_db_never_returns (tree fndecl);

/* PLUGIN_FINISH_UNIT: writes this unit's file (not after a front-end error).  */
void mr_db_finish_unit (void *gcc_data, void *user_data);

#endif /* MR_SUMMARY_DB_GLUE_H */
