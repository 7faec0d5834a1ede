/* lower-input-calls.cc — sizes read from outside the program carried between the
   functions of the translation unit (CWE-789, rules/tainted-allocation-size.c).

   Each function of the unit a size walk meets gets a small summary, made from
   its GIMPLE the first time it is asked for (callees are in SSA form before their
   callers: the pass runs after "ssa", callees first) and kept for the unit:
     - its result is input: some return gives a value read from outside
       (lower-range.cc's walk, so through the functions it calls in turn) that no
       test on the way to that return bounds from above (`if (n > MAX) return
       -1;` dominating it);
     - its parameter k is a sink: the size of an allocation it makes (a known
       allocator's size argument, an allocating operator new or new[]), or the
       argument it passes to another sink, is computed from parameter k with no
       bound on the way (a clamp, a mask, a test bounding it from above that
       dominates the allocation; g++'s check before new T[n] is no bound);
     - a global (or a field of one) it reads is a sink the same way: its callers
       store what it holds (`count = n; make_table ();`);
     - it writes input where its pointer or reference parameter k points
       (`fscanf (f, "%zu", out)`, `*out = atoi (line)`, or passing it on to such a
       function): the caller's variable is written by an input function.
   A caller's size walk takes a call to a function whose result is input as an
   input, and a variable it passes to a writer as read from outside; a caller
   that passes input to a sink, or stores input in a sink's global right before
   calling it, gets the size on the call's own event, named by the allocator
   inside, so the rule judges it with the caller's facts (`if (n < 100) sink
   (n);` is bounded).  A function being summarized is not known yet (a cycle):
   nothing is claimed about it.

   A function of another file is known by the summary database's input facts
   (summary-db.h): the same result, sink and written-parameter facts, written
   beside its summary by its own compile (unit_input_facts; not the global
   sinks, whose trees are that compile's).  */

#include "lower-input.h"
#include "summary-db.h"
#include "../core/knowledge.h"

struct input_summary
{
  bool done;			/* false while it is being made (a cycle) */
  bool returns_input;
  uint32_t sinks;		/* bit k: parameter k is a sink */
  uint32_t writes;		/* bit k: input is written where parameter k points */
  /* A global read as an allocation's size (its declaration, and the bits read
     in it: the load itself may be gone with the body of a dropped function).  */
  tree global_sink;
  HOST_WIDE_INT global_off, global_bits;
  const char *allocator;	/* the allocation a sink's value reaches */
};

static hash_map<tree, input_summary> *summaries;

static input_summary summarize (tree fn);

/* The dominators of the function being summarized, computed when a bound is
   first looked for (most functions have nothing to look at); freed after if
   computed here.  */
static bool dominators_computed;

static void
need_dominators (void)
{
  if (!dom_info_available_p (CDI_DOMINATORS))
    {
      calculate_dominance_info (CDI_DOMINATORS);
      dominators_computed = true;
    }
}

/* The body of fn in SSA form, if the unit has it.  */
static function *
body_of (tree fn)
{
  if (!fn || TREE_CODE (fn) != FUNCTION_DECL || !gimple_has_body_p (fn)
      || DECL_WEAK (fn))
    return NULL;
  function *f = DECL_STRUCT_FUNCTION (fn);
  return f && f->cfg && gimple_in_ssa_p (f) ? f : NULL;
}

/* Is `as` a use of v whose value bounds v from above when it is bounded: v
   converted to a type as wide or wider (`(unsigned) n > MAX`, which folds `n < 0
   || n > MAX`), or v minus a constant (`n - 6 <= 93`, which folds `n > 5 && n <
   100`; in a signed type, where it does not wrap, v plus any constant)?  */
static bool
bounds_through (gassign *as, tree v)
{
  enum tree_code code = gimple_assign_rhs_code (as);
  tree lhs = gimple_assign_lhs (as);
  if (!INTEGRAL_TYPE_P (TREE_TYPE (lhs)) || gimple_assign_rhs1 (as) != v)
    return false;
  if (CONVERT_EXPR_CODE_P (code))
    return TYPE_PRECISION (TREE_TYPE (lhs)) >= TYPE_PRECISION (TREE_TYPE (v));
  tree k = gimple_num_ops (as) > 2 ? gimple_assign_rhs2 (as) : NULL_TREE;
  if ((code != PLUS_EXPR && code != MINUS_EXPR) || !k || TREE_CODE (k) != INTEGER_CST)
    return false;
  if (!TYPE_UNSIGNED (TREE_TYPE (lhs)))
    return true;
  bool negative = wi::neg_p (wi::to_wide (k), SIGNED);
  return code == PLUS_EXPR ? negative : !negative;
}

/* Does a test bounding name v from above lead into block bb and dominate it (the
   edge's destination has no other way in)?  A test of a value that bounds v
   (bounds_through) counts too.  */
static bool
bounded_into (tree v, basic_block bb, bool through = false)
{
  if (!v || TREE_CODE (v) != SSA_NAME)
    return false;
  need_dominators ();
  imm_use_iterator it;
  gimple *use;
  bool bounded = false;
  FOR_EACH_IMM_USE_STMT (use, it, v)
    {
      gassign *as = dyn_cast<gassign *> (use);
      if (as && !through && !bounded && bounds_through (as, v))
	bounded = bounded_into (gimple_assign_lhs (as), bb, true);
      if (gimple_code (use) != GIMPLE_COND || bounded)
	continue;
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, gimple_bb (use)->succs)
	if (single_pred_p (e->dest) && dominated_by_p (CDI_DOMINATORS, bb, e->dest)
	    && edge_bounds_above (e, v))
	  bounded = true;
    }
  return bounded;
}

/* Is value t, used in block bb, bounded from above on its way from an input or a
   parameter: a dominating test on t or on what it is computed from, back to where
   it is read or passed in?  Through a join, every argument that is not a constant must be
   bounded on its own edge (a clamp on one path); through arithmetic, one bounded
   operand is taken to bound it (no claim where it is unclear).  */
static bool
bounded_on_the_way (tree t, basic_block bb, int depth)
{
  if (TREE_CODE (t) == INTEGER_CST)
    return true;
  if (TREE_CODE (t) != SSA_NAME || depth > 8)
    return false;
  if (bounded_into (t, bb))
    return true;
  if (SSA_NAME_IS_DEFAULT_DEF (t))
    return false;
  gimple *def = SSA_NAME_DEF_STMT (t);
  if (gphi *phi = dyn_cast<gphi *> (def))
    {
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	if (!bounded_on_the_way (gimple_phi_arg_def (phi, i),
				 gimple_phi_arg_edge (phi, i)->src, depth + 1))
	  return false;
      return true;
    }
  gassign *as = dyn_cast<gassign *> (def);
  if (!as)
    return false;
  enum tree_code code = gimple_assign_rhs_code (as);
  if (gimple_assign_single_p (as) || CONVERT_EXPR_CODE_P (code))
    return bounded_on_the_way (gimple_assign_rhs1 (as), bb, depth + 1);
  if (gimple_num_ops (as) > 2 && TREE_CODE (gimple_assign_rhs2 (as)) == SSA_NAME
      && bounded_on_the_way (gimple_assign_rhs2 (as), bb, depth + 1))
    return true;
  return TREE_CODE (gimple_assign_rhs1 (as)) == SSA_NAME
	 && bounded_on_the_way (gimple_assign_rhs1 (as), bb, depth + 1);
}

/* The index of the parameter whose default definition is p, or -1.  */
static int
param_index (tree fn, tree p)
{
  int i = 0;
  for (tree a = DECL_ARGUMENTS (fn); a; a = DECL_CHAIN (a), i++)
    if (a == SSA_NAME_VAR (p))
      return i < 32 ? i : -1;
  return -1;
}

/* Does a test bounding from above a load of the same place as `load` (the
   memory unchanged: the same version) lead into block bb and dominate it?  At
   -O0 the test and the size read a global twice.  */
static bool
load_bounded_into (gassign *load, basic_block bb)
{
  need_dominators ();
  tree ref = gimple_assign_rhs1 (load);
  for (basic_block d = get_immediate_dominator (CDI_DOMINATORS, bb);
       d && d != ENTRY_BLOCK_PTR_FOR_FN (cfun);
       d = get_immediate_dominator (CDI_DOMINATORS, d))
    {
      gcond *cond = safe_dyn_cast<gcond *> (mr_last_stmt (d));
      if (!cond)
	continue;
      for (int side = 0; side < 2; side++)
	{
	  tree v = side ? gimple_cond_rhs (cond) : gimple_cond_lhs (cond);
	  gassign *other = TREE_CODE (v) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (v)
			   ? dyn_cast<gassign *> (SSA_NAME_DEF_STMT (v)) : NULL;
	  if (!other || !gimple_assign_single_p (other)
	      || gimple_vuse (other) != gimple_vuse (load)
	      || !operand_equal_p (gimple_assign_rhs1 (other), ref, 0))
	    continue;
	  edge e;
	  edge_iterator ei;
	  FOR_EACH_EDGE (e, ei, d->succs)
	    if (single_pred_p (e->dest) && dominated_by_p (CDI_DOMINATORS, bb, e->dest)
		&& (bounded_into (v, e->dest) || edge_bounds_above (e, v)))
	      return true;
	}
    }
  return false;
}

bool
value_bounded_before (tree v, basic_block bb)
{
  /* (Asked within another function's walk: dominators of cfun's own.)  */
  bool outer_computed = dominators_computed;
  dominators_computed = false;
  gassign *load = TREE_CODE (v) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (v)
		  ? dyn_cast<gassign *> (SSA_NAME_DEF_STMT (v)) : NULL;
  bool bounded = bounded_on_the_way (v, bb, 0)
		 || (load && gimple_assign_single_p (load)
		     && is_memory_ref (gimple_assign_rhs1 (load))
		     && load_bounded_into (load, bb));
  if (dominators_computed)
    free_dominance_info (CDI_DOMINATORS);
  dominators_computed = outer_computed;
  return bounded;
}

/* The global declaration memory reference ref reads, and which bits of it, or
   NULL_TREE.  */
static tree
global_extent (tree ref, HOST_WIDE_INT *off, HOST_WIDE_INT *bits)
{
  poly_int64 o, size, max;
  bool reverse;
  tree base = get_ref_base_and_extent (ref, &o, &size, &max, &reverse);
  if (!base || !VAR_P (base) || !is_global_var (base) || !known_eq (size, max)
      || !o.is_constant (off) || !size.is_constant (bits))
    return NULL_TREE;
  return base;
}

/* Marks in *sum the parameter (or the global) that size argument `size` of the
   allocation or sink call in block bb comes from, unbounded.  */
static void
note_sink (tree fn, tree size, basic_block bb, const char *allocator, input_summary *sum)
{
  tree p = param_source (size);
  if (!p || bounded_on_the_way (size, bb, 0))
    return;
  gassign *load = SSA_NAME_IS_DEFAULT_DEF (p) ? NULL
		  : dyn_cast<gassign *> (SSA_NAME_DEF_STMT (p));
  if (load)
    {
      /* A global: its callers store what it holds (one per function).  */
      HOST_WIDE_INT off, bits;
      tree decl = global_extent (gimple_assign_rhs1 (load), &off, &bits);
      if (!decl || sum->global_sink || load_bounded_into (load, bb))
	return;
      sum->global_sink = decl;
      sum->global_off = off;
      sum->global_bits = bits;
    }
  else
    {
      int k = param_index (fn, p);
      if (k < 0)
	return;
      sum->sinks |= 1u << k;
    }
  if (!sum->allocator)
    sum->allocator = allocator;
}

/* The allocations of cfun (fn's body) and its calls to sinks.  */
static void
find_sinks (tree fn, input_summary *sum)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gcall *call = dyn_cast<gcall *> (gsi_stmt (gsi));
	if (!call || gimple_call_internal_p (call))
	  continue;
	tree callee = called_fndecl (call);
	const char *name = callee_name (callee);
	const mr_known *k = mr_known_lookup (name);
	unsigned nargs = gimple_call_num_args (call);
	if (k && (k->kind == MR_KNOWN_ALLOC || k->kind == MR_KNOWN_REALLOC))
	  {
	    unsigned arg = k->kind == MR_KNOWN_REALLOC ? 1 : mr_kf_size_arg (k->flags);
	    if (arg < nargs)
	      note_sink (fn, gimple_call_arg (call, arg), bb, k->name, sum);
	    continue;
	  }
	/* An allocating operator new or new[] (a new-expression's: its size is
	   the count times the element's size, after g++'s overflow check, which
	   is no bound).  */
	if (!k && callee && DECL_IS_OPERATOR_NEW_P (callee) && nargs >= 1
	    && !(nargs == 2 && POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, 1)))))
	  {
	    note_sink (fn, gimple_call_arg (call, 0), bb,
		       strstr (IDENTIFIER_POINTER (DECL_NAME (callee)), "[]")
		       ? "operator new[]" : "operator new", sum);
	    continue;
	  }
	if (k || !body_of (callee) || callee == fn)
	  continue;
	input_summary inner = summarize (callee);
	for (unsigned i = 0; i < nargs && i < 32; i++)
	  if (inner.sinks & (1u << i))
	    note_sink (fn, gimple_call_arg (call, i), bb, inner.allocator, sum);
	/* (A value stored in a global and passed on as a parameter is the
	   caller's: lower_input_sink_call.)  */
      }
}

/* Does some return of cfun give input no dominating test bounds?  */
static bool
returns_input (void)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    if (greturn *ret = safe_dyn_cast<greturn *> (mr_last_stmt (bb)))
      {
	tree r = gimple_return_retval (ret);
	tree v = r ? input_source (r) : NULL_TREE;
	if (v && !bounded_on_the_way (r, bb, 0))
	  return true;
      }
  return false;
}

static input_summary
summarize (tree fn)
{
  if (!summaries)
    summaries = new hash_map<tree, input_summary>;
  bool existed;
  input_summary &slot = summaries->get_or_insert (fn, &existed);
  if (existed)
    return slot;
  slot = input_summary ();
  input_summary sum = input_summary ();
  /* (A callee summarized on the way has dominators of its own.)  */
  bool outer_computed = dominators_computed;
  dominators_computed = false;
  input_push_cfun (DECL_STRUCT_FUNCTION (fn));
  if (INTEGRAL_TYPE_P (TREE_TYPE (TREE_TYPE (fn))))
    sum.returns_input = returns_input ();
  find_sinks (fn, &sum);
  sum.writes = params_written_with_input ();
  if (dominators_computed)
    free_dominance_info (CDI_DOMINATORS);
  input_pop_cfun ();
  dominators_computed = outer_computed;
  sum.done = true;
  /* (The map may have grown while summarizing the callees: look fn up again.)  */
  *summaries->get (fn) = sum;
  return sum;
}

void
unit_input_facts (tree fn, mr_input_facts *out)
{
  *out = mr_input_facts ();
  if (!body_of (fn))
    return;
  input_summary sum = summarize (fn);
  out->returns_input = sum.returns_input;
  out->sinks = sum.sinks;
  out->writes = sum.writes;
  out->allocator = sum.sinks ? sum.allocator : NULL;
}

/* The input facts of the function call s calls: its summary if the unit has its
   body, else the database's (a function of another file), else none.  */
static bool
callee_facts (gcall *call, mr_input_facts *out)
{
  *out = mr_input_facts ();
  if (gimple_call_internal_p (call))
    return false;
  tree fn = called_fndecl (call);
  if (!fn || fn == current_function_decl)
    return false;
  if (body_of (fn))
    {
      unit_input_facts (fn, out);
      return true;
    }
  const mr_input_facts *db = TREE_CODE (fn) == FUNCTION_DECL ? mr_db_input (fn) : NULL;
  if (db)
    *out = *db;
  return db != NULL;
}

bool
unit_call_returns_input (gcall *call)
{
  mr_input_facts in;
  return callee_facts (call, &in) && in.returns_input;
}

uint32_t
unit_call_writes_input (gcall *call)
{
  mr_input_facts in;
  return callee_facts (call, &in) ? in.writes : 0;
}

/* The value the function stores in the global the callee of call s reads (sum's
   global_sink) before the call, the memory unchanged since, or NULL_TREE (a join,
   a call, a store that may be to it).  */
static tree
stored_before (gcall *s, const input_summary *sum)
{
  tree decl = sum->global_sink;
  tree vuse = gimple_vuse (s);
  for (int budget = 32; budget > 0 && vuse && TREE_CODE (vuse) == SSA_NAME; budget--)
    {
      if (SSA_NAME_IS_DEFAULT_DEF (vuse))
	return NULL_TREE;
      gimple *def = SSA_NAME_DEF_STMT (vuse);
      if (is_a<gphi *> (def))
	return NULL_TREE;
      HOST_WIDE_INT off, bits;
      if (gimple_assign_single_p (def)
	  && global_extent (gimple_assign_lhs (def), &off, &bits) == decl)
	{
	  if (off == sum->global_off && bits == sum->global_bits)
	    return gimple_assign_rhs1 (def);
	  if (off < sum->global_off + sum->global_bits && sum->global_off < off + bits)
	    return NULL_TREE;
	}
      else if (stmt_may_clobber_ref_p (def, decl))
	return NULL_TREE;
      vuse = gimple_vuse (def);
    }
  return NULL_TREE;
}

void
lower_input_sink_call (lower_ctx *c, unsigned bb, gcall *s, unsigned first, mr_loc loc)
{
  if (gimple_call_internal_p (s))
    return;
  tree fn = called_fndecl (s);
  if (!fn || fn == current_function_decl || mr_known_lookup (callee_name (fn)))
    return;
  /* A function of the unit, or of another file by the database (its parameters
     only: a global of its file is not this unit's tree).  */
  input_summary sum = input_summary ();
  if (body_of (fn))
    sum = summarize (fn);
  else if (const mr_input_facts *db = TREE_CODE (fn) == FUNCTION_DECL
				      ? mr_db_input (fn) : NULL)
    {
      sum.sinks = db->sinks;
      sum.allocator = db->allocator;
    }
  /* The value stored in the global the callee allocates with.  */
  tree stored = sum.global_sink ? stored_before (s, &sum) : NULL_TREE;
  if (stored && TREE_CODE (stored) != SSA_NAME)
    stored = NULL_TREE;
  if (!sum.sinks && !stored)
    return;
  /* The call's own event: the summarized call, or the allocation of a wrapper.  */
  mr_block *b = &c->f->blocks[bb];
  mr_event *ev = NULL;
  for (unsigned i = first; i < b->nevents && !ev; i++)
    if ((b->events[i].kind == MR_EV_CALL || b->events[i].kind == MR_EV_ALLOC)
	&& !b->events[i].size)
      ev = &b->events[i];
  if (!ev)
    return;
  /* (Lowering an operand may add events: the call's is found again by index.)  */
  uint32_t at = (uint32_t) (ev - b->events);
  for (unsigned i = 0; i <= gimple_call_num_args (s) && i < 32; i++)
    {
      tree v = i < gimple_call_num_args (s) ? (sum.sinks & (1u << i)
					       ? gimple_call_arg (s, i) : NULL_TREE)
	       : stored;
      if (!v)
	continue;
      if (mr_size *z = describe_input (c, bb, v, loc, NULL))
	{
	  z->allocator = sum.allocator;
	  c->f->blocks[bb].events[at].size = z;
	  return;
	}
    }
}
