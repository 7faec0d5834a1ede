/* expand-out.h — a call to a function that leaves pointers in its caller's memory
   (mr_summary.out_stores, summarize-out.c), as events (expand-out.c).  */

#ifndef MR_EXPAND_OUT_H
#define MR_EXPAND_OUT_H

#include "expand.h"

/* Each takes the call's record, its arguments lowered (call->args), and frees, the
   parameters the callee frees (their objects are moot).  */
/* The arguments the callee writes as out-parameters, addresses of the caller's
   locals (mr_call.out_mask): the summary says it keeps no copy of them.  */
uint32_t mr_expand_out_mask (const mr_summary *sum, const mr_call_site *cs, uint32_t frees,
			     const mr_call *call);
/* Before the call's event: the pointers a callee reallocates through its
   parameters, loaded as the caller sees them (old[i] for out_stores[i], 0 for
   none).  */
void mr_expand_out_loads (const mr_summary *sum, const mr_call_site *cs, uint32_t frees,
			  const mr_call *call, uint32_t old[MR_SUMMARY_OUTS]);
/* After the call's event: what the callee left at each location.  */
void mr_expand_out_stores (const mr_summary *sum, const mr_call_site *cs, uint32_t frees,
			   const mr_call *call, const uint32_t old[MR_SUMMARY_OUTS]);
/* Does the callee return memory it freed (mr_summary.returns_freed), to a call
   that keeps the result and trusts the summary?  For MR_RET_FREED_OR_LIVE, only
   where a constant argument selects the freed side.  */
bool mr_freed_result_applies (const mr_summary *sum, const mr_call_site *cs);
/* MR_RET_FREED_OR_LIVE, and the call's constant argument selects the freed side:
   that says more than anything else the summary says of the result (a returned
   parameter: `pick (p, 0)` returns p freed).  */
bool mr_freed_result_chosen (const mr_summary *sum, const mr_call_site *cs);
/* After the call's event, when nothing else says what its result is: the result
   as that memory, freed.  */
void mr_expand_freed_result (const mr_summary *sum, const mr_call_site *cs);
/* After the call's result landed in the caller's aggregate at *(base + off)
   (`boxed b = boxed_alloc (n)`): what the callee left in the aggregate it returns
   by value (out-stores of MR_OUT_RESULT).  Called by the glue (lower-call.cc).  */
#ifdef __cplusplus
extern "C"
#endif
void mr_expand_result_stores (const mr_summary *sum, const mr_call_site *cs, mr_opnd base,
			      int64_t off);

#endif /* MR_EXPAND_OUT_H */
