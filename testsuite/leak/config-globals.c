/* leak: a function that tests a global twice, with calls between the tests
   (MEM31-C, CWE-401).  A const global never changes, and a global this unit
   only reads (set elsewhere: configuration) is taken to keep its value across
   the calls; so the block allocated under the first test is freed under the
   second.  A global the unit writes may be changed by the calls.  */
/* { dg-do compile } */

#include <stdlib.h>

extern const int feature_on;
extern int verbosity;
extern int pending;
extern int mode;

void report(const char *msg);
void note_pending(void);

void note_pending(void)
{
  pending = 1;
}

/* A const global tested twice around a call: silent.  */
void test_1(void)
{
  char *buf = NULL;
  if (feature_on) {
    buf = malloc(16);
    if (buf == NULL)
      return;
    buf[0] = 'a';
    report(buf);
  }
  if (feature_on)
    free(buf);
} /* { dg-bogus "leak of" } */

/* A global the unit only reads, tested twice around a call: silent.  */
void test_2(void)
{
  char *buf = NULL;
  if (verbosity > 2) {
    buf = malloc(16);
    if (buf == NULL)
      return;
    buf[0] = 'a';
    report(buf);
  }
  if (verbosity > 2)
    free(buf);
} /* { dg-bogus "leak of" } */

/* The second test is the opposite one: the block is freed where it was never
   allocated, and leaked where it was.  */
void test_3(void)
{
  char *buf = NULL;
  if (mode == 5) {
    buf = malloc(16); /* { dg-message "allocated here" } */
    if (buf == NULL)
      return;
    buf[0] = 'a';
    report(buf);
  }
  if (mode != 5)
    free(buf);
} /* { dg-warning "leak of 'buf'" } */

/* A global the unit writes (note_pending) may change across the call.  */
void test_4(void)
{
  char *buf = NULL;
  if (pending) {
    buf = malloc(16); /* { dg-message "allocated here" } */
    if (buf == NULL)
      return;
    buf[0] = 'a';
    report(buf);
  }
  if (pending)
    free(buf);
} /* { dg-warning "leak of 'buf'" } */
