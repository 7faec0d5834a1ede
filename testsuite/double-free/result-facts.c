/* What a callee's integer result says reaches its callers (summaries: the result
   is a comparison of a parameter, a constant, or a parameter itself; not for a
   weak definition another file may replace), and a static
   variable nothing writes keeps its initializer: the branches they decide are
   followed.  Each silent form has a buggy twin that must still warn.  */
/* { dg-do compile } */

#include <stdlib.h>

static int failed(int rc) { return rc != 0; }
static int always_one(void) { return 1; }
static int same(int x) { return x; }

static int verbose = 0;		/* never written: stays 0 */
static int tracing = 1;		/* never written: stays 1 */
static int changing = 0;	/* written below: unknown */

void set_changing(int v) { changing = v; }

/* A predicate: true exactly when rc is nonzero.  */
void pred_ok(char *p, int rc)
{
  if (rc)
    free(p);
  if (!failed(rc))
    free(p); /* { dg-bogus "double-'free'" } */
}

void pred_bad(char *p, int rc)
{
  if (rc)
    free(p); /* { dg-message "first 'free' here" } */
  if (failed(rc))
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A function that always returns the same constant.  */
void const_ok(char *p)
{
  free(p);
  if (!always_one())
    free(p); /* { dg-bogus "double-'free'" } */
}

void const_bad(char *p)
{
  free(p); /* { dg-message "first 'free' here" } */
  if (always_one())
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A function that returns its parameter.  */
void param_ok(char *p, int n)
{
  if (n > 3)
    free(p);
  if (same(n) < 2)
    free(p); /* { dg-bogus "double-'free'" } */
}

void param_bad(char *p, int n)
{
  if (n > 3)
    free(p); /* { dg-message "first 'free' here" } */
  if (same(n) > 2)
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Statics never written keep their initializers.  */
void static_ok(char *p)
{
  free(p);
  if (verbose)
    free(p); /* { dg-bogus "double-'free'" } */
}

void static_bad(char *p)
{
  free(p); /* { dg-message "first 'free' here" } */
  if (tracing)
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A static some function writes is not known: the path where it is set counts.  */
void static_written(char *p)
{
  free(p); /* { dg-message "first 'free' here" } */
  if (changing)
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A weak default another file may replace: its result is not known.  */
__attribute__ ((weak)) int hook_enabled(void) { return 0; }

void weak_hook(char *p)
{
  free(p); /* { dg-message "first 'free' here" } */
  if (hook_enabled())
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A const static keeps its initializer too.  */
static const int use_cache = 0;

void const_static_ok(char *p)
{
  free(p);
  if (use_cache)
    free(p); /* { dg-bogus "double-'free'" } */
}
