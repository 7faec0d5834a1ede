/* test_summary.c — what mr_analyze records of a function for its callers
   (mr_summary, engine.h), computed without GCC.

   Covers: a parameter freed on every path, also when a path finds it NULL
   (`if (p) free (p);`), but not when only some paths free it; a field of a
   parameter's object freed on every path (a destructor, a clear function), NULL
   paths of the field or of the parameter included, not when it is overwritten
   first; a parameter stored into another parameter's object on the straight line
   from entry (a constructor), not when another store may overwrite it; no_clobber
   (the call keeps the caller's memory as the summary says) and what breaks it;
   where pointers are stored (a parameter's object, or anywhere: through loaded
   pointers, through a callee that does) and what a caller forgets at the call;
   mr_summary_same; what an integer result says (a comparison of a parameter or a
   field, a constant, a parameter) and how a branch on it refines the argument;
   a result that is memory the function freed (on every path, or NULL where a
   parameter is, or a live block where a parameter says the other way) and the
   caller's double free of it; the parameters dereferenced
   first on every path (derefs_first), and a static the function reads so
   (static_derefs_first); a realloc through a parameter that may fail (a
   REALLOC out-store, may_null); a parameter freed at an offset from the
   pointer given (frees_at_off).  Leak and UAF effects of the handed-over and quiet-NULL
   allocations are in the same file, since they exist for the summaries' callers.  */

#define TB_RULES (TB_RULE (MR_RULE_LEAK) | TB_RULE (MR_RULE_DOUBLE_FREE) \
		  | TB_RULE (MR_RULE_MISMATCHED_DEALLOC))
#include "builder.h"
#include "expand.h"

enum { P = 1, Q = 2, D = 3, D2 = 4, A = 5 };

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

/* void release (char *p) { if (p) free (p); }  */
static void
test_frees_when_not_null (void **state)
{
  (void) state;
  mr_func *f = tb_func ("release", 4);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (P), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  mr_summary s = summary_of (f);
  assert_true (s.valid);
  assert_int_equal (s.frees_always, 1);
  assert_int_equal (s.free_loc.line, 2);
  assert_true (s.no_clobber);

  /* void maybe (char *p, int flag) { if (flag) free (p); }: only sometimes.  */
  f = tb_func ("maybe", 4);
  f->params[0] = P;
  f->nparams = 2;
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.frees_always, 0);
  assert_int_equal (s.frees_maybe, 1);
  assert_false (s.no_clobber);

  /* void nothing (char *p) { if (!p) return; }: NULL on every path, never freed.  */
  f = tb_func ("nothing", 3);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 2);
  tb_return (f, 2, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.frees_always, 0);
}

/* void destroy (struct b *b) { if (!b) return; d = b->data; if (d) free (d);
   free (b); }  */
static void
test_field_frees (void **state)
{
  (void) state;
  mr_func *f = tb_func ("destroy", 5);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 2);
  tb_load (f, 2, D, mr_value (P), 8, true, 3);
  tb_if (f, 2, mr_value (D), MR_CMP_NE, mr_const (0), 3, 4);
  tb_free (f, 3, mr_value (D), 4);
  tb_goto (f, 3, 4);
  tb_free (f, 4, mr_value (P), 5);
  tb_return (f, 4, mr_none (), 6);
  mr_summary s = summary_of (f);
  assert_int_equal (s.frees_always, 1);
  assert_int_equal (s.nfield_frees, 1);
  assert_int_equal (s.field_frees[0].param, 0);
  assert_int_equal (s.field_frees[0].off, 8);
  assert_int_equal (s.field_frees[0].loc.line, 4);
  assert_true (s.no_clobber);

  /* b->data = q (a store first): what is freed is not the caller's pointer but q,
     the second parameter, and the store is a field store: still exact.  */
  f = tb_func ("replace", 1);
  f->params[0] = P;
  f->params[1] = Q;
  f->nparams = 2;
  tb_store (f, 0, mr_value (P), 8, mr_value (Q), true, 1);
  tb_load (f, 0, D, mr_value (P), 8, true, 2);
  tb_free (f, 0, mr_value (D), 3);
  tb_return (f, 0, mr_none (), 4);
  s = summary_of (f);
  assert_int_equal (s.nfield_frees, 0);
  assert_int_equal (s.frees_always, 2);
  assert_int_equal (s.nfield_stores, 1);
  assert_true (s.no_clobber);

  /* Freed on one path only: no field free, and the call may keep the caller's
     memory changed.  */
  f = tb_func ("sometimes", 3);
  f->params[0] = P;
  f->nparams = 2;
  tb_load (f, 0, D, mr_value (P), 0, true, 1);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (D), 2);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.nfield_frees, 0);
  assert_false (s.no_clobber);
}

/* static char *g; void sink (void) { free (g); }: the static the function reads
   is a parameter of its summary (mr_decl.param), MR_PARAM_STATIC + j; not when a
   call that may write its caller's memory comes before a read of it.  */
static void
test_static_field_frees (void **state)
{
  (void) state;
  mr_func *f = tb_func ("sink", 1);
  uint32_t g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  f->decls[g].param = 1;
  tb_load (f, 0, D, mr_addr (g, 0), 0, true, 1);
  tb_free (f, 0, mr_value (D), 2);
  tb_return (f, 0, mr_none (), 3);
  mr_summary s = summary_of (f);
  assert_int_equal (s.nfield_frees, 1);
  assert_int_equal (s.field_frees[0].param, MR_PARAM_STATIC);
  assert_int_equal (s.field_frees[0].off, 0);
  assert_int_equal (s.field_frees[0].loc.line, 2);

  /* A static the glue does not name as a parameter: nothing.  */
  f = tb_func ("sink", 1);
  g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  tb_load (f, 0, D, mr_addr (g, 0), 0, true, 1);
  tb_free (f, 0, mr_value (D), 2);
  tb_return (f, 0, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.nfield_frees, 0);

  /* void sink (void) { note (); free (g); }: note may call back into the unit
     and store another pointer there.  */
  f = tb_func ("sink", 1);
  g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  f->decls[g].param = 1;
  tb_call (f, 0, 0, "note", 0, NULL, 0, 0, 0, 1);
  tb_load (f, 0, D, mr_addr (g, 0), 0, true, 2);
  tb_free (f, 0, mr_value (D), 3);
  tb_return (f, 0, mr_none (), 4);
  s = summary_of (f);
  assert_int_equal (s.nfield_frees, 0);

  /* void sink (void) { char *p = g; note (p); free (p); }: read before the
     call, what is freed is the caller's pointer whatever note does.  */
  f = tb_func ("sink", 1);
  g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  f->decls[g].param = 1;
  tb_load (f, 0, D, mr_addr (g, 0), 0, true, 1);
  tb_call1 (f, 0, "note", mr_value (D), 0, 2);
  tb_free (f, 0, mr_value (D), 3);
  tb_return (f, 0, mr_none (), 4);
  s = summary_of (f);
  assert_int_equal (s.nfield_frees, 1);
  assert_int_equal (s.field_frees[0].param, MR_PARAM_STATIC);

  /* ... but read again in a block after the call: another pointer, maybe.  */
  f = tb_func ("sink", 2);
  g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  f->decls[g].param = 1;
  tb_load (f, 0, D, mr_addr (g, 0), 0, true, 1);
  tb_call1 (f, 0, "note", mr_value (D), 0, 2);
  tb_goto (f, 0, 1);
  tb_load (f, 1, D2, mr_addr (g, 0), 0, true, 3);
  tb_free (f, 1, mr_value (D2), 4);
  tb_return (f, 1, mr_none (), 5);
  s = summary_of (f);
  assert_int_equal (s.nfield_frees, 0);

  /* int first (void) { return g[0]; }: a read through the static.  */
  f = tb_func ("first", 1);
  g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  f->decls[g].param = 2;
  tb_load (f, 0, D, mr_addr (g, 0), 0, true, 1);
  tb_load (f, 0, A, mr_value (D), 0, false, 2);
  tb_return (f, 0, mr_value (A), 3);
  s = summary_of (f);
  assert_int_equal (s.nfield_derefs, 1);
  assert_int_equal (s.field_derefs[0].param, MR_PARAM_STATIC + 1);
  assert_int_equal (s.field_derefs[0].off, 0);
}

/* static int flag; void sink (char *p) { if (flag) free (p); }: the free depends
   on the flag, a parameter of the summary; frees_if_clear for `if (!flag)`; none
   when the function writes the flag.  */
static void
test_flag_frees (void **state)
{
  (void) state;
  for (int negate = 0; negate <= 1; negate++)
    {
      mr_func *f = tb_func ("sink", 3);
      uint32_t g = mr_func_add_decl (f, "flag", MR_DECL_STATIC, 9);
      f->decls[g].param = 2;
      f->params[0] = P;
      f->nparams = 1;
      tb_load (f, 0, A, mr_addr (g, 0), 0, false, 1);
      tb_if (f, 0, mr_value (A), negate ? MR_CMP_EQ : MR_CMP_NE, mr_const (0), 1, 2);
      tb_free (f, 1, mr_value (P), 2);
      tb_goto (f, 1, 2);
      tb_return (f, 2, mr_none (), 3);
      mr_summary s = summary_of (f);
      assert_int_equal (s.frees_always, 0);
      assert_int_equal (s.flag_param, MR_PARAM_STATIC + 1);
      assert_int_equal (s.frees_if_set, negate ? 0 : 1);
      assert_int_equal (s.frees_if_clear, negate ? 1 : 0);
    }

  /* flag = 0 first: the function's own value, not its caller's.  */
  mr_func *f = tb_func ("sink", 3);
  uint32_t g = mr_func_add_decl (f, "flag", MR_DECL_STATIC, 9);
  f->decls[g].param = 1;
  f->params[0] = P;
  f->nparams = 1;
  tb_load (f, 0, A, mr_addr (g, 0), 0, false, 1);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (P), 2);
  tb_store (f, 1, mr_addr (g, 0), 0, mr_const (0), false, 3);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 4);
  mr_summary s = summary_of (f);
  assert_int_equal (s.flag_param, 0);
  assert_int_equal (s.frees_if_set, 0);
}

/* void release (char *p, int owned) { if (owned) free (p); }: the free depends
   on the integer parameter the branch tests (flag_param 1 + 1); `if (n < 0)
   return;` before it is not taken for the flag, and a path that returns with
   the flag undecided decides nothing.  */
static void
test_scalar_flag_frees (void **state)
{
  (void) state;
  for (int negate = 0; negate <= 1; negate++)
    {
      mr_func *f = tb_func ("release", 3);
      f->params[0] = P;
      f->scalar_params[1] = A;
      f->nparams = 2;
      tb_if (f, 0, mr_value (A), negate ? MR_CMP_EQ : MR_CMP_NE, mr_const (0), 1, 2);
      tb_free (f, 1, mr_value (P), 2);
      tb_goto (f, 1, 2);
      tb_return (f, 2, mr_none (), 3);
      mr_summary s = summary_of (f);
      assert_int_equal (s.frees_always, 0);
      assert_int_equal (s.flag_param, 2);
      assert_int_equal (s.frees_if_set, negate ? 0 : 1);
      assert_int_equal (s.frees_if_clear, negate ? 1 : 0);
    }

  /* void h (char *p, int n, int owned) { if (n < 0) return; if (owned) free (p); }  */
  mr_func *f = tb_func ("h", 4);
  f->params[0] = P;
  f->scalar_params[1] = D;
  f->scalar_params[2] = A;
  f->nparams = 3;
  tb_if (f, 0, mr_value (D), MR_CMP_LT, mr_const (0), 3, 1);
  tb_if (f, 1, mr_value (A), MR_CMP_NE, mr_const (0), 2, 3);
  tb_free (f, 2, mr_value (P), 2);
  tb_goto (f, 2, 3);
  tb_return (f, 3, mr_none (), 3);
  mr_summary s = summary_of (f);
  assert_int_equal (s.frees_if_set, 0);
  assert_int_equal (s.frees_if_clear, 0);
  assert_int_equal (s.flag_param, 0);
}

/* static int flag; void sink (int *p) { if (flag) p[0] = 5; }: p is dereferenced
   first only with the flag set (derefs_if_set; derefs_if_clear for `if (!flag)`),
   not always (derefs_first); nothing when the function writes the flag.  */
static void
test_flag_derefs (void **state)
{
  (void) state;
  for (int writes = 0; writes <= 1; writes++)
    for (int negate = 0; negate <= 1; negate++)
      {
	mr_func *f = tb_func ("sink", 3);
	uint32_t g = mr_func_add_decl (f, "flag", MR_DECL_STATIC, 9);
	f->decls[g].param = 2;
	f->params[0] = P;
	f->nparams = 1;
	tb_load (f, 0, A, mr_addr (g, 0), 0, false, 1);
	tb_if (f, 0, mr_value (A), negate ? MR_CMP_EQ : MR_CMP_NE, mr_const (0), 1, 2);
	tb_store (f, 1, mr_value (P), 0, mr_const (5), false, 2);
	if (writes)
	  tb_store (f, 1, mr_addr (g, 0), 0, mr_const (0), false, 3);
	tb_goto (f, 1, 2);
	tb_return (f, 2, mr_none (), 4);
	mr_summary s = summary_of (f);
	assert_int_equal (s.derefs_first, 0);
	assert_int_equal (s.flag_param, writes ? 0 : MR_PARAM_STATIC + 1);
	assert_int_equal (s.derefs_if_set, writes || negate ? 0 : 1);
	assert_int_equal (s.derefs_if_clear, !writes && negate ? 1 : 0);
	/* The flag the dereferences looked for, kept for the frees (flag_of).  */
	assert_int_equal (s.flag_found, writes ? UINT32_MAX : g + 1);
      }
}

/* A caller's free under a flag (MR_EVF_GUARDED), as expand.c makes it of such a
   summary: done where the flag is known so, not where it is not known.  */
static void
test_guarded_free (void **state)
{
  (void) state;
  for (int known = 0; known <= 2; known++)
    {
      /* p = malloc (); free (p); [flag = 1 | flag = 0 | nothing] v = flag;
	 free (p) if v.  */
      mr_func *f = tb_func ("caller", 1);
      uint32_t g = mr_func_add_decl (f, "flag", MR_DECL_STATIC, 9);
      tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_const (8), 0, 1);
      tb_free (f, 0, mr_value (P), 2);
      if (known)
	tb_store (f, 0, mr_addr (g, 0), 0, mr_const (known == 1), false, 3);
      tb_load (f, 0, A, mr_addr (g, 0), 0, false, 4);
      uint32_t id = tb_free (f, 0, mr_value (P), 5);
      mr_event *e = tb_ev (f, id);
      e->b = mr_value (A);
      e->off = 1;
      e->flags = MR_EVF_GUARDED;
      tb_return (f, 0, mr_none (), 6);
      mr_result r;
      tb_analyze (f, NULL, &r);
      assert_int_equal (tb_count (&r, MR_RULE_DOUBLE_FREE), known == 1);
      mr_result_free (&r);
      mr_func_free (f);
    }
}

/* C::C (C *this, P *p) { this->p = p; }  */
static void
test_field_stores (void **state)
{
  (void) state;
  mr_func *f = tb_func ("ctor", 2);
  f->params[0] = P;
  f->params[1] = Q;
  f->nparams = 2;
  tb_goto (f, 0, 1);
  tb_store (f, 1, mr_value (P), 16, mr_value (Q), true, 1);
  tb_return (f, 1, mr_none (), 2);
  mr_summary s = summary_of (f);
  assert_int_equal (s.nfield_stores, 1);
  assert_int_equal (s.field_stores[0].dst_param, 0);
  assert_int_equal (s.field_stores[0].src_param, 1);
  assert_int_equal (s.field_stores[0].off, 16);
  assert_true (s.no_clobber);

  /* A conditional store to the same field afterwards: dropped.  */
  f = tb_func ("ctor2", 3);
  f->params[0] = P;
  f->params[1] = Q;
  f->nparams = 3;
  tb_store (f, 0, mr_value (P), 16, mr_value (Q), true, 1);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_store (f, 1, mr_value (P), 16, mr_const (0), true, 2);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.nfield_stores, 0);
  assert_false (s.no_clobber);
}

/* What breaks no_clobber: a call that may write, returning a parameter on some
   paths only, a pointer stored into a static.  Returning it on every path does not:
   callers copy it (returns_param).  */
static void
test_no_clobber (void **state)
{
  (void) state;
  mr_func *f = tb_func ("calls", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_call1 (f, 0, "unknown", mr_value (P), 0, 1);
  tb_return (f, 0, mr_none (), 2);
  assert_false (summary_of (f).no_clobber);

  f = tb_func ("reads", 1);
  f->params[0] = P;
  f->nparams = 1;
  mr_opnd arg = mr_value (P);
  tb_call (f, 0, 0, "strlen", 1, &arg, 1, 0, MR_EVF_NO_CLOBBER, 1);
  tb_return (f, 0, mr_none (), 2);
  assert_true (summary_of (f).no_clobber);

  f = tb_func ("identity", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_return (f, 0, mr_value (P), 1);
  mr_summary s = summary_of (f);
  assert_int_equal (s.returns_param, 0);
  assert_true (s.no_clobber);

  /* return c ? p : q;  — p is kept on one path.  */
  f = tb_func ("either", 3);
  f->params[0] = P;
  f->params[1] = Q;
  f->nparams = 2;
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_return (f, 1, mr_value (P), 1);
  tb_return (f, 2, mr_value (Q), 2);
  s = summary_of (f);
  assert_int_equal (s.returns_param, -1);
  assert_false (s.no_clobber);

  f = tb_func ("keep", 1);
  f->params[0] = P;
  f->nparams = 1;
  uint32_t g = mr_func_add_decl (f, "global", MR_DECL_STATIC, 7);
  tb_store (f, 0, mr_addr (g, 0), 0, mr_value (P), true, 1);
  tb_return (f, 0, mr_none (), 2);
  assert_false (summary_of (f).no_clobber);
}

/* returns_param: the parameter every return gives back (strcpy-like), at its
   offset; NULL where the parameter is NULL counts; anything else on one path, or
   a shared return block merging the paths, is checked path by path.  */
static void
test_returns_param (void **state)
{
  (void) state;
  /* char *f (char *d, char *s) { return d + 0; }  through a copy.  */
  mr_func *f = tb_func ("dst", 1);
  f->params[0] = D;
  f->params[1] = P;
  f->nparams = 2;
  tb_copy (f, 0, Q, mr_value (D), 0, true, 1);
  tb_return (f, 0, mr_value (Q), 2);
  mr_summary s = summary_of (f);
  assert_int_equal (s.returns_param, 0);
  assert_int_equal (s.returns_param_off, 0);

  /* if (!p) return NULL; return p + 4;  in a shared return block (a PHI).  */
  f = tb_func ("skip", 4);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_goto (f, 1, 3);
  tb_copy (f, 2, Q, mr_value (P), 4, true, 2);
  tb_goto (f, 2, 3);
  mr_phi *phi = mr_block_add_phi (f, 3, A, true);
  phi->args[0] = mr_const (0);
  phi->args[1] = mr_value (Q);
  tb_return (f, 3, mr_value (A), 3);
  s = summary_of (f);
  assert_int_equal (s.returns_param, 0);
  assert_int_equal (s.returns_param_off, 4);

  /* if (!p) return NULL; ... return p;  but NULL also where p is not.  */
  f = tb_func ("not-always", 4);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (D), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  phi = mr_block_add_phi (f, 3, A, true);
  phi->args[0] = mr_const (0);
  phi->args[1] = mr_value (P);
  tb_return (f, 3, mr_value (A), 3);
  s = summary_of (f);
  assert_int_equal (s.returns_param, -1);

  /* The offset varies: unknown.  */
  f = tb_func ("varies", 3);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (D), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_copy (f, 1, Q, mr_value (P), 1, true, 1);
  tb_return (f, 1, mr_value (Q), 2);
  tb_return (f, 2, mr_value (P), 3);
  s = summary_of (f);
  assert_int_equal (s.returns_param, 0);
  assert_true (s.returns_param_off == MR_OFF_UNKNOWN);
}

static void
test_summary_same (void **state)
{
  (void) state;
  mr_summary a = { .valid = true, .frees_always = 1, .nfield_frees = 1 };
  a.field_frees[0] = (mr_field_free) { .param = 0, .off = 8, .family = MR_FAM_MALLOC };
  mr_summary b = a;
  b.free_loc = tb_loc (9);	/* locations do not count */
  assert_true (mr_summary_same (&a, &b));
  b.field_frees[0].off = 16;
  assert_false (mr_summary_same (&a, &b));
  b = a;
  b.no_clobber = true;
  assert_false (mr_summary_same (&a, &b));
}

/* Where a function stores pointers, for its callers' aliasing.  */
static void
test_stores (void **state)
{
  (void) state;
  /* void unlink (struct node *n) { if (n->next) n->next->prev = n->prev;
     *n->prev = n->next; }  — through loaded pointers: wild.  */
  mr_func *f = tb_func ("unlink", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_load (f, 0, 10, mr_value (P), 0, true, 1);
  tb_load (f, 0, 11, mr_value (P), 8, true, 2);
  tb_store (f, 0, mr_value (10), 8, mr_value (11), true, 3);
  tb_store (f, 0, mr_value (11), 0, mr_value (10), true, 4);
  tb_return (f, 0, mr_none (), 5);
  mr_summary s = summary_of (f);
  assert_true (s.stores_wild);
  assert_false (s.no_clobber);

  /* void init (struct node *n, struct node *m, char *x) { n->next = NULL;
     m->name = x; loc.p = x; a = malloc (); a->p = x; n->len = 0; }  — into its
     parameters' objects (n, m), its local and its allocation: not wild.  */
  f = tb_func ("init", 1);
  f->params[0] = P;
  f->params[1] = Q;
  f->params[2] = D;
  f->nparams = 3;
  uint32_t loc = mr_func_decl (f, "loc", MR_DECL_LOCAL, 5);
  tb_store (f, 0, mr_value (P), 0, mr_const (0), true, 1);
  tb_copy (f, 0, 12, mr_value (Q), 16, true, 2);
  tb_store (f, 0, mr_value (12), 0, mr_value (D), true, 2);
  tb_store (f, 0, mr_addr (loc, 0), 0, mr_value (D), true, 3);
  tb_alloc (f, 0, A, 4);
  tb_store (f, 0, mr_value (A), 8, mr_value (D), true, 5);
  tb_free (f, 0, mr_value (A), 6);
  tb_store (f, 0, mr_value (P), 8, mr_const (0), false, 7);
  tb_return (f, 0, mr_none (), 8);
  s = summary_of (f);
  assert_false (s.stores_wild);
  assert_int_equal (s.stores_through, 3);

  /* void relay (struct node *n) { unlink (n->first); }  — a summarized call that
     stores through what it is given, here a loaded pointer: wild.  And one that
     stores through its parameter's object, given n: n's bit.  */
  f = tb_func ("relay", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_load (f, 0, 10, mr_value (P), 0, true, 1);
  uint32_t c1 = tb_call (f, 0, 0, "set_first", 1, (mr_opnd[]) { mr_value (P) }, 1, 0,
			 MR_EVF_SUMMARIZED, 2);
  tb_ev (f, c1)->call->store_mask = 1;
  tb_return (f, 0, mr_none (), 3);
  s = summary_of (f);
  assert_false (s.stores_wild);
  assert_int_equal (s.stores_through, 1);
  f = tb_func ("relay-wild", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_load (f, 0, 10, mr_value (P), 0, true, 1);
  c1 = tb_call (f, 0, 0, "set_first", 1, (mr_opnd[]) { mr_value (10) }, 1, 0,
		MR_EVF_SUMMARIZED, 2);
  tb_ev (f, c1)->call->store_mask = 1;
  tb_return (f, 0, mr_none (), 3);
  assert_true (summary_of (f).stores_wild);

  /* mr_summary_same tells them apart (the recursion's fixpoint).  */
  mr_summary a = { .valid = true }, b = a;
  b.stores_wild = true;
  assert_false (mr_summary_same (&a, &b));
  b = a;
  b.stores_through = 2;
  assert_false (mr_summary_same (&a, &b));
}

/* Which statics and globals a function writes (mr_summary.statics_listed,
   static_writes), for its callers' view of the others.  */
static void
test_static_writes (void **state)
{
  (void) state;
  /* void set (char *x) { other = x; cfg.n = 0; *p = 0 (a parameter); }  — the
     named statics, not wild.  */
  mr_func *f = tb_func ("set", 1);
  f->params[0] = P;
  f->nparams = 1;
  uint32_t other = mr_func_decl (f, "other", MR_DECL_STATIC, 7);
  uint32_t cfg = mr_func_decl (f, "cfg", MR_DECL_STATIC, 8);
  tb_store (f, 0, mr_addr (other, 0), 0, mr_value (D), true, 1);
  tb_store (f, 0, mr_addr (cfg, 8), 0, mr_const (0), false, 2);
  tb_store (f, 0, mr_value (P), 0, mr_const (0), false, 3);
  tb_return (f, 0, mr_none (), 4);
  mr_summary s = summary_of (f);
  assert_true (s.statics_listed);
  assert_false (s.stores_wild);
  assert_int_equal (s.nstatic_writes, 2);
  assert_int_equal (s.static_writes[0], 7);
  assert_int_equal (s.static_writes[1], 8);

  /* A store through a pointer loaded from memory may write any global.  */
  f = tb_func ("wild", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_load (f, 0, 10, mr_value (P), 0, true, 1);
  tb_store (f, 0, mr_value (10), 0, mr_const (0), false, 2);
  tb_return (f, 0, mr_none (), 3);
  assert_false (summary_of (f).statics_listed);

  /* So may a function the engine knows nothing of.  */
  f = tb_func ("unknown", 1);
  tb_call (f, 0, 0, "ext", 0, NULL, 0, 0, 0, 1);
  tb_return (f, 0, mr_none (), 2);
  assert_false (summary_of (f).statics_listed);

  /* A call of the unit adds what it lists; one that lists nothing known spoils it.  */
  f = tb_func ("relay", 1);
  other = mr_func_decl (f, "other", MR_DECL_STATIC, 7);
  tb_store (f, 0, mr_addr (other, 0), 0, mr_const (0), true, 1);
  uint32_t c = tb_call (f, 0, 0, "set_g", 0, NULL, 0, 0, MR_EVF_SUMMARIZED, 2);
  tb_ev (f, c)->call->statics_listed = true;
  tb_ev (f, c)->call->nstatic_writes = 1;
  tb_ev (f, c)->call->static_writes[0] = 9;
  tb_return (f, 0, mr_none (), 3);
  s = summary_of (f);
  assert_true (s.statics_listed);
  assert_int_equal (s.nstatic_writes, 2);
  assert_int_equal (s.static_writes[1], 9);
  f = tb_func ("relay-unlisted", 1);
  tb_call (f, 0, 0, "set_any", 0, NULL, 0, 0, MR_EVF_SUMMARIZED, 1);
  tb_return (f, 0, mr_none (), 2);
  assert_false (summary_of (f).statics_listed);

  /* More than MR_STATIC_WRITES: any.  */
  f = tb_func ("many", 1);
  for (uint32_t i = 0; i <= MR_STATIC_WRITES; i++)
    tb_store (f, 0, mr_addr (mr_func_decl (f, "g", MR_DECL_STATIC, 20 + i), 0), 0,
	      mr_const (0), false, (int) i + 1);
  tb_return (f, 0, mr_none (), 9);
  assert_false (summary_of (f).statics_listed);

  mr_summary a = { .valid = true, .statics_listed = true }, b = a;
  b.static_writes[0] = 7;
  b.nstatic_writes = 1;
  assert_false (mr_summary_same (&a, &b));
}

/* The caller of such a function: while ((n = l->first)) { unlink (n); free (n); }
   straight-line: n = l->first; unlink (n); free (n); n2 = l->first; free (n2).  */
static void
test_stores_at_call (void **state)
{
  (void) state;
  static const struct { bool wild; uint32_t mask; bool silent; } cases[] = {
    { true, 0, true },		/* unlink (n): may have written l->first */
    { false, 1, true },		/* stores into n's object, n may be l's */
    { false, 0, false },	/* stores nothing: l->first still holds n */
  };
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      mr_func *f = tb_func ("drain", 1);
      f->params[0] = P;
      f->nparams = 1;
      tb_load (f, 0, 10, mr_value (P), 0, true, 1);
      uint32_t c1 = tb_call (f, 0, 0, "unlink", 1, (mr_opnd[]) { mr_value (10) }, 1, 0,
			     MR_EVF_SUMMARIZED, 2);
      tb_ev (f, c1)->call->stores_wild = cases[i].wild;
      tb_ev (f, c1)->call->store_mask = cases[i].mask;
      tb_free (f, 0, mr_value (10), 3);
      tb_load (f, 0, 11, mr_value (P), 0, true, 4);
      uint32_t second = tb_free (f, 0, mr_value (11), 5);
      tb_return (f, 0, mr_none (), 6);
      mr_result r;
      tb_analyze (f, NULL, &r);
      if (cases[i].silent)
	assert_int_equal (tb_count (&r, MR_RULE_DOUBLE_FREE), 0);
      else
	assert_non_null (tb_finding_at (&r, MR_RULE_DOUBLE_FREE, second));
      mr_result_free (&r);
      mr_func_free (f);
    }
}

/* A smart pointer taking new[] with the default deleter: the hand-over is checked
   as a delete and changes nothing else.  shared_ptr: then an escape (one mismatch,
   no leak).  unique_ptr: then a store into the local object, and its destructor's
   load and delete, whose family was checked already (one mismatch, no leak, no
   double free).  */
static void
test_handover (void **state)
{
  (void) state;
  mr_func *f = tb_func ("shared_ptr", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_NEW_ARRAY, mr_const (40), MR_EVF_NEVER_NULL, 1);
  mr_event *h = tb_event (f, 0, MR_EV_FREE, 2);
  h->a = mr_value (P);
  h->family = MR_FAM_NEW;
  h->flags = MR_EVF_HANDOVER;
  uint32_t hid = h->id;
  tb_escape (f, 0, mr_value (P), 2);
  tb_return (f, 0, mr_none (), 3);
  mr_result r;
  tb_analyze (f, NULL, &r);
  tb_expect_one (&r, MR_RULE_MISMATCHED_DEALLOC, hid);
  assert_int_equal (tb_count (&r, MR_RULE_LEAK), 0);
  mr_result_free (&r);
  mr_func_free (f);

  f = tb_func ("unique_ptr", 1);
  uint32_t u = mr_func_add_decl (f, "s", MR_DECL_LOCAL, 9);
  tb_alloc_ex (f, 0, P, MR_FAM_NEW_ARRAY, mr_const (40), MR_EVF_NEVER_NULL, 1);
  h = tb_event (f, 0, MR_EV_FREE, 2);
  h->a = mr_value (P);
  h->family = MR_FAM_NEW;
  h->flags = MR_EVF_HANDOVER;
  hid = h->id;
  tb_store (f, 0, mr_addr (u, 0), 0, mr_value (P), true, 2);
  tb_load (f, 0, D, mr_addr (u, 0), 0, true, 3);
  mr_event *del = tb_event (f, 0, MR_EV_FREE, 3);
  del->a = mr_value (D);
  del->family = MR_FAM_NEW;
  del->flags = MR_EVF_DTOR;
  tb_store (f, 0, mr_addr (u, 0), 0, mr_const (0), true, 3);
  tb_return (f, 0, mr_none (), 4);
  tb_analyze (f, NULL, &r);
  tb_expect_one (&r, MR_RULE_MISMATCHED_DEALLOC, hid);
  assert_int_equal (tb_count (&r, MR_RULE_LEAK), 0);
  assert_int_equal (tb_count (&r, MR_RULE_DOUBLE_FREE), 0);
  mr_result_free (&r);
  mr_func_free (f);
}

/* p = wrapper (&rc) that may return NULL and says so through rc: not leaked on a
   path that never checked p; leaked once checked non-NULL.  */
static void
test_quiet_null (void **state)
{
  (void) state;
  mr_func *f = tb_func ("quiet", 1);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_none (), MR_EVF_QUIET_NULL, 1);
  tb_return (f, 0, mr_none (), 2);
  tb_expect_silent (f);

  f = tb_func ("checked", 3);
  tb_alloc_ex (f, 0, P, MR_FAM_MALLOC, mr_none (), MR_EVF_QUIET_NULL, 1);
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 2);
  uint32_t ret = tb_return (f, 2, mr_none (), 3);
  tb_expect_only (f, MR_RULE_LEAK, ret);
}

/* A truth record: value v is nonzero exactly when lhs op rhs (and lhs2 op2 rhs2).  */
static void
truth (mr_func *f, uint32_t v, mr_opnd lhs, mr_cmp op, mr_opnd rhs, mr_combine combine,
       mr_opnd lhs2, mr_cmp op2, mr_opnd rhs2)
{
  mr_term t = { .kind = MR_TERM_COND, .op = op, .lhs = lhs, .rhs = rhs, .combine = combine,
		.op2 = op2, .lhs2 = lhs2, .rhs2 = rhs2 };
  mr_func_add_truth (f, v, &t);
}

static void
truth1 (mr_func *f, uint32_t v, mr_opnd lhs, mr_cmp op, mr_opnd rhs)
{
  truth (f, v, lhs, op, rhs, MR_COMBINE_NONE, mr_none (), MR_CMP_EQ, mr_none ());
}

/* What an integer result tells the callers: a predicate's comparison of a
   parameter, a product's two factors, an OR's failure, a getter's field, a
   constant, a parameter given back.  */
static void
test_result_facts (void **state)
{
  (void) state;
  enum { R = 6, R2 = 7, B = 8 };
  /* int failed (int rc) { return rc != 0; }  */
  mr_func *f = tb_func ("failed", 1);
  f->scalar_params[0] = A;
  f->nparams = 1;
  truth1 (f, R, mr_value (A), MR_CMP_NE, mr_const (0));
  tb_return (f, 0, mr_value (R), 1);
  mr_summary s = summary_of (f);
  assert_int_equal (s.nret_truth, 1);
  assert_int_equal (s.ret_truth[0].param, 0);
  assert_false (s.ret_truth[0].field);
  assert_int_equal (s.ret_truth[0].op, MR_CMP_NE);
  assert_int_equal (s.ret_truth[0].k, 0);
  assert_false (s.returns_const);

  /* bool test (bool pr, int err) { return pr * err != 0; }: both.  */
  f = tb_func ("test", 1);
  f->scalar_params[0] = A;
  f->scalar_params[1] = B;
  f->nparams = 2;
  truth (f, R, mr_value (A), MR_CMP_NE, mr_const (0), MR_COMBINE_AND, mr_value (B),
	 MR_CMP_NE, mr_const (0));
  truth1 (f, R2, mr_value (R), MR_CMP_NE, mr_const (0));
  tb_return (f, 0, mr_value (R2), 1);
  s = summary_of (f);
  assert_int_equal (s.nret_truth, 2);
  assert_int_equal (s.ret_truth[0].param, 0);
  assert_int_equal (s.ret_truth[1].param, 1);

  /* return !(a || b): both fail.  An AND negated says nothing.  */
  f = tb_func ("neither", 1);
  f->scalar_params[0] = A;
  f->scalar_params[1] = B;
  f->nparams = 2;
  truth (f, R, mr_value (A), MR_CMP_NE, mr_const (0), MR_COMBINE_OR, mr_value (B),
	 MR_CMP_NE, mr_const (0));
  truth1 (f, R2, mr_value (R), MR_CMP_EQ, mr_const (0));
  tb_return (f, 0, mr_value (R2), 1);
  s = summary_of (f);
  assert_int_equal (s.nret_truth, 2);
  assert_int_equal (s.ret_truth[0].op, MR_CMP_EQ);
  assert_int_equal (s.ret_truth[1].op, MR_CMP_EQ);
  f = tb_func ("not_both", 1);
  f->scalar_params[0] = A;
  f->scalar_params[1] = B;
  f->nparams = 2;
  truth (f, R, mr_value (A), MR_CMP_NE, mr_const (0), MR_COMBINE_AND, mr_value (B),
	 MR_CMP_NE, mr_const (0));
  truth1 (f, R2, mr_value (R), MR_CMP_EQ, mr_const (0));
  tb_return (f, 0, mr_value (R2), 1);
  assert_int_equal (summary_of (f).nret_truth, 0);

  /* bool is_zc () const { return this->type == 2; }: a field, as the call leaves
     it; not when the function writes that field.  */
  for (int writes = 0; writes < 2; writes++)
    {
      f = tb_func ("is_zc", 1);
      f->params[0] = P;
      f->nparams = 1;
      if (writes)
	tb_store (f, 0, mr_value (P), 8, mr_const (1), false, 1);
      tb_load (f, 0, R, mr_value (P), 8, false, 1);
      truth1 (f, R2, mr_value (R), MR_CMP_EQ, mr_const (2));
      tb_return (f, 0, mr_value (R2), 2);
      s = summary_of (f);
      assert_int_equal (s.nret_truth, writes ? 0 : 1);
      if (!writes)
	{
	  assert_true (s.ret_truth[0].field);
	  assert_int_equal (s.ret_truth[0].off, 8);
	  assert_int_equal (s.ret_truth[0].op, MR_CMP_EQ);
	  assert_int_equal (s.ret_truth[0].k, 2);
	}
    }

  /* A constant from every return (a PHI of one constant), a parameter given back.  */
  f = tb_func ("one", 4);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  tb_phi2 (f, 3, R, false, mr_const (1), mr_const (1));
  tb_return (f, 3, mr_value (R), 3);
  s = summary_of (f);
  assert_true (s.returns_const);
  assert_int_equal (s.ret_const, 1);
  f = tb_func ("zero_or_one", 4);
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  tb_phi2 (f, 3, R, false, mr_const (0), mr_const (1));
  tb_return (f, 3, mr_value (R), 3);
  assert_false (summary_of (f).returns_const);
  f = tb_func ("same", 1);
  f->scalar_params[0] = A;
  f->nparams = 1;
  tb_return (f, 0, mr_value (A), 1);
  s = summary_of (f);
  assert_true (s.returns_scalar);
  assert_int_equal (s.scalar_param, 0);
  mr_summary t = s;
  t.scalar_param = 1;
  assert_false (mr_summary_same (&s, &t));
}

/* The caller's side: a call result whose truth is an argument's (a truth record,
   as expand.c makes it) decides the argument where a branch decides the result.
   `r = failed (rc); if (rc) free (p); if (!r) free (p);` frees once.  */
static void
test_result_refines (void **state)
{
  (void) state;
  for (int wrong = 0; wrong < 2; wrong++)
    {
      enum { R = 6 };
      mr_func *f = tb_func ("caller", 5);
      f->params[0] = P;
      f->nparams = 2;
      tb_call (f, 0, R, "failed", 1, (mr_opnd[]) { mr_value (A) }, 0, 0, 0, 1);
      truth1 (f, R, mr_value (A), wrong ? MR_CMP_EQ : MR_CMP_NE, mr_const (0));
      tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
      tb_free (f, 1, mr_value (P), 2);
      tb_goto (f, 1, 2);
      tb_if (f, 2, mr_value (R), MR_CMP_EQ, mr_const (0), 3, 4);
      uint32_t second = tb_free (f, 3, mr_value (P), 3);
      tb_goto (f, 3, 4);
      tb_return (f, 4, mr_none (), 4);
      if (wrong)
	tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
      else
	tb_expect_silent (f);
    }
}

/* void fill (char *out) { while (...) *out++ = c; *out = 0; }: the parameter's
   memory is written through a pointer advancing from it (a PHI); a function
   that only reads does not write.  */
static void
test_writes (void **state)
{
  (void) state;
  enum { OUT = 6, NEXT = 7 };
  mr_func *f = tb_func ("fill", 4);
  f->params[0] = P;
  f->nparams = 1;
  tb_goto (f, 0, 1);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, OUT, true, mr_value (P), mr_value (NEXT));
  tb_if (f, 1, mr_value (A), MR_CMP_NE, mr_const (0), 2, 3);
  tb_store (f, 2, mr_value (OUT), 0, mr_value (A), false, 2);
  tb_copy (f, 2, NEXT, mr_value (OUT), 1, true, 2);
  tb_store (f, 3, mr_value (OUT), 0, mr_const (0), false, 3);
  tb_return (f, 3, mr_none (), 4);
  mr_summary s = summary_of (f);
  assert_int_equal (s.writes, 1);

  f = tb_func ("look", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_load (f, 0, A, mr_value (P), 0, false, 1);
  tb_return (f, 0, mr_none (), 2);
  assert_int_equal (summary_of (f).writes, 0);
}

/* void destroy (void *p, void (*rel) (void *)) { if (!p) return; rel (p); }:
   calls parameter 1 on parameter 0 wherever p is not NULL; not when the call is
   on one path only (`if (now) rel (p);`).  */
static void
test_calls_param (void **state)
{
  (void) state;
  mr_func *f = tb_func ("destroy", 4);
  f->params[0] = P;
  f->params[1] = Q;
  f->nparams = 2;
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 2);
  uint32_t id = tb_call1 (f, 2, NULL, mr_value (P), 0, 3);
  tb_ev (f, id)->call->callee_param = 2;
  tb_goto (f, 2, 3);
  tb_return (f, 3, mr_none (), 4);
  mr_summary s = summary_of (f);
  assert_int_equal (s.calls_param, 2);
  assert_int_equal (s.calls_param_arg, 0);
  assert_int_equal (s.calls_param_pos, 0);

  f = tb_func ("maybe_destroy", 4);
  f->params[0] = P;
  f->params[1] = Q;
  f->nparams = 3;
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  id = tb_call1 (f, 1, NULL, mr_value (P), 0, 2);
  tb_ev (f, id)->call->callee_param = 2;
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  assert_int_equal (summary_of (f).calls_param, 0);

  /* void outer (void (*rel) (void *), void *p) { destroy (p, rel); }: the call
     of destroy relays its argument 1 on its argument 0 (mr_call.relay), both
     outer's parameters, swapped: outer calls parameter 0 on parameter 1.  */
  f = tb_func ("outer", 2);
  f->params[0] = Q;
  f->params[1] = P;
  f->nparams = 2;
  tb_goto (f, 0, 1);
  mr_opnd args[2] = { mr_value (P), mr_value (Q) };
  id = tb_call (f, 1, 0, "destroy", 2, args, 0, 0, 0, 2);
  tb_ev (f, id)->call->relay = 2;
  tb_ev (f, id)->call->relay_arg = 0;
  tb_ev (f, id)->call->relay_pos = 0;
  tb_return (f, 1, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.calls_param, 1);
  assert_int_equal (s.calls_param_arg, 1);
  assert_int_equal (s.calls_param_pos, 0);

  /* void maybe_outer (void (*rel) (void *), void *p, int now) { if (now)
     destroy (p, rel); }: relayed on one path only, a may-free: nothing passed
     on, and the call is not one that leaves its caller's memory alone.  */
  f = tb_func ("maybe_outer", 4);
  f->params[0] = Q;
  f->params[1] = P;
  f->params[2] = A;
  f->nparams = 3;
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  id = tb_call (f, 1, 0, "destroy", 2, args, 0, 0, 0, 2);
  tb_ev (f, id)->call->relay = 2;
  tb_ev (f, id)->call->relay_arg = 0;
  tb_ev (f, id)->call->relay_pos = 0;
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.calls_param, 0);
  assert_int_equal (s.frees_always, 0);
  assert_false (s.no_clobber);

  /* The same after a test that p is not NULL: every path where it points
     somewhere, a must-free.  */
  f = tb_func ("checked_outer", 4);
  f->params[0] = Q;
  f->params[1] = P;
  f->nparams = 2;
  tb_if (f, 0, mr_value (P), MR_CMP_NE, mr_const (0), 1, 2);
  id = tb_call (f, 1, 0, "destroy", 2, args, 0, 0, 0, 2);
  tb_ev (f, id)->call->relay = 2;
  tb_ev (f, id)->call->relay_arg = 0;
  tb_ev (f, id)->call->relay_pos = 0;
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.calls_param, 1);
  assert_int_equal (s.calls_param_arg, 1);

  /* The function relayed is not a parameter (outer's own `destroy (p, free)`
     was lowered already): nothing to pass on.  */
  f = tb_func ("outer_fixed", 2);
  f->params[0] = P;
  f->nparams = 1;
  tb_goto (f, 0, 1);
  args[1] = mr_unknown ();
  id = tb_call (f, 1, 0, "destroy", 2, args, 0, 0, 0, 2);
  tb_ev (f, id)->call->relay = 2;
  tb_return (f, 1, mr_none (), 3);
  assert_int_equal (summary_of (f).calls_param, 0);
}

/* The caller's glue for mr_expand_summary: argument i is args[i].  */
static mr_opnd freed_args[2];
static uint32_t freed_next = 40;

static mr_opnd
freed_arg (void *g, unsigned i)
{
  (void) g;
  return freed_args[i];
}

static uint32_t
freed_field (void *g, unsigned i, int64_t off)
{
  (void) g, (void) i, (void) off;
  return freed_next++;
}

/* char *rev (char *s) { if (!s) return NULL; r = new (...); free (r); return r; }:
   freed memory or NULL, parameter 0 telling which.  */
static mr_summary
rev_summary (bool other_path)
{
  enum { R = 6 };
  mr_func *f = tb_func ("rev", 3);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  if (other_path)
    {
      tb_alloc_ex (f, 1, Q, MR_FAM_MALLOC, mr_none (), MR_EVF_NEVER_NULL, 2);
      tb_return (f, 1, mr_value (Q), 2);
    }
  else
    tb_return (f, 1, mr_const (0), 2);
  tb_alloc_ex (f, 2, R, MR_FAM_MALLOC, mr_none (), MR_EVF_NEVER_NULL, 3);
  tb_free (f, 2, mr_value (R), 4);
  tb_return (f, 2, mr_value (R), 5);
  return summary_of (f);
}

/* x = rev (arg); [if (x)] free (x);  in a caller, through rev's summary.  */
static mr_func *
rev_caller (const mr_summary *sum, mr_opnd arg, bool test_x, uint32_t *second)
{
  enum { X = 8 };
  mr_func *f = tb_func ("caller", 3);
  f->params[0] = A;
  f->nparams = 1;
  freed_args[0] = arg;
  mr_call_site cs = { .f = f, .bb = 0, .loc = tb_loc (10), .name = "rev", .nargs = 1,
		      .dst = X, .arg = freed_arg, .field_value = freed_field };
  mr_expand_summary (sum, &cs);
  if (test_x)
    tb_if (f, 0, mr_value (X), MR_CMP_NE, mr_const (0), 1, 2);
  else
    tb_goto (f, 0, 1);
  *second = tb_free (f, 1, mr_value (X), 11);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 12);
  return f;
}

static void
test_returns_freed (void **state)
{
  (void) state;
  mr_summary s = rev_summary (false);
  assert_int_equal (s.returns_freed, MR_RET_FREED_OR_NULL);
  assert_int_equal (s.freed_ret_family, MR_FAM_MALLOC);
  assert_int_equal (s.freed_ret_loc.line, 4);
  assert_int_equal (s.freed_ret_param, 1);
  assert_false (s.freed_ret_on_zero);
  assert_int_equal (s.freed_ret_off, 0);
  mr_summary t = s;
  t.freed_ret_param = 0;
  assert_false (mr_summary_same (&s, &t));

  /* The caller frees the result again, tested or not.  */
  uint32_t second;
  for (int test_x = 0; test_x < 2; test_x++)
    {
      mr_func *f = rev_caller (&s, mr_value (A), test_x, &second);
      tb_expect_only (f, MR_RULE_DOUBLE_FREE, second);
    }
  /* rev (NULL) is NULL.  */
  tb_expect_silent (rev_caller (&s, mr_const (0), false, &second));

  /* A live block on the NULL path's place: a caller given a value cannot tell
     (the summary keeps which side of the parameter frees, for a constant
     argument: MR_RET_FREED_OR_LIVE).  */
  s = rev_summary (true);
  assert_int_equal (s.returns_freed, MR_RET_FREED_OR_LIVE);
  assert_int_equal (s.freed_ret_param, 1);
  assert_false (s.freed_ret_on_zero);
  assert_false (s.returns_alloc);
  mr_func *f = rev_caller (&s, mr_value (A), true, &second);
  mr_result r;
  tb_analyze (f, NULL, &r);
  assert_int_equal (tb_count (&r, MR_RULE_DOUBLE_FREE), 0);
  mr_result_free (&r);
  mr_func_free (f);

  /* Freed on every path.  */
  f = tb_func ("gone", 1);
  tb_alloc_ex (f, 0, Q, MR_FAM_NEW_ARRAY, mr_none (), MR_EVF_NEVER_NULL, 1);
  tb_free_ex (f, 0, mr_value (Q), MR_FAM_NEW_ARRAY, 2);
  tb_return (f, 0, mr_value (Q), 3);
  s = summary_of (f);
  assert_int_equal (s.returns_freed, MR_RET_FREED);
  assert_int_equal (s.freed_ret_family, MR_FAM_NEW_ARRAY);
  assert_int_equal (s.freed_ret_param, 0);

  /* A fresh block after freeing another: an allocator.  */
  f = tb_func ("swap", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_free (f, 0, mr_value (P), 1);
  tb_alloc_ex (f, 0, Q, MR_FAM_MALLOC, mr_none (), MR_EVF_NEVER_NULL, 2);
  tb_return (f, 0, mr_value (Q), 3);
  s = summary_of (f);
  assert_int_equal (s.returns_freed, MR_RET_NOT_FREED);
  assert_true (s.returns_alloc);
}

/* char *pick (char *p, int keep) { if (!keep) free (p); return p; }: freed
   memory where keep is 0, p itself (live) where it is not
   (MR_RET_FREED_OR_LIVE, decided by parameter 1 on its zero side); the same
   without the test of keep (`if (other) free (p);`, other a local) tells
   nothing.  */
static void
test_returns_freed_or_live (void **state)
{
  (void) state;
  enum { KEEP = 9, OTHER = 10 };
  for (int told = 0; told <= 1; told++)
    {
      mr_func *f = tb_func ("pick", 3);
      f->params[0] = P;
      f->scalar_params[1] = KEEP;
      f->nparams = 2;
      tb_if (f, 0, mr_value (told ? KEEP : OTHER), MR_CMP_EQ, mr_const (0), 1, 2);
      tb_free (f, 1, mr_value (P), 1);
      tb_goto (f, 1, 2);
      tb_return (f, 2, mr_value (P), 2);
      mr_summary s = summary_of (f);
      assert_int_equal (s.returns_freed, told ? MR_RET_FREED_OR_LIVE : MR_RET_NOT_FREED);
      assert_int_equal (s.freed_ret_param, told ? 2 : 0);
      assert_int_equal (s.freed_ret_on_zero, told);
      assert_int_equal (s.returns_param, 0);
    }
}

/* void fill (char *p) { p[0] = 0; free (p); }: dereferenced first on every path
   (mr_summary.derefs_first); not when tested first, when only some paths
   dereference it, nor when a call nothing is known of is given it first.  */
static void
test_derefs_first (void **state)
{
  (void) state;
  mr_func *f = tb_func ("fill", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_store (f, 0, mr_value (P), 0, mr_const (0), false, 1);
  tb_free (f, 0, mr_value (P), 2);
  tb_return (f, 0, mr_none (), 3);
  assert_int_equal (summary_of (f).derefs_first, 1);

  /* void checked (char *p) { if (!p) return; p[0] = 0; }  */
  f = tb_func ("checked", 3);
  f->params[0] = P;
  f->nparams = 1;
  tb_if (f, 0, mr_value (P), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_return (f, 1, mr_none (), 2);
  tb_store (f, 2, mr_value (P), 0, mr_const (0), false, 3);
  tb_return (f, 2, mr_none (), 4);
  assert_int_equal (summary_of (f).derefs_first, 0);

  /* void either (char *p, int c) { if (c) p[0] = 1; else p[1] = 2; }: both
     paths; but `if (c) p[0] = 1;` alone leaves a path without.  */
  f = tb_func ("either", 4);
  f->params[0] = P;
  f->nparams = 2;
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_store (f, 1, mr_value (P), 0, mr_const (1), false, 2);
  tb_goto (f, 1, 3);
  tb_store (f, 2, mr_value (P), 1, mr_const (2), false, 3);
  tb_goto (f, 2, 3);
  tb_return (f, 3, mr_none (), 4);
  assert_int_equal (summary_of (f).derefs_first, 1);
  f = tb_func ("sometimes", 3);
  f->params[0] = P;
  f->nparams = 2;
  tb_if (f, 0, mr_value (A), MR_CMP_NE, mr_const (0), 1, 2);
  tb_store (f, 1, mr_value (P), 0, mr_const (1), false, 2);
  tb_goto (f, 1, 2);
  tb_return (f, 2, mr_none (), 3);
  assert_int_equal (summary_of (f).derefs_first, 0);

  /* void logged (char *p) { note (p); p[0] = 0; }: note may test it.  */
  f = tb_func ("logged", 1);
  f->params[0] = P;
  f->nparams = 1;
  mr_opnd arg = mr_value (P);
  tb_call (f, 0, 0, "note", 1, &arg, 0, 0, 0, 1);
  tb_store (f, 0, mr_value (P), 0, mr_const (0), false, 2);
  tb_return (f, 0, mr_none (), 3);
  assert_int_equal (summary_of (f).derefs_first, 0);
}

/* static char *g; void sink (void) { char *v = g; v[0] = 0; }: the static, a
   summary parameter (mr_decl.param), dereferenced first
   (mr_summary.static_derefs_first); not when the function tests it first, stores
   into the static first, or makes a call that may change it before the load.  */
static void
test_static_derefs_first (void **state)
{
  (void) state;
  for (int variant = 0; variant < 4; variant++)
    {
      mr_func *f = tb_func ("sink", 3);
      uint32_t g = mr_func_add_decl (f, "g", MR_DECL_STATIC, 9);
      f->decls[g].param = 2;
      f->nparams = 0;
      if (variant == 2)
	tb_store (f, 0, mr_addr (g, 0), 0, mr_const (0), true, 1);
      if (variant == 3)
	tb_call (f, 0, 0, "log", 0, NULL, 0, 0, 0, 1);
      tb_load (f, 0, A, mr_addr (g, 0), 0, true, 2);
      if (variant == 1)
	tb_if (f, 0, mr_value (A), MR_CMP_EQ, mr_const (0), 2, 1);
      else
	tb_goto (f, 0, 1);
      tb_store (f, 1, mr_value (A), 0, mr_const (0), false, 3);
      tb_goto (f, 1, 2);
      tb_return (f, 2, mr_none (), 4);
      mr_summary s = summary_of (f);
      assert_int_equal (s.static_derefs_first, variant == 0 ? 2 : 0);
      assert_int_equal (s.derefs_first, 0);
    }
}

/* void grow (char **p) { *p = realloc (*p, 64); }, a realloc that may fail: the
   out-store is a REALLOC that may fail (may_null), the caller's block untouched
   on the failed path; not when the function frees the old block when realloc
   fails (`if (!q) free (*p);`), nor when it has a result that may say so.  */
static void
test_realloc_out_may_fail (void **state)
{
  (void) state;
  enum { OUT = 1, OLD = 2, NEW = 3 };
  for (int variant = 0; variant < 3; variant++)
    {
      mr_func *f = tb_func ("grow", 3);
      f->params[0] = OUT;
      f->nparams = 1;
      tb_load (f, 0, OLD, mr_value (OUT), 0, true, 1);
      tb_realloc (f, 0, NEW, mr_value (OLD), mr_const (64), 2);
      if (variant == 1)
	{
	  tb_if (f, 0, mr_value (NEW), MR_CMP_EQ, mr_const (0), 1, 2);
	  tb_free (f, 1, mr_value (OLD), 3);
	  tb_goto (f, 1, 2);
	}
      else
	tb_goto (f, 0, 2);
      tb_store (f, 2, mr_value (OUT), 0, mr_value (NEW), true, 4);
      tb_return (f, 2, variant == 2 ? mr_const (0) : mr_none (), 5);
      mr_summary s = summary_of (f);
      assert_int_equal (s.nout_stores, variant == 0);
      if (variant == 0)
	{
	  assert_int_equal (s.out_stores[0].kind, MR_OUT_REALLOC);
	  assert_true (s.out_stores[0].may_null);
	  assert_true (s.out_stores[0].always);
	}
    }
}

/* void header (char *p) { free (p - 16); }: freed 16 bytes before the pointer
   given (mr_summary.frees_at_off), which its callers judge.  `p += 2; free (p);`
   and a walk `while (*p) p++; free (p);` free past it, undefined whatever the
   caller gives: free-offset reports them in the function, and the summary does
   not pass them on (none, as for `free (p)` at it).  */
static void
test_frees_at_offset (void **state)
{
  (void) state;
  mr_func *f = tb_func ("drop", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_copy (f, 0, D, mr_value (P), 2, true, 1);
  tb_free (f, 0, mr_value (D), 2);
  tb_return (f, 0, mr_none (), 3);
  mr_summary s = summary_of (f);
  assert_int_equal (s.frees_always, 1);
  assert_int_equal (s.frees_at_param, 0);

  f = tb_func ("header", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_copy (f, 0, D, mr_value (P), -16, true, 1);
  tb_free (f, 0, mr_value (D), 2);
  tb_return (f, 0, mr_none (), 3);
  s = summary_of (f);
  assert_int_equal (s.frees_at_param, 1);
  assert_int_equal (s.frees_at_off, -16);

  /* bb0 -> bb1: D = phi (P, D2); c = *D; if (c) bb2 else bb3;
     bb2: D2 = D + 1 -> bb1; bb3: free (D); return.  */
  f = tb_func ("walk", 4);
  f->params[0] = P;
  f->nparams = 1;
  tb_goto (f, 0, 1);
  tb_load (f, 1, A, mr_value (D), 0, false, 1);
  tb_if (f, 1, mr_value (A), MR_CMP_NE, mr_const (0), 2, 3);
  tb_copy (f, 2, D2, mr_value (D), 1, true, 2);
  tb_goto (f, 2, 1);
  tb_phi2 (f, 1, D, true, mr_value (P), mr_value (D2));
  tb_free (f, 3, mr_value (D), 3);
  tb_return (f, 3, mr_none (), 4);
  s = summary_of (f);
  assert_int_equal (s.frees_always, 1);
  assert_int_equal (s.frees_at_param, 0);

  f = tb_func ("plain", 1);
  f->params[0] = P;
  f->nparams = 1;
  tb_free (f, 0, mr_value (P), 1);
  tb_return (f, 0, mr_none (), 2);
  assert_int_equal (summary_of (f).frees_at_param, 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_frees_when_not_null),
    cmocka_unit_test (test_field_frees),
    cmocka_unit_test (test_static_field_frees),
    cmocka_unit_test (test_flag_frees),
    cmocka_unit_test (test_scalar_flag_frees),
    cmocka_unit_test (test_flag_derefs),
    cmocka_unit_test (test_guarded_free),
    cmocka_unit_test (test_field_stores),
    cmocka_unit_test (test_no_clobber),
    cmocka_unit_test (test_returns_param),
    cmocka_unit_test (test_summary_same),
    cmocka_unit_test (test_stores),
    cmocka_unit_test (test_stores_at_call),
    cmocka_unit_test (test_handover),
    cmocka_unit_test (test_quiet_null),
    cmocka_unit_test (test_result_facts),
    cmocka_unit_test (test_result_refines),
    cmocka_unit_test (test_writes),
    cmocka_unit_test (test_static_writes),
    cmocka_unit_test (test_calls_param),
    cmocka_unit_test (test_returns_freed),
    cmocka_unit_test (test_derefs_first),
    cmocka_unit_test (test_static_derefs_first),
    cmocka_unit_test (test_realloc_out_may_fail),
    cmocka_unit_test (test_returns_freed_or_live),
    cmocka_unit_test (test_frees_at_offset),
  };
  return cmocka_run_group_tests_name ("summary", tests, NULL, NULL);
}
