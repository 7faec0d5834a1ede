/* test_aliasing.c — a store through one pointer may change a slot the state knows
   under another object: what such a store forgets and what it keeps (engine.c,
   clobber_aliases).

   The shape of every case: v = *(X + off); free (v); <a store>; w = *(X + off);
   free (w);  — a double free if the store kept the slot, silent if it forgot it.

   Covers: TAILQ_REMOVE's `*elm->prev = next` (a store through a loaded pointer)
   forgets head->first, whether head is a parameter or another unknown pointer; a
   store into one parameter's object forgets another's (two parameters may point
   into one object) and a static's; an integer store does not (effective types), an
   aggregate one does, and covers the other slots of its own object; a store
   through an unknown pointer (a lost binding); what is provably distinct keeps its
   slot: the same object at another offset, a fresh
   allocation or a local that has not escaped (against any pointer), an escaped one
   against a parameter or a static, two statics, two allocations.  */

#include "builder.h"

enum { Q = 1, R = 2, ELM = 30, PREV = 31, NEXT = 32, X = 33, A = 40, B = 41 };

/* f with Q and R as its parameters.  */
static mr_func *
func_with_params (const char *name)
{
  mr_func *f = tb_func (name, 1);
  f->params[0] = Q;
  f->params[1] = R;
  f->nparams = 2;
  return f;
}

/* v = *(base + off); free (v);  with v = 10 + line.  Returns the free's id.  */
static uint32_t
load_free (mr_func *f, mr_opnd base, int64_t off, int line)
{
  uint32_t v = 10 + (uint32_t) line;
  tb_load (f, 0, v, base, off, true, line);
  return tb_free (f, 0, mr_value (v), line + 1);
}

static void
expect_double_free (mr_func *f, uint32_t second)
{
  mr_result r;
  tb_analyze (f, NULL, &r);
  if (r.nfindings != 1)
    mr_func_dump (f, stderr);
  tb_expect_one (&r, MR_RULE_DOUBLE_FREE, second);
  mr_result_free (&r);
  mr_func_free (f);
}

/* TAILQ_REMOVE (q, elm, e) of the first element, then the head read again:
   elm = q->first; next = elm->next; prev = elm->prev; *prev = next; free (elm);
   elm2 = q->first; free (elm2).  */
static void
test_store_through_back_pointer (void **state)
{
  (void) state;
  mr_func *f = func_with_params ("tailq");
  tb_load (f, 0, ELM, mr_value (Q), 0, true, 1);
  tb_load (f, 0, NEXT, mr_value (ELM), 8, true, 2);
  tb_load (f, 0, PREV, mr_value (ELM), 16, true, 3);
  tb_store (f, 0, mr_value (PREV), 0, mr_value (NEXT), true, 4);
  tb_free (f, 0, mr_value (ELM), 5);
  load_free (f, mr_value (Q), 0, 6);
  tb_expect_silent (f);

  /* The head is itself a loaded pointer (list = ctx->list): the same.  */
  f = func_with_params ("tailq-loaded-head");
  tb_load (f, 0, X, mr_value (Q), 24, true, 1);
  tb_load (f, 0, ELM, mr_value (X), 0, true, 2);
  tb_load (f, 0, PREV, mr_value (ELM), 16, true, 3);
  tb_store (f, 0, mr_value (PREV), 0, mr_const (0), true, 4);
  tb_free (f, 0, mr_value (ELM), 5);
  load_free (f, mr_value (X), 0, 6);
  tb_expect_silent (f);

  /* Without the store, freeing the element and reading the head again is a
     double free of the element (freed but not unlinked).  */
  f = func_with_params ("tailq-not-unlinked");
  tb_load (f, 0, ELM, mr_value (Q), 0, true, 1);
  tb_load (f, 0, PREV, mr_value (ELM), 16, true, 3);
  tb_free (f, 0, mr_value (ELM), 5);
  expect_double_free (f, load_free (f, mr_value (Q), 0, 6));
}

/* Stores into what a parameter points to.  */
static void
test_parameters_and_statics (void **state)
{
  (void) state;
  /* free (q->buf); r->p = x; free (q->buf);  — q and r may point into one object.  */
  mr_func *f = func_with_params ("param-param");
  load_free (f, mr_value (Q), 8, 1);
  tb_store (f, 0, mr_value (R), 0, mr_value (X), true, 3);
  load_free (f, mr_value (Q), 8, 4);
  tb_expect_silent (f);

  /* free (g->buf); q->p = x; free (g->buf);  — q may point to the static g.  */
  f = func_with_params ("param-static");
  uint32_t g = mr_func_decl (f, "g", MR_DECL_STATIC, 7);
  load_free (f, mr_addr (g, 8), 0, 1);
  tb_store (f, 0, mr_value (Q), 0, mr_value (X), true, 3);
  load_free (f, mr_addr (g, 8), 0, 4);
  tb_expect_silent (f);

  /* free (g->buf); h->p = x; free (g->buf);  — two statics are two objects.  */
  f = func_with_params ("static-static");
  g = mr_func_decl (f, "g", MR_DECL_STATIC, 7);
  uint32_t h = mr_func_decl (f, "h", MR_DECL_STATIC, 8);
  load_free (f, mr_addr (g, 8), 0, 1);
  tb_store (f, 0, mr_addr (h, 0), 0, mr_value (X), true, 3);
  expect_double_free (f, load_free (f, mr_addr (g, 8), 0, 4));

  /* free (q->buf); r->n = 0 (an int); free (q->buf);  — an int store does not
     change a pointer.  */
  f = func_with_params ("int-store");
  load_free (f, mr_value (Q), 8, 1);
  tb_store (f, 0, mr_value (R), 0, mr_const (0), false, 3);
  expect_double_free (f, load_free (f, mr_value (Q), 8, 4));

  /* free (q->buf); *r = *x (a struct);  free (q->buf);  — an aggregate may hold
     pointers.  */
  f = func_with_params ("aggregate-store");
  load_free (f, mr_value (Q), 8, 1);
  uint32_t st = tb_store (f, 0, mr_value (R), 0, mr_unknown (), false, 3);
  tb_ev (f, st)->flags |= MR_EVF_AGGREGATE;
  load_free (f, mr_value (Q), 8, 4);
  tb_expect_silent (f);

  /* free (q->buf); *q = *x (a struct at offset 0); free (q->buf);  — the
     aggregate covers the object's other slots too.  */
  f = func_with_params ("aggregate-same-object");
  load_free (f, mr_value (Q), 8, 1);
  st = tb_store (f, 0, mr_value (Q), 0, mr_unknown (), false, 3);
  tb_ev (f, st)->flags |= MR_EVF_AGGREGATE;
  load_free (f, mr_value (Q), 8, 4);
  tb_expect_silent (f);

  /* free (q->buf); q->next = x; free (q->buf);  — the same object at another
     offset is another slot.  */
  f = func_with_params ("same-object");
  load_free (f, mr_value (Q), 8, 1);
  tb_store (f, 0, mr_value (Q), 16, mr_value (X), true, 3);
  expect_double_free (f, load_free (f, mr_value (Q), 8, 4));

  /* free (q->buf); *unknown = x; free (q->buf);  — a pointer whose object the
     state lost may point anywhere.  */
  f = func_with_params ("unknown-base");
  load_free (f, mr_value (Q), 8, 1);
  tb_store (f, 0, mr_unknown (), 0, mr_value (X), true, 3);
  load_free (f, mr_value (Q), 8, 4);
  tb_expect_silent (f);
}

/* What the function made itself: allocations and locals.  */
static void
test_private_memory (void **state)
{
  (void) state;
  /* a = malloc; a->buf = b = malloc; free (a->buf); *elm->prev = x;
     free (a->buf);  — no unknown pointer reaches a.  */
  mr_func *f = func_with_params ("private-alloc");
  tb_alloc (f, 0, A, 1);
  tb_alloc (f, 0, B, 2);
  tb_store (f, 0, mr_value (A), 8, mr_value (B), true, 3);
  load_free (f, mr_value (A), 8, 4);
  tb_load (f, 0, PREV, mr_value (Q), 16, true, 6);
  tb_store (f, 0, mr_value (PREV), 0, mr_value (X), true, 7);
  tb_store (f, 0, mr_unknown (), 0, mr_value (X), true, 8);
  tb_store (f, 0, mr_value (R), 0, mr_value (X), true, 9);
  expect_double_free (f, load_free (f, mr_value (A), 8, 10));

  /* The same with a local struct whose address is not taken.  */
  f = func_with_params ("private-local");
  uint32_t l = mr_func_decl (f, "l", MR_DECL_LOCAL, 9);
  tb_alloc (f, 0, B, 2);
  tb_store (f, 0, mr_addr (l, 0), 8, mr_value (B), true, 3);
  load_free (f, mr_addr (l, 0), 8, 4);
  tb_load (f, 0, PREV, mr_value (Q), 16, true, 6);
  tb_store (f, 0, mr_value (PREV), 0, mr_value (X), true, 7);
  tb_store (f, 0, mr_unknown (), 0, mr_value (X), true, 8);
  expect_double_free (f, load_free (f, mr_addr (l, 0), 8, 10));

  /* Two allocations are two objects: a store into one keeps the other's slots,
     even when both have escaped.  */
  f = func_with_params ("alloc-alloc");
  tb_alloc (f, 0, A, 1);
  tb_alloc (f, 0, ELM, 2);
  tb_escape (f, 0, mr_value (A), 3);
  tb_escape (f, 0, mr_value (ELM), 3);
  tb_alloc (f, 0, B, 4);
  tb_store (f, 0, mr_value (A), 8, mr_value (B), true, 5);
  load_free (f, mr_value (A), 8, 6);
  tb_store (f, 0, mr_value (ELM), 8, mr_value (X), true, 8);
  expect_double_free (f, load_free (f, mr_value (A), 8, 10));
}

/* An allocation or local that escaped: a pointer loaded from memory may reach it,
   a parameter may not (it pointed to memory that existed before).  */
static void
test_escaped_memory (void **state)
{
  (void) state;
  /* a = malloc; q->first = a; a->buf = b; free (a->buf); q->last = x;
     free (a->buf);  — a store into the caller's memory does not reach a.  */
  mr_func *f = func_with_params ("escaped-vs-param");
  tb_alloc (f, 0, A, 1);
  tb_store (f, 0, mr_value (Q), 0, mr_value (A), true, 2);
  tb_alloc (f, 0, B, 3);
  tb_store (f, 0, mr_value (A), 8, mr_value (B), true, 4);
  load_free (f, mr_value (A), 8, 5);
  tb_store (f, 0, mr_value (Q), 8, mr_value (X), true, 7);
  tb_store (f, 0, mr_value (R), 8, mr_value (X), true, 8);
  expect_double_free (f, load_free (f, mr_value (A), 8, 10));

  /* ... but one through a pointer loaded from memory may: *q->prev = x.  */
  f = func_with_params ("escaped-vs-loaded");
  tb_alloc (f, 0, A, 1);
  tb_store (f, 0, mr_value (Q), 0, mr_value (A), true, 2);
  tb_alloc (f, 0, B, 3);
  tb_store (f, 0, mr_value (A), 8, mr_value (B), true, 4);
  load_free (f, mr_value (A), 8, 5);
  tb_load (f, 0, PREV, mr_value (R), 16, true, 7);
  tb_store (f, 0, mr_value (PREV), 0, mr_value (X), true, 8);
  load_free (f, mr_value (A), 8, 10);
  tb_expect_silent (f);

  /* A local whose address was handed out: the same.  */
  f = func_with_params ("escaped-local");
  uint32_t l = mr_func_decl (f, "l", MR_DECL_LOCAL, 9);
  tb_call1 (f, 0, "register_it", mr_addr (l, 0), 0, 1);
  tb_alloc (f, 0, B, 3);
  tb_store (f, 0, mr_addr (l, 0), 8, mr_value (B), true, 4);
  load_free (f, mr_addr (l, 0), 8, 5);
  tb_store (f, 0, mr_value (Q), 8, mr_value (X), true, 7);
  uint32_t second = load_free (f, mr_addr (l, 0), 8, 10);
  mr_result r;
  tb_analyze (f, NULL, &r);
  tb_expect_one (&r, MR_RULE_DOUBLE_FREE, second);
  mr_result_free (&r);
  /* (the same function with *q->prev = x before the second read: silent) */
  mr_func_free (f);
  f = func_with_params ("escaped-local-loaded");
  l = mr_func_decl (f, "l", MR_DECL_LOCAL, 9);
  tb_call1 (f, 0, "register_it", mr_addr (l, 0), 0, 1);
  tb_alloc (f, 0, B, 3);
  tb_store (f, 0, mr_addr (l, 0), 8, mr_value (B), true, 4);
  load_free (f, mr_addr (l, 0), 8, 5);
  tb_load (f, 0, PREV, mr_value (Q), 16, true, 7);
  tb_store (f, 0, mr_value (PREV), 0, mr_value (X), true, 8);
  load_free (f, mr_addr (l, 0), 8, 10);
  tb_expect_silent (f);
}

/* free (g->buf); <a call of the unit>; free (g->buf);  — a callee whose summary
   lists the statics it writes (transfer.c, clobber_call) keeps the others.  */
static uint32_t
call_listing (mr_func *f, const uint32_t *uids, uint8_t n, mr_opnd arg, uint32_t write_mask)
{
  uint32_t c = tb_call (f, 0, 0, "helper", 1, &arg, write_mask, write_mask,
			MR_EVF_SUMMARIZED, 3);
  mr_call *call = tb_ev (f, c)->call;
  call->statics_listed = true;
  call->nstatic_writes = n;
  for (uint8_t i = 0; i < n; i++)
    call->static_writes[i] = uids[i];
  return c;
}

static void
test_calls_listing_statics (void **state)
{
  (void) state;
  /* It writes h only: g keeps its slot.  */
  mr_func *f = func_with_params ("writes-other");
  uint32_t g = mr_func_decl (f, "g", MR_DECL_STATIC, 7);
  mr_func_decl (f, "h", MR_DECL_STATIC, 8);
  load_free (f, mr_addr (g, 0), 0, 1);
  call_listing (f, (uint32_t[]) { 8 }, 1, mr_const (0), 0);
  expect_double_free (f, load_free (f, mr_addr (g, 0), 0, 4));

  /* It writes g: forgotten.  */
  f = func_with_params ("writes-it");
  g = mr_func_decl (f, "g", MR_DECL_STATIC, 7);
  load_free (f, mr_addr (g, 0), 0, 1);
  call_listing (f, (uint32_t[]) { 8, 7 }, 2, mr_const (0), 0);
  load_free (f, mr_addr (g, 0), 0, 4);
  tb_expect_silent (f);

  /* It writes through a parameter of ours, which may point to g: forgotten.  */
  f = func_with_params ("writes-through-param");
  g = mr_func_decl (f, "g", MR_DECL_STATIC, 7);
  load_free (f, mr_addr (g, 0), 0, 1);
  call_listing (f, NULL, 0, mr_value (Q), 1);
  load_free (f, mr_addr (g, 0), 0, 4);
  tb_expect_silent (f);

  /* It writes through a local's address: g keeps its slot.  */
  f = func_with_params ("writes-local");
  g = mr_func_decl (f, "g", MR_DECL_STATIC, 7);
  uint32_t l = mr_func_decl (f, "l", MR_DECL_LOCAL, 9);
  load_free (f, mr_addr (g, 0), 0, 1);
  call_listing (f, NULL, 0, mr_addr (l, 0), 1);
  expect_double_free (f, load_free (f, mr_addr (g, 0), 0, 4));

  /* The list is not known (a call that may write anything): forgotten.  */
  f = func_with_params ("not-listed");
  g = mr_func_decl (f, "g", MR_DECL_STATIC, 7);
  load_free (f, mr_addr (g, 0), 0, 1);
  uint32_t c = call_listing (f, NULL, 0, mr_const (0), 0);
  tb_ev (f, c)->call->statics_listed = false;
  load_free (f, mr_addr (g, 0), 0, 4);
  tb_expect_silent (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_store_through_back_pointer),
    cmocka_unit_test (test_parameters_and_statics),
    cmocka_unit_test (test_private_memory),
    cmocka_unit_test (test_escaped_memory),
    cmocka_unit_test (test_calls_listing_statics),
  };
  return cmocka_run_group_tests_name ("aliasing", tests, NULL, NULL);
}
