/* summarize-out.h — the summary's out-stores (summarize-out.c): what a function
   leaves in its caller's pointers, *(param + off), and how a call applies it
   (expand-out.c).  */

#ifndef MR_SUMMARIZE_OUT_H
#define MR_SUMMARIZE_OUT_H

#include "engine-int.h"

/* Before the walk, after mr_find_param_loads: the candidate locations, the pointer
   stores through a parameter at a constant offset.  */
void mr_find_out_stores (mr_ctx *c);
/* At each RETURN the walk runs, in state s.  */
void mr_summarize_out_return (mr_ctx *c, const mr_state *s, const mr_event *ev);
/* After the last return, before c->param_loads is freed: keeps what held.  */
void mr_finish_out_stores (mr_ctx *c);

/* The returned pointer as memory the function freed (mr_summary.returns_freed):
   on each path into a return, in state s; then after the last return.  */
void mr_summarize_freed_result (mr_ctx *c, const mr_state *s, const mr_event *ev);
void mr_finish_freed_result (mr_summary *sum);

/* Do two summaries leave the same in their callers' pointers and result
   (locations aside)?  */
bool mr_out_stores_same (const mr_summary *a, const mr_summary *b);

#endif /* MR_SUMMARIZE_OUT_H */
