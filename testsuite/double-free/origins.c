/* double-free: the same pointer value freed twice, whatever it came from (MEM31-C,
   CWE-415): a parameter, a global, a field loaded from a struct, the result of an
   out-parameter allocator, as long as nothing may have changed it between the
   two frees.  Silent: a global reloaded after a call that may set it, an
   out-parameter filled again, a pointer set to NULL.  */
/* { dg-do compile } */
/* { dg-prune-output "\[memrules-leak\]" } */

#include <stdio.h>
#include <stdlib.h>

struct params;
extern int export_params(void *key, int what, struct params **out);
extern void params_free(struct params *p);
extern struct params *params_new(void) __attribute__((malloc(params_free, 1)));
extern int get_name(char **out);
extern void report(const char *what);
extern void refresh(void);

struct holder {
  char *buf;
  int len;
};

char *g_buf;

/* A parameter.  */
void test_1(char *p, int fail)
{
  free(p); /* { dg-message "first 'free' here" } */
  if (fail)
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A global, with a library call that writes no global in between.  */
void test_2(void)
{
  free(g_buf); /* { dg-message "first 'free' here" } */
  puts("released");
  free(g_buf); /* { dg-warning "double-'free' of 'g_buf'" } */
}

/* A global reloaded after a call that may set it again: silent.  */
void test_3(void)
{
  free(g_buf);
  refresh();
  free(g_buf); /* { dg-bogus "double-'free'" } */
}

/* A field loaded once, kept in a local across calls.  */
void test_4(struct holder *h)
{
  char *b = h->buf;
  free(b); /* { dg-message "first 'free' here" } */
  report("done");
  free(b); /* { dg-warning "double-'free' of 'b'" } */
}

/* An out-parameter allocator, freed before a call and again on the error path
   (the address of `params` went to export_params only).  */
int test_5(void *key)
{
  struct params *params = NULL;
  if (!export_params(key, 1, &params))
    goto fail;
  params_free(params); /* { dg-message "first 'params_free' here" } */
  report("exported");
  if (key)
    goto fail;
  return 0;
fail:
  params_free(params); /* { dg-warning "double-'params_free' of 'params'" } */
  return -1;
}

/* The same with free and a local filled by a function without a body.  */
int test_6(void)
{
  char *name = NULL;
  if (get_name(&name))
    goto fail;
  free(name); /* { dg-message "first 'free' here" } */
  report("named");
  goto fail;
fail:
  free(name); /* { dg-warning "double-'free' of 'name'" } */
  return -1;
}

/* The out-parameter filled again between the frees: silent.  */
void test_7(void)
{
  char *name = NULL;
  if (get_name(&name))
    return;
  free(name);
  if (get_name(&name))
    return;
  free(name); /* { dg-bogus "double-'free'" } */
}

/* Set to NULL after the first free: silent.  */
void test_8(void)
{
  char *name = NULL;
  if (get_name(&name))
    return;
  free(name);
  name = NULL;
  report("cleared");
  free(name); /* { dg-bogus "double-'free'" } */
}

/* An out-parameter of the C library (getline): freed twice.  */
void test_9(FILE *f)
{
  char *line = NULL;
  size_t n = 0;
  if (getline(&line, &n, f) < 0)
    return;
  free(line); /* { dg-message "first 'free' here" } */
  report("read");
  free(line); /* { dg-warning "double-'free' of 'line'" } */
}
