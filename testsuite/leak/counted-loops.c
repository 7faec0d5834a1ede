/* leak: loops whose counter starts and ends at constants run a known number of
   times (MEM31-C, CWE-401).  The counter steps by a constant (`i++`, `i -= 2`),
   so a loop that runs once cannot overwrite what its one iteration allocated,
   and one that runs twice does.  */
/* { dg-do compile } */

#include <stdlib.h>

void consume(char *p);

/* One iteration allocates, a second loop of one iteration frees: silent.  */
void test_1(void)
{
  char *buf = NULL;
  for (int i = 0; i < 1; i++) {
    buf = malloc(32);
    if (buf == NULL)
      return;
    buf[0] = 'x';
  }
  for (int k = 0; k < 1; k++)
    free(buf);
} /* { dg-bogus "leak of" } */

/* Two iterations: the first block is overwritten by the second.  */
void test_2(void)
{
  char *buf = NULL;
  for (int i = 0; i < 2; i++) {
    buf = malloc(32); /* { dg-warning "leak of 'buf'" } */
    if (buf == NULL)
      return;
    buf[0] = 'x';
  }
  free(buf);
}

/* Counting down by two from 3: 3, 1, then out (once more than it seems).  */
void test_3(void)
{
  char *buf = NULL;
  for (int i = 3; i > 0; i -= 2) {
    buf = malloc(8); /* { dg-warning "leak of 'buf'" } */
    if (buf == NULL)
      return;
    buf[0] = 'x';
  }
  free(buf);
}

/* Counting down by two from 2: 2, 0: once, silent.  */
void test_4(void)
{
  char *buf = NULL;
  for (int i = 2; i > 0; i -= 2) {
    buf = malloc(8);
    if (buf == NULL)
      return;
    buf[0] = 'x';
  }
  free(buf); /* { dg-bogus "leak of" } */
}

/* An unsigned counter that runs once: silent.  */
void test_5(void)
{
  char *buf = NULL;
  for (unsigned u = 0; u < 1u; u++) {
    buf = malloc(8);
    if (buf == NULL)
      return;
    consume(buf);
  }
  free(buf);
} /* { dg-bogus "leak of" } */

/* A bound the function does not know: the loop may run again.  */
void test_6(int n)
{
  char *buf = NULL;
  for (int i = 0; i < n; i++) {
    buf = malloc(8); /* { dg-warning "leak of 'buf'" } */
    if (buf == NULL)
      return;
    buf[0] = 'x';
  }
  free(buf);
}
