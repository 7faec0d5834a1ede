/* plugin.cc — memrules' entry point: version check, arguments, callbacks, the pass.

   Usage:  gcc -fplugin=memrules [-fplugin-arg-memrules-KEY[=VALUE] ...] file.c

   plugin_init runs in the order the Linux kernel's plugins use: the version check,
   the arguments (options.cc; a bad one fails the compile), PLUGIN_INFO (the version
   gcc -v shows and the help gcc --help shows), then the callbacks:
     PLUGIN_PRAGMAS            `#pragma memrules` and __MEMRULES__ (pragmas.cc)
     PLUGIN_PASS_MANAGER_SETUP the pass below
     PLUGIN_EARLY_GIMPLE_PASSES_END  functions in cycles of calls, analysed again;
                               with analyse-only, then the end of the compile
     PLUGIN_FINISH_UNIT        the unit's summaries file, if summaries= was given
                               (summary-db.cc)
     PLUGIN_START_UNIT         static functions GCC drops unseen, analysed (unused.cc)
     PLUGIN_FINISH             the SARIF log, if sarif= was given (sarif-out.cc)

   The pass `memrules` is inserted right after GCC's "ssa" pass: every function is in
   SSA form, not yet optimised, at every -O level and for C and C++ alike.  For each
   function it lowers GIMPLE to memir (lower.cc), runs the engine (plugin/core/) and
   records its summary (analyse.cc, the pipeline the cycle rounds and lto.cc use
   too), then reports the findings (report.cc, which asks suppress.cc what to
   show).  It never changes the IR.  */

#include "gcc-common.h"
#include "analyse.h"
#include "options.h"
#include "pragmas.h"
#include "report.h"

/* malloc-cast.cc */
void mr_malloc_cast_check (void *gcc_data, void *user_data);
/* lto.cc */
opt_pass *mr_lto_pass_new (gcc::context *ctx);
#include "sarif-out.h"
#include "summary-db.h"
#include "suppress.h"
#include "unused.h"
#include "../core/engine.h"

int plugin_is_GPL_compatible __attribute__ ((visibility ("default")));

static struct plugin_info memrules_info = { MEMRULES_VERSION, NULL };

/* The pass.  */

static const pass_data memrules_pass_data = {
  GIMPLE_PASS,			/* type */
  "memrules",			/* name */
  OPTGROUP_NONE,		/* optinfo_flags */
  TV_NONE,			/* tv_id */
  PROP_ssa | PROP_cfg,		/* properties_required */
  0, 0, 0, 0			/* provided, destroyed, todo start, todo finish */
};

struct memrules_pass : gimple_opt_pass
{
  memrules_pass (gcc::context *ctx) : gimple_opt_pass (memrules_pass_data, ctx) {}
  unsigned int execute (function *fun) final override;
};

/* Analyses fun and records its summary (analyse.cc); reports its findings if
   `report`.  Returns true if the summary differs from the one recorded before.  */
static bool
analyse_again (function *fun, bool report)
{
  mr_analysis a;
  mr_analyse_function (fun, mr_opts.dump_ir && report, &a);
  if (report)
    mr_report_findings (&a.low, &a.result, 0);
  mr_analysis_release (&a);
  return a.summary_changed;
}

/* The most a function of a cycle could do, to start the cycle's fixpoint from:
   frees every pointer parameter, changes nothing else.  The iteration only takes
   away from it (a free done on every path through the cycle survives, one done on
   some paths does not).  */
static mr_summary
optimistic_summary (tree decl)
{
  mr_summary s = {};
  s.valid = true;
  s.no_clobber = true;
  s.reallocs_param = -1;
  s.returns_param = -1;
  s.free_family = MR_FAM_MALLOC;
  unsigned i = 0;
  for (tree parm = DECL_ARGUMENTS (decl); parm && i < 32; parm = DECL_CHAIN (parm), i++)
    if (POINTER_TYPE_P (TREE_TYPE (parm)))
      s.frees_always |= 1u << i;
  s.frees_maybe = s.frees_always;
  s.derefs = s.frees_always;
  s.uses = s.frees_always;
  return s;
}

/* One round over the functions of cycles (only their members unless `report`);
   true if a summary changed.  */
static bool
cycle_round (bool report)
{
  bool changed = false;
  for (unsigned i = 0; i < mr_unit.in_cycles.length (); i++)
    {
      tree decl = mr_unit.in_cycles[i];
      if (!report && !mr_unit.cycle_member[i])
	continue;
      function *fn = DECL_STRUCT_FUNCTION (decl);
      if (!fn || !fn->cfg || !gimple_in_ssa_p (fn))
	continue;
      push_cfun (fn);
      changed |= analyse_again (fn, report);
      pop_cfun ();
    }
  return changed;
}

/* After the "ssa" pass ran on every function (PLUGIN_EARLY_GIMPLE_PASSES_END, still
   before any optimisation): the functions that called a function of their own
   cycle before it had a summary (its members) are analysed again until their
   summaries stop changing; then they and the functions above them are analysed
   once more, callees first, and reported.  The
   iteration starts from optimistic summaries (every pointer parameter freed, as
   must-facts are computed: the greatest fixpoint), so a list destructor that frees
   through mutual recursion is found.  If it has not settled in MAX_ROUNDS rounds,
   the cycle's summaries are dropped (its calls become unknown calls) and the
   findings made with that cautious view.  */
static void
analyse_cycles (void)
{
  const int MAX_ROUNDS = 4;
  if (mr_unit.in_cycles.is_empty ())
    return;
  for (unsigned i = 0; i < mr_unit.in_cycles.length (); i++)
    if (mr_unit.cycle_member[i])
      {
	mr_summary top = optimistic_summary (mr_unit.in_cycles[i]);
	mr_record_summary (mr_unit.in_cycles[i], &top);
      }
  bool settled = false;
  for (int round = 0; round < MAX_ROUNDS && !settled; round++)
    settled = !cycle_round (false);
  if (!settled)
    for (unsigned i = 0; i < mr_unit.in_cycles.length (); i++)
      if (mr_unit.cycle_member[i])
	{
	  mr_summary none = {};
	  mr_record_summary (mr_unit.in_cycles[i], &none);	/* not valid: an unknown call */
	}
  /* The report round, in the pass's order (callees first): the functions above
     the cycles get their final summaries in turn.  */
  cycle_round (true);
  for (tree decl : mr_unit.in_cycles)
    mr_summary_is_provisional (decl, false);
  mr_unit.in_cycles.release ();
  mr_unit.cycle_member.release ();
}

/* analyse-only (memrules-scan, which throws the code away): once every function is
   analysed and reported (after analyse_cycles), what the end of the compile would
   write is written (the summaries file, the SARIF log) and cc1 exits, sparing the
   optimisers and the code generator: most of an -O2 compile.  The exit status is
   the compile's: 1 after an error (a finding under -Werror or error=).  */
static void
stop_after_analysis (void)
{
  mr_db_finish_unit (NULL, NULL);
  if (mr_opts.sarif)
    mr_sarif_finish (NULL, NULL);
  fflush (stdout);
  fflush (stderr);
  exit (seen_error () || mr_error_count () ? FATAL_EXIT_CODE : SUCCESS_EXIT_CODE);
}

/* PLUGIN_EARLY_GIMPLE_PASSES_END, after the "ssa" pass ran on every function (GCC
   calls the callbacks of one event in the reverse order of their registration,
   hence one callback doing both in order).  */
static void
early_passes_end (void *, void *)
{
  analyse_cycles ();
  if (mr_opts.analyse_only && !in_lto_p)
    stop_after_analysis ();
}

unsigned int
memrules_pass::execute (function *fun)
{
  if (!fun->cfg || !mr_function_analysed (fun->decl))
    return 0;
  /* A function calling into its own cycle is analysed now for its summary (a
     first approximation for the others of the cycle) and reported later.  */
  mr_analysis a;
  mr_analyse_function (fun, mr_opts.dump_ir, &a);
  if (a.low.recursive || a.low.calls_provisional)
    {
      mr_unit.in_cycles.safe_push (fun->decl);
      mr_unit.cycle_member.safe_push (a.low.recursive);
      mr_summary_is_provisional (fun->decl, true, a.low.recursive);
    }
  else
    mr_report_findings (&a.low, &a.result, 0);
  mr_analysis_release (&a);
  return 0;
}

__attribute__ ((visibility ("default"))) int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("incompatible gcc/plugin versions: memrules was built for GCC %s",
	     gcc_version.basever);
      return 1;
    }
  if (!mr_options_parse (info))
    return 1;
  memrules_info.help = mr_options_help_text ();
  register_callback (info->base_name, PLUGIN_INFO, NULL, &memrules_info);
  register_callback (info->base_name, PLUGIN_PRAGMAS, mr_pragmas_register, NULL);
  register_callback (info->base_name, PLUGIN_PRE_GENERICIZE, mr_malloc_cast_check, NULL);
  register_callback (info->base_name, PLUGIN_EARLY_GIMPLE_PASSES_END, early_passes_end, NULL);
  if (mr_opts.summaries)
    register_callback (info->base_name, PLUGIN_FINISH_UNIT, mr_db_finish_unit, NULL);
  register_callback (info->base_name, PLUGIN_START_UNIT, mr_analyse_dropped_functions, NULL);
  if (mr_opts.sarif)
    register_callback (info->base_name, PLUGIN_FINISH, mr_sarif_finish, NULL);

  struct register_pass_info pass = {
    new memrules_pass (g), "ssa", 1, PASS_POS_INSERT_AFTER
  };
  register_callback (info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
  /* The whole program at an -flto link (lto.cc); idle in a compile.  */
  struct register_pass_info lto_pass = {
    mr_lto_pass_new (g), "whole-program", 1, PASS_POS_INSERT_AFTER
  };
  register_callback (info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &lto_pass);
  return 0;
}
