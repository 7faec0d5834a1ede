/* A malformed pragma or an unknown rule is a -Wpragmas warning naming what is
   accepted, and never an error; the valid part of a pragma still applies.  */

#include <stdlib.h>

#pragma memrules /* { dg-warning "malformed '#pragma memrules': expected 'ignore', 'warn' or 'error' followed by quoted rule names separated by commas, 'push' or 'pop' \[memrules-pragma\]" } */
#pragma memrules frobnicate /* { dg-warning "unknown '#pragma memrules' command 'frobnicate'; expected 'ignore'.*'push' or 'pop'" } */
#pragma memrules ignore /* { dg-warning "missing rule name after '#pragma memrules ignore'" } */
#pragma memrules error /* { dg-warning "missing rule name after '#pragma memrules error'" } */
#pragma memrules ignore double-free /* { dg-warning "malformed '#pragma memrules ignore': rule names must be quoted" } */
#pragma memrules ignore "nosuch" /* { dg-warning "unknown rule 'nosuch' in '#pragma memrules ignore'; known rules: all, double-free, use-after-free" } */
#pragma memrules warn "double-free" "nosuch" /* { dg-warning "unknown rule 'double-freenosuch'" } */
#pragma memrules ignore "double-free" use /* { dg-warning "expected ',' or the end of the line after a rule name" } */
#pragma memrules push 1 /* { dg-warning "junk at end of '#pragma memrules push'" } */
#pragma memrules pop
#pragma memrules pop /* { dg-warning "'#pragma memrules pop' without a matching '#pragma memrules push' in this file" } */
#pragma memrules 42 /* { dg-warning "malformed '#pragma memrules'" } */
#pragma memrules ignore "" /* { dg-bogus "memrules-pragma" } */

/* 1: "ignore "double-free" use" kept its valid part: double-free is ignored.  */
void
test_1 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules ignore "use-after-free", "bogus-rule" /* { dg-warning "unknown rule 'bogus-rule'" } */
