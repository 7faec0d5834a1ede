/* leak: a path goes on past a dereference only where the pointer was not NULL
   (MEM31-C, CWE-401).  memcached's storage_conf_parse writes through an
   unchecked calloc result, then frees what it stored on an error path guarded by
   `if (cf)`: the path on which calloc failed stopped at the write (reported as
   null-deref-alloc there), so the error path does not leak.  */
/* { dg-do compile } */
#include <stdlib.h>
#include <string.h>

struct conf { char *file; unsigned n; };

/* Silent but for the unchecked write: the error path frees both.  */
struct conf *parse(char *arg, const char *p2)
{
  struct conf *cf = NULL;
  if (arg == NULL)
    goto error;
  cf = calloc(1, sizeof (struct conf));
  cf->file = strdup(arg); /* { dg-warning "dereference of possibly-NULL 'cf'" } */
  if (p2 == NULL)
    goto error;
  cf->n = atoi(p2);
  return cf;
error:
  if (cf) {
    if (cf->file)
      free(cf->file);
    free(cf);
  }
  return NULL;
}

/* The error path forgets the string: a leak on a path that did not crash.  */
struct conf *parse_leaky(char *arg, const char *p2)
{
  struct conf *cf = calloc(1, sizeof (struct conf));
  if (!cf)
    return NULL;
  cf->file = strdup(arg); /* { dg-message "allocated here" } */
  if (p2 == NULL) {
    free(cf);
    return NULL; /* { dg-warning "leak of 'cf->file'" } */
  }
  cf->n = atoi(p2);
  return cf;
}
