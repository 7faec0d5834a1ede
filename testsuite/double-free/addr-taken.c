/* double-free: a local pointer whose address is taken ("g(&p)"), so GIMPLE keeps
   it in memory instead of an SSA name (MEM31-C, CWE-415).  */
/* { dg-do compile } */

#include <stdlib.h>

extern void watch(char **pp);     /* may read or store through pp, later too */
extern int get_buffer(char **pp); /* stores a new block in *pp on success */

/* The address escaped before the frees; free itself does not store to p.  */
void test_1(void)
{
  char *p = malloc(16);
  watch(&p);
  free(p); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* An out-parameter fills p.  */
void test_2(void)
{
  char *p;
  if (get_buffer(&p) != 0)
    return;
  free(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* The callee may store a new block in p between the frees.  */
void test_3(void)
{
  char *p;
  if (get_buffer(&p) != 0)
    return;
  free(p);
  if (get_buffer(&p) != 0)
    return;
  free(p); /* { dg-bogus "double-'free'" } */
}

/* Cleared through the pointer to it.  */
void test_4(void)
{
  char *p = malloc(16);
  char **pp = &p;
  free(p);
  *pp = NULL;
  free(p); /* { dg-bogus "double-'free'" } */
}

/* Freed through the pointer to it, then by name.  */
void test_5(void)
{
  char *p = malloc(16);
  char **pp = &p;
  watch(pp);
  free(*pp);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
