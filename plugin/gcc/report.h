/* report.h — engine findings as GCC diagnostics.  */

#ifndef MR_REPORT_H
#define MR_REPORT_H

#include "../core/engine.h"

struct mr_lowered;

/* Emits findings first .. r->nfindings-1 of a function lowered into l.  */
void mr_report_findings (const mr_lowered *l, const mr_result *r, uint32_t first);

/* Emits one finding (lto.cc picks which).  */
void mr_report_finding (const mr_lowered *l, const mr_finding *fd);

/* At an -flto link: a note where a callee in another file frees the memory, after
   "freed here, in 'release'" at the call.  Off in a compile.  */

/* malloc-cast (malloc-cast.cc): the result of `allocator` cast to `type` at loc.  */
void mr_report_malloc_cast (location_t loc, const char *allocator, tree type);

#endif /* MR_REPORT_H */
