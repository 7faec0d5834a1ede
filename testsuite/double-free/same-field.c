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

/* One pointer-sized place read as two members of different struct types (libxml2's
   xmlFreeNode: ((xmlEntity *) cur)->ExternalID for entities, cur->nsDef for
   elements, both at offset 24 here) under exclusive type tests separated by calls:
   not reported.  */
struct node { int type; char *name; struct node *children; char *nsDef; };
struct entity { int type; char *name; struct node *children; char *ExternalID; };
void free_list(struct node *n);
int owns(const char *s);

void test_4(struct node *cur)
{
  if (cur->type == BLOCK)
    {
      struct entity *ent = (struct entity *) cur;
      if (ent->ExternalID && !owns(ent->ExternalID))
	free(ent->ExternalID);
    }
  if (cur->children)
    free_list(cur->children);
  if (cur->type == STRING && cur->nsDef)
    free(cur->nsDef); /* { dg-bogus "double" } */
  free(cur);
}

/* The same member freed twice is still reported.  */
void test_5(struct node *cur, int again)
{
  if (cur->type == BLOCK)
    free(cur->nsDef); /* { dg-message "first 'free' here" } */
  free_list(cur->children);
  if (again)
    free(cur->nsDef); /* { dg-warning "double-'free' of 'cur->nsDef'" } */
}
