/* plugin.cc — memrules' entry point: version check, arguments, the GIMPLE pass.

   Usage:  gcc -fplugin=memrules [-fplugin-arg-memrules-KEY[=VALUE] ...] file.c

   The pass `memrules` is inserted right after GCC's "ssa" pass: every function is in
   SSA form, not yet optimised, at every -O level and for C and C++ alike.  For each
   function it lowers GIMPLE to memir (lower.cc), runs the engine (plugin/core/) and
   reports the findings (report.cc).  It never changes the IR.

   Arguments (GCC's style; an unknown one is an error, as in the kernel's plugins):
     disable=SLUG[,SLUG]   turn rules off          enable=SLUG[,SLUG]  turn rules on
     budget=N              work units per function before its analysis stops
     states=N              states kept per block before merging (path insensitivity)
     dump-ir               print each analysed function's memir to stderr
     help                  list the rules          version             print the version  */

#include "gcc-common.h"
#include "lower.h"
#include "report.h"
#include "../core/engine.h"

#include <cstdlib>

#ifndef MEMRULES_VERSION
#define MEMRULES_VERSION "0.1.0"
#endif

int plugin_is_GPL_compatible __attribute__ ((visibility ("default")));

static struct plugin_info memrules_info = {
  MEMRULES_VERSION,
  "memrules: CERT C/C++ memory-management rules as GCC warnings.\n"
  "  -fplugin-arg-memrules-help lists the rules and arguments."
};

static mr_config config;
static bool dump_ir;

/* Prints the rule table (generated from rules.def) and the arguments.  */
static void
print_help (void)
{
  fprintf (stderr, "memrules %s — rules (slug, CERT, CWE, default, description):\n",
	   MEMRULES_VERSION);
  for (int r = 0; r < MR_RULE_COUNT; r++)
    fprintf (stderr, "  %-20s %-20s CWE-%-4d %-4s %s\n", mr_rules[r].slug, mr_rules[r].cert,
	     mr_rules[r].cwe, mr_rules[r].default_on ? "on" : "off", mr_rules[r].description);
  fprintf (stderr,
	   "arguments (-fplugin-arg-memrules-KEY[=VALUE]):\n"
	   "  disable=SLUG[,SLUG]  enable=SLUG[,SLUG]  budget=N  states=N  dump-ir  help  version\n");
}

/* Applies a comma-separated list of slugs; false (after an error) on a bad slug.  */
static bool
set_rules (const char *plugin, const char *key, const char *list, bool on)
{
  if (!list || !*list)
    {
      error ("option %<-fplugin-arg-%s-%s%> needs a list of rules, e.g. %<%s=double-free%>",
	     plugin, key, key);
      return false;
    }
  char *copy = xstrdup (list);
  bool ok = true;
  for (char *tok = strtok (copy, ","); tok; tok = strtok (NULL, ","))
    {
      mr_rule r = mr_rule_by_slug (tok);
      if (r == MR_RULE_COUNT)
	{
	  error ("unknown rule %qs in %<-fplugin-arg-%s-%s%>; "
		 "%<-fplugin-arg-%s-help%> lists the rules", tok, plugin, key, plugin);
	  ok = false;
	  continue;
	}
      config.enabled[r] = on;
    }
  free (copy);
  return ok;
}

static bool
parse_count (const char *plugin, const char *key, const char *value, uint64_t *out)
{
  char *end;
  if (value && *value)
    {
      unsigned long long v = strtoull (value, &end, 10);
      if (!*end && v > 0)
	{
	  *out = v;
	  return true;
	}
    }
  error ("option %<-fplugin-arg-%s-%s%> needs a positive number", plugin, key);
  return false;
}

static bool
parse_args (struct plugin_name_args *info)
{
  const char *plugin = info->base_name;
  bool ok = true;
  for (int i = 0; i < info->argc; i++)
    {
      const char *key = info->argv[i].key, *value = info->argv[i].value;
      uint64_t n;
      if (strcmp (key, "disable") == 0)
	ok &= set_rules (plugin, key, value, false);
      else if (strcmp (key, "enable") == 0)
	ok &= set_rules (plugin, key, value, true);
      else if (strcmp (key, "budget") == 0)
	{
	  if ((ok &= parse_count (plugin, key, value, &n)))
	    config.max_work = n;
	}
      else if (strcmp (key, "states") == 0)
	{
	  if ((ok &= parse_count (plugin, key, value, &n)))
	    config.max_states_per_block = n > 4096 ? 4096 : (uint32_t) n;
	}
      else if (strcmp (key, "dump-ir") == 0)
	dump_ir = true;
      else if (strcmp (key, "help") == 0)
	print_help ();
      else if (strcmp (key, "version") == 0)
	fprintf (stderr, "memrules %s (built for GCC %d.%d)\n", MEMRULES_VERSION,
		 GCCPLUGIN_VERSION_MAJOR, GCCPLUGIN_VERSION_MINOR);
      else
	{
	  error ("unknown option %<-fplugin-arg-%s-%s%>; accepted: %<disable=%>, "
		 "%<enable=%>, %<budget=%>, %<states=%>, %<dump-ir%>, %<help%>, %<version%>",
		 plugin, key);
	  ok = false;
	}
    }
  return ok;
}

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

unsigned int
memrules_pass::execute (function *fun)
{
  /* Inline functions of system headers (<new>'s placement operator new, libstdc++)
     are not the user's code.  */
  if (!fun->cfg || in_system_header_at (DECL_SOURCE_LOCATION (fun->decl)))
    return 0;
  mr_lowered low = {};
  mr_lower (fun, &low);
  if (dump_ir)
    mr_func_dump (low.func, stderr);
  mr_result result = {};
  mr_analyze (low.func, &config, &result);
  mr_report_findings (&low, &result, 0);
  mr_result_free (&result);
  mr_lowered_release (&low);
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
  mr_config_default (&config);
  if (!parse_args (info))
    return 1;
  register_callback (info->base_name, PLUGIN_INFO, NULL, &memrules_info);

  struct register_pass_info pass = {
    new memrules_pass (g), "ssa", 1, PASS_POS_INSERT_AFTER
  };
  register_callback (info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
  return 0;
}
