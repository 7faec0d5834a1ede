/* include/memrules.h: MEMRULES_IGNORE / PUSH / POP / WARN / ERROR expand to the
   pragmas while the plugin is loaded.  (Without the plugin they expand to nothing:
   testsuite/integration checks that a -Wall -Werror build of this file passes.)  */

#include <stdlib.h>
#include <string.h>
#include "../../include/memrules.h"

#ifndef __MEMRULES__
#error "__MEMRULES__ is defined while the plugin is loaded"
#endif

MEMRULES_PUSH
MEMRULES_IGNORE ("double-free", "use-after-free")

/* 1: both ignored.  */
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

MEMRULES_POP
MEMRULES_WARN ("double-free")

/* 2: after the pop, reported.  */
void
test_2 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* 3: inside a function, between statements.  */
void
test_3 (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  MEMRULES_IGNORE ("double-free")
  free (p); /* { dg-bogus "double-'free'" } */
}
