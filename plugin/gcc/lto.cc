/* lto.cc — whole-program analysis at an -flto link.

   When the link step of an -flto build is given -fplugin=memrules, lto1 loads the
   plugin and the IPA pass below runs over the whole program (GCC-PLUGIN-FACTS.md §6:
   the "ssa" pass never runs in lto1).  It is inserted after "whole-program", before
   any IPA transformation (inlining, cloning), and runs where the regular IPA passes
   execute: in the single lto1 of -flto-partition=none, or in the WPA process of the
   default WHOPR mode, where it reads the bodies itself (get_untransformed_body, as
   ipa-icf does) only when -fplugin-arg-memrules-lto-wpa asks for it: GCC then
   streams those bodies to LTRANS anew, which can renumber their local variables and
   change the code (see execute).  It does nothing in a compile (in_lto_p is 0), in
   an LTRANS process, or for a program of one object file.  It reads the IR and never
   changes it.

   Functions are analysed callees first (reverse post-order of the call graph), each
   lowered and analysed as in a compile (analyse.cc), and its summary recorded, so a
   call in a.c to a helper of b.c that frees its argument is lowered to that free.

   Only what the whole program adds is reported: a unit's own findings were reported
   when it was compiled with the plugin.  A function whose calls all lower the same
   way whether its unit is seen alone or the whole program (no call to a function of
   another unit that has a summary, never returns or is in the knowledge base, and
   every call in its unit has the same summary both ways) is analysed once, for its
   summary, and reports nothing.  Any other function is analysed twice: first as its
   unit saw it (mr_unit.unit_view: other units' functions are declarations; the summaries
   of its own unit's functions are those computed that way), then as the whole
   program sees it; the findings of the second analysis that the first does not have
   (same rule, same location) are reported.  */

#include "gcc-common.h"
#include "ipa-utils.h"
#include "analyse.h"
#include "options.h"
#include "report.h"
#include "suppress.h"
#include "../core/engine.h"
#include "../core/pragma.h"

#include <string>
#include <utility>
#include <vector>

/* The unit (object file data) each function comes from (mr_unit.units).  */
static lto_file_decl_data *
unit_of (tree fndecl)
{
  lto_file_decl_data **u = mr_unit.units->get (fndecl);
  return u ? *u : NULL;
}

/* Is fndecl of the unit of the function being analysed in its unit's view?  */
static bool
in_caller_unit (tree fndecl)
{
  return unit_of (fndecl) == mr_unit.caller_unit;
}

/* Pragmas at the link.  `#pragma memrules` is read by the compiler's front end, and
   lto1 has none: the pass reads the source file of a finding itself, once, for the
   lines `#pragma memrules ignore|warn|error "SLUG"...`, `#pragma memrules push|pop`
   and the MEMRULES_* macros of memrules.h, parses them with the front end's parser
   (core/pragma.h) and records them as the front end would (suppress.h), without
   its warnings (the compile gave them).  The text is not preprocessed: conditionals
   are not evaluated (a pragma under `#if 0` counts), and a pragma whose rules come
   from a macro is not understood.  A file lto1 cannot open (a path relative to
   another directory) has none.  */

static void
pragma_line (const char *file, int line, const char *text)
{
  mr_pragma p;
  if (!mr_pragma_read_line (text, &p))
    return;
  mr_suppress_apply (file, line, &p);
  mr_pragma_release (&p);
}

static void
read_pragmas (const char *file)
{
  if (!file)
    return;
  for (const auto &d : mr_unit.pragma_files_read)
    if (d == file)
      return;
  mr_unit.pragma_files_read.push_back (file);
  FILE *in = fopen (file, "r");
  if (!in)
    return;
  char buf[4096];
  int line = 0;
  while (fgets (buf, sizeof buf, in))
    {
      line++;
      if (!strchr (buf, '\n'))
	{
	  /* The rest of a long line.  */
	  int ch;
	  while ((ch = getc (in)) != EOF && ch != '\n')
	    ;
	}
      if (strstr (buf, "memrules") || strstr (buf, "MEMRULES_"))
	pragma_line (file, line, buf);
    }
  fclose (in);
}

static location_t
finding_loc (const mr_finding *fd)
{
  return (location_t) (fd->loc ? fd->loc->handle : fd->ev->loc.handle);
}

/* Does some call of node lower differently in its unit's view?  */
static bool
needs_unit_view (cgraph_node *node)
{
  lto_file_decl_data *unit = unit_of (node->decl);
  for (cgraph_edge *e = node->callees; e; e = e->next_callee)
    {
      cgraph_node *callee = e->callee->ultimate_alias_target ();
      lto_file_decl_data *callee_unit = unit_of (callee->decl);
      /* A function of no unit (a library's) is a declaration in both views.  */
      if (callee_unit
	  && mr_unit_view_differs (callee->decl, callee_unit == unit))
	return true;
    }
  return false;
}

static void
analyse (cgraph_node *node, function *fun)
{
  if (!mr_function_analysed (fun->decl))
    return;
  bool twice = needs_unit_view (node);

  /* The unit's view: what the compile saw (its findings were reported then).  */
  auto_vec<std::pair<unsigned, location_t> > seen;
  if (twice)
    {
      mr_unit.caller_unit = unit_of (node->decl);
      mr_unit.unit_view = in_caller_unit;
      mr_analysis a;
      mr_analyse_function (fun, false, &a);
      for (uint32_t i = 0; i < a.result.nfindings; i++)
	seen.safe_push (std::make_pair ((unsigned) a.result.findings[i].rule,
					finding_loc (&a.result.findings[i])));
      mr_analysis_release (&a);
      mr_unit.unit_view = NULL;
    }

  /* The whole program's view.  */
  mr_analysis a;
  mr_analyse_function (fun, mr_opts.dump_ir, &a);
  if (!twice)
    mr_record_unit_summary (fun->decl, &a.result.summary);
  else
    for (uint32_t i = 0; i < a.result.nfindings; i++)
      {
	const mr_finding *fd = &a.result.findings[i];
	bool old = false;
	for (const auto &k : seen)
	  old |= k.first == (unsigned) fd->rule && k.second == finding_loc (fd);
	if (old)
	  continue;
	read_pragmas (expand_location (finding_loc (fd)).file);
	mr_report_finding (&a.low, fd);
      }
  mr_analysis_release (&a);
}

static const pass_data memrules_lto_pass_data = {
  IPA_PASS,			/* type */
  "memrules_lto",		/* name */
  OPTGROUP_NONE,		/* optinfo_flags */
  TV_PLUGIN_RUN,		/* tv_id: "plugin execution" in -ftime-report */
  0, 0, 0, 0, 0			/* properties, todo flags */
};

struct memrules_lto_pass : ipa_opt_pass_d
{
  memrules_lto_pass (gcc::context *ctx)
    : ipa_opt_pass_d (memrules_lto_pass_data, ctx, NULL, NULL, NULL, NULL, NULL, NULL, 0,
		      NULL, NULL) {}
  bool gate (function *) final override { return in_lto_p && !flag_ltrans; }
  unsigned int execute (function *) final override;
};

unsigned int
memrules_lto_pass::execute (function *)
{
  if (!in_lto_p || flag_ltrans)
    return 0;
  /* One object file: nothing to add to what its compile found, nothing to say.  */
  lto_file_decl_data *first = NULL;
  bool several = false;
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (node->lto_file_data && node->has_gimple_body_p ())
      {
	several |= first && node->lto_file_data != first;
	first = node->lto_file_data;
      }
  if (!several)
    return 0;
  /* WPA would have to read the bodies, and GCC then streams them to the LTRANS
     processes anew instead of copying them: their local variables may come out
     numbered differently, which changes the code (stack slots at -O0).  The program
     must not depend on the plugin, so WPA analyses only when asked to.  */
  if (flag_wpa && !mr_opts.lto_wpa)
    {
      inform (UNKNOWN_LOCATION, "memrules: no whole-program analysis at this link: it "
	      "needs %<-flto-partition=none%> (or %<-fplugin-arg-memrules-lto-wpa%>, "
	      "which may change the generated code; see docs/integration.md of "
	      "memrules)");
      return 0;
    }
  mr_unit.units = new hash_map<tree, lto_file_decl_data *>;
  FOR_EACH_FUNCTION (node)
    if (node->lto_file_data)
      mr_unit.units->put (node->decl, node->lto_file_data);
  cgraph_node **order = XCNEWVEC (cgraph_node *, symtab->cgraph_count);
  int n = ipa_reverse_postorder (order);
  for (int i = n - 1; i >= 0; i--)
    {
      node = order[i];
      /* Clones, inline copies, thunks and aliases have no body of their own
	 (get_untransformed_body asserts on clones).  */
      if (!node->has_gimple_body_p () || node->inlined_to || node->clone_of
	  || node->thunk || node->alias || !unit_of (node->decl))
	continue;
      /* Reading the body clears the node's lto_file_data, which GCC's partitioning
	 (1to1 puts each file's functions together) and the privatization of
	 static names read later in WPA: put it back, so the program is the same
	 with and without the plugin.  */
      lto_file_decl_data *file = node->lto_file_data;
      bool read = node->get_untransformed_body ();
      if (!node->lto_file_data)
	node->lto_file_data = file;
      if (!read)
	continue;
      function *fun = DECL_STRUCT_FUNCTION (node->decl);
      if (!fun || !fun->cfg)
	continue;
      push_cfun (fun);
      analyse (node, fun);
      pop_cfun ();
    }
  free (order);
  delete mr_unit.units;
  mr_unit.units = NULL;
  return 0;
}

opt_pass *
mr_lto_pass_new (gcc::context *ctx)
{
  return new memrules_lto_pass (ctx);
}
