/* double-free: a setjmp handler that frees, re-entered by a longjmp (MEM31-C,
   CWE-415).  GCC gives every call it cannot prove leaf an edge back to the
   setjmp; a call to the C library (puts, strlen, fopen ...) does not longjmp
   unless it is handed a function to call back, so that edge is never taken.  A
   call to a function memrules cannot see may longjmp, and a pointer freed before
   it is freed again by the handler.  */
/* { dg-do compile } */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf env;
void work(char *p);		/* may longjmp (env, 1) */

/* Silent: after the last free only the C library is called.  */
int handled(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  if (setjmp(env)) {
    free(p);
    return 1;
  }
  work(p);
  free(p);
  puts("done");
  return 0;
}

/* A call that may longjmp after the free: the handler frees p again.  */
int freed_before_work(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  if (setjmp(env)) {
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    return 1;
  }
  free(p); /* { dg-message "first 'free' here" } { dg-bogus "double-'free'" "TODO: after a longjmp setjmp returns nonzero; the path that re-runs this free is not ruled out" { xfail *-*-* } } */
  work(NULL);
  return 0;
}
