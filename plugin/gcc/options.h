/* options.h — the plugin's arguments, -fplugin-arg-memrules-KEY[=VALUE].

   GCC hands a plugin its arguments already split: for -fplugin-arg-memrules-error=a,b
   plugin_init gets key "error" and value "a,b" (value NULL for a bare flag).  They
   are parsed once, in plugin_init, into mr_opts; every other file only reads it.  */

#ifndef MR_OPTIONS_H
#define MR_OPTIONS_H

#include "../core/engine.h"
#include "../core/infer.h"

#ifndef MEMRULES_VERSION
#define MEMRULES_VERSION "0.1.0"	/* CMake passes the project's version */
#endif

/* What werror= asked for.  */
enum mr_werror
{
  MR_WERROR_FOLLOW,		/* default: -Werror / -Wno-error decide */
  MR_WERROR_NO,			/* werror=no: findings stay warnings under -Werror */
  MR_WERROR_YES			/* werror=yes: findings are errors without -Werror */
};

struct mr_options
{
  mr_config config;		/* enabled rules and budgets, handed to the engine */
  bool error_rule[MR_RULE_COUNT]; /* error=: these rules are errors */
  enum mr_werror werror;
  char **exclude;		/* exclude=: globs of files with no findings */
  unsigned nexclude;
  const char *sarif;		/* sarif=: where the SARIF log goes, or NULL */
  bool dump_ir;
  mr_infer_mode infer;		/* infer=: how allocators are recognised beyond tables */
  bool lto_wpa;			/* lto-wpa: analyse in WPA at a WHOPR -flto link */
  const char *summaries;	/* summaries=DIR: write this unit's summaries there (and
				   read the others', unless summaries-read= says where) */
  const char *summaries_read;	/* summaries-read=DIR: read other units' summaries */
  bool analyse_only;		/* analyse-only: the compile stops after the analysis */
};

extern struct mr_options mr_opts;

/* Parses the arguments GCC passed to the plugin into mr_opts.  Reports every bad one
   with error () and returns false if there was any.  help and version print here.  */
bool mr_options_parse (const struct plugin_name_args *info);

/* The help text (rules from rules.def, then the arguments), also shown by
   gcc --help when the plugin is loaded (PLUGIN_INFO).  */
const char *mr_options_help_text (void);

#endif /* MR_OPTIONS_H */
