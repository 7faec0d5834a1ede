/* test_out_stores.c — what a function leaves in its caller's pointers
   (mr_summary.out_stores, plugin/core/summarize-out.c) and how a call applies it
   (plugin/core/expand-out.c), without GCC.

   Covers: an allocation stored through a parameter on every path (may be NULL when
   the function returns on a NULL test of it), or only on the paths that allocated (the caller's pointer kept on
   the others); one freed before the return; realloc of what the slot held; NULL
   after a free; what drops a location (the allocation kept by the function too,
   handed to an unknown call, returned, a path leaving something else); and the
   events a call becomes: the allocation stored into the caller's variable (an
   out-parameter of the call), freed in the callee's name, reallocated from the
   pointer loaded before the call, stored only through an address when the callee
   checks the parameter for NULL; a getter (every return gives back the pointer
   loaded from a parameter's object, nothing writing it first) and its result,
   loaded from the argument; a result tied to whether it allocated, and the
   result's ranges; the member pointers a method reads through on every path, or
   hands to a call that does (field_derefs); the struct a function returns by
   value holding its allocation (MR_OUT_RESULT); a NULL stored by a function that
   allocates and frees nothing, and whether it drops the caller's old pointer
   (drops_old: stored before the call).  */

#include "builder.h"
#include "expand.h"

enum { OUT = 1, P = 2, Q = 3, N = 4, RC = 5 };

static mr_summary
summary_of (mr_func *f)
{
  mr_result r;
  tb_analyze (f, NULL, &r);
  mr_summary s = r.summary;
  mr_result_free (&r);
  mr_func_free (f);
  return s;
}

static mr_func *
out_func (const char *name, uint32_t nblocks)
{
  mr_func *f = tb_func (name, nblocks);
  f->params[0] = OUT;
  f->nparams = 1;
  return f;
}

/* void make (char **out) { *out = malloc (n); }  */
static void
test_alloc_every_path (void **state)
{
  (void) state;
  mr_func *f = out_func ("make", 1);
  tb_alloc (f, 0, P, 1);
  tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 2);
  tb_return (f, 0, mr_none (), 3);
  mr_summary s = summary_of (f);
  assert_true (s.valid);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_ALLOC);
  assert_int_equal (s.out_stores[0].param, 0);
  assert_int_equal (s.out_stores[0].off, 0);
  assert_int_equal (s.out_stores[0].family, MR_FAM_MALLOC);
  assert_true (s.out_stores[0].always);
  /* Stored where the caller sees it, it counts as handed on (checked by whoever
     gets it): NULL is known from a path that returns it, as below.  */
  assert_false (s.out_stores[0].may_null);
  /* ... but malloc's result, never tested, used or handed on, is NULL where it
     failed (unchecked), and the pointer is the function's only channel.  */
  assert_true (s.out_stores[0].unchecked);
  assert_true (s.error_channel);
  assert_false (s.error_channel_besides_outs);

  /* The same storing an error code through a second parameter: a channel
     besides the pointer.  Never NULL (xmalloc): not unchecked.  */
  f = out_func ("make_coded", 1);
  f->params[1] = RC;
  f->nparams = 2;
  tb_alloc (f, 0, P, 1);
  tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 2);
  tb_store (f, 0, mr_value (RC), 0, mr_const (0), false, 3);
  tb_return (f, 0, mr_none (), 4);
  s = summary_of (f);
  assert_true (s.out_stores[0].unchecked);
  assert_true (s.error_channel_besides_outs);
  f = out_func ("make_never_null", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_none (), MR_EVF_NEVER_NULL, 1);
  tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 2);
  tb_return (f, 0, mr_none (), 3);
  s = summary_of (f);
  assert_false (s.out_stores[0].unchecked);

  /* *out = malloc (n); if (!*out) return -1; return 0;  The NULL side returns:
     it may leave NULL.  With exit () there instead, it does not.  */
  for (int exits = 0; exits < 2; exits++)
    {
      f = out_func ("store_then_test", 3);
      tb_alloc (f, 0, P, 1);
      tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 2);
      tb_load (f, 0, Q, mr_value (OUT), 0, true, 3);
      tb_if (f, 0, mr_value (Q), MR_CMP_EQ, mr_const (0), 1, 2);
      if (exits)
	tb_ev (f, tb_call (f, 1, 0, "exit", 0, NULL, 0, 0, 0, 4))->call->noreturn = true;
      tb_return (f, 1, mr_const (-1), 5);
      tb_return (f, 2, mr_const (0), 6);
      s = summary_of (f);
      assert_int_equal (s.nout_stores, 1);
      assert_int_equal (s.out_stores[0].may_null, !exits);
      assert_false (s.out_stores[0].unchecked);	/* tested */
      /* The NULL side returns -1, the other 0: tied, found in the CFG.  */
      assert_int_equal (s.out_stores[0].tied, exits ? MR_OUT_UNTIED : MR_OUT_MADE_IF_ZERO);
    }

  /* p = malloc (n); if (!p) { *out = NULL; return -1; } *out = p; return 0;  */
  f = out_func ("make_or_null", 3);
  tb_alloc (f, 0, P, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_store (f, 1, mr_value (OUT), 0, mr_const (0), true, 2);
  tb_return (f, 1, mr_const (-1), 3);
  tb_store (f, 2, mr_value (OUT), 0, mr_value (P), true, 4);
  tb_return (f, 2, mr_const (0), 5);
  s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_ALLOC);
  assert_true (s.out_stores[0].always);
  assert_true (s.out_stores[0].may_null);
  assert_int_equal (s.out_stores[0].tied, MR_OUT_MADE_IF_ZERO);

  /* int make (char **out) { p = malloc (n); if (!p) return -1; *out = p; return 0; }
     The failure path leaves the caller's pointer.  */
  f = out_func ("try_make", 3);
  tb_alloc (f, 0, P, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_const (-1), 2);
  tb_store (f, 2, mr_value (OUT), 0, mr_value (P), true, 3);
  tb_return (f, 2, mr_const (0), 4);
  s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_ALLOC);
  assert_false (s.out_stores[0].always);
  assert_true (s.out_stores[0].may_null);	/* it returns on NULL */
  /* 0 exactly when it allocated: tied.  */
  assert_int_equal (s.out_stores[0].tied, MR_OUT_MADE_IF_ZERO);
  /* The result's ranges: 0 where made, -1 where not.  */
  assert_int_equal (s.out_stores[0].made_lo, 0);
  assert_int_equal (s.out_stores[0].made_hi, 0);
  assert_int_equal (s.out_stores[0].none_lo, -1);
  assert_int_equal (s.out_stores[0].none_hi, -1);

  /* *out = NULL; if (!n) return 0; p = malloc (n); if (!p) return -1; *out = p;
     return 1;  The classes untie it (-1 and 1 are both nonzero), the ranges do
     not: 1 only when made, -1 and 0 only when not.  */
  f = out_func ("maybe_make", 5);
  f->params[1] = N;
  f->nparams = 2;
  tb_store (f, 0, mr_value (OUT), 0, mr_const (0), true, 1);
  tb_if (f, 0, mr_value (N), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_const (0), 2);
  tb_alloc (f, 2, P, 3);
  tb_if (f, 2, mr_value (P), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_return (f, 3, mr_const (-1), 4);
  tb_store (f, 4, mr_value (OUT), 0, mr_value (P), true, 5);
  tb_return (f, 4, mr_const (1), 6);
  s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_ALLOC);
  assert_int_equal (s.out_stores[0].tied, MR_OUT_UNTIED);
  assert_int_equal (s.out_stores[0].made_lo, 1);
  assert_int_equal (s.out_stores[0].made_hi, 1);
  assert_int_equal (s.out_stores[0].none_lo, -1);
  assert_int_equal (s.out_stores[0].none_hi, 0);

  /* *out = NULL; if (!n) return -1; *out = grow (malloc (n)); return 0;  What it
     stores is not its own allocation (dropped as such), but -1 leaves NULL:
     SOME.  */
  f = out_func ("get_some", 3);
  f->params[1] = N;
  f->nparams = 2;
  tb_store (f, 0, mr_value (OUT), 0, mr_const (0), true, 1);
  tb_if (f, 0, mr_value (N), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_const (-1), 2);
  tb_alloc (f, 2, P, 3);
  mr_opnd grown = mr_value (P);
  tb_call (f, 2, Q, "grow", 1, &grown, 0, 0, 0, 3);
  tb_store (f, 2, mr_value (OUT), 0, mr_value (Q), true, 4);
  tb_return (f, 2, mr_const (0), 5);
  s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_SOME);
  assert_int_equal (s.out_stores[0].made_lo, 0);
  assert_int_equal (s.out_stores[0].made_hi, 0);
  /* (What it stored may be NULL too: 0 is on both sides.)  */
  assert_int_equal (s.out_stores[0].none_lo, -1);
  assert_int_equal (s.out_stores[0].none_hi, 0);

  /* if (out == NULL || n == 0) return -1; *out = NULL; p = malloc (n);
     if (!p) return -1; *out = p; return 0;  The two early paths meet in the -1
     block with OUT NULL on one and not on the other: the join loses OUT's
     binding, but a parameter is its own object or NULL, and its object's slot
     was not written there: -1 still leaves the caller's pointer (or none).  */
  f = out_func ("checked_first", 6);
  f->params[1] = N;
  f->nparams = 2;
  tb_if (f, 0, mr_value (OUT), MR_CMP_EQ, mr_const (0), 2, 1);
  tb_if (f, 1, mr_value (N), MR_CMP_EQ, mr_const (0), 2, 3);
  tb_return (f, 2, mr_const (-1), 2);
  tb_store (f, 3, mr_value (OUT), 0, mr_const (0), true, 3);
  tb_alloc (f, 3, P, 4);
  tb_if (f, 3, mr_value (P), MR_CMP_EQ, mr_const (0), 4, 5);
  tb_return (f, 4, mr_const (-1), 5);
  tb_store (f, 5, mr_value (OUT), 0, mr_value (P), true, 6);
  tb_return (f, 5, mr_const (0), 7);
  s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_ALLOC);
  assert_true (s.out_stores[0].null_path);
  assert_int_equal (s.out_stores[0].tied, MR_OUT_MADE_IF_ZERO);
  assert_int_equal (s.out_stores[0].none_lo, -1);
  assert_int_equal (s.out_stores[0].none_hi, -1);

  /* The same returning 0 on success: 0 either way, -1 only when not made.  */
  f = out_func ("maybe_make_0", 5);
  f->params[1] = N;
  f->nparams = 2;
  tb_store (f, 0, mr_value (OUT), 0, mr_const (0), true, 1);
  tb_if (f, 0, mr_value (N), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_const (0), 2);
  tb_alloc (f, 2, P, 3);
  tb_if (f, 2, mr_value (P), MR_CMP_EQ, mr_const (0), 3, 4);
  tb_return (f, 3, mr_const (-1), 4);
  tb_store (f, 4, mr_value (OUT), 0, mr_value (P), true, 5);
  tb_return (f, 4, mr_const (0), 6);
  s = summary_of (f);
  assert_int_equal (s.out_stores[0].tied, MR_OUT_UNTIED);
  assert_int_equal (s.out_stores[0].made_lo, 0);
  assert_int_equal (s.out_stores[0].made_hi, 0);
  assert_int_equal (s.out_stores[0].none_lo, -1);
  assert_int_equal (s.out_stores[0].none_hi, 0);

  /* The same, but 0 on both paths (or 1 where it made it): the result says
     nothing (or says it the other way).  */
  for (int made = 0; made < 2; made++)
    {
      f = out_func ("try_make_2", 3);
      tb_alloc (f, 0, P, 1);
      tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
      tb_return (f, 1, mr_const (0), 2);
      tb_store (f, 2, mr_value (OUT), 0, mr_value (P), true, 3);
      tb_return (f, 2, mr_const (made), 4);
      s = summary_of (f);
      assert_int_equal (s.out_stores[0].tied,
			made ? MR_OUT_MADE_IF_NONZERO : MR_OUT_UNTIED);
    }
}

/* void churn (char **out) { p = malloc (n) (never NULL); *out = p; free (p); }  */
static void
test_freed (void **state)
{
  (void) state;
  mr_func *f = out_func ("churn", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_NEW, mr_none (), MR_EVF_NEVER_NULL, 1);
  tb_store (f, 0, mr_value (OUT), 8, mr_value (P), true, 2);
  tb_free_ex (f, 0, mr_value (P), MR_FAM_NEW, 3);
  tb_return (f, 0, mr_none (), 4);
  mr_summary s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_FREED);
  assert_int_equal (s.out_stores[0].off, 8);
  assert_int_equal (s.out_stores[0].family, MR_FAM_NEW);
  assert_int_equal (s.out_stores[0].loc.line, 3);
}

/* void grow (char **p) { q = realloc (*p, n) (never fails); *p = q; }
   void clear (char **p) { free (*p); *p = NULL; }  */
static void
test_realloc_and_null (void **state)
{
  (void) state;
  mr_func *f = out_func ("grow", 1);
  tb_load (f, 0, P, mr_value (OUT), 0, true, 1);
  uint32_t r = tb_realloc (f, 0, Q, mr_value (P), mr_const (64), 2);
  tb_ev (f, r)->flags = 0;
  tb_store (f, 0, mr_value (OUT), 0, mr_value (Q), true, 3);
  tb_return (f, 0, mr_none (), 4);
  mr_summary s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_REALLOC);
  assert_true (s.out_stores[0].always);

  f = out_func ("clear", 1);
  tb_load (f, 0, P, mr_value (OUT), 0, true, 1);
  tb_free (f, 0, mr_value (P), 2);
  tb_store (f, 0, mr_value (OUT), 0, mr_const (0), true, 3);
  tb_return (f, 0, mr_none (), 4);
  s = summary_of (f);
  assert_int_equal (s.nout_stores, 1);
  assert_int_equal (s.out_stores[0].kind, MR_OUT_NULL);
  assert_int_equal (s.nfield_frees, 1);
}

/* The caller must get the only reference to a fresh allocation.  */
static void
test_dropped (void **state)
{
  (void) state;
  /* Also stored in a static.  */
  mr_func *f = out_func ("shared", 1);
  uint32_t g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  tb_alloc (f, 0, P, 1);
  tb_store (f, 0, mr_addr (g, 0), 0, mr_value (P), true, 2);
  tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 3);
  tb_return (f, 0, mr_none (), 4);
  assert_int_equal (summary_of (f).nout_stores, 0);

  /* Handed to a function that may keep it.  */
  f = out_func ("registered", 1);
  tb_alloc (f, 0, P, 1);
  tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 2);
  tb_call (f, 0, 0, "keep", 1, (mr_opnd[]) { mr_value (P) }, 0, 0, 0, 3);
  tb_return (f, 0, mr_none (), 4);
  assert_int_equal (summary_of (f).nout_stores, 0);

  /* Returned too.  */
  f = out_func ("returned", 1);
  tb_alloc (f, 0, P, 1);
  tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 2);
  tb_return (f, 0, mr_value (P), 3);
  assert_int_equal (summary_of (f).nout_stores, 0);

  /* Something else on one path (a parameter's pointee).  */
  f = out_func ("mixed", 3);
  f->params[1] = N;
  f->nparams = 2;
  tb_alloc (f, 0, P, 1);
  tb_if (f, 0, mr_value (RC), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_store (f, 1, mr_value (OUT), 0, mr_value (P), true, 2);
  tb_return (f, 1, mr_none (), 3);
  tb_free (f, 2, mr_value (P), 4);
  tb_store (f, 2, mr_value (OUT), 0, mr_value (N), true, 5);
  tb_return (f, 2, mr_none (), 6);
  assert_int_equal (summary_of (f).nout_stores, 0);
}

/* char *get (struct s *o) { return o->buf; }: a getter, unless something may
   write o->buf first.  */
static void
test_returns_at (void **state)
{
  (void) state;
  mr_func *f = out_func ("get", 1);
  tb_load (f, 0, P, mr_value (OUT), 16, true, 1);
  tb_return (f, 0, mr_value (P), 2);
  mr_summary s = summary_of (f);
  assert_int_equal (s.returns_at, 1);
  assert_int_equal (s.returns_at_off, 16);
  assert_true (s.returns_at_pointer);

  f = out_func ("refresh_get", 1);
  tb_call (f, 0, 0, "refresh", 1, (mr_opnd[]) { mr_value (OUT) }, 0, 0, 0, 1);
  tb_load (f, 0, P, mr_value (OUT), 16, true, 2);
  tb_return (f, 0, mr_value (P), 3);
  assert_int_equal (summary_of (f).returns_at, 0);

  f = out_func ("set_get", 1);
  tb_store (f, 0, mr_value (OUT), 16, mr_const (0), true, 1);
  tb_load (f, 0, P, mr_value (OUT), 16, true, 2);
  tb_return (f, 0, mr_value (P), 3);
  assert_int_equal (summary_of (f).returns_at, 0);
}

/* int at (struct s *o) { return o->buf[0]; }: reads through the pointer at
   *(o + 16) on every path (field_derefs); not when it tests it first, nor when it
   stores there before.  */
static void
test_field_derefs (void **state)
{
  (void) state;
  mr_func *f = out_func ("at", 1);
  tb_load (f, 0, P, mr_value (OUT), 16, true, 1);
  tb_load (f, 0, Q, mr_value (P), 0, false, 2);
  tb_return (f, 0, mr_value (Q), 3);
  mr_summary s = summary_of (f);
  assert_int_equal (s.nfield_derefs, 1);
  assert_int_equal (s.field_derefs[0].param, 0);
  assert_int_equal (s.field_derefs[0].off, 16);

  f = out_func ("safe_at", 3);
  tb_load (f, 0, P, mr_value (OUT), 16, true, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_const (-1), 2);
  tb_load (f, 2, Q, mr_value (P), 0, false, 3);
  tb_return (f, 2, mr_value (Q), 4);
  assert_int_equal (summary_of (f).nfield_derefs, 0);

  f = out_func ("reset_at", 1);
  tb_alloc (f, 0, N, 1);
  tb_store (f, 0, mr_value (OUT), 16, mr_value (N), true, 2);
  tb_load (f, 0, P, mr_value (OUT), 16, true, 3);
  tb_load (f, 0, Q, mr_value (P), 0, false, 4);
  tb_return (f, 0, mr_value (Q), 5);
  assert_int_equal (summary_of (f).nfield_derefs, 0);

  /* size_t len (const boxed *bp) { return strlen (bp->ptr); }: handed to a call
     that reads through it; one that only compares or prints it (no mask) does
     not count, nor a summarized call (its reads are on some path only).  */
  for (int how = 0; how < 3; how++)
    {
      f = out_func ("len", 1);
      tb_load (f, 0, P, mr_value (OUT), 8, true, 1);
      uint32_t id = tb_call1 (f, 0, "strlen", mr_value (P), how == 1 ? 0 : 1, 2);
      tb_ev (f, id)->flags |= MR_EVF_NO_CLOBBER;
      if (how == 2)
	tb_ev (f, id)->flags |= MR_EVF_SUMMARIZED;
      tb_return (f, 0, mr_none (), 3);
      s = summary_of (f);
      assert_int_equal (s.nfield_derefs, how == 0);
      if (how == 0)
	assert_int_equal (s.field_derefs[0].off, 8);
    }
}

/* int parse (char **out) { p = malloc (n) (never fails); *out = p;
   if (rejected ()) { free (p); [*out = NULL;] return FREED_RET; } return 0; }
   The error path leaves *out freed, the other live: freed where the result is
   FREED_RET, apart from 0 (frees_on_result); the same result on both, or a
   NULL stored after the free, says no such thing.  */
static void
test_freed_on_result (void **state)
{
  (void) state;
  for (int variant = 0; variant < 3; variant++)
    {
      mr_func *f = out_func ("parse", 3);
      tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_none (), MR_EVF_NEVER_NULL, 1);
      tb_store (f, 0, mr_value (OUT), 0, mr_value (P), true, 2);
      tb_call (f, 0, N, "rejected", 0, NULL, 0, 0, 0, 3);
      tb_if (f, 0, mr_value (N), MR_CMP_NE, mr_const (0), 1, 2);
      tb_free (f, 1, mr_value (P), 4);
      if (variant == 2)
	tb_store (f, 1, mr_value (OUT), 0, mr_const (0), true, 5);
      tb_return (f, 1, mr_const (variant == 1 ? 0 : -1), 6);
      tb_return (f, 2, mr_const (0), 7);
      mr_summary s = summary_of (f);
      if (variant == 1)
	{
	  /* Freed and live with 0 alike: the result tells nothing.  */
	  assert_true (s.nout_stores == 0 || !s.out_stores[0].frees_on_result);
	  continue;
	}
      assert_int_equal (s.nout_stores, 1);
      assert_int_equal (s.out_stores[0].kind, MR_OUT_ALLOC);
      if (variant == 2)
	{
	  assert_false (s.out_stores[0].frees_on_result);
	  assert_int_equal (s.out_stores[0].tied, MR_OUT_MADE_IF_ZERO);
	  continue;
	}
      assert_true (s.out_stores[0].frees_on_result);
      assert_int_equal (s.out_stores[0].family, MR_FAM_MALLOC);
      assert_int_equal (s.out_stores[0].freed_lo, -1);
      assert_int_equal (s.out_stores[0].freed_hi, -1);
      assert_int_equal (s.out_stores[0].live_lo, 0);
      assert_int_equal (s.out_stores[0].live_hi, 0);
      assert_int_equal (s.out_stores[0].loc.line, 4);
    }
}

/* The test glue: argument i is the address of local decl i, or value 10 + i.  */
struct glue
{
  bool addresses;
  uint32_t next_synthetic;
};

static mr_opnd
arg_of (void *g, unsigned i)
{
  return ((struct glue *) g)->addresses ? mr_addr (i, 0) : mr_value (10 + i);
}

static uint32_t
field_of (void *g, unsigned i, int64_t off)
{
  (void) i, (void) off;
  return ((struct glue *) g)->next_synthetic++;
}

static mr_func *
caller (struct glue *g, mr_call_site *cs)
{
  mr_func *f = tb_func ("t", 1);
  mr_func_add_decl (f, "s", MR_DECL_LOCAL, 1);
  *cs = (mr_call_site) { .f = f, .bb = 0, .loc = tb_loc (5), .name = "make", .nargs = 1,
			 .arg = arg_of, .field_value = field_of, .glue = g };
  return f;
}

static mr_summary
with_out (mr_out_kind kind, bool always, bool null_path)
{
  mr_summary s = { .valid = true, .reallocs_param = -1, .returns_param = -1 };
  s.out_stores[0] = (mr_out_store) { .param = 0, .kind = (uint8_t) kind,
				     .family = MR_FAM_MALLOC, .always = always,
				     .null_path = null_path, .loc = tb_loc (9) };
  s.nout_stores = 1;
  return s;
}

/* `r = parse (&s); if (r < 0) free (s); else free (s);`, parse freeing *out
   where it returns -1 (frees_on_result), live with 0: the call records the
   free for its result, and the branch that decides r < 0 frees the block
   there: the caller's free is a double free, its note the call's FREE (in no
   block) in parse's name, at parse's free.  `r == 0`'s side is silent, and a
   call whose result is not kept records nothing.  */
static void
test_freed_on_result_expand (void **state)
{
  (void) state;
  struct glue g = { .addresses = true, .next_synthetic = 40 };
  mr_call_site cs;
  for (int kept = 0; kept < 2; kept++)
    {
      mr_func *f = caller (&g, &cs);
      mr_func_free (f);
      f = tb_func ("t", 3);
      mr_func_add_decl (f, "s", MR_DECL_LOCAL, 1);
      cs.f = f;
      cs.dst = kept ? 30 : 0;
      mr_summary sum = with_out (MR_OUT_ALLOC, true, false);
      mr_out_store *o = &sum.out_stores[0];
      o->frees_on_result = true;
      o->freed_lo = o->freed_hi = -1;
      o->live_lo = o->live_hi = 0;
      o->made_lo = -1, o->made_hi = 0;
      o->none_lo = 1, o->none_hi = 0;
      mr_expand_summary (&sum, &cs);
      assert_int_equal (f->nresult_frees, kept);
      if (!kept)
	{
	  mr_func_free (f);
	  continue;
	}
      const mr_free_on_result *r = &f->result_frees[0];
      assert_int_equal (r->value, 30);
      assert_int_equal (r->obj, f->blocks[0].events[1].dst);
      assert_int_equal (r->free->kind, MR_EV_FREE);
      assert_string_equal (r->free->via, "make");
      assert_int_equal (r->free->via_loc.line, 9);
      uint32_t note = r->free->id;
      tb_if (f, 0, mr_value (30), MR_CMP_LT, mr_const (0), 1, 2);
      tb_load (f, 1, Q, mr_addr (0, 0), 0, true, 6);
      uint32_t twice = tb_free (f, 1, mr_value (Q), 7);
      tb_return (f, 1, mr_none (), 8);
      tb_load (f, 2, P, mr_addr (0, 0), 0, true, 9);
      tb_free (f, 2, mr_value (P), 10);
      tb_return (f, 2, mr_none (), 11);
      mr_result res;
      tb_analyze (f, NULL, &res);
      const mr_finding *fd = tb_expect_one (&res, MR_RULE_DOUBLE_FREE, twice);
      tb_expect_note (fd, MR_NOTE_FIRST_FREE, note);
      mr_result_free (&res);
      mr_func_free (f);
    }
}

static void
test_expand (void **state)
{
  (void) state;
  /* make (&s) leaving a fresh allocation: CALL (an out-parameter), ALLOC, STORE.  */
  struct glue g = { .addresses = true, .next_synthetic = 40 };
  mr_call_site cs;
  mr_func *f = caller (&g, &cs);
  mr_summary sum = with_out (MR_OUT_ALLOC, true, false);
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 3);
  assert_int_equal (b->events[0].kind, MR_EV_CALL);
  assert_int_equal (b->events[0].call->out_mask, 1);
  assert_int_equal (b->events[1].kind, MR_EV_ALLOC);
  assert_int_equal (b->events[1].dst, 40);
  assert_int_equal (b->events[1].flags, 0);
  assert_string_equal (b->events[1].via, "make");
  assert_int_equal (b->events[2].kind, MR_EV_STORE);
  assert_int_equal (b->events[2].a.kind, MR_OPND_ADDR);
  assert_int_equal (b->events[2].b.id, 40);
  mr_func_free (f);

  /* An unchecked allocation (may fail, never tested by the callee): with the
     result dropped and no other channel, checked like malloc's (MAY_FAIL); with
     the result kept, or an error code besides, left to the caller as before.  */
  for (int variant = 0; variant < 3; variant++)
    {
      f = caller (&g, &cs);
      sum = with_out (MR_OUT_ALLOC, true, false);
      sum.out_stores[0].unchecked = true;
      if (variant == 1)
	cs.dst = 30;
      if (variant == 2)
	sum.error_channel_besides_outs = true;
      mr_expand_summary (&sum, &cs);
      assert_int_equal (f->blocks[0].events[1].kind, MR_EV_ALLOC);
      assert_int_equal (f->blocks[0].events[1].flags, variant ? 0 : MR_EVF_MAY_FAIL);
      mr_func_free (f);
    }

  /* Allocated on some paths only: quiet about NULL.  Freed: a FREE after.  */
  f = caller (&g, &cs);
  sum = with_out (MR_OUT_ALLOC, false, false);
  mr_expand_summary (&sum, &cs);
  assert_true (f->blocks[0].events[1].flags & MR_EVF_QUIET_NULL);
  mr_func_free (f);

  /* Tied to the result (0 exactly when made): r = make (&s) is nonzero exactly
     when the allocation is NULL, a truth record on r.  */
  f = caller (&g, &cs);
  sum = with_out (MR_OUT_ALLOC, false, false);
  sum.out_stores[0].tied = MR_OUT_MADE_IF_ZERO;
  cs.dst = 30;
  mr_expand_summary (&sum, &cs);
  mr_func_resolve (f);
  const mr_truth *t = mr_func_truth (f, 30);
  assert_non_null (t);
  assert_int_equal (t->cond.lhs.id, f->blocks[0].events[1].dst);
  assert_int_equal (t->cond.op, MR_CMP_EQ);
  assert_int_equal (t->cond.rhs.num, 0);
  assert_false (t->ranged);
  mr_func_free (f);

  /* Made with 0 or 1, not with -1: ranged (`r != -1` decides it too).  */
  f = caller (&g, &cs);
  cs.dst = 30;
  sum.out_stores[0].made_lo = 0;
  sum.out_stores[0].made_hi = 1;
  sum.out_stores[0].none_lo = sum.out_stores[0].none_hi = -1;
  sum.out_stores[0].tied = MR_OUT_UNTIED;
  mr_expand_summary (&sum, &cs);
  mr_func_resolve (f);
  t = mr_func_truth (f, 30);
  assert_non_null (t);
  assert_true (t->ranged);
  assert_int_equal (t->cond.lhs.id, f->blocks[0].events[1].dst);
  assert_int_equal (t->cond.op, MR_CMP_NE);
  assert_int_equal (t->yes_lo, 0);
  assert_int_equal (t->yes_hi, 1);
  assert_int_equal (t->no_lo, -1);
  assert_int_equal (t->no_hi, -1);
  mr_func_free (f);

  /* SOME: the callee's pointer, read from where the call left it, NULL outside
     the made range, never known not NULL (the no range is the whole hull).  */
  f = caller (&g, &cs);
  cs.dst = 30;
  mr_summary some = with_out (MR_OUT_SOME, false, false);
  some.out_stores[0].made_lo = some.out_stores[0].made_hi = 0;
  some.out_stores[0].none_lo = some.out_stores[0].none_hi = -1;
  mr_expand_summary (&some, &cs);
  mr_func_resolve (f);
  assert_int_equal (f->blocks[0].nevents, 2);
  assert_int_equal (f->blocks[0].events[1].kind, MR_EV_LOAD);
  t = mr_func_truth (f, 30);
  assert_non_null (t);
  assert_true (t->ranged);
  assert_int_equal (t->cond.lhs.id, f->blocks[0].events[1].dst);
  assert_int_equal (t->yes_lo, 0);
  assert_int_equal (t->yes_hi, 0);
  assert_int_equal (t->no_lo, -1);
  assert_int_equal (t->no_hi, 0);
  mr_func_free (f);

  /* Ranges that tell nothing (the result not known on either side): no record.  */
  f = caller (&g, &cs);
  cs.dst = 30;
  sum.out_stores[0].made_lo = INT64_MIN;
  sum.out_stores[0].made_hi = INT64_MAX;
  sum.out_stores[0].none_lo = INT64_MIN;
  sum.out_stores[0].none_hi = INT64_MAX;
  mr_expand_summary (&sum, &cs);
  mr_func_resolve (f);
  assert_null (mr_func_truth (f, 30));
  mr_func_free (f);
  cs.dst = 0;
  f = caller (&g, &cs);
  sum = with_out (MR_OUT_FREED, true, false);
  mr_expand_summary (&sum, &cs);
  b = &f->blocks[0];
  assert_int_equal (b->nevents, 4);
  assert_int_equal (b->events[3].kind, MR_EV_FREE);
  assert_int_equal (b->events[3].via_loc.line, 9);

  /* Reallocated: the caller's pointer loaded before the call, moved after it.  */
  mr_func_free (f);
  f = caller (&g, &cs);
  sum = with_out (MR_OUT_REALLOC, true, false);
  mr_expand_summary (&sum, &cs);
  b = &f->blocks[0];
  assert_int_equal (b->nevents, 4);
  assert_int_equal (b->events[0].kind, MR_EV_LOAD);
  assert_int_equal (b->events[1].kind, MR_EV_CALL);
  assert_int_equal (b->events[2].kind, MR_EV_REALLOC);
  assert_int_equal (b->events[2].a.id, b->events[0].dst);
  mr_func_free (f);

  /* A getter: its result loaded from the argument before the call.  */
  f = caller (&g, &cs);
  sum = with_out (MR_OUT_NULL, true, false);
  sum.nout_stores = 0;
  sum.returns_at = 1;
  sum.returns_at_pointer = true;
  sum.returns_at_off = 8;
  cs.dst = 30;
  mr_expand_summary (&sum, &cs);
  b = &f->blocks[0];
  assert_int_equal (b->nevents, 2);
  assert_int_equal (b->events[0].kind, MR_EV_LOAD);
  assert_int_equal (b->events[0].dst, 30);
  assert_int_equal (b->events[0].off, 8);
  assert_int_equal (b->events[1].kind, MR_EV_CALL);
  assert_int_equal (b->events[1].dst, 0);
  mr_func_free (f);

  /* The callee checks the parameter for NULL: a pointer value may be NULL, nothing
     is stored through it; an address is never NULL.  */
  g.addresses = false;
  f = caller (&g, &cs);
  sum = with_out (MR_OUT_ALLOC, true, true);
  mr_expand_summary (&sum, &cs);
  assert_int_equal (f->blocks[0].nevents, 1);
  assert_int_equal (f->blocks[0].events[0].call->out_mask, 0);
  mr_func_free (f);
}

/* void clear (char **out) { *out = NULL; }: analysed (it allocates and frees
   nothing, but clears its caller's pointer), NULL, the old pointer dropped; so
   with the old pointer loaded and ignored (`u.release ()`), not when it is
   freed or handed to a call first.  */
static void
test_drops_old (void **state)
{
  (void) state;
  for (int use = 0; use < 4; use++)
    {
      mr_func *f = out_func ("clear", 1);
      if (use)
	tb_load (f, 0, P, mr_value (OUT), 0, true, 1);
      if (use == 2)
	tb_free (f, 0, mr_value (P), 2);
      if (use == 3)
	{
	  mr_opnd arg = mr_value (P);
	  tb_call (f, 0, 0, "keep", 1, &arg, 0, 0, 0, 2);
	}
      tb_store (f, 0, mr_value (OUT), 0, mr_const (0), true, 3);
      tb_return (f, 0, mr_none (), 4);
      mr_summary s = summary_of (f);
      assert_true (s.valid);
      assert_int_equal (s.nout_stores, 1);
      assert_int_equal (s.out_stores[0].kind, MR_OUT_NULL);
      assert_int_equal (s.out_stores[0].drops_old, use < 2);
    }

  /* The caller: the NULL stored before the call.  */
  struct glue g = { .addresses = true, .next_synthetic = 40 };
  mr_call_site cs;
  mr_func *f = caller (&g, &cs);
  mr_summary sum = with_out (MR_OUT_NULL, true, false);
  sum.out_stores[0].drops_old = true;
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 2);
  assert_int_equal (b->events[0].kind, MR_EV_STORE);
  assert_int_equal (b->events[0].b.kind, MR_OPND_CONST);
  assert_int_equal (b->events[1].kind, MR_EV_CALL);
  mr_func_free (f);
  f = caller (&g, &cs);
  sum.out_stores[0].drops_old = false;
  mr_expand_summary (&sum, &cs);
  b = &f->blocks[0];
  assert_int_equal (b->nevents, 2);
  assert_int_equal (b->events[0].kind, MR_EV_CALL);
  assert_int_equal (b->events[1].kind, MR_EV_STORE);
  mr_func_free (f);
}

/* boxed make (void) { boxed b; b.ptr = malloc (n); return b; } as the glue
   lowers it: the allocation stored into the result, which is returned.  A result
   that also escapes holds nothing for the caller.  */
static void
test_returned_struct (void **state)
{
  (void) state;
  for (int escapes = 0; escapes < 2; escapes++)
    {
      mr_func *f = tb_func ("make", 1);
      uint32_t res = mr_func_add_decl (f, "<retval>", MR_DECL_LOCAL, 1);
      tb_alloc (f, 0, P, 1);
      tb_store (f, 0, mr_addr (res, 0), 8, mr_value (P), true, 2);
      if (escapes)
	tb_call1 (f, 0, "keep", mr_value (P), 0, 3);
      tb_return (f, 0, mr_addr (res, 0), 4);
      mr_summary s = summary_of (f);
      assert_true (s.valid);
      if (escapes)
	{
	  assert_int_equal (s.nout_stores, 0);
	  continue;
	}
      assert_int_equal (s.nout_stores, 1);
      assert_int_equal (s.out_stores[0].param, MR_OUT_RESULT);
      assert_int_equal (s.out_stores[0].kind, MR_OUT_ALLOC);
      assert_int_equal (s.out_stores[0].off, 8);
      assert_true (s.out_stores[0].may_null);
      assert_true (s.out_stores[0].always);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_alloc_every_path),
    cmocka_unit_test (test_freed),
    cmocka_unit_test (test_realloc_and_null),
    cmocka_unit_test (test_dropped),
    cmocka_unit_test (test_returns_at),
    cmocka_unit_test (test_field_derefs),
    cmocka_unit_test (test_expand),
    cmocka_unit_test (test_returned_struct),
    cmocka_unit_test (test_drops_old),
    cmocka_unit_test (test_freed_on_result),
    cmocka_unit_test (test_freed_on_result_expand),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
