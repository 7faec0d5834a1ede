/* expand.h — a call whose effect on memory is known, as events: what the callee's
   summary (engine.h, mr_summary), its knowledge-base entry (families.h, mr_lib) or
   its attributes say it does to its caller's memory, at one call site.

   The glue (plugin/gcc/lower-call.cc) finds what is known and reads the call's
   trees; the core decides which events the call becomes.  The arguments are lowered when
   the expansion needs them, through a function of the glue: lowering an address
   into an object (&s->buf) adds an event of its own, so when it happens is part of
   the result.  */

#ifndef MR_EXPAND_H
#define MR_EXPAND_H

#include "engine.h"
#include "families.h"
#include "memir.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mr_call_site
{
  mr_func *f;
  uint32_t bb;
  mr_loc loc;
  const char *name;		/* the callee, as messages name it ("C::~C") */
  unsigned nargs;
  uint32_t dst;			/* the value of the call's result, or 0 */
  bool discarded;		/* the call has no result at all (`wrap ();`): an
				   allocation it returns is lost at once */
  uint32_t handed;		/* pointers handed to the callee to use as it likes
				   (mr_call.use_mask), when nothing else is known */
  bool returns_nonnull;		/* declared __attribute__ ((returns_nonnull)) */
  bool noreturn;		/* never returns (seen so, or a families file says) */
  bool dtor;			/* a C++ destructor */
  bool weak;			/* a weak definition another may replace at link
				   time: what its result says is not known */
  bool result_overwrites_realloc_arg;	/* `p = f (p, n)`, for the parameter
					   the summary says it reallocates */
  /* Lowers argument i (may add an event: an address into an object).  */
  mr_opnd (*arg) (void *glue, unsigned i);
  /* A new value for the pointer loaded from *(argument i + off), named by the
     field there when there is one.  */
  uint32_t (*field_value) (void *glue, unsigned i, int64_t off);
  void *glue;
} mr_call_site;

/* Appends the events of a call to a function whose summary is sum.  */
void mr_expand_summary (const mr_summary *sum, const mr_call_site *cs);

/* Appends the events of a call to a function of the knowledge base or a families
   file (families.h: g_malloc, sqlite3_free, xmlFreeDoc, apr_palloc ...), unless
   the entry does not apply: false then, and nothing is appended.  arg_is_null:
   the entry's argument ARG is a null constant (realpath (p, NULL)).  */
bool mr_expand_library_call (const mr_lib *lib, const mr_call_site *cs, bool arg_is_null);

/* A function the user declared as a deallocator of family (named by an
   __attribute__ ((malloc (dealloc, argno)))): it frees argument argno.  */
void mr_expand_user_free (const mr_call_site *cs, unsigned argno, unsigned family);

/* A function the user declared as an allocator of family (__attribute__ ((malloc
   (dealloc)))): its result is fresh memory, possibly NULL unless declared
   returns_nonnull.  */
void mr_expand_user_alloc (const mr_call_site *cs, unsigned family);

/* An argument a returned copy can be made of: a value or a named object's address
   (anything else would leave the result unbound, not fresh).  */
bool mr_copyable_arg (mr_opnd a);

/* dst = the argument a call returns (memcpy's destination, a summarized function's
   `return dst;`), at byte offset off: a copy, so the result and the argument are
   one object to every rule.  */
void mr_add_returned_arg (mr_func *f, uint32_t bb, uint32_t dst, mr_opnd arg, int64_t off,
			  mr_loc loc);

#ifdef __cplusplus
}
#endif

#endif /* MR_EXPAND_H */
