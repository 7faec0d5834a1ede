/* leak: memory still held when the program ends is not a leak (MEM31-C-EX1):
   at the end of main, and before exit() or abort() (MEM31-C, CWE-401).  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int cond(void);

/* exit() on an error path while holding memory: silent.  */
void test_1(void)
{
  char *p = malloc(16);
  if (p == NULL)
    exit(1);
  p[0] = '\0';
  if (cond()) {
    fputs("fatal\n", stderr);
    exit(2); /* { dg-bogus "leak of" } */
  }
  free(p);
}

/* abort(): silent.  */
void test_2(void)
{
  char *p = malloc(16);
  if (p == NULL)
    abort();
  p[0] = '\0';
  if (cond())
    abort(); /* { dg-bogus "leak of" } */
  free(p);
}

/* exit() on one path, a plain return on the other.  */
void test_3(void)
{
  char *p = malloc(16); /* { dg-message "allocated here" } */
  if (p == NULL)
    return;
  p[0] = '\0';
  if (cond())
    exit(3); /* { dg-bogus "leak of" } */
} /* { dg-warning "leak of 'p'" } */

/* The end of main: the program ends, memory goes with it.  Silent.  */
int main(int argc, char **argv)
{
  char *copy = strdup(argc > 1 ? argv[1] : "none");
  if (copy == NULL)
    return 1;
  puts(copy);
  return 0; /* { dg-bogus "leak of" } */
}
