/* gcc-common.h — the one place that includes GCC's plugin headers and knows about
   differences between GCC versions (as the Linux kernel's gcc-common.h does).

   Include order matters in GCC 12: "backend.h" before "tree.h" and the SSA headers,
   and c-family/c-common.h before diagnostic.h (GCC-PLUGIN-FACTS.md §1).  Any file that
   includes this has calloc, strdup and strndup poisoned: the glue uses xcalloc and
   xstrdup from libiberty, or leaves allocation to the engine.  */

#ifndef MR_GCC_COMMON_H
#define MR_GCC_COMMON_H

/* GCC 16's diagnostics headers use std::vector and std::unique_ptr; system.h includes
   the standard headers a file asks for this way, before it poisons malloc and friends
   (older versions accept the same requests).  */
#define INCLUDE_MEMORY
#define INCLUDE_VECTOR
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "pass_manager.h"
#include "tree-dfa.h"
#include "tree-cfg.h"
#include "except.h"
#include "tree-eh.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "ssa.h"
#include "cgraph.h"
#include "cfganal.h"
#include "stringpool.h"
#include "attribs.h"
#include "stor-layout.h"
#include "tree-ssa-operands.h"
#include "gimple-pretty-print.h"
#include "gimple-fold.h"
#include "gimplify.h"
#include "c-family/c-common.h"
#include "c-family/c-pragma.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#if GCCPLUGIN_VERSION_MAJOR >= 16
#include "diagnostics/metadata.h"
#else
#include "diagnostic-metadata.h"
#endif
#include "intl.h"
#include "langhooks.h"
#include "toplev.h"
#include "opts.h"
#include "options.h"

/* The GCC this plugin is built for (and, GCC checks, loaded into).  */
#define MR_GCC_VERSION_MAJOR GCCPLUGIN_VERSION_MAJOR
#define MR_GCC_VERSION_MINOR GCCPLUGIN_VERSION_MINOR

/* Diagnostics.  The glue uses only GCC's public diagnostic calls (warning_meta,
   inform, the error counters) and these three names; GCC 16 moved the diagnostics
   machinery into namespace diagnostics, GCC 14 made the context's fields private.  */

/* The metadata a warning carries (its CWE).  */
#if GCCPLUGIN_VERSION_MAJOR >= 16
typedef diagnostics::metadata mr_diagnostic_metadata;
#else
typedef diagnostic_metadata mr_diagnostic_metadata;
#endif

/* -Werror as the diagnostic context holds it: when set, every warning of option 0 is
   reported as an error (GCC-PLUGIN-FACTS.md §3).  */
static inline bool
mr_werror_requested (void)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
  return global_dc->warning_as_error_requested_p ();
#else
  return global_dc->warning_as_error_requested;
#endif
}

static inline void
mr_set_werror_requested (bool value)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
  global_dc->set_warning_as_error_requested (value);
#else
  global_dc->warning_as_error_requested = value;
#endif
}

/* Turns warnings off (value true) or back on; returns the old setting.  For GCC's
   own passes that the plugin runs on a function GCC drops unseen (unused.cc):
   their warnings are not the plugin's to add.  */
static inline bool
mr_inhibit_warnings (bool value)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
  bool old = global_dc->m_inhibit_warnings;
  global_dc->m_inhibit_warnings = value;
#else
  bool old = global_dc->dc_inhibit_warnings;
  global_dc->dc_inhibit_warnings = value;
#endif
  return old;
}

/* Errors so far, counting warnings that -Werror turned into errors (werrorcount):
   a warning call that raises it was reported as an error.  */
static inline int
mr_error_count (void)
{
  return errorcount + werrorcount;
}

/* GCC 12's system.h has startswith; GCC 11's does not.  */
static inline bool
mr_startswith (const char *s, const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

/* The last statement of BB other than a debug statement, or NULL: GCC 13's
   last_stmt (), which GCC 14 removed (last_nondebug_stmt there).  Written with the
   iterator every version has.  */
static inline gimple *
mr_last_stmt (basic_block bb)
{
  gimple_stmt_iterator gsi = gsi_last_nondebug_bb (bb);
  return gsi_end_p (gsi) ? NULL : gsi_stmt (gsi);
}

/* The C and C++ front ends export these; lto1 does not.  Declared weak so that the
   same plugin loads at an LTO link, where they are null and the pragma code is
   skipped (GCC-PLUGIN-FACTS.md §6).  */
extern cpp_reader *parse_in __attribute__ ((weak));
extern void c_register_pragma_with_expansion (const char *, const char *,
					      pragma_handler_1arg) __attribute__ ((weak));
extern enum cpp_ttype pragma_lex (tree *, location_t *) __attribute__ ((weak));

#endif /* MR_GCC_COMMON_H */
