/* leak: a struct passed by value to a function without a body here hands it a copy
   of every pointer the struct holds (`queue_push (item)`): the callee may keep
   them, so losing the caller's own pointer afterwards is no leak (silent).  The
   callee cannot change the caller's struct, so a block the struct does not hold
   is still lost, and what happens to the caller's pointer after the call (a
   second free) is still seen (MEM31-C).  */
/* { dg-do compile } */

#include <stdlib.h>

struct item { char *data; };
struct pair { int len; char *data; };

void queue_push (struct item it);
void queue_push_pair (struct pair it);

/* Silent: the copy the callee gets holds the block.  */
void test_handed_in_struct (void)
{
  char *d = malloc (10);
  if (!d)
    return;
  struct item it;
  it.data = d;
  queue_push (it);
}

/* Silent: the second field holds it; an initializer instead of a store.  */
void test_handed_in_second_field (int n)
{
  char *d = malloc (10);
  if (!d)
    return;
  struct pair it = { n, d };
  queue_push_pair (it);
}

/* Silent: a struct the caller was given by pointer, passed on by value.  */
void test_handed_through_pointer (struct item *ip)
{
  ip->data = malloc (10);
  queue_push (*ip);
}

/* Silent: through a function pointer.  */
void test_handed_to_callback (void (*push) (struct item))
{
  struct item it = { malloc (4) };
  push (it);
}

/* The struct does not hold the block: lost.  */
void test_not_in_struct (void)
{
  char *d = malloc (10); /* { dg-message "allocated here" } */
  struct item it;
  it.data = NULL;
  queue_push (it);
} /* { dg-warning "leak of 'd'" } */

/* The caller keeps its pointer: freeing it twice is still a double free.  */
void test_freed_twice_after (void)
{
  char *d = malloc (10);
  struct item it;
  it.data = d;
  queue_push (it);
  free (it.data); /* { dg-message "first 'free' here" } */
  free (d); /* { dg-warning "double-'free' of 'd'" } */
}
