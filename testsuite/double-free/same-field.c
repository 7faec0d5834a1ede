/* An integer field read twice, with nothing written in between, is one value: the
   two guarded frees below are exclusive (libxml2's xmlRegFreeAtom).  */
#include <stdlib.h>

enum { STRING = 1, BLOCK = 2 };
struct atom { int type; char *valuep; char *valuep2; };

void test_1(struct atom *atom)
{
  if (atom == NULL)
    return;
  if (atom->type == STRING && atom->valuep != NULL)
    free(atom->valuep);
  if (atom->type == STRING && atom->valuep2 != NULL)
    free(atom->valuep2);
  if (atom->type == BLOCK && atom->valuep != NULL)
    free(atom->valuep); /* { dg-bogus "double" } */
  free(atom);
}

/* Written in between: the second test may be true again.  */
void test_2(struct atom *atom)
{
  if (atom->type == STRING)
    free(atom->valuep); /* { dg-message "first 'free' here" } */
  atom->type = BLOCK;
  if (atom->type == BLOCK)
    free(atom->valuep); /* { dg-warning "double-'free' of 'atom->valuep'" } */
}

/* A call between the reads may change the field.  */
void update(struct atom *a);
void test_3(struct atom *atom)
{
  if (atom->type == STRING)
    free(atom->valuep);
  update(atom);
  if (atom->type == BLOCK)
    free(atom->valuep); /* { dg-bogus "double" "the call may have replaced valuep too" } */
}
