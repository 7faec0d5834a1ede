/* options.cc — parses -fplugin-arg-memrules-KEY[=VALUE] into mr_opts.

     gcc -fplugin=memrules -fplugin-arg-memrules-disable=use-after-free \
         -fplugin-arg-memrules-error=double-free -fplugin-arg-memrules-sarif=out/ ...

   Keys (a key given twice: lists add up, a later value replaces an earlier one):
     disable=SLUG[,SLUG]  enable=SLUG[,SLUG]  all     rules on or off ("all" = every rule)
     error=SLUG[,SLUG]    werror=yes|no               severity (report.cc, suppress.cc)
     exclude=GLOB[:GLOB]                              files with no findings
     sarif=PATH           budget=N  states=N  memory=MIB  dump-ir  lto-wpa  help  version
     infer=none|bodies|names                          allocators beyond the tables
     summaries=DIR  summaries-read=DIR  analyse-only   the database across files

   A bad argument is never ignored: it is an error in GCC's own words ("unknown option
   '-fplugin-arg-memrules-x'", "unrecognized argument in option ...", "missing argument
   to ...") followed by a note listing what is accepted, and plugin_init then fails,
   which fails the compile.  The errors have no location: GCC prints them as
   "cc1: error: ...".  */

#include "gcc-common.h"
#include "options.h"
#include "../core/families.h"

#include <string>

struct mr_options mr_opts;

static const char *const mr_keys =
  "disable= enable= all error= werror= exclude= sarif= families= infer= budget= states= memory= "
  "summaries= summaries-read= analyse-only dump-ir lto-wpa help version";

/* The slugs a rule list accepts, for the note after a bad one.  */
static std::string
valid_slugs (void)
{
  std::string s = "all";
  for (int r = 0; r < MR_RULE_COUNT; r++)
    s += std::string (" ") + mr_rules[r].slug;
  return s;
}

const char *
mr_options_help_text (void)
{
  static std::string text;
  if (!text.empty ())
    return text.c_str ();
  char line[512];
  text = "memrules " MEMRULES_VERSION ": CERT C/C++ memory-management rules as GCC "
	 "warnings.\nRules (slug, CERT, CWE, default, what it finds):\n";
  for (int r = 0; r < MR_RULE_COUNT; r++)
    {
      snprintf (line, sizeof line, "  %-16s %-19s CWE-%-4d %-3s  %s\n", mr_rules[r].slug,
		mr_rules[r].cert, mr_rules[r].cwe, mr_rules[r].default_on ? "on" : "off",
		mr_rules[r].description);
      text += line;
    }
  text +=
    "Arguments, after -fplugin=memrules: -fplugin-arg-memrules-KEY[=VALUE]\n"
    "  disable=SLUG[,SLUG]   turn rules off (all: every rule)\n"
    "  enable=SLUG[,SLUG]    turn rules on, including off-by-default ones\n"
    "  all                   turn every rule on\n"
    "  error=SLUG[,SLUG]     report these rules as errors, even without -Werror\n"
    "  werror=no|yes         no: findings stay warnings under -Werror; yes: always errors\n"
    "  exclude=GLOB[:GLOB]   no findings in files whose path matches (* matches /)\n"
    "  sarif=PATH            write a SARIF 2.1.0 log: PATH may hold %p (pid); a PATH\n"
    "                        ending in / is a directory, one file per translation unit\n"
    "  families=FILE         allocator families of your own (alloc/free/realloc/pool/out/\n"
    "                        noreturn lines)\n"
    "  infer=none|bodies|names  allocators and deallocators beyond the tables: bodies\n"
    "                        (default) from the functions of the translation unit;\n"
    "                        names also from bodiless foo_new/foo_free-style names, for\n"
    "                        double-free and use-after-free only; none: tables only\n"
    "  summaries=DIR         write the summaries of this file's functions into DIR and\n"
    "                        read the other files' (docs/integration.md)\n"
    "  summaries-read=DIR    read the other files' summaries from DIR, write none\n"
    "                        (with summaries=: read here, write there)\n"
    "  analyse-only          stop the compile after the analysis, with its findings,\n"
    "                        summaries and SARIF log: no code is generated\n"
    "                        (memrules-scan)\n"
    "  budget=N              work units per function before its analysis stops\n"
    "  states=N              states kept per block before they are merged\n"
    "  memory=MIB            memory the analysis of one function may hold before it\n"
    "                        stops (default 256; 0: no cap); past half of it, one\n"
    "                        state per block\n"
    "  dump-ir               print the IR the engine analyses\n"
    "  lto-wpa               at an -flto link, analyse the whole program in WPA too\n"
    "                        (default: only with -flto-partition=none; see the docs)\n"
    "  help, version         print this, print the version\n"
    "Pragmas: #pragma memrules ignore|warn|error \"SLUG\"..., #pragma memrules push|pop\n";
  return text.c_str ();
}

/* "-fplugin-arg-memrules-KEY" or "...-KEY=VALUE", as the user wrote it.  */
static std::string
spelling (const char *plugin, const char *key, const char *value)
{
  std::string s = std::string ("-fplugin-arg-") + plugin + "-" + key;
  if (value)
    s += std::string ("=") + value;
  return s;
}

/* Applies a comma-separated list of slugs to FLAGS; false after an error.  */
static bool
set_rules (const char *plugin, const char *key, const char *list, bool *flags, bool on)
{
  if (!list || !*list)
    {
      error ("missing argument to %qs", (spelling (plugin, key, NULL) + "=").c_str ());
      inform (UNKNOWN_LOCATION, "valid arguments to %qs are: %s",
	      (spelling (plugin, key, NULL) + "=").c_str (), valid_slugs ().c_str ());
      return false;
    }
  char *copy = xstrdup (list);
  bool ok = true;
  /* strtok would skip empty items ("a,,b"): they are malformed, so split by hand.  */
  for (char *tok = copy, *next; tok; tok = next)
    {
      next = strchr (tok, ',');
      if (next)
	*next++ = '\0';
      mr_rule r = strcmp (tok, "all") == 0 ? MR_RULE_COUNT : mr_rule_by_slug (tok);
      if (strcmp (tok, "all") == 0)
	for (int i = 0; i < MR_RULE_COUNT; i++)
	  flags[i] = on;
      else if (r != MR_RULE_COUNT)
	flags[r] = on;
      else
	{
	  error ("unrecognized argument %qs in option %qs", tok,
		 spelling (plugin, key, list).c_str ());
	  inform (UNKNOWN_LOCATION, "valid arguments to %qs are: %s",
		  (spelling (plugin, key, NULL) + "=").c_str (), valid_slugs ().c_str ());
	  ok = false;
	}
    }
  free (copy);
  return ok;
}

/* A decimal number from MIN (0 or 1) to MAX.  */
static bool
parse_count (const char *plugin, const char *key, const char *value, uint64_t min,
	     uint64_t max, uint64_t *out)
{
  if (value && *value >= '0' && *value <= '9')
    {
      char *end;
      errno = 0;
      unsigned long long v = strtoull (value, &end, 10);
      if (!*end && errno == 0 && v >= min && v <= max)
	{
	  *out = v;
	  return true;
	}
    }
  if (!value)
    error ("missing argument to %qs", (spelling (plugin, key, NULL) + "=").c_str ());
  else
    error ("argument to %qs should be a %s integer, at most %wu",
	   spelling (plugin, key, NULL).c_str (), min ? "positive" : "non-negative",
	   (unsigned HOST_WIDE_INT) max);
  return false;
}

/* exclude=GLOB[:GLOB]: every glob non-empty.  */
static bool
parse_exclude (const char *plugin, const char *key, const char *value)
{
  if (!value || !*value)
    {
      error ("missing argument to %qs", (spelling (plugin, key, NULL) + "=").c_str ());
      return false;
    }
  char *copy = xstrdup (value);
  bool ok = true;
  for (char *tok = copy, *next; tok; tok = next)
    {
      next = strchr (tok, ':');
      if (next)
	*next++ = '\0';
      if (!*tok)
	{
	  error ("empty pattern in option %qs", spelling (plugin, key, value).c_str ());
	  inform (UNKNOWN_LOCATION, "%qs takes globs separated by %<:%>, e.g. %qs",
		  (spelling (plugin, key, NULL) + "=").c_str (), "*/third_party/*:*.pb.c");
	  ok = false;
	  break;
	}
      mr_opts.exclude = XRESIZEVEC (char *, mr_opts.exclude, mr_opts.nexclude + 1);
      mr_opts.exclude[mr_opts.nexclude++] = xstrdup (tok);
    }
  free (copy);
  return ok;
}

/* families=FILE: a families file (plugin/core/families.h gives its grammar).  A bad
   line is an error at FILE:LINE that says what is accepted.  */
static bool
parse_families (const char *plugin, const char *key, const char *value)
{
  if (!value || !*value)
    {
      error ("missing argument to %qs: a families file", spelling (plugin, key, NULL).c_str ());
      return false;
    }
  FILE *f = fopen (value, "r");
  if (!f)
    {
      error ("%qs: cannot read %qs: %m", spelling (plugin, key, value).c_str (), value);
      return false;
    }
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    text.append (buf, n);
  fclose (f);
  unsigned line = 0;
  char err[256];
  if (!mr_families_parse (text.c_str (), &line, err, sizeof err))
    {
      error ("%s:%u: %s", value, line, err);
      return false;
    }
  return true;
}

/* sarif=PATH: '%p' (the pid) and '%%' are the only escapes.  */
static bool
parse_sarif (const char *plugin, const char *key, const char *value)
{
  if (!value || !*value)
    {
      error ("missing argument to %qs", (spelling (plugin, key, NULL) + "=").c_str ());
      inform (UNKNOWN_LOCATION, "%qs takes a file (%qs, %qs for one per process) or a "
	      "directory ending in %</%>", (spelling (plugin, key, NULL) + "=").c_str (),
	      "out.sarif", "out-%p.sarif");
      return false;
    }
  for (const char *p = value; *p; p++)
    if (*p == '%' && (p[1] == 'p' || p[1] == '%'))
      p++;
    else if (*p == '%')
      {
	error ("unrecognized escape %<%%%c%> in option %qs", p[1] ? p[1] : ' ',
	       spelling (plugin, key, value).c_str ());
	inform (UNKNOWN_LOCATION, "%qs accepts %<%%p%> (the process id) and %<%%%%%>",
		(spelling (plugin, key, NULL) + "=").c_str ());
	return false;
      }
  mr_opts.sarif = value;
  return true;
}

/* summaries=DIR, summaries-read=DIR.  */
static bool
parse_dir (const char *plugin, const char *key, const char *value, const char **out)
{
  if (!value || !*value)
    {
      error ("missing argument to %qs", (spelling (plugin, key, NULL) + "=").c_str ());
      inform (UNKNOWN_LOCATION, "%qs takes a directory",
	      (spelling (plugin, key, NULL) + "=").c_str ());
      return false;
    }
  *out = value;
  return true;
}

/* werror=yes|no.  */
static bool
parse_werror (const char *plugin, const char *key, const char *value)
{
  if (value && strcmp (value, "no") == 0)
    mr_opts.werror = MR_WERROR_NO;
  else if (value && strcmp (value, "yes") == 0)
    mr_opts.werror = MR_WERROR_YES;
  else
    {
      if (!value)
	error ("missing argument to %qs", (spelling (plugin, key, NULL) + "=").c_str ());
      else
	error ("unrecognized argument in option %qs", spelling (plugin, key, value).c_str ());
      inform (UNKNOWN_LOCATION, "valid arguments to %qs are: no yes",
	      (spelling (plugin, key, NULL) + "=").c_str ());
      return false;
    }
  return true;
}

/* infer=none|bodies|names (plugin/core/infer.h).  */
static bool
parse_infer (const char *plugin, const char *key, const char *value)
{
  if (value && mr_infer_mode_parse (value, &mr_opts.infer))
    return true;
  if (!value || !*value)
    error ("missing argument to %qs", (spelling (plugin, key, NULL) + "=").c_str ());
  else
    error ("unrecognized argument in option %qs", spelling (plugin, key, value).c_str ());
  inform (UNKNOWN_LOCATION, "valid arguments to %qs are: none bodies names",
	  (spelling (plugin, key, NULL) + "=").c_str ());
  return false;
}

/* A flag given a value (help=1) is malformed.  */
static bool
no_value (const char *plugin, const char *key, const char *value)
{
  if (!value)
    return true;
  error ("option %qs takes no argument", spelling (plugin, key, value).c_str ());
  return false;
}

bool
mr_options_parse (const struct plugin_name_args *info)
{
  const char *plugin = info->base_name;
  bool ok = true;
  mr_config_default (&mr_opts.config);
  mr_opts.infer = MR_INFER_BODIES;
  for (int i = 0; i < info->argc; i++)
    {
      const char *key = info->argv[i].key, *value = info->argv[i].value;
      uint64_t n;
      if (strcmp (key, "disable") == 0)
	ok &= set_rules (plugin, key, value, mr_opts.config.enabled, false);
      else if (strcmp (key, "enable") == 0)
	ok &= set_rules (plugin, key, value, mr_opts.config.enabled, true);
      else if (strcmp (key, "error") == 0)
	ok &= set_rules (plugin, key, value, mr_opts.error_rule, true);
      else if (strcmp (key, "all") == 0)
	{
	  if ((ok &= no_value (plugin, key, value)))
	    for (int r = 0; r < MR_RULE_COUNT; r++)
	      mr_opts.config.enabled[r] = true;
	}
      else if (strcmp (key, "werror") == 0)
	ok &= parse_werror (plugin, key, value);
      else if (strcmp (key, "exclude") == 0)
	ok &= parse_exclude (plugin, key, value);
      else if (strcmp (key, "sarif") == 0)
	ok &= parse_sarif (plugin, key, value);
      else if (strcmp (key, "families") == 0)
	ok &= parse_families (plugin, key, value);
      else if (strcmp (key, "summaries") == 0)
	ok &= parse_dir (plugin, key, value, &mr_opts.summaries);
      else if (strcmp (key, "summaries-read") == 0)
	ok &= parse_dir (plugin, key, value, &mr_opts.summaries_read);
      else if (strcmp (key, "infer") == 0)
	ok &= parse_infer (plugin, key, value);
      else if (strcmp (key, "budget") == 0)
	{
	  if ((ok &= parse_count (plugin, key, value, 1, UINT64_MAX >> 1, &n)))
	    mr_opts.config.max_work = n;
	}
      else if (strcmp (key, "states") == 0)
	{
	  if ((ok &= parse_count (plugin, key, value, 1, 4096, &n)))
	    mr_opts.config.max_states_per_block = (uint32_t) n;
	}
      else if (strcmp (key, "memory") == 0)
	{
	  /* MiB; 0 is no cap.  At most 1 TiB, so the bytes fit anywhere.  */
	  if ((ok &= parse_count (plugin, key, value, 0, 1u << 20, &n)))
	    mr_opts.config.max_memory = n << 20;
	}
      else if (strcmp (key, "dump-ir") == 0)
	ok &= (mr_opts.dump_ir = no_value (plugin, key, value));
      else if (strcmp (key, "analyse-only") == 0)
	ok &= (mr_opts.analyse_only = no_value (plugin, key, value));
      else if (strcmp (key, "lto-wpa") == 0)
	ok &= (mr_opts.lto_wpa = no_value (plugin, key, value));
      else if (strcmp (key, "help") == 0)
	{
	  if ((ok &= no_value (plugin, key, value)))
	    fputs (mr_options_help_text (), stderr);
	}
      else if (strcmp (key, "version") == 0)
	{
	  if ((ok &= no_value (plugin, key, value)))
	    fprintf (stderr, "memrules %s (built for GCC %d.%d)\n", MEMRULES_VERSION,
		     MR_GCC_VERSION_MAJOR, MR_GCC_VERSION_MINOR);
	}
      else
	{
	  /* The Linux kernel's plugins' wording, which is GCC's for its own options.  */
	  error ("unknown option %qs", spelling (plugin, key, NULL).c_str ());
	  inform (UNKNOWN_LOCATION, "valid options for %qs are: %s",
		  (std::string ("-fplugin-arg-") + plugin + "-").c_str (), mr_keys);
	  ok = false;
	}
    }
  return ok;
}
