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
  free(p); /* { dg-message "first 'free' here" } { dg-bogus "double-'free'" "after a longjmp setjmp returns nonzero: this free is not run again" } */
  work(NULL);
  return 0;
}

/* setjmp returns 0 when called and nonzero when a longjmp comes back: the
   branch that frees is taken again only by the longjmp, never the one taken
   first (GCC's CFG re-enters the block of the setjmp call; lower-cond.cc).  */

/* Silent: the body frees, then calls what may longjmp; back at the setjmp the
   result is nonzero, so the body's free does not run again.  */
int body_frees(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  if (setjmp(env) == 0) {
    free(p); /* { dg-bogus "double-'free'" } */
    work(NULL);
    return 0;
  }
  return 1;
}

/* The same with a switch on the result: only a case other than 0 is taken
   after the longjmp.  */
int switch_frees(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  switch (setjmp(env)) {
  case 0:
    free(p); /* { dg-bogus "double-'free'" } */
    work(NULL);
    return 0;
  case 2:
    return 2;
  default:
    return 1;
  }
}

/* Buggy: the handler reached by the longjmp frees what the body freed.  */
int switch_handler_frees(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  switch (setjmp(env)) {
  case 0:
    free(p); /* { dg-message "first 'free' here" } */
    work(NULL);
    return 0;
  case 2:
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    return 2;
  default:
    return 1;
  }
}

/* Buggy: the first call returns 0, so the handler does not run before the
   body; a longjmp from the body after its free brings it there.  */
int handler_after_body(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  int r = setjmp(env);
  if (r != 0) {
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    return 1;
  }
  free(p); /* { dg-message "first 'free' here" } */
  work(NULL);
  return 0;
}

/* sigsetjmp is the same (through the glibc name it expands to).  */
static sigjmp_buf senv;
int sig_body_frees(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  if (sigsetjmp(senv, 1) == 0) {
    free(p); /* { dg-bogus "double-'free'" } */
    work(NULL);
    return 0;
  }
  return 1;
}

int sig_handler_frees(void)
{
  char *p = malloc(10);
  if (!p)
    return -1;
  if (sigsetjmp(senv, 1)) {
    free(p); /* { dg-warning "double-'free' of 'p'" } */
    return 1;
  }
  free(p); /* { dg-message "first 'free' here" } */
  work(NULL);
  return 0;
}
