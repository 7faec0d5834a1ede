/* report.h — engine findings as GCC diagnostics.  */

#ifndef MR_REPORT_H
#define MR_REPORT_H

#include "../core/engine.h"

struct mr_lowered;

/* Emits findings first .. r->nfindings-1 of a function lowered into l.  */
void mr_report_findings (const mr_lowered *l, const mr_result *r, uint32_t first);

/* malloc-cast (malloc-cast.cc): the result of `allocator` cast to `type` at loc.  */
void mr_report_malloc_cast (location_t loc, const char *allocator, tree type);

#endif /* MR_REPORT_H */
