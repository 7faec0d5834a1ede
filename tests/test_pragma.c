/* test_pragma.c — the `#pragma memrules` parser (plugin/core/pragma.c), shared by
   the front end (pragmas.cc) and the -flto link (lto.cc).

   Covers: each command and the rules it names (one, several, "all", names joined
   by string concatenation or written "a,b" in one string, alloc-size-overflow
   which starts like "all"); every problem, with the token it is about and the
   rules kept despite it, and the parser asking for no token past the one that
   settles the pragma (the front end lexes no further); lines of source text as
   lto1 reads them: `#pragma memrules`, `# pragma`, include/memrules.h's macros,
   comments, lines that are no pragma.  */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pragma.h"

#include <string.h>

typedef struct tok
{
  mr_pragma_tok kind;
  const char *text;
} tok;

#define NAME(s) { MR_PTOK_NAME, s }
#define STR(s) { MR_PTOK_STRING, s }
#define COMMA { MR_PTOK_COMMA, NULL }
#define OTHER { MR_PTOK_OTHER, NULL }
#define END { MR_PTOK_EOF, NULL }

/* Feeds toks while the parser asks; returns how many it took.  */
static uint32_t
parse (mr_pragma *p, const tok *toks, uint32_t n)
{
  mr_pragma_start (p);
  uint32_t i = 0;
  bool more = true;
  while (more && i < n)
    {
      more = mr_pragma_feed (p, toks[i].kind, toks[i].text);
      i++;
    }
  assert_false (more);
  return i;
}

static int
count_rules (const mr_pragma *p)
{
  int n = 0;
  for (int r = 0; r < MR_RULE_COUNT; r++)
    n += p->rules[r];
  return n;
}

static void
test_commands (void **state)
{
  (void) state;
  mr_pragma p;
  tok push[] = { NAME ("push"), END };
  assert_int_equal (parse (&p, push, 2), 2);
  assert_int_equal (p.verb, MR_PRAGMA_PUSH);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  tok pop[] = { NAME ("pop"), END };
  parse (&p, pop, 2);
  assert_int_equal (p.verb, MR_PRAGMA_POP);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  tok ignore[] = { NAME ("ignore"), STR ("double-free"), COMMA, STR ("leak"), END };
  assert_int_equal (parse (&p, ignore, 5), 5);
  assert_int_equal (p.verb, MR_PRAGMA_IGNORE);
  assert_true (p.rules[MR_RULE_DOUBLE_FREE]);
  assert_true (p.rules[MR_RULE_LEAK]);
  assert_int_equal (count_rules (&p), 2);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  tok warn[] = { NAME ("warn"), STR ("all"), END };
  parse (&p, warn, 3);
  assert_int_equal (p.verb, MR_PRAGMA_WARN);
  assert_int_equal (count_rules (&p), MR_RULE_COUNT);
  mr_pragma_release (&p);

  /* "leak" "double-free" joined by the front end; "a,b" and "a b" in one string.  */
  tok error[] = { NAME ("error"), STR ("leakdouble-free"), COMMA,
		  STR ("use-after-free, uninit-read"), END };
  parse (&p, error, 5);
  assert_int_equal (p.verb, MR_PRAGMA_ERROR);
  assert_true (p.rules[MR_RULE_LEAK] && p.rules[MR_RULE_DOUBLE_FREE]);
  assert_true (p.rules[MR_RULE_USE_AFTER_FREE] && p.rules[MR_RULE_UNINIT_READ]);
  assert_int_equal (count_rules (&p), 4);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  tok alloc[] = { NAME ("ignore"), STR ("alloc-size-overflow"), END };
  parse (&p, alloc, 3);
  assert_true (p.rules[MR_RULE_ALLOC_SIZE_OVERFLOW]);
  assert_int_equal (count_rules (&p), 1);
  mr_pragma_release (&p);

  tok allleak[] = { NAME ("ignore"), STR ("allleak"), END };
  parse (&p, allleak, 3);
  assert_int_equal (count_rules (&p), MR_RULE_COUNT);
  mr_pragma_release (&p);
}

static void
expect_one (const mr_pragma *p, mr_pragma_problem problem, uint32_t token)
{
  assert_int_equal (p->nerrors, 1);
  assert_int_equal (p->errors[0].problem, problem);
  assert_int_equal (p->errors[0].token, token);
}

static void
test_problems (void **state)
{
  (void) state;
  mr_pragma p;
  tok none[] = { END, END };
  assert_int_equal (parse (&p, none, 2), 1);
  expect_one (&p, MR_PRAGMA_NO_COMMAND, 0);
  assert_int_equal (p.verb, MR_PRAGMA_NONE);
  mr_pragma_release (&p);

  tok str[] = { STR ("leak"), END };
  assert_int_equal (parse (&p, str, 2), 1);
  expect_one (&p, MR_PRAGMA_NO_COMMAND, 0);
  mr_pragma_release (&p);

  tok frob[] = { NAME ("frob"), STR ("leak"), END };
  assert_int_equal (parse (&p, frob, 3), 1);
  expect_one (&p, MR_PRAGMA_UNKNOWN_COMMAND, 0);
  assert_int_equal (p.verb, MR_PRAGMA_NONE);
  mr_pragma_release (&p);

  tok missing[] = { NAME ("ignore"), END };
  parse (&p, missing, 2);
  expect_one (&p, MR_PRAGMA_MISSING_RULE, 0);
  assert_int_equal (p.verb, MR_PRAGMA_IGNORE);
  assert_int_equal (count_rules (&p), 0);
  mr_pragma_release (&p);

  tok unquoted[] = { NAME ("ignore"), NAME ("leak"), END };
  assert_int_equal (parse (&p, unquoted, 3), 2);
  expect_one (&p, MR_PRAGMA_UNQUOTED_RULE, 1);
  mr_pragma_release (&p);

  /* A comma, then the end: a name is missing.  */
  tok trailing[] = { NAME ("warn"), STR ("leak"), COMMA, END };
  parse (&p, trailing, 4);
  expect_one (&p, MR_PRAGMA_UNQUOTED_RULE, 3);
  assert_true (p.rules[MR_RULE_LEAK]);
  mr_pragma_release (&p);

  /* Known names are kept, each unknown one is reported.  */
  tok unknown[] = { NAME ("ignore"), STR ("leak,bogus"), COMMA, STR ("nope"), END };
  parse (&p, unknown, 5);
  assert_int_equal (p.nerrors, 2);
  assert_int_equal (p.errors[0].problem, MR_PRAGMA_UNKNOWN_RULE);
  assert_string_equal (p.errors[0].name, "bogus");
  assert_int_equal (p.errors[0].token, 1);
  assert_string_equal (p.errors[1].name, "nope");
  assert_int_equal (p.errors[1].token, 3);
  assert_true (p.rules[MR_RULE_LEAK]);
  assert_int_equal (count_rules (&p), 1);
  mr_pragma_release (&p);

  tok nocomma[] = { NAME ("ignore"), STR ("leak"), STR ("x"), END };
  assert_int_equal (parse (&p, nocomma, 4), 3);
  expect_one (&p, MR_PRAGMA_EXPECTED_COMMA, 2);
  assert_true (p.rules[MR_RULE_LEAK]);
  mr_pragma_release (&p);

  tok junk[] = { NAME ("push"), OTHER, END };
  assert_int_equal (parse (&p, junk, 3), 2);
  expect_one (&p, MR_PRAGMA_JUNK, 1);
  assert_int_equal (p.verb, MR_PRAGMA_PUSH);
  mr_pragma_release (&p);
}

static void
test_lines (void **state)
{
  (void) state;
  mr_pragma p;
  assert_true (mr_pragma_read_line ("#pragma memrules ignore \"double-free\"\n", &p));
  assert_int_equal (p.verb, MR_PRAGMA_IGNORE);
  assert_true (p.rules[MR_RULE_DOUBLE_FREE]);
  assert_int_equal (count_rules (&p), 1);
  mr_pragma_release (&p);

  assert_true (mr_pragma_read_line ("  #  pragma memrules error \"leak\", \"uninit-read\""
				    " // why\n", &p));
  assert_int_equal (p.verb, MR_PRAGMA_ERROR);
  assert_int_equal (count_rules (&p), 2);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  assert_true (mr_pragma_read_line ("#pragma memrules push\n", &p));
  assert_int_equal (p.verb, MR_PRAGMA_PUSH);
  mr_pragma_release (&p);

  assert_true (mr_pragma_read_line ("MEMRULES_IGNORE (\"use-after-free\", \"leak\")\n",
				    &p));
  assert_int_equal (p.verb, MR_PRAGMA_IGNORE);
  assert_true (p.rules[MR_RULE_USE_AFTER_FREE] && p.rules[MR_RULE_LEAK]);
  assert_int_equal (count_rules (&p), 2);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  assert_true (mr_pragma_read_line ("MEMRULES_WARN(\"leak\" \"double-free\") int x;\n",
				    &p));
  assert_int_equal (p.verb, MR_PRAGMA_WARN);
  assert_int_equal (count_rules (&p), 2);
  mr_pragma_release (&p);

  assert_true (mr_pragma_read_line ("\tMEMRULES_POP\n", &p));
  assert_int_equal (p.verb, MR_PRAGMA_POP);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  assert_true (mr_pragma_read_line ("MEMRULES_PUSH int x;\n", &p));
  assert_int_equal (p.verb, MR_PRAGMA_PUSH);
  assert_int_equal (p.nerrors, 0);
  mr_pragma_release (&p);

  assert_true (mr_pragma_read_line ("#pragma memrules frob\n", &p));
  assert_int_equal (p.verb, MR_PRAGMA_NONE);
  mr_pragma_release (&p);

  assert_false (mr_pragma_read_line ("#pragma GCC diagnostic push\n", &p));
  assert_false (mr_pragma_read_line ("#pragma memrulesx ignore \"leak\"\n", &p));
  assert_false (mr_pragma_read_line ("MEMRULES_IGNORED (\"leak\")\n", &p));
  assert_false (mr_pragma_read_line ("/* MEMRULES_IGNORE (\"leak\") */\n", &p));
  assert_false (mr_pragma_read_line ("x = 1; /* memrules */\n", &p));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_commands),
    cmocka_unit_test (test_problems),
    cmocka_unit_test (test_lines),
  };
  return cmocka_run_group_tests_name ("pragma", tests, NULL, NULL);
}
