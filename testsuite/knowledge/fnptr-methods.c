/* A function pointer named like a deallocator, called on the object it was
   loaded from, is a method of that object: `obj->ops->free (obj)` releases what
   the object owns (libevent's backend dealloc frees base->evbase; tmux's
   wme->mode->free frees the mode's data) and the object is released by its
   owner.  Such a call says nothing about the object; called on another pointer,
   the same member still names a deallocator (knowledge/fnptr.c).  */
#include <stdlib.h>

struct base;
struct backend
{
  void *(*init)(struct base *);
  void (*dealloc)(struct base *);
};
struct base
{
  const struct backend *evsel;
  void *evbase;
};

/* Silent: the method frees the backend's data; base is used right after.  */
int reinit(struct base *base)
{
  if (base->evsel->dealloc)
    base->evsel->dealloc(base);
  base->evbase = base->evsel->init(base);
  return base->evbase != 0;
}

struct node
{
  void (*free)(struct node *);
  void *data;
  int refs;
};

/* Silent: a member of the object itself, called on it twice (a reset).  */
int reset_twice(struct node *n)
{
  n->free(n);
  n->free(n);
  return n->refs;
}

/* The same member called on another node: that node is freed.  */
void drop_other(struct node *n, struct node *other)
{
  n->free(other); /* { dg-message "first 'node.free' here" } */
  n->free(other); /* { dg-warning "double-'node.free' of 'other'" } */
}

/* An operations table reached from a different object: a deallocator.  */
void drop_child(struct base *base, struct base *child)
{
  base->evsel->dealloc(child); /* { dg-message "freed here" } */
  child->evbase = 0; /* { dg-warning "use after 'backend.dealloc' of 'child'" } */
}
