/* builder.h — helpers shared by the unit tests: building small memir CFGs with one
   call per event, running the engine, and querying its findings.

   Conventions:
   - Helpers that add an event return the event's id (mr_event.id), never a pointer:
     a block's event array is reallocated as events are added, so pointers to events
     are only stable once the function is complete.  Findings are compared by id.
   - Locations are line numbers: event helpers take `line`, the file is "t.c".
   - Values are SSA numbers chosen by the test (1, 2, ... ; parameters are simply
     values no event defines).  Functions are created with TB_NVALUES values.
   - Edges: tb_goto adds a plain edge, tb_if sets a COND terminator and adds the TRUE
     edge then the FALSE edge (so the TRUE edge is succs[0]).  PHIs must be added
     after all of their block's incoming edges exist.

   Everything is static inline, so a test file uses what it needs without warnings.  */

#ifndef MR_TESTS_BUILDER_H
#define MR_TESTS_BUILDER_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "memir.h"
#include "engine.h"

#define TB_NVALUES 64

static inline mr_loc
tb_loc (int line)
{
  return (mr_loc) { .handle = (uint64_t) line, .file = "t.c", .line = line, .column = 3 };
}

static inline mr_func *
tb_func (const char *name, uint32_t nblocks)
{
  return mr_func_new (name, nblocks, TB_NVALUES);
}

/* Events.  */

static inline mr_event *
tb_event (mr_func *f, uint32_t b, mr_event_kind kind, int line)
{
  return mr_block_add_event (f, b, kind, tb_loc (line));
}

/* The event with id `id` (valid until more events are added to its block).  */
static inline mr_event *
tb_ev (mr_func *f, uint32_t id)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nevents; i++)
      if (f->blocks[b].events[i].id == id)
	return &f->blocks[b].events[i];
  fail_msg ("no event #%u", id);
  return NULL;
}

/* dst = allocator (size) of `family` with event flags (MR_EVF_MAY_FAIL,
   MR_EVF_UNINIT): malloc (n) is tb_alloc_ex (f, b, dst, MR_FAM_MALLOC, n,
   MR_EVF_MAY_FAIL | MR_EVF_UNINIT, line), as the lowering makes it.  */
static inline uint32_t
tb_alloc_ex (mr_func *f, uint32_t b, uint32_t dst, mr_family family, mr_opnd size,
	     uint32_t flags, int line)
{
  mr_event *e = tb_event (f, b, MR_EV_ALLOC, line);
  e->dst = dst;
  e->family = (uint16_t) family;
  e->a = size;
  e->flags = flags;
  return e->id;
}

/* dst = malloc (...): a fresh allocation that may fail (of no size the engine sees).  */
static inline uint32_t
tb_alloc (mr_func *f, uint32_t b, uint32_t dst, int line)
{
  return tb_alloc_ex (f, b, dst, MR_FAM_MALLOC, mr_none (), MR_EVF_MAY_FAIL, line);
}

/* A deallocation of `family` (free is MR_FAM_MALLOC, delete MR_FAM_NEW, ...).  */
static inline uint32_t
tb_free_ex (mr_func *f, uint32_t b, mr_opnd a, mr_family family, int line)
{
  mr_event *e = tb_event (f, b, MR_EV_FREE, line);
  e->a = a;
  e->family = (uint16_t) family;
  return e->id;
}

/* free (a).  */
static inline uint32_t
tb_free (mr_func *f, uint32_t b, mr_opnd a, int line)
{
  return tb_free_ex (f, b, a, MR_FAM_MALLOC, line);
}

/* dst = realloc (a, size).  */
static inline uint32_t
tb_realloc (mr_func *f, uint32_t b, uint32_t dst, mr_opnd a, mr_opnd size, int line)
{
  mr_event *e = tb_event (f, b, MR_EV_REALLOC, line);
  e->dst = dst;
  e->a = a;
  e->b = size;
  e->family = MR_FAM_MALLOC;
  e->flags = MR_EVF_MAY_FAIL;
  return e->id;
}

/* dst = a + off (MR_EV_COPY) or dst = *(a + off) (MR_EV_LOAD): the same fields.  */
static inline uint32_t
tb_copy_or_load (mr_func *f, uint32_t b, mr_event_kind kind, uint32_t dst, mr_opnd a,
		 int64_t off, bool ptr, int line)
{
  mr_event *e = tb_event (f, b, kind, line);
  e->dst = dst;
  e->a = a;
  e->off = off;
  e->flags = ptr ? MR_EVF_POINTER : 0;
  return e->id;
}

/* dst = a + off, a pointer copy (or an integer one if !ptr).  */
static inline uint32_t
tb_copy (mr_func *f, uint32_t b, uint32_t dst, mr_opnd a, int64_t off, bool ptr, int line)
{
  return tb_copy_or_load (f, b, MR_EV_COPY, dst, a, off, ptr, line);
}

/* dst = *(base + off); ptr: the loaded value is a pointer.  */
static inline uint32_t
tb_load (mr_func *f, uint32_t b, uint32_t dst, mr_opnd base, int64_t off, bool ptr, int line)
{
  return tb_copy_or_load (f, b, MR_EV_LOAD, dst, base, off, ptr, line);
}

/* *(base + off) = val; ptr: the stored value is a pointer.  */
static inline uint32_t
tb_store (mr_func *f, uint32_t b, mr_opnd base, int64_t off, mr_opnd val, bool ptr, int line)
{
  mr_event *e = tb_event (f, b, MR_EV_STORE, line);
  e->a = base;
  e->off = off;
  e->b = val;
  e->flags = MR_EVF_WRITE | (ptr ? MR_EVF_POINTER : 0);
  return e->id;
}

static inline uint32_t
tb_deref (mr_func *f, uint32_t b, mr_opnd a, bool write, int line)
{
  mr_event *e = tb_event (f, b, MR_EV_DEREF, line);
  e->a = a;
  e->flags = write ? MR_EVF_WRITE : 0;
  return e->id;
}

static inline uint32_t
tb_return (mr_func *f, uint32_t b, mr_opnd a, int line)
{
  mr_event *e = tb_event (f, b, MR_EV_RETURN, line);
  e->a = a;
  return e->id;
}

static inline uint32_t
tb_escape (mr_func *f, uint32_t b, mr_opnd a, int line)
{
  mr_event *e = tb_event (f, b, MR_EV_ESCAPE, line);
  e->a = a;
  return e->id;
}

/* dst = callee (args[0..nargs-1]); flags: MR_EVF_NO_CLOBBER or 0.  */
static inline uint32_t
tb_call (mr_func *f, uint32_t b, uint32_t dst, const char *callee, uint32_t nargs,
	 const mr_opnd *args, uint32_t deref_mask, uint32_t write_mask, uint16_t flags,
	 int line)
{
  mr_call *c = mr_func_new_call (f, callee, nargs);
  for (uint32_t i = 0; i < nargs; i++)
    c->args[i] = args[i];
  c->deref_mask = deref_mask;
  c->write_mask = write_mask;
  mr_event *e = tb_event (f, b, MR_EV_CALL, line);
  e->dst = dst;
  e->call = c;
  e->flags = flags;
  return e->id;
}

/* A one-argument call, the common case: g (a).  */
static inline uint32_t
tb_call1 (mr_func *f, uint32_t b, const char *callee, mr_opnd a, uint32_t deref_mask,
	  int line)
{
  return tb_call (f, b, 0, callee, 1, &a, deref_mask, 0, 0, line);
}

/* Edges and terminators.  */

static inline uint32_t
tb_goto (mr_func *f, uint32_t from, uint32_t to)
{
  return mr_func_add_edge (f, from, to, MR_EDGE_PLAIN);
}

static inline void
tb_cond (mr_func *f, uint32_t b, mr_opnd lhs, mr_cmp op, mr_opnd rhs, bool is_unsigned)
{
  mr_term *t = &f->blocks[b].term;
  t->kind = MR_TERM_COND;
  t->op = op;
  t->is_unsigned = is_unsigned;
  t->lhs = lhs;
  t->rhs = rhs;
}

/* tb_cond and its TRUE edge to t, then its FALSE edge to e.  */
static inline void
tb_branch (mr_func *f, uint32_t b, mr_opnd lhs, mr_cmp op, mr_opnd rhs, bool is_unsigned,
	   uint32_t t, uint32_t e)
{
  tb_cond (f, b, lhs, op, rhs, is_unsigned);
  mr_func_add_edge (f, b, t, MR_EDGE_TRUE);
  mr_func_add_edge (f, b, e, MR_EDGE_FALSE);
}

/* if (lhs op rhs) goto t; else goto e;  */
static inline void
tb_if (mr_func *f, uint32_t b, mr_opnd lhs, mr_cmp op, mr_opnd rhs, uint32_t t, uint32_t e)
{
  tb_branch (f, b, lhs, op, rhs, false, t, e);
}

/* The same, comparing unsigned values.  */
static inline void
tb_if_unsigned (mr_func *f, uint32_t b, mr_opnd lhs, mr_cmp op, mr_opnd rhs, uint32_t t,
		uint32_t e)
{
  tb_branch (f, b, lhs, op, rhs, true, t, e);
}

/* The same, comparing pointers (unsigned, and is_pointer as the lowering sets it):
   what the path learnt of a pointer (not NULL past a call that took it, a
   realloc's success) decides only pointer tests (refine.c).  */
static inline void
tb_if_pointer (mr_func *f, uint32_t b, mr_opnd lhs, mr_cmp op, mr_opnd rhs, uint32_t t,
	       uint32_t e)
{
  tb_branch (f, b, lhs, op, rhs, true, t, e);
  f->blocks[b].term.is_pointer = true;
}

/* The head of `while (more ())` in block `header`: v7 = more (); if (v7 != 0) goto
   body; else goto exit.  The edges into the header (entry and back edge) stay the
   test's: their order is the order of the header's preds, which its PHIs follow.  */
static inline void
tb_while_more (mr_func *f, uint32_t header, uint32_t body, uint32_t exit, int line)
{
  tb_call (f, header, 7, "more", 0, NULL, 0, 0, 0, line);
  tb_if (f, header, mr_value (7), MR_CMP_NE, mr_const (0), body, exit);
}

static inline void
tb_switch (mr_func *f, uint32_t b, mr_opnd index, bool is_unsigned)
{
  mr_term *t = &f->blocks[b].term;
  t->kind = MR_TERM_SWITCH;
  t->is_unsigned = is_unsigned;
  t->lhs = index;
}

static inline uint32_t
tb_case (mr_func *f, uint32_t b, uint32_t to, int64_t lo, int64_t hi)
{
  uint32_t e = mr_func_add_edge (f, b, to, MR_EDGE_CASE);
  f->edges[e].case_lo = lo;
  f->edges[e].case_hi = hi;
  return e;
}

static inline uint32_t
tb_default (mr_func *f, uint32_t b, uint32_t to)
{
  return mr_func_add_edge (f, b, to, MR_EDGE_DEFAULT);
}

/* A PHI with its arguments in the order of the block's preds[] (nargs must equal
   npreds, checked).  */
static inline mr_phi *
tb_phi (mr_func *f, uint32_t b, uint32_t dst, bool is_pointer, uint32_t nargs,
	const mr_opnd *args)
{
  assert_int_equal (nargs, f->blocks[b].npreds);
  mr_phi *p = mr_block_add_phi (f, b, dst, is_pointer);
  for (uint32_t i = 0; i < nargs; i++)
    p->args[i] = args[i];
  return p;
}

/* A two-argument PHI: a along preds[0], b along preds[1].  */
static inline mr_phi *
tb_phi2 (mr_func *f, uint32_t b, uint32_t dst, bool is_pointer, mr_opnd a0, mr_opnd a1)
{
  mr_opnd args[2] = { a0, a1 };
  return tb_phi (f, b, dst, is_pointer, 2, args);
}

/* The source block of the k-th incoming edge of b, to check PHI argument order.  */
static inline uint32_t
tb_pred_block (const mr_func *f, uint32_t b, uint32_t k)
{
  return f->edges[f->blocks[b].preds[k]].src;
}

/* Running the engine.

   A test file is about some rules: it defines TB_RULES (a mask of TB_RULE (r)) before
   including this header, double-free, use-after-free and dangling-return by default.
   tb_analyze with a NULL config runs the default configuration restricted to those
   rules, so that what other rules find (a leak of a test's malloc, a null
   dereference of an unchecked one) does not enter the counts.  Checkers never change what the others
   find (engine-int.h), which test_engine.c checks.  */

#define TB_RULE(r) (1ull << (r))
#ifndef TB_RULES
#define TB_RULES (TB_RULE (MR_RULE_DOUBLE_FREE) | TB_RULE (MR_RULE_USE_AFTER_FREE) \
		  | TB_RULE (MR_RULE_DANGLING_RETURN))
#endif

/* The default configuration with only the rules in `mask` enabled.  */
static inline void
tb_config_only (mr_config *cfg, unsigned long long mask)
{
  mr_config_default (cfg);
  for (int i = 0; i < MR_RULE_COUNT; i++)
    cfg->enabled[i] = (mask >> i) & 1;
}

/* The configuration tb_analyze uses by default.  */
static inline void
tb_config (mr_config *cfg)
{
  tb_config_only (cfg, TB_RULES);
}

/* Analyses f with cfg (tb_config if NULL) into a fresh result r.  */
static inline void
tb_analyze (mr_func *f, const mr_config *cfg, mr_result *r)
{
  mr_config def;
  if (!cfg)
    {
      tb_config (&def);
      cfg = &def;
    }
  memset (r, 0, sizeof *r);
  mr_analyze (f, cfg, r);
}

static inline uint32_t
tb_count (const mr_result *r, mr_rule rule)
{
  uint32_t n = 0;
  for (uint32_t i = 0; i < r->nfindings; i++)
    n += r->findings[i].rule == rule;
  return n;
}

/* The finding of `rule` at event `ev_id`, or NULL.  */
static inline const mr_finding *
tb_finding_at (const mr_result *r, mr_rule rule, uint32_t ev_id)
{
  for (uint32_t i = 0; i < r->nfindings; i++)
    if (r->findings[i].rule == rule && r->findings[i].ev->id == ev_id)
      return &r->findings[i];
  return NULL;
}

/* Prints r's findings to stderr (on a failure, to see what the engine found).  */
static inline void
tb_print_findings (const mr_result *r)
{
  for (uint32_t i = 0; i < r->nfindings; i++)
    fprintf (stderr, "  finding %u: %s at event #%u (line %d)\n", i,
	     mr_rules[r->findings[i].rule].slug, r->findings[i].ev->id,
	     r->findings[i].ev->loc.line);
}

/* Asserts that r holds exactly one finding, of `rule` at event `ev_id`, and
   returns it.  */
static inline const mr_finding *
tb_expect_one (const mr_result *r, mr_rule rule, uint32_t ev_id)
{
  if (r->nfindings != 1)
    tb_print_findings (r);
  assert_int_equal (r->nfindings, 1);
  assert_int_equal (r->findings[0].rule, rule);
  assert_non_null (r->findings[0].ev);
  assert_int_equal (r->findings[0].ev->id, ev_id);
  return &r->findings[0];
}

/* Asserts that finding fd has a note of `kind` on event `ev_id`.  */
static inline void
tb_expect_note (const mr_finding *fd, mr_note_kind kind, uint32_t ev_id)
{
  for (uint32_t i = 0; i < fd->nnotes; i++)
    if (fd->notes[i].kind == kind && fd->notes[i].ev && fd->notes[i].ev->id == ev_id)
      return;
  fail_msg ("no note of kind %d on event #%u (finding has %u notes)", (int) kind,
	    ev_id, fd->nnotes);
}

/* Analyses f with cfg (tb_config if NULL), asserts there are no findings, frees f.  */
static inline void
tb_expect_silent_cfg (mr_func *f, const mr_config *cfg)
{
  mr_result r;
  tb_analyze (f, cfg, &r);
  if (r.nfindings)
    {
      mr_func_dump (f, stderr);
      tb_print_findings (&r);
      fail_msg ("expected no finding in %s, got %u", f->name, r.nfindings);
    }
  mr_result_free (&r);
  mr_func_free (f);
}

/* Analyses f with tb_config, asserts there are no findings, frees f.  */
static inline void
tb_expect_silent (mr_func *f)
{
  tb_expect_silent_cfg (f, NULL);
}

/* Analyses f with cfg (tb_config if NULL), asserts that it finds exactly one thing, of
   `rule` at event `ev_id`, and frees the result and f: the whole check of most
   single-finding tests.  */
static inline void
tb_expect_only_cfg (mr_func *f, const mr_config *cfg, mr_rule rule, uint32_t ev_id)
{
  mr_result r;
  tb_analyze (f, cfg, &r);
  tb_expect_one (&r, rule, ev_id);
  mr_result_free (&r);
  mr_func_free (f);
}

/* The same with tb_config.  */
static inline void
tb_expect_only (mr_func *f, mr_rule rule, uint32_t ev_id)
{
  tb_expect_only_cfg (f, NULL, rule, ev_id);
}

/* The same, and the finding names event `freed_by_id` as the release before.  */
static inline void
tb_expect_only_freed_by (mr_func *f, mr_rule rule, uint32_t ev_id, uint32_t freed_by_id)
{
  mr_result r;
  tb_analyze (f, NULL, &r);
  const mr_finding *fd = tb_expect_one (&r, rule, ev_id);
  assert_int_equal (fd->freed_by->id, freed_by_id);
  mr_result_free (&r);
  mr_func_free (f);
}

#endif /* MR_TESTS_BUILDER_H */
