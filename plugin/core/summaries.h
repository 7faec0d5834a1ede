/* summaries.h — the summaries of the functions analysed so far, by opaque id.

   The glue analyses a translation unit's functions callees first and records each
   one's summary (mr_summary, engine.h) here, for the calls to it lowered later.  An
   id is whatever names a function uniquely for the glue's lifetime (the GCC glue
   passes its decl's address).

   Two views: at an -flto link a function is analysed once in the whole program and
   may be analysed again as its own translation unit saw it when compiled (lto.cc);
   those "unit" summaries live in a table of their own, so that neither view sees
   the other's.  A compile uses the whole view only.  Which functions never return
   is kept alongside (a property of the body, the same in both views).  */

#ifndef MR_SUMMARIES_H
#define MR_SUMMARIES_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mr_view
{
  MR_VIEW_WHOLE,		/* the translation unit, or the whole program at -flto */
  MR_VIEW_UNIT			/* at -flto: as the function's own unit saw it */
} mr_view;

typedef struct mr_summaries mr_summaries;

mr_summaries *mr_summaries_new (void);
void mr_summaries_free (mr_summaries *s);

/* Records id's summary in view v; returns true if it differs from the one recorded
   there before (mr_summary_same), or none was.  */
bool mr_summaries_record (mr_summaries *s, mr_view v, uint64_t id, const mr_summary *sum);
/* id's summary in view v if one was recorded and it is valid, else NULL.  The
   pointer holds until the next record.  */
const mr_summary *mr_summaries_get (const mr_summaries *s, mr_view v, uint64_t id);
/* Do the two views' valid summaries of id differ (one missing and not the other,
   or different to callers, or freeing at another location)?  */
bool mr_summaries_views_differ (const mr_summaries *s, uint64_t id);

/* id's body never returns (every path ends in exit, abort or such a call).  */
void mr_summaries_set_never_returns (mr_summaries *s, uint64_t id);
bool mr_summaries_never_returns (const mr_summaries *s, uint64_t id);

#ifdef __cplusplus
}
#endif

#endif /* MR_SUMMARIES_H */
