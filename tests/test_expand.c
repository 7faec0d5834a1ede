/* test_expand.c — a call to a summarized function as events (plugin/core/expand.c).

   Covers: a deallocating wrapper (its argument unknown to the call, then freed in
   the callee's name), an allocating wrapper (the result fresh, quiet about NULL
   unless declared returns_nonnull), a reallocating wrapper (one REALLOC, same
   variable as flagged), a field the callee frees (loaded, then freed), a returned
   parameter (a copy); functions of the knowledge base (a deallocator, an allocator
   only when handed NULL, one declared returns_nonnull, a reallocator that never
   fails, an OUT entry left to the glue) and functions the user declared as an
   allocator or a deallocator; what an integer result tells the caller; the
   function a callee calls that its caller gives it, relayed; the statics a callee
   reads, given as the caller's own (a static freed, a free under a flag, one
   dereferenced first); a realloc through a parameter that may fail; a
   result that is memory the callee freed (allocated and freed in its name, past
   an array cookie, NULL for a constant argument that selects NULL, tied to a
   value argument by a truth record, freed or the returned parameter as a
   constant argument selects); an argument the callee dereferences first
   (a DEREF before the call); one it frees at an offset (the FREE's off).  */

#include "builder.h"
#include "expand.h"

/* The glue of the tests: argument i is value 10 + i; each lowering is counted.  */
struct glue
{
  unsigned lowered[8];
  uint32_t next_synthetic;
};

static mr_opnd
arg_of (void *g, unsigned i)
{
  ((struct glue *) g)->lowered[i]++;
  return mr_value (10 + i);
}

static uint32_t
field_of (void *g, unsigned i, int64_t off)
{
  (void) i, (void) off;
  return ((struct glue *) g)->next_synthetic++;
}

static mr_call_site
site (mr_func *f, struct glue *g, unsigned nargs, uint32_t dst)
{
  mr_call_site cs = { .f = f, .bb = 0, .loc = tb_loc (5), .name = "wrap", .nargs = nargs,
		      .dst = dst, .arg = arg_of, .field_value = field_of, .glue = g };
  return cs;
}

/* Every argument the constant 0.  */
static mr_opnd
null_arg_of (void *g, unsigned i)
{
  (void) g, (void) i;
  return mr_const (0);
}

/* Argument 1 the constant freed_or_live_k, others value 10 + i.  */
static int64_t freed_or_live_k;

static mr_opnd
const_second_arg (void *g, unsigned i)
{
  (void) g;
  return i == 1 ? mr_const (freed_or_live_k) : mr_value (10 + i);
}

static mr_summary
empty_summary (void)
{
  mr_summary s = { .valid = true, .reallocs_param = -1, .returns_param = -1 };
  return s;
}

static void
test_deallocating_wrapper (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.frees_always = 1u << 1;
  sum.free_family = MR_FAM_MALLOC;
  mr_call_site cs = site (f, &g, 2, 0);
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 2);
  assert_int_equal (b->events[0].kind, MR_EV_CALL);
  assert_int_equal (b->events[0].call->args[0].kind, MR_OPND_VALUE);
  assert_int_equal (b->events[0].call->args[1].kind, MR_OPND_UNKNOWN);	/* freed */
  assert_true (b->events[0].flags & MR_EVF_SUMMARIZED);
  assert_int_equal (b->events[1].kind, MR_EV_FREE);
  assert_int_equal (b->events[1].a.id, 11);
  assert_string_equal (b->events[1].via, "wrap");
  assert_int_equal (g.lowered[0], 1);
  assert_int_equal (g.lowered[1], 1);
  mr_func_free (f);
}

/* The glue of a call to a function that reads statics: parameter MR_PARAM_STATIC +
   j is the address of decl j of the caller (which the test makes), others value
   10 + i.  */
static mr_opnd
static_arg_of (void *g, unsigned i)
{
  (void) g;
  return i >= MR_PARAM_STATIC ? mr_addr (i - MR_PARAM_STATIC, 0) : mr_value (10 + i);
}

/* sink () frees the static g (a field free of MR_PARAM_STATIC + 0) and frees its
   parameter 0 when the flag, static 1, is set: the caller loads g from its own g
   and frees it; it reads the flag before the call and frees the argument under
   it after (MR_EVF_GUARDED).  */
static void
test_static_params (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  mr_func_add_decl (f, "g", MR_DECL_STATIC, 7);
  mr_func_add_decl (f, "flag", MR_DECL_STATIC, 8);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.nfield_frees = 1;
  sum.field_frees[0] = (mr_field_free) { .param = MR_PARAM_STATIC, .off = 0,
					 .family = MR_FAM_MALLOC };
  sum.flag_param = MR_PARAM_STATIC + 1;
  sum.frees_if_set = 1;
  sum.free_family = MR_FAM_MALLOC;
  mr_call_site cs = site (f, &g, 1, 0);
  cs.arg = static_arg_of;
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 5);
  assert_int_equal (b->events[0].kind, MR_EV_LOAD);	/* v = g */
  assert_int_equal (b->events[0].a.kind, MR_OPND_ADDR);
  assert_int_equal (b->events[0].a.id, 0);
  assert_int_equal (b->events[1].kind, MR_EV_FREE);	/* free (v) */
  assert_int_equal (b->events[1].a.id, b->events[0].dst);
  assert_int_equal (b->events[2].kind, MR_EV_LOAD);	/* w = flag */
  assert_int_equal (b->events[2].a.id, 1);
  assert_false (b->events[2].flags & MR_EVF_POINTER);
  assert_int_equal (b->events[3].kind, MR_EV_CALL);
  assert_int_equal (b->events[4].kind, MR_EV_FREE);	/* free (p) if w */
  assert_int_equal (b->events[4].a.id, 10);
  assert_int_equal (b->events[4].b.id, b->events[2].dst);
  assert_int_equal (b->events[4].off, 1);
  assert_true (b->events[4].flags & MR_EVF_GUARDED);
  mr_func_free (f);
}

/* release (p, owned) of a callee that frees its parameter 0 when its integer
   parameter 1 is set (flag_param 1 + 1): the FREE is guarded by the argument
   itself (a constant one decides it: transfer.c).  */
static void
test_scalar_flag_param (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.flag_param = 2;
  sum.frees_if_set = 1;
  sum.free_family = MR_FAM_MALLOC;
  mr_call_site cs = site (f, &g, 2, 0);
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  const mr_event *fr = NULL;
  for (uint32_t k = 0; k < b->nevents; k++)
    if (b->events[k].kind == MR_EV_FREE)
      fr = &b->events[k];
  assert_non_null (fr);
  assert_true (fr->flags & MR_EVF_GUARDED);
  assert_int_equal (fr->a.id, 10);
  assert_int_equal (fr->b.kind, MR_OPND_VALUE);	/* the argument itself */
  assert_int_equal (fr->b.id, 11);
  assert_int_equal (fr->off, 1);
  mr_func_free (f);
}

/* sink () dereferences first the pointer it reads from the static g
   (mr_summary.static_derefs_first, static 1): the caller loads its own g (a
   pointer) and dereferences it, in the summary's name, before the call.  */
static void
test_static_derefs_first (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  mr_func_add_decl (f, "other", MR_DECL_STATIC, 7);
  mr_func_add_decl (f, "g", MR_DECL_STATIC, 8);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.static_derefs_first = 1u << 1;
  mr_call_site cs = site (f, &g, 0, 0);
  cs.arg = static_arg_of;
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 3);
  assert_int_equal (b->events[0].kind, MR_EV_LOAD);	/* v = g */
  assert_int_equal (b->events[0].a.kind, MR_OPND_ADDR);
  assert_int_equal (b->events[0].a.id, 1);
  assert_true (b->events[0].flags & MR_EVF_POINTER);
  assert_int_equal (b->events[1].kind, MR_EV_DEREF);	/* *v */
  assert_int_equal (b->events[1].a.id, b->events[0].dst);
  assert_true (b->events[1].flags & MR_EVF_SUMMARIZED);
  assert_int_equal (b->events[2].kind, MR_EV_CALL);
  mr_func_free (f);

  /* A weak definition may be replaced: nothing said.  */
  f = tb_func ("t", 1);
  mr_func_add_decl (f, "other", MR_DECL_STATIC, 7);
  mr_func_add_decl (f, "g", MR_DECL_STATIC, 8);
  cs = site (f, &g, 0, 0);
  cs.arg = static_arg_of;
  cs.weak = true;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (f->blocks[0].nevents, 1);
  mr_func_free (f);
}

/* x = pick (p, K), whose summary returns its parameter 0, freed where its
   parameter 1 is 0 and live where it is not (MR_RET_FREED_OR_LIVE): K = 0 gives
   freed memory in pick's name (an ALLOC that may be NULL, then its FREE), not a
   copy of p; K = 1 the copy; a value, the copy too.  */
static void
test_freed_or_live (void **state)
{
  (void) state;
  for (int k = 0; k <= 2; k++)
    {
      mr_func *f = tb_func ("t", 1);
      struct glue g = { .next_synthetic = 40 };
      mr_summary sum = empty_summary ();
      sum.returns_param = 0;
      sum.returns_freed = MR_RET_FREED_OR_LIVE;
      sum.freed_ret_family = MR_FAM_MALLOC;
      sum.freed_ret_param = 2;
      sum.freed_ret_on_zero = true;
      mr_call_site cs = site (f, &g, 2, 7);
      if (k < 2)
	{
	  freed_or_live_k = k;
	  cs.arg = const_second_arg;
	}
      mr_expand_summary (&sum, &cs);
      mr_block *b = &f->blocks[0];
      assert_int_equal (b->events[0].kind, MR_EV_CALL);
      if (k == 0)
	{
	  assert_int_equal (b->nevents, 3);
	  assert_int_equal (b->events[0].dst, 0);
	  assert_int_equal (b->events[1].kind, MR_EV_ALLOC);
	  assert_int_equal (b->events[1].dst, 7);
	  assert_int_equal (b->events[1].flags, 0);
	  assert_int_equal (b->events[2].kind, MR_EV_FREE);
	}
      else
	{
	  assert_int_equal (b->nevents, 2);
	  assert_int_equal (b->events[1].kind, MR_EV_COPY);
	  assert_int_equal (b->events[1].dst, 7);
	  assert_int_equal (b->events[1].a.id, 10);
	}
      mr_func_free (f);
    }
}

/* grow (&p), whose summary reallocates *(param 0) and may fail (a REALLOC
   out-store, may_null): the caller's pointer loaded before the call, a REALLOC
   of it after the call that may fail (NULL there, the old block kept), stored
   back; one that never fails does not.  */
static void
test_realloc_out_may_fail (void **state)
{
  (void) state;
  for (int may_fail = 0; may_fail <= 1; may_fail++)
    {
      mr_func *f = tb_func ("t", 1);
      struct glue g = { .next_synthetic = 40 };
      mr_summary sum = empty_summary ();
      sum.out_stores[0] = (mr_out_store) { .param = 0, .kind = MR_OUT_REALLOC,
					   .family = MR_FAM_MALLOC, .always = true,
					   .may_null = may_fail };
      sum.nout_stores = 1;
      mr_call_site cs = site (f, &g, 1, 0);
      mr_expand_summary (&sum, &cs);
      mr_block *b = &f->blocks[0];
      assert_int_equal (b->nevents, 4);
      assert_int_equal (b->events[0].kind, MR_EV_LOAD);
      assert_int_equal (b->events[1].kind, MR_EV_CALL);
      assert_int_equal (b->events[2].kind, MR_EV_REALLOC);
      assert_int_equal (b->events[2].a.id, b->events[0].dst);
      assert_int_equal (!!(b->events[2].flags & MR_EVF_MAY_FAIL), may_fail);
      assert_int_equal (b->events[3].kind, MR_EV_STORE);
      mr_func_free (f);
    }
}

/* destroy (p, rel), whose summary calls its parameter 1 on its parameter 0: the
   call's record relays it (mr_call.relay), for a caller that passes its own
   parameters on.  */
static void
test_relayed_call (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.calls_param = 2;
  sum.calls_param_arg = 0;
  sum.calls_param_pos = 0;
  mr_call_site cs = site (f, &g, 2, 0);
  mr_expand_summary (&sum, &cs);
  const mr_call *call = f->blocks[0].events[0].call;
  assert_int_equal (call->relay, 2);
  assert_int_equal (call->relay_arg, 0);
  assert_int_equal (call->relay_pos, 0);
  mr_func_free (f);
  /* Called with fewer arguments than the summary names: nothing relayed.  */
  f = tb_func ("t", 1);
  cs = site (f, &g, 1, 0);
  mr_expand_summary (&sum, &cs);
  assert_int_equal (f->blocks[0].events[0].call->relay, 0);
  mr_func_free (f);
}

static void
test_allocating_wrapper (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.returns_alloc = true;
  sum.alloc_family = MR_FAM_MALLOC;
  sum.may_return_null = true;
  sum.error_channel = true;
  mr_call_site cs = site (f, &g, 1, 7);
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 2);
  assert_int_equal (b->events[0].kind, MR_EV_CALL);
  assert_int_equal (b->events[0].dst, 0);	/* the ALLOC defines it */
  assert_int_equal (b->events[1].kind, MR_EV_ALLOC);
  assert_int_equal (b->events[1].dst, 7);
  assert_int_equal (b->events[1].flags, MR_EVF_QUIET_NULL);

  cs.returns_nonnull = true;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[3].flags, MR_EVF_NEVER_NULL);

  /* NULL is all it can say of a failure: checked like malloc.  */
  sum.error_channel = false;
  cs.returns_nonnull = false;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[5].flags, MR_EVF_MAY_FAIL);
  mr_func_free (f);
}

/* rev returns memory it freed, past an 8-byte array cookie, or NULL where its
   parameter 0 is.  */
static void
test_freed_result (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.returns_freed = MR_RET_FREED;
  sum.freed_ret_family = MR_FAM_NEW_ARRAY;
  sum.freed_ret_loc = tb_loc (3);
  mr_call_site cs = site (f, &g, 1, 7);
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 3);
  assert_int_equal (b->events[0].kind, MR_EV_CALL);
  assert_int_equal (b->events[0].dst, 0);	/* the ALLOC defines it */
  assert_int_equal (b->events[1].kind, MR_EV_ALLOC);
  assert_int_equal (b->events[1].dst, 7);
  assert_int_equal (b->events[1].flags, MR_EVF_NEVER_NULL);
  assert_int_equal (b->events[2].kind, MR_EV_FREE);
  assert_int_equal (b->events[2].a.id, 7);
  assert_int_equal (b->events[2].family, MR_FAM_NEW_ARRAY);
  assert_string_equal (b->events[2].via, "wrap");
  assert_int_equal (b->events[2].via_loc.line, 3);
  assert_int_equal (f->ntruths, 0);

  /* Past the cookie: the block is a value of its own, the result points into
     it.  */
  sum.freed_ret_off = 8;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->nevents, 7);
  assert_int_equal (b->events[4].dst, 40);
  assert_int_equal (b->events[5].a.id, 40);
  assert_int_equal (b->events[6].kind, MR_EV_COPY);
  assert_int_equal (b->events[6].dst, 7);
  assert_int_equal (b->events[6].a.id, 40);
  assert_int_equal (b->events[6].off, 8);
  assert_false (b->events[4].flags & MR_EVF_NULL_WITH);
  mr_func_free (f);

  /* NULL where the argument is 0: a truth record ties the result to it; a
     constant 0 there makes the result NULL.  */
  f = tb_func ("t", 1);
  b = &f->blocks[0];
  sum.freed_ret_off = 0;
  sum.returns_freed = MR_RET_FREED_OR_NULL;
  sum.freed_ret_param = 1;
  cs = site (f, &g, 1, 7);
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->nevents, 3);
  /* A path that knows the argument NULL before the call gets NULL: the ALLOC
     names it and its NULL side.  */
  assert_int_equal (b->events[1].flags, MR_EVF_NULL_WITH);
  assert_int_equal (b->events[1].b.kind, MR_OPND_VALUE);
  assert_int_equal (b->events[1].b.id, 10);
  assert_int_equal (b->events[1].off, 0);
  assert_int_equal (f->ntruths, 1);
  assert_int_equal (f->truths[0].value, 7);
  assert_int_equal (f->truths[0].cond.lhs.id, 10);
  assert_int_equal (f->truths[0].cond.op, MR_CMP_NE);
  cs.arg = null_arg_of;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->nevents, 5);
  assert_int_equal (b->events[4].kind, MR_EV_COPY);
  assert_int_equal (b->events[4].dst, 7);
  assert_int_equal (b->events[4].a.kind, MR_OPND_CONST);
  assert_int_equal (b->events[4].a.num, 0);
  mr_func_free (f);
}

static void
test_reallocating_wrapper (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.reallocs_param = 0;
  sum.may_return_null = true;
  mr_call_site cs = site (f, &g, 2, 7);
  cs.result_overwrites_realloc_arg = true;
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 1);
  assert_int_equal (b->events[0].kind, MR_EV_REALLOC);
  assert_int_equal (b->events[0].a.id, 10);
  assert_int_equal (b->events[0].family, MR_FAM_MALLOC);
  assert_int_equal (b->events[0].flags, MR_EVF_MAY_FAIL | MR_EVF_SAME_VAR);
  /* Without a result it is an ordinary call.  */
  cs.dst = 0;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[1].kind, MR_EV_CALL);
  mr_func_free (f);
}

static void
test_field_free_and_returned_param (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.nfield_frees = 1;
  sum.field_frees[0] = (mr_field_free) { .param = 0, .family = MR_FAM_NEW, .off = 8 };
  sum.returns_param = 1;
  sum.returns_param_off = 0;
  mr_call_site cs = site (f, &g, 2, 7);
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 4);
  assert_int_equal (b->events[0].kind, MR_EV_LOAD);
  assert_int_equal (b->events[0].dst, 40);
  assert_int_equal (b->events[0].off, 8);
  assert_int_equal (b->events[1].kind, MR_EV_FREE);
  assert_int_equal (b->events[1].a.id, 40);
  assert_int_equal (b->events[1].family, MR_FAM_NEW);
  assert_int_equal (b->events[2].kind, MR_EV_CALL);
  assert_int_equal (b->events[2].dst, 0);	/* the COPY defines it */
  assert_int_equal (b->events[3].kind, MR_EV_COPY);
  assert_int_equal (b->events[3].dst, 7);
  assert_int_equal (b->events[3].a.id, 11);
  mr_func_free (f);
}

/* Functions of the knowledge base (libs.def), as their entries say.  */
static void
test_library_calls (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_block *b = &f->blocks[0];

  mr_call_site cs = site (f, &g, 1, 0);
  cs.name = "g_free";
  assert_true (mr_expand_library_call (mr_lib_lookup ("g_free"), &cs, false));
  assert_int_equal (b->nevents, 1);
  assert_int_equal (b->events[0].kind, MR_EV_FREE);
  assert_int_equal (b->events[0].a.id, 10);
  assert_int_equal (b->events[0].family, mr_family_by_name ("g_free"));

  /* realpath (p, buf) returns buf: no allocation; realpath (p, NULL) allocates.  */
  cs = site (f, &g, 2, 7);
  cs.name = "realpath";
  assert_false (mr_expand_library_call (mr_lib_lookup ("realpath"), &cs, false));
  assert_int_equal (b->nevents, 1);
  assert_true (mr_expand_library_call (mr_lib_lookup ("realpath"), &cs, true));
  assert_int_equal (b->nevents, 3);
  assert_int_equal (b->events[1].kind, MR_EV_CALL);
  assert_int_equal (b->events[2].kind, MR_EV_ALLOC);
  assert_int_equal (b->events[2].family, MR_FAM_MALLOC);
  assert_int_equal (b->events[2].flags, MR_EVF_MAY_FAIL);
  /* ... unless declared returns_nonnull.  */
  cs.returns_nonnull = true;
  assert_true (mr_expand_library_call (mr_lib_lookup ("realpath"), &cs, true));
  assert_int_equal (b->events[4].flags, MR_EVF_NEVER_NULL);

  /* g_realloc does not return when out of memory: no failure path.  */
  cs = site (f, &g, 2, 7);
  cs.name = "g_realloc";
  cs.result_overwrites_realloc_arg = true;
  assert_true (mr_expand_library_call (mr_lib_lookup ("g_realloc"), &cs, false));
  assert_int_equal (b->events[5].kind, MR_EV_REALLOC);
  assert_int_equal (b->events[5].b.id, 11);
  assert_int_equal (b->events[5].flags, 0);
  assert_string_equal (b->events[5].via, "g_realloc");

  /* Stores through an argument: not this expansion's.  */
  assert_false (mr_expand_library_call (mr_lib_lookup ("asprintf"), &cs, false));
  assert_false (mr_expand_library_call (NULL, &cs, false));
  mr_func_free (f);
}

/* Functions the user declared as an allocator or a deallocator.  */
static void
test_user_allocator (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_block *b = &f->blocks[0];
  unsigned fam = mr_family_by_name ("my_release");
  mr_call_site cs = site (f, &g, 3, 0);
  mr_expand_user_free (&cs, 2, fam);
  assert_int_equal (b->events[0].kind, MR_EV_FREE);
  assert_int_equal (b->events[0].a.id, 12);
  assert_int_equal (b->events[0].family, fam);
  cs = site (f, &g, 1, 7);
  mr_expand_user_alloc (&cs, fam);
  assert_int_equal (b->events[1].kind, MR_EV_ALLOC);
  assert_int_equal (b->events[1].dst, 7);
  assert_int_equal (b->events[1].flags, MR_EVF_MAY_FAIL);
  cs.returns_nonnull = true;
  mr_expand_user_alloc (&cs, fam);
  assert_int_equal (b->events[2].flags, MR_EVF_NEVER_NULL);
  mr_func_free (f);
}

/* Argument 1 is the constant 3, the others values 10 + i.  */
static mr_opnd
arg_const1 (void *g, unsigned i)
{
  ((struct glue *) g)->lowered[i]++;
  return i == 1 ? mr_const (3) : mr_value (10 + i);
}

/* What the callee's integer result says: a truth record over the arguments (a
   literal with a constant argument evaluated), a field loaded before the call, a
   constant or an argument given back as a COPY.  */
static void
test_result_facts (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_block *b = &f->blocks[0];
  mr_summary sum = empty_summary ();
  sum.nret_truth = 2;
  sum.ret_truth[0] = (mr_ret_lit) { .param = 0, .op = MR_CMP_NE, .k = 0 };
  sum.ret_truth[1] = (mr_ret_lit) { .param = 1, .op = MR_CMP_NE, .k = 0 };
  mr_call_site cs = site (f, &g, 2, 7);
  cs.arg = arg_const1;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->nevents, 1);
  assert_int_equal (b->events[0].dst, 7);
  mr_func_resolve (f);
  const mr_truth *t = mr_func_truth (f, 7);
  assert_non_null (t);
  assert_int_equal (t->cond.combine, MR_COMBINE_NONE);
  assert_int_equal (t->cond.lhs.id, 10);	/* 3 != 0 holds: only argument 0 is left */
  assert_int_equal (t->cond.op, MR_CMP_NE);

  /* 3 == 0 fails: the result is 0.  */
  sum.ret_truth[1].op = MR_CMP_EQ;
  cs.dst = 8;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[1].kind, MR_EV_CALL);
  assert_int_equal (b->events[1].dst, 0);
  assert_int_equal (b->events[2].kind, MR_EV_COPY);
  assert_int_equal (b->events[2].dst, 8);
  assert_int_equal (b->events[2].a.kind, MR_OPND_CONST);
  assert_int_equal (b->events[2].a.num, 0);

  /* A field of argument 0, loaded before the call (the callee never writes it).  */
  sum.nret_truth = 1;
  sum.ret_truth[0] = (mr_ret_lit) { .param = 0, .field = true, .off = 8, .op = MR_CMP_EQ,
				    .k = 2 };
  cs.dst = 9;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[3].kind, MR_EV_LOAD);
  assert_int_equal (b->events[3].dst, 40);
  assert_int_equal (b->events[3].a.id, 10);
  assert_int_equal (b->events[3].off, 8);
  assert_int_equal (b->events[4].kind, MR_EV_CALL);
  assert_int_equal (b->events[4].dst, 9);
  mr_func_resolve (f);
  t = mr_func_truth (f, 9);
  assert_non_null (t);
  assert_int_equal (t->cond.lhs.id, 40);
  assert_int_equal (t->cond.rhs.num, 2);

  /* A constant; an argument given back (a copy of it, not a new value).  */
  sum = empty_summary ();
  sum.returns_const = true;
  sum.ret_const = 5;
  cs.dst = 11;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[6].kind, MR_EV_COPY);
  assert_int_equal (b->events[6].a.num, 5);
  sum = empty_summary ();
  sum.returns_scalar = true;
  sum.scalar_param = 0;
  cs.dst = 12;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[7].dst, 0);
  assert_int_equal (b->events[8].kind, MR_EV_COPY);
  assert_int_equal (b->events[8].dst, 12);
  assert_int_equal (b->events[8].a.id, 10);

  /* Nothing is claimed from a summary of an analysis that stopped.  */
  sum.valid = false;
  cs.dst = 13;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (b->events[9].dst, 13);
  assert_int_equal (b->nevents, 10);
  mr_func_free (f);
}

/* A callee that dereferences its argument 1 first and frees it
   (mr_summary.derefs_first): a DEREF of the argument before the call, flagged
   SUMMARIZED, then the call and the free.  */
static void
test_derefs_first (void **state)
{
  (void) state;
  mr_func *f = tb_func ("t", 1);
  struct glue g = { .next_synthetic = 40 };
  mr_summary sum = empty_summary ();
  sum.derefs = sum.derefs_first = 1u << 1;
  sum.frees_always = 1u << 1;
  sum.free_family = MR_FAM_MALLOC;
  mr_call_site cs = site (f, &g, 2, 0);
  mr_expand_summary (&sum, &cs);
  mr_block *b = &f->blocks[0];
  assert_int_equal (b->nevents, 3);
  assert_int_equal (b->events[0].kind, MR_EV_DEREF);
  assert_int_equal (b->events[0].a.id, 11);
  assert_true (b->events[0].flags & MR_EVF_SUMMARIZED);
  assert_false (b->events[0].flags & MR_EVF_WRITE);
  assert_int_equal (b->events[1].kind, MR_EV_CALL);
  assert_int_equal (b->events[2].kind, MR_EV_FREE);
  mr_func_free (f);

  /* It frees its argument 1 after walking it: the FREE's off says where.  */
  f = tb_func ("t", 1);
  sum = empty_summary ();
  sum.frees_always = 1u << 1;
  sum.frees_at_param = 2;
  sum.frees_at_off = MR_OFF_POSITIVE;
  cs = site (f, &g, 2, 0);
  mr_expand_summary (&sum, &cs);
  assert_int_equal (f->blocks[0].events[1].kind, MR_EV_FREE);
  assert_int_equal (f->blocks[0].events[1].off, MR_OFF_POSITIVE);
  mr_func_free (f);
  sum.derefs = sum.derefs_first = 1u << 1;

  /* A weak definition may be replaced: nothing said.  */
  f = tb_func ("t", 1);
  cs = site (f, &g, 2, 0);
  cs.weak = true;
  mr_expand_summary (&sum, &cs);
  assert_int_equal (f->blocks[0].events[0].kind, MR_EV_CALL);
  mr_func_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_deallocating_wrapper),
    cmocka_unit_test (test_derefs_first),
    cmocka_unit_test (test_static_params),
    cmocka_unit_test (test_scalar_flag_param),
    cmocka_unit_test (test_static_derefs_first),
    cmocka_unit_test (test_realloc_out_may_fail),
    cmocka_unit_test (test_freed_or_live),
    cmocka_unit_test (test_relayed_call),
    cmocka_unit_test (test_allocating_wrapper),
    cmocka_unit_test (test_freed_result),
    cmocka_unit_test (test_reallocating_wrapper),
    cmocka_unit_test (test_field_free_and_returned_param),
    cmocka_unit_test (test_library_calls),
    cmocka_unit_test (test_user_allocator),
    cmocka_unit_test (test_result_facts),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
