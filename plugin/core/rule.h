/* rule.h — what a rule is to the engine: a set of hooks and a message.

   The engine's transfer functions (transfer.c) apply each event to the state; at
   the points a rule may judge, they fire a hook: every rule that registered that
   hook runs, in rules.def order, before the event's effect on the state is applied.
   The engine names no rule: a rule is one file, plugin/core/rules/<slug>.c, that
   defines its mr_rule_def with MR_DEFINE_RULE, and the registry (rules.c) lists
   them from rules.def.

   Hooks and where they fire (the state is the one before the event's effect):
     size       an event that computes an allocation size (ALLOC, REALLOC, a CALL
                with a size)
     release    a FREE or REALLOC releases `target`
     handover   a FREE that hands `target` to a smart pointer (MR_EVF_HANDOVER):
                not freed now, but the way it will be freed must fit
     realloc_fail  in the state where `p = realloc (p, n)` failed (a copy), `old`
                is what p held
     use        the pointer p->subject is used to reach memory: read, written,
                passed to a callee that reads or writes through it, returned
     deref      the function itself dereferences p->subject (a LOAD, STORE or
                DEREF, or a libc call's argument): not a summarized callee's access;
                use's hooks run first, then deref's (mr_pointee, below)
     overwrite  a new version of variable `var`, or (slot) a store over the pointer
                held at `at` in a local: what only it held is lost
     at_return  the path returns at `ret` (at: the return statement of a path into a
                shared return block, or NULL for ret's own)

   What a rule may write.  A rule judges the state; it never changes what the state
   says about memory (typestates, bindings, slots, facts), so that switching a rule
   off does not change what the others find.  It may write its own bookkeeping on
   an object: "reported on this path" marks (MR_OBJF_UAF_REPORTED of
   rules/freed-use.h, null-deref-alloc's NULL_REPORTED; uninit-read and zero-alloc
   clear MR_OBJF_UNINIT, the fill, MR_OBJF_MAYBE_ZERO once they reported), so that
   a path gives one warning per object; and the leak rule's marks of what it judged
   lost (MR_OBJF_REALLOC_LOST, and MR_OBJF_ESCAPED on what an overwrite lost, so
   that the return does not report it again).  Those bits are part of the state's
   signature and joins, so a hook that writes one is listed in its rule's `always`:
   it runs whether or not the rule is on, and the states (and the other rules'
   findings) are the same whatever rules are enabled.  One exception, kept as the
   checks had it: leak's overwrite hook (and its ESCAPED mark) runs only when leak
   is on.  */

#ifndef MR_RULE_H
#define MR_RULE_H

#include "engine.h"
#include "state.h"
#include "rule-message.h"

typedef struct mr_ctx mr_ctx;

typedef enum mr_hook
{
  MR_HOOK_SIZE,
  MR_HOOK_RELEASE,
  MR_HOOK_HANDOVER,
  MR_HOOK_REALLOC_FAIL,
  MR_HOOK_USE,
  MR_HOOK_DEREF,
  MR_HOOK_OVERWRITE,
  MR_HOOK_AT_RETURN,
  MR_HOOK_COUNT
} mr_hook;

/* What a use or a dereference is about: the pointer as the event names it, what it
   points to, and that object's state (NULL if none, or if ref is no object).
   Looked up once per access for all the rules' use and deref hooks; a hook may
   change obj's flags (its own bits), never add or remove objects.  */
typedef struct mr_pointee
{
  mr_opnd subject;
  mr_ref ref;
  const mr_objst *obj;
} mr_pointee;

typedef struct mr_rule_def
{
  mr_rule rule;
  unsigned always;		/* hooks (1u << MR_HOOK_*) that run even when the
				   rule is off: they write the state (see above) */
  void (*size) (mr_ctx *c, mr_state *s, const mr_event *ev);
  void (*release) (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target);
  void (*handover) (mr_ctx *c, mr_state *s, const mr_event *ev, mr_ref target);
  void (*realloc_fail) (mr_ctx *c, mr_state *fail, const mr_event *ev, mr_ref old);
  void (*use) (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p,
	       mr_use_kind use, uint32_t arg);
  void (*deref) (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p,
		 bool write);
  void (*overwrite) (mr_ctx *c, mr_state *s, const mr_event *ev, uint32_t var, bool slot,
		     mr_ref at);
  void (*at_return) (mr_ctx *c, mr_state *s, const mr_event *ret, const mr_loc *at);
  /* The message of finding fd (rule-message.h); fd is NULL for malloc-cast, which
     the glue detects (plugin/gcc/malloc-cast.cc).  */
  void (*message) (const mr_finding *fd, const mr_words *w, mr_message *m);
} mr_rule_def;

/* Defines the rule of rules.def row ENUM (the registry refers to it by that name).  */
#define MR_DEFINE_RULE(ENUM) const mr_rule_def mr_rule_def_##ENUM

/* The rules whose hook h runs in an analysis, in rules.def order, NULL-terminated:
   computed once per analysis from the configuration (mr_rules_plan).  */
typedef struct mr_rule_plan
{
  const mr_rule_def *hooks[MR_HOOK_COUNT][MR_RULE_COUNT + 1];
} mr_rule_plan;

void mr_rules_plan (mr_rule_plan *plan, const mr_config *cfg);
/* Turns on the rules on by default (rules.def), and only those.  */
void mr_rules_default (mr_config *cfg);

#endif /* MR_RULE_H */
