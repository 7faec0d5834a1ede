/* unused.cc — the static functions GCC drops unseen, analysed all the same.

   At -O1 and above GCC removes a `static` function nothing refers to while it
   builds the call graph, before gimplifying it: the pass never sees it, so its
   bugs showed at -O0 (where GCC compiles every non-inline static function) and
   vanished at -O2.  GCC tells a plugin when it removes a function (the call
   graph's removal hook); at that moment the function still has its body, as the
   front end left it.  For the functions -O0 would have compiled, the hook forks;
   the child runs GCC's own lowering on that body up to SSA form, analyses it as
   the pass does, prints the findings and exits; the compiler goes on and removes
   the function as it would have.  Nothing of it reaches the object file.

   Only GCC's lowering passes that build the IR run ("lower", "ehopt", "eh" and
   "cfg" of the lowering list; "ssa" of the SSA list), with warnings off: none of
   its checks, not the call graph's edges (the function is on its way out) and not
   "fixup_cfg", which looks up the function's static variables in the symbol
   table that may have dropped them already.  C only; functions with OpenMP,
   transactional memory or nested functions are left alone.  A function of the
   unit GCC keeps that the dropped one calls (a wrapper that frees) is not
   analysed yet: the child brings it to SSA form and analyses it first, silently,
   for its summary.  What the child finds is printed, and its sarif= results are
   sent back through a pipe into the compiler's log; GCC's own JSON or SARIF
   diagnostics formats, written at the end of the compilation, do not have it.  */

#include "gcc-common.h"
#include "analyse.h"
#include "options.h"
#include "report.h"
#include "unused.h"
#include "lower-int.h"
#include "sarif-out.h"

#include <sys/wait.h>
#include <unistd.h>

/* The sub-passes of the IPA pass that builds SSA form (the memrules pass is one).  */
static opt_pass *
ssa_building_passes (void)
{
  for (opt_pass *p = g->get_passes ()->all_small_ipa_passes; p; p = p->next)
    if (p->name && strcmp (p->name + (p->name[0] == '*'), "build_ssa_passes") == 0)
      return p->sub;
  return NULL;
}

static bool
is_one_of (const opt_pass *p, const char *const *names)
{
  for (; *names; names++)
    if (p->name && strcmp (p->name, *names) == 0)
      return true;
  return false;
}

/* Runs the passes of `list` named in `names`, in order, with warnings off:
   GCC's own, which are not the plugin's to add.  */
static void
run_passes (opt_pass *list, const char *const *names)
{
  for (opt_pass *p = list; p; p = p->next)
    if (is_one_of (p, names))
      {
	bool old = mr_inhibit_warnings (true);
	execute_one_pass (p);
	mr_inhibit_warnings (old);
      }
}

static bool reaches_memory_functions (tree decl, int depth, hash_set<tree> *seen);

/* A function of the knowledge base that allocates, frees or reallocates
   (malloc, free, realloc, strdup, a library's pair), or a function of the unit
   that calls one, itself or through its callees (depth more levels): a wrapper
   (`release (p)` calling free).  */
static bool
memory_function_p (tree fn, int depth, hash_set<tree> *seen)
{
  const char *name = fn ? callee_name (fn) : NULL;
  if (!name)
    return false;
  const mr_known *k = mr_known_lookup (name);
  if (k)
    return k->kind == MR_KNOWN_ALLOC || k->kind == MR_KNOWN_FREE
	   || k->kind == MR_KNOWN_REALLOC;
  if (mr_lib_lookup (name))
    return true;
  cgraph_node *node = cgraph_node::get (fn);
  return depth > 0 && node && node->definition && !DECL_EXTERNAL (fn)
	 && reaches_memory_functions (fn, depth - 1, seen);
}

struct memory_walk
{
  int depth;
  hash_set<tree> *seen;
};

/* walk_tree callback: a call of a memory function (memory_function_p).  */
static tree
memory_call_p (tree *tp, int *walk_subtrees, void *data)
{
  if (TYPE_P (*tp))
    {
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  memory_walk *w = (memory_walk *) data;
  if (TREE_CODE (*tp) == CALL_EXPR
      && memory_function_p (get_callee_fndecl (*tp), w->depth, w->seen))
    return *tp;
  return NULL_TREE;
}

/* Does the body of decl call an allocator or a deallocator, or a wrapper of the
   unit that does?  A body as the front end left it (a function GCC drops) or
   lowered (a function it keeps: its callers' wrappers).  Each function is looked
   at once.  */
static bool
reaches_memory_functions (tree decl, int depth, hash_set<tree> *seen)
{
  if (seen->add (decl))
    return false;
  if (!gimple_has_body_p (decl))
    {
      memory_walk w = { depth, seen };
      return DECL_SAVED_TREE (decl)
	     && walk_tree_without_duplicates (&DECL_SAVED_TREE (decl), memory_call_p, &w)
		!= NULL_TREE;
    }
  function *fun = DECL_STRUCT_FUNCTION (decl);
  if (!fun || !fun->cfg)
    return false;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      if (gcall *call = dyn_cast<gcall *> (gsi_stmt (gsi)))
	if (memory_function_p (gimple_call_fndecl (call), depth, seen))
	  return true;
  return false;
}

/* Does the body call an allocator or a deallocator, itself or through a
   wrapper of its file (three levels deep)?  Forking the compiler costs a few
   milliseconds; a project's headers can hold dozens of unused static helpers
   (curl's tool headers: about 30 per file), most of which touch no heap.  Only
   those that do are analysed.  */
static bool
calls_memory_functions (tree decl)
{
  hash_set<tree> seen;
  return reaches_memory_functions (decl, 3, &seen);
}

/* A function GCC keeps, lowered already and not in SSA form yet (the pass runs
   on it later), that a dropped function calls: in the child, it is brought to
   SSA form and analysed silently first, callees first (depth levels), so that
   its summary holds in the dropped function (a wrapper that frees).  */
static void
analyse_kept_callee (cgraph_node *node, opt_pass *ssa, int depth, hash_set<tree> *done)
{
  static const char *const to_ssa[] = { "ssa", NULL };
  tree decl = node->decl;
  function *fun = DECL_STRUCT_FUNCTION (decl);
  if (done->add (decl) || !node->definition || !node->analyzed || node->alias
      || DECL_EXTERNAL (decl) || !gimple_has_body_p (decl) || !fun || !fun->cfg
      || (fun->gimple_df && fun->gimple_df->in_ssa_p) || !mr_function_analysed (decl))
    return;
  if (depth > 0)
    for (cgraph_edge *e = node->callees; e; e = e->next_callee)
      analyse_kept_callee (e->callee, ssa, depth - 1, done);
  push_cfun (fun);
  run_passes (ssa, to_ssa);
  mr_analysis a;
  mr_analyse_function (cfun, false, &a);
  mr_analysis_release (&a);
  pop_cfun ();
}

/* Would -O0 have compiled fndecl (cgraph_node::finalize_function's test), and is
   it one this hook can lower on its own?  */
static bool
dropped_unseen (cgraph_node *node)
{
  tree decl = node->decl;
  if (in_lto_p || seen_error () || symtab->state >= IPA || !lang_GNU_C ()
      || !node->definition || node->analyzed || node->alias || node->cpp_implicit_alias
      || TREE_PUBLIC (decl) || DECL_EXTERNAL (decl) || DECL_COMDAT (decl)
      || DECL_ARTIFICIAL (decl) || DECL_DECLARED_INLINE_P (decl)
      || DECL_DISREGARD_INLINE_LIMITS (decl)
      || !DECL_STRUCT_FUNCTION (decl) || !DECL_SAVED_TREE (decl) || gimple_has_body_p (decl)
      || !opt_for_fn (decl, optimize)
      || (DECL_CONTEXT (decl) && TREE_CODE (DECL_CONTEXT (decl)) == FUNCTION_DECL)
      || flag_openmp || flag_openacc || flag_tm
      || !mr_function_analysed (decl))
    return false;
  /* A function with nested functions (GNU C) needs their lowering first.  */
  cgraph_node *other;
  FOR_EACH_FUNCTION (other)
    if (DECL_CONTEXT (other->decl) == decl)
      return false;
  return true;
}

/* Lowers the body of a dropped function to SSA form and analyses it, in the
   child process: its callees among the dropped functions first, silently (for
   their summaries), then itself, reported if `report`.  */
static void
lower_and_analyse (cgraph_node *node, opt_pass *ssa, bool report)
{
  static const char *const lowering[] = { "lower", "ehopt", "eh", "cfg", NULL };
  static const char *const to_ssa[] = { "ssa", NULL };
  tree decl = node->decl;
  bool old = mr_inhibit_warnings (true);
  gimplify_function_tree (decl);
  mr_inhibit_warnings (old);
  push_cfun (DECL_STRUCT_FUNCTION (decl));
  gimple_register_cfg_hooks ();
  bitmap_obstack_initialize (NULL);
  run_passes (g->get_passes ()->all_lowering_passes, lowering);
  /* Callees first, as the pass manager orders functions.  (A cycle ends where a
     member is lowered already: dropped_unseen is false for it.)  */
  basic_block bb;
  if (cfun->cfg)
    FOR_EACH_BB_FN (bb, cfun)
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
	if (gcall *call = dyn_cast<gcall *> (gsi_stmt (gsi)))
	  if (tree callee = gimple_call_fndecl (call))
	    if (cgraph_node *cn = cgraph_node::get (callee))
	      {
		if (cn != node && dropped_unseen (cn))
		  lower_and_analyse (cn, ssa, false);
		else if (cn != node)
		  {
		    hash_set<tree> done;
		    analyse_kept_callee (cn, ssa, 2, &done);
		  }
	      }
  if (cfun->cfg)
    {
      run_passes (ssa, to_ssa);
      mr_analysis a;
      mr_analyse_function (cfun, mr_opts.dump_ir && report, &a);
      if (report)
	mr_report_findings (&a.low, &a.result, 0);
      mr_analysis_release (&a);
    }
  bitmap_obstack_release (NULL);
  pop_cfun ();
}

/* The removal hook.  The lowering changes GCC's global state in ways the object
   file shows (the counters that number constant labels, .LC<n>, and static
   temporaries, CSWTCH.<n>, in the functions GCC compiles later), so it happens in
   a child process, a copy of the compiler at this moment: it prints its findings
   and exits, and the compiler goes on as if nothing had happened.  What a
   finding turned into an error (-Werror) is added to the compiler's error counts
   from the child's exit status.  */
static void
analyse_dropped (cgraph_node *node, void *)
{
  opt_pass *ssa = dropped_unseen (node) && calls_memory_functions (node->decl)
		 ? ssa_building_passes () : NULL;
  if (!ssa)
    return;
  fflush (stdout);
  fflush (stderr);
  int errors = errorcount, werrors = werrorcount;
  /* The child's SARIF results come back through a pipe (sarif-out.cc).  */
  int results[2] = { -1, -1 };
  if (mr_opts.sarif && pipe (results) != 0)
    results[0] = results[1] = -1;
  pid_t child = fork ();
  if (child == 0)
    {
      if (results[0] >= 0)
	close (results[0]);
      mr_sarif_forward (results[1]);
      lower_and_analyse (node, ssa, true);
      fflush (stderr);
      int e = errorcount - errors, w = werrorcount - werrors;
      _exit ((e > 15 ? 15 : e) | (w > 15 ? 15 : w) << 4);
    }
  if (results[1] >= 0)
    close (results[1]);
  if (results[0] >= 0)
    {
      if (child > 0)
	mr_sarif_receive (results[0]);	/* until the child exits; closes it */
      else
	close (results[0]);
    }
  int status;
  if (child < 0 || waitpid (child, &status, 0) != child || !WIFEXITED (status))
    return;
  errorcount += WEXITSTATUS (status) & 15;
  werrorcount += WEXITSTATUS (status) >> 4;
}

void
mr_analyse_dropped_functions (void *, void *)
{
  symtab->add_cgraph_removal_hook (analyse_dropped, NULL);
}
