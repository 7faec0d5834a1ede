/* pragmas.cc — `#pragma memrules`, for the C and C++ front ends.

     #pragma memrules ignore "double-free"            this rule is not reported from
     #pragma memrules ignore "leak", "uninit-read"    here to the end of this file
     #pragma memrules error "use-after-free"          reported as an error
     #pragma memrules warn "use-after-free"           reported as a warning (-Werror too)
     #pragma memrules push                            save the state of this file ...
     #pragma memrules pop                             ... and restore it here

   "all" names every rule.  Rule names are strings because slugs have dashes; the
   front ends join adjacent strings ("a" "b" arrives as "ab", C's concatenation),
   so names are separated by commas, and a joined string that is a run of known names
   is split back.  Arguments are macro-expanded (c_register_pragma_with_expansion),
   so `#pragma memrules ignore RULE` with `#define RULE "leak"` works, and so does
   _Pragma ("memrules ignore \"leak\""), the form include/memrules.h uses.

   GCC lexes a pragma's tokens only when the parser reaches it, and calls our handler
   then, with pragma_lex () handing out one token at a time (CPP_NAME for a word,
   CPP_STRING with a STRING_CST for a string, CPP_EOF at the end of the line).  The
   state is recorded per file and line in suppress.cc; see there for how a finding is
   matched.  A malformed pragma is a -Wpragmas warning (on by default, like GCC's own
   for its pragmas) that names the accepted forms, tagged [memrules-pragma].

   The plugin also defines __MEMRULES__ (to 1) while it is loaded, so that code can
   keep the pragmas away from compilers without it (include/memrules.h).  */

#include "gcc-common.h"
#include "pragmas.h"
#include "suppress.h"

#include <string>

/* The accepted forms, for the warnings (a macro: %< %> work in a format only).  */
#define MR_FORMS "%<ignore%>, %<warn%> or %<error%> followed by quoted rule names " \
  "separated by commas, %<push%> or %<pop%>"

/* The line the user wrote: for a pragma coming from a macro (_Pragma), the line
   where the macro was used.  */
static expanded_location
user_line (location_t loc)
{
  return expand_location (linemap_resolve_location (line_table, loc,
						    LRK_MACRO_EXPANSION_POINT, NULL));
}

/* Marks in RULES the rules NAME (one slug, "all", or a run of slugs joined by the
   front end's string concatenation) stands for; false if it is none of these.  */
static bool
mark_rules (const char *name, bool rules[MR_RULE_COUNT])
{
  if (!*name)
    return true;
  if (strcmp (name, "all") == 0)
    {
      for (int r = 0; r < MR_RULE_COUNT; r++)
	rules[r] = true;
      return true;
    }
  if (strncmp (name, "all", 3) == 0 && mark_rules (name + 3, rules))
    return mark_rules ("all", rules);
  for (int r = 0; r < MR_RULE_COUNT; r++)
    {
      size_t n = strlen (mr_rules[r].slug);
      if (strncmp (name, mr_rules[r].slug, n) == 0 && mark_rules (name + n, rules))
	{
	  rules[r] = true;
	  return true;
	}
    }
  return false;
}

/* Reads `"slug"[, "slug"...]` up to the end of the pragma into RULES; warns and
   returns false on anything else.  Known names are kept even if another is bad.  */
static bool
lex_rules (const char *cmd, location_t cmd_loc, bool rules[MR_RULE_COUNT])
{
  tree t;
  location_t loc;
  bool any = false, ok = true;
  for (;;)
    {
      enum cpp_ttype tok = pragma_lex (&t, &loc);
      if (tok == CPP_EOF && !any)
	{
	  warning_at (cmd_loc, OPT_Wpragmas, "missing rule name after %<#pragma memrules "
		      "%s%>; expected %<#pragma memrules %s \"SLUG\"%>, e.g. %qs "
		      "[memrules-pragma]", cmd, cmd, "\"double-free\"");
	  return false;
	}
      if (tok != CPP_STRING || !t || TREE_CODE (t) != STRING_CST)
	{
	  warning_at (loc, OPT_Wpragmas, "malformed %<#pragma memrules %s%>: rule names "
		      "must be quoted and separated by commas; expected " MR_FORMS
		      " [memrules-pragma]", cmd);
	  return false;
	}
      any = true;
      /* A string may also hold "a,b": split on commas and blanks.  */
      std::string names (TREE_STRING_POINTER (t));
      for (char &c : names)
	if (c == ',' || c == ' ' || c == '\t')
	  c = '\0';
      for (size_t i = 0; i < names.size (); i += strlen (names.c_str () + i) + 1)
	{
	  const char *name = names.c_str () + i;
	  bool these[MR_RULE_COUNT] = {};
	  if (*name && mark_rules (name, these))
	    for (int r = 0; r < MR_RULE_COUNT; r++)
	      rules[r] |= these[r];
	  else if (*name)
	    {
	      std::string known = "all";
	      for (int r = 0; r < MR_RULE_COUNT; r++)
		known += std::string (", ") + mr_rules[r].slug;
	      warning_at (loc, OPT_Wpragmas, "unknown rule %qs in %<#pragma memrules %s%>; "
			  "known rules: %s [memrules-pragma]", name, cmd, known.c_str ());
	      ok = false;
	    }
	}
      tok = pragma_lex (&t, &loc);
      if (tok == CPP_EOF)
	return ok;
      if (tok != CPP_COMMA)
	{
	  warning_at (loc, OPT_Wpragmas, "malformed %<#pragma memrules %s%>: expected "
		      "%<,%> or the end of the line after a rule name [memrules-pragma]", cmd);
	  return false;
	}
    }
}

/* Warns about anything left after push or pop.  */
static void
expect_end (const char *cmd)
{
  tree t;
  location_t loc;
  if (pragma_lex (&t, &loc) != CPP_EOF)
    warning_at (loc, OPT_Wpragmas, "junk at end of %<#pragma memrules %s%> "
		"[memrules-pragma]", cmd);
}

/* The handler GCC calls for each `#pragma memrules`.  */
static void
mr_handle_pragma (cpp_reader *)
{
  tree t;
  location_t loc;
  enum cpp_ttype tok = pragma_lex (&t, &loc);
  if (tok != CPP_NAME)
    {
      if (tok == CPP_EOF)
	loc = input_location;
      warning_at (loc, OPT_Wpragmas, "malformed %<#pragma memrules%>: expected " MR_FORMS
		  " [memrules-pragma]");
      return;
    }
  const char *cmd = IDENTIFIER_POINTER (t);
  expanded_location at = user_line (loc);
  if (!at.file)
    return;
  if (strcmp (cmd, "push") == 0)
    {
      expect_end (cmd);
      mr_suppress_push (at.file, at.line);
    }
  else if (strcmp (cmd, "pop") == 0)
    {
      expect_end (cmd);
      if (!mr_suppress_pop (at.file, at.line))
	warning_at (loc, OPT_Wpragmas, "%<#pragma memrules pop%> without a matching "
		    "%<#pragma memrules push%> in this file [memrules-pragma]");
    }
  else if (strcmp (cmd, "ignore") == 0 || strcmp (cmd, "warn") == 0
	   || strcmp (cmd, "error") == 0)
    {
      enum mr_mode mode = cmd[0] == 'i' ? MR_MODE_IGNORE
			  : cmd[0] == 'w' ? MR_MODE_WARN : MR_MODE_ERROR;
      bool rules[MR_RULE_COUNT] = {};
      lex_rules (cmd, loc, rules);
      mr_suppress_set (at.file, at.line, rules, mode);
    }
  else
    warning_at (loc, OPT_Wpragmas, "unknown %<#pragma memrules%> command %qs; "
		"expected " MR_FORMS " [memrules-pragma]", cmd);
}

void
mr_pragmas_register (void *gcc_data, void *user_data)
{
  /* lto1 has no front end: these weak symbols are null there (gcc-common.h).  */
  if (!&c_register_pragma_with_expansion || !&parse_in || !parse_in)
    return;
  c_register_pragma_with_expansion (NULL, "memrules", mr_handle_pragma);
  /* Defining a macro while compiling already-preprocessed input (.i, -save-temps,
     -fpreprocessed) makes cc1 fail with "invalid flag "__MEMRULES__" in line
     directive": the macro was defined, or not, when the input was preprocessed.  */
  if (!cpp_get_options (parse_in)->preprocessed)
    cpp_define (parse_in, "__MEMRULES__=1");
}
