/* pragma.h — the grammar of `#pragma memrules`, parsed once for the front end
   (pragmas.cc, fed the lexer's tokens) and for the -flto link (lto.cc, which reads
   the source text itself: mr_pragma_read_line).

     #pragma memrules ignore|warn|error "SLUG"[, "SLUG"...]
     #pragma memrules push
     #pragma memrules pop

   "all" names every rule.  A string may hold several names separated by commas or
   blanks ("a,b"), and a run of known names joined by the front end's concatenation
   of adjacent strings ("a" "b" arrives as "ab") is split back.

   The parser takes one token at a time (mr_pragma_feed), as GCC's pragma_lex hands
   them out, and asks for no more than it needs: a pragma is read exactly as far as
   the front end read it before.  What is wrong is returned as data (mr_pragma_error,
   in the order found); the glue words it as GCC diagnostics.  */

#ifndef MR_PRAGMA_H
#define MR_PRAGMA_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mr_pragma_tok
{
  MR_PTOK_EOF,			/* the end of the pragma */
  MR_PTOK_NAME,			/* an identifier: text */
  MR_PTOK_STRING,		/* a string literal (adjacent ones joined): text, its
				   contents */
  MR_PTOK_COMMA,
  MR_PTOK_OTHER			/* anything else */
} mr_pragma_tok;

typedef enum mr_pragma_verb
{
  MR_PRAGMA_NONE,		/* nothing to record: no command, or an unknown one */
  MR_PRAGMA_IGNORE,		/* the rules are not reported from here */
  MR_PRAGMA_WARN,		/* reported as warnings, even under -Werror */
  MR_PRAGMA_ERROR,		/* reported as errors */
  MR_PRAGMA_PUSH,
  MR_PRAGMA_POP
} mr_pragma_verb;

typedef enum mr_pragma_problem
{
  MR_PRAGMA_NO_COMMAND,		/* the first token is not a word */
  MR_PRAGMA_UNKNOWN_COMMAND,	/* a word that is no command */
  MR_PRAGMA_MISSING_RULE,	/* ignore|warn|error with nothing after it */
  MR_PRAGMA_UNQUOTED_RULE,	/* a rule name that is not a string */
  MR_PRAGMA_UNKNOWN_RULE,	/* a string naming no rule: name */
  MR_PRAGMA_EXPECTED_COMMA,	/* something else than `,` or the end after a name */
  MR_PRAGMA_JUNK		/* something after push or pop */
} mr_pragma_problem;

typedef struct mr_pragma_error
{
  mr_pragma_problem problem;
  uint32_t token;		/* the token it is about (0: the command) */
  char *name;			/* MR_PRAGMA_UNKNOWN_RULE: the unknown name */
} mr_pragma_error;

typedef struct mr_pragma
{
  mr_pragma_verb verb;
  bool rules[MR_RULE_COUNT];	/* ignore|warn|error: the rules named (those known,
				   even when another name is bad) */
  mr_pragma_error *errors;
  uint32_t nerrors, cap_errors;
  uint32_t ntokens;		/* tokens fed so far */
  int state;			/* internal */
} mr_pragma;

void mr_pragma_start (mr_pragma *p);
/* Feeds the pragma's next token (text: the name or the string's contents); returns
   true while the parser wants another.  Errors found are appended to p->errors.  */
bool mr_pragma_feed (mr_pragma *p, mr_pragma_tok kind, const char *text);
void mr_pragma_release (mr_pragma *p);

/* A line of source text (from a file lto1 reads; not preprocessed): if it is a
   memrules pragma, `#pragma memrules ...` or one of include/memrules.h's macros
   MEMRULES_IGNORE|WARN|ERROR (...), MEMRULES_PUSH, MEMRULES_POP, parses it into p
   (started here; release it) and returns true.  Comments end it; a string ends at
   the next quote.  */
bool mr_pragma_read_line (const char *line, mr_pragma *p);

#ifdef __cplusplus
}
#endif

#endif /* MR_PRAGMA_H */
