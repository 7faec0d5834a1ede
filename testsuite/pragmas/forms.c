/* The accepted spellings: several rules, "all", adjacent strings (which the front end
   joins into one), a comma-separated list inside one string, a macro for the rule,
   warn and error (severity is checked by testsuite/integration), and _Pragma.  */

#include <stdlib.h>
#include <string.h>

#define RULE "double-free"

#pragma memrules push
#pragma memrules ignore "double-free", "use-after-free"

/* 1: a list separated by commas.  */
void
test_1 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-bogus "use after" } */
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop
#pragma memrules push
#pragma memrules ignore "double-free" "use-after-free"

/* 2: adjacent strings.  */
void
test_2 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-bogus "use after" } */
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop
#pragma memrules push
#pragma memrules ignore "use-after-free,double-free"

/* 3: one string holding a list.  */
void
test_3 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-bogus "use after" } */
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop
#pragma memrules push
#pragma memrules ignore RULE

/* 4: a macro naming the rule (the pragma's arguments are macro-expanded).  */
void
test_4 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-warning "use after 'free' of 'p'" } */
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop
#pragma memrules push
#pragma memrules ignore "all"

/* 5: "all".  */
void
test_5 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p);
  strcpy (out, p); /* { dg-bogus "use after" } */
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop
#pragma memrules push
_Pragma ("memrules ignore \"double-free\"")

/* 6: _Pragma.  */
void
test_6 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-bogus "double-'free'" } */
}

#pragma memrules pop
#pragma memrules push
#pragma memrules ignore "double-free"
#pragma memrules warn "double-free"

/* 7: warn after ignore reports the rule again.  */
void
test_7 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}

#pragma memrules pop
