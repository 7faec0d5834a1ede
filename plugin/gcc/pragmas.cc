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
#include "../core/pragma.h"

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

/* Words problem e of the pragma parser (core/pragma.h) as GCC does its own
   pragmas' (-Wpragmas), at loc; cmd is the command the pragma names.  */
static void
warn_pragma (const mr_pragma_error &e, location_t loc, const char *cmd)
{
  switch (e.problem)
    {
    case MR_PRAGMA_NO_COMMAND:
      warning_at (loc, OPT_Wpragmas, "malformed %<#pragma memrules%>: expected " MR_FORMS
		  " [memrules-pragma]");
      break;
    case MR_PRAGMA_UNKNOWN_COMMAND:
      warning_at (loc, OPT_Wpragmas, "unknown %<#pragma memrules%> command %qs; "
		  "expected " MR_FORMS " [memrules-pragma]", cmd);
      break;
    case MR_PRAGMA_MISSING_RULE:
      warning_at (loc, OPT_Wpragmas, "missing rule name after %<#pragma memrules "
		  "%s%>; expected %<#pragma memrules %s \"SLUG\"%>, e.g. %qs "
		  "[memrules-pragma]", cmd, cmd, "\"double-free\"");
      break;
    case MR_PRAGMA_UNQUOTED_RULE:
      warning_at (loc, OPT_Wpragmas, "malformed %<#pragma memrules %s%>: rule names "
		  "must be quoted and separated by commas; expected " MR_FORMS
		  " [memrules-pragma]", cmd);
      break;
    case MR_PRAGMA_UNKNOWN_RULE:
      {
	std::string known = "all";
	for (int r = 0; r < MR_RULE_COUNT; r++)
	  known += std::string (", ") + mr_rules[r].slug;
	warning_at (loc, OPT_Wpragmas, "unknown rule %qs in %<#pragma memrules %s%>; "
		    "known rules: %s [memrules-pragma]", e.name, cmd, known.c_str ());
	break;
      }
    case MR_PRAGMA_EXPECTED_COMMA:
      warning_at (loc, OPT_Wpragmas, "malformed %<#pragma memrules %s%>: expected "
		  "%<,%> or the end of the line after a rule name [memrules-pragma]", cmd);
      break;
    case MR_PRAGMA_JUNK:
      warning_at (loc, OPT_Wpragmas, "junk at end of %<#pragma memrules %s%> "
		  "[memrules-pragma]", cmd);
      break;
    }
}

/* The handler GCC calls for each `#pragma memrules`: the tokens pragma_lex hands
   out go to the parser one by one, as far as it asks, and the problems it finds
   are warned about as they are found (between tokens, as the lexer's own
   diagnostics are).  */
static void
mr_handle_pragma (cpp_reader *)
{
  mr_pragma p;
  mr_pragma_start (&p);
  auto_vec<location_t> locs;
  const char *cmd = NULL;
  expanded_location at = {};
  bool more = true;
  while (more)
    {
      tree t;
      location_t loc;
      enum cpp_ttype tok = pragma_lex (&t, &loc);
      mr_pragma_tok kind = MR_PTOK_OTHER;
      const char *text = NULL;
      if (tok == CPP_EOF)
	kind = MR_PTOK_EOF;
      else if (tok == CPP_NAME)
	kind = MR_PTOK_NAME, text = IDENTIFIER_POINTER (t);
      else if (tok == CPP_STRING && t && TREE_CODE (t) == STRING_CST)
	kind = MR_PTOK_STRING, text = TREE_STRING_POINTER (t);
      else if (tok == CPP_COMMA)
	kind = MR_PTOK_COMMA;
      if (locs.is_empty () && kind == MR_PTOK_EOF)
	loc = input_location;
      locs.safe_push (loc);
      uint32_t first_error = p.nerrors;
      more = mr_pragma_feed (&p, kind, text);
      if (locs.length () == 1 && kind == MR_PTOK_NAME)
	{
	  cmd = text;
	  at = user_line (loc);
	  if (!at.file)
	    {
	      mr_pragma_release (&p);
	      return;
	    }
	}
      for (uint32_t i = first_error; i < p.nerrors; i++)
	warn_pragma (p.errors[i], locs[p.errors[i].token], cmd);
    }
  if (!mr_suppress_apply (at.file, at.line, &p))
    warning_at (locs[0], OPT_Wpragmas, "%<#pragma memrules pop%> without a matching "
		"%<#pragma memrules push%> in this file [memrules-pragma]");
  mr_pragma_release (&p);
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
