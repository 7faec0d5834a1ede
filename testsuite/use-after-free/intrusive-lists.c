/* use-after-free: intrusive lists unlinked through a back-pointer.  TAILQ_REMOVE,
   LIST_REMOVE (<sys/queue.h>), a hand-written list with a `**prev` link and an
   nginx-style circular queue write the head through the element's back-pointer
   when the element is first: `*elm->field.tqe_prev = next` is the store to
   head->tqh_first.  After it the head no longer holds the element, so draining
   the list is silent, also with libuv-style `void *[2]` links and through unlink
   helpers of the same file (Linux-style static inline ones); freeing an
   element that was never unlinked, or unlinking it after the free, still warns
   (MEM30-C, CWE-416).  A helper defined elsewhere may unlink the node it is
   handed: the links to it are forgotten at the call.  */
/* { dg-do compile } */

#include <stddef.h>
#include <stdlib.h>
#include <sys/queue.h>

struct item {
  int value;
  TAILQ_ENTRY(item) link;
};
TAILQ_HEAD(item_queue, item);

struct entry {
  int value;
  LIST_ENTRY(entry) link;
};
LIST_HEAD(entry_list, entry);

struct node {
  struct node *next, **prev;
  int value;
};
struct node_list {
  struct node *first;
};

typedef struct queue_s queue_t;
struct queue_s {
  queue_t *prev, *next;
};
struct job {
  int id;
  queue_t queue;
};

/* Draining a TAILQ: each element is unlinked before it is freed (issue 14).  */
void test_1(struct item_queue *q)
{
  struct item *it;
  while ((it = TAILQ_FIRST(q))) { /* { dg-bogus "use after" } */
    TAILQ_REMOVE(q, it, link); /* { dg-bogus "use after" } */
    free(it); /* { dg-bogus "double-'free'" } */
  }
}

/* The same with LIST_REMOVE, which does not even take the head.  */
void test_2(struct entry_list *l)
{
  struct entry *e;
  while ((e = LIST_FIRST(l))) { /* { dg-bogus "use after" } */
    LIST_REMOVE(e, link); /* { dg-bogus "use after" } */
    free(e); /* { dg-bogus "double-'free'" } */
  }
}

/* A hand-written list whose nodes point back at the link that points to them.  */
void test_3(struct node_list *l)
{
  struct node *n;
  while ((n = l->first)) { /* { dg-bogus "use after" } */
    if (n->next)
      n->next->prev = n->prev; /* { dg-bogus "use after" } */
    *n->prev = n->next; /* { dg-bogus "use after" } */
    free(n); /* { dg-bogus "double-'free'" } */
  }
}

/* An nginx-style circular queue: the sentinel's next is written through the
   first element's prev.  */
void test_4(queue_t *head)
{
  while (head->next != head) { /* { dg-bogus "use after" } */
    queue_t *q = head->next;
    struct job *j = (struct job *)((char *)q - offsetof(struct job, queue));
    q->next->prev = q->prev; /* { dg-bogus "use after" } */
    q->prev->next = q->next; /* { dg-bogus "use after" } */
    free(j); /* { dg-bogus "double-'free'" } */
  }
}

/* Removing some elements while walking, then reading the list again.  */
int test_5(struct item_queue *q)
{
  struct item *it, *next;
  int sum = 0;
  for (it = TAILQ_FIRST(q); it; it = next) {
    next = TAILQ_NEXT(it, link);
    if (it->value < 0) {
      TAILQ_REMOVE(q, it, link);
      free(it);
    }
  }
  TAILQ_FOREACH(it, q, link)
    sum += it->value; /* { dg-bogus "use after" } */
  return sum;
}

/* Freeing the first element without unlinking it, then walking the list: the
   head still points at it.  */
int test_6(struct item_queue *q)
{
  struct item *it = TAILQ_FIRST(q);
  int sum = 0;
  if (!it)
    return 0;
  free(it); /* { dg-message "freed here" } */
  TAILQ_FOREACH(it, q, link)
    sum += it->value; /* { dg-warning "use after 'free' of 'it'" } */
  return sum;
}

/* Unlinking after the free reads the freed element's links.  */
void test_7(struct entry_list *l)
{
  struct entry *e = LIST_FIRST(l);
  if (!e)
    return;
  free(e); /* { dg-message "freed here" } */
  LIST_REMOVE(e, link); /* { dg-warning "use after 'free' of 'e'" } */
}

/* Draining without unlinking frees the first element again.  */
void test_8(struct node_list *l)
{
  struct node *n;
  while ((n = l->first))
    free(n); /* { dg-warning "double-'free' of 'n'" } */
}

/* Unlinking through a helper of this file: its summary says it stores through
   pointers it loaded (`*n->prev = n->next`), so the call may change the head.  */
void node_unlink(struct node *n)
{
  if (n->next)
    n->next->prev = n->prev;
  *n->prev = n->next;
}

void test_9(struct node_list *l)
{
  struct node *n;
  while ((n = l->first)) { /* { dg-bogus "use after" } */
    node_unlink(n); /* { dg-bogus "use after" } */
    free(n); /* { dg-bogus "double-'free'" } */
  }
}

/* The same through a helper defined elsewhere: a call handed the node may
   unlink it, so the head's link to it is forgotten (transfer.c,
   forget_links_to_handed).  */
void node_unlink_elsewhere(struct node *n);

void test_10(struct node_list *l)
{
  struct node *n;
  while ((n = l->first)) {
    node_unlink_elsewhere(n); /* { dg-bogus "use after" } */
    free(n); /* { dg-bogus "double-'free'" } */
  }
}

/* A reader that takes the node as const unlinks nothing: the head still
   holds the freed node on the next iteration.  */
void node_show(const struct node *n);

void test_10_reader(struct node_list *l)
{
  struct node *n;
  while ((n = l->first)) {
    node_show(n); /* { dg-warning "use after 'free' of 'n'" } */
    free(n); /* { dg-warning "double-'free' of 'n'" } */
  }
}

/* A call handed another node leaves the head's link to this one.  */
void test_10_other(struct node_list *l, struct node *other)
{
  struct node *n = l->first;
  if (!n)
    return;
  free(n); /* { dg-message "first 'free' here" } */
  node_unlink_elsewhere(other);
  free(l->first); /* { dg-warning "double-'free'" } */
}

/* A head in the function's own memory, never handed on: no pointer the callee
   loads reaches it, so it keeps the node.  */
void test_10_private(struct node *n)
{
  struct node_list mine = { n };
  node_unlink_elsewhere(n);
  free(n); /* { dg-message "first 'free' here" } */
  free(mine.first); /* { dg-warning "double-'free'" } */
}

/* Unlinking after the free is still a use of the freed node.  */
void test_10_late(struct node_list *l)
{
  struct node *n = l->first;
  if (!n)
    return;
  free(n); /* { dg-message "freed here" } */
  node_unlink_elsewhere(n); /* { dg-warning "use after 'free' of 'n'" } */
}

/* A libuv-style queue: links are `void *[2]` read and written through casts.  */
typedef void *qlink[2];
#define QL_NEXT(q) (*(qlink **)&((*(q))[0]))
#define QL_PREV(q) (*(qlink **)&((*(q))[1]))

struct request {
  int id;
  qlink link;
};

void test_11(qlink *head)
{
  while (head != QL_NEXT(head)) { /* { dg-bogus "use after" } */
    qlink *q = QL_NEXT(head);
    QL_NEXT(QL_PREV(q)) = QL_NEXT(q); /* { dg-bogus "use after" } */
    QL_PREV(QL_NEXT(q)) = QL_PREV(q);
    free((struct request *)((char *)q - offsetof(struct request, link))); /* { dg-bogus "double-'free'" } */
  }
}

/* Linux-style helpers: static inline, called, so summarized.  */
struct dlink {
  struct dlink *next, *prev;
};

static inline void dlink_join(struct dlink *prev, struct dlink *next)
{
  next->prev = prev;
  prev->next = next;
}

static inline void dlink_del(struct dlink *e)
{
  dlink_join(e->prev, e->next);
  e->next = NULL;
  e->prev = NULL;
}

struct object {
  int value;
  struct dlink node;
};

void test_12(struct dlink *head)
{
  while (head->next != head) { /* { dg-bogus "use after" } */
    struct object *o = (struct object *)((char *)head->next - offsetof(struct object, node));
    dlink_del(&o->node); /* { dg-bogus "use after" } */
    free(o); /* { dg-bogus "double-'free'" } */
  }
}

/* Inserted, removed and freed: the removal writes the head through the back
   pointer the insertion set to &q->tqh_first, a store the engine follows.  */
void test_13(struct item_queue *q)
{
  struct item *it = malloc(sizeof *it);
  if (!it)
    return;
  TAILQ_INSERT_HEAD(q, it, link);
  TAILQ_REMOVE(q, it, link);
  free(it);
  struct item *first = TAILQ_FIRST(q);
  if (first)
    first->value = 1; /* { dg-bogus "use after" } */
}

/* Inserted and freed without the removal: the head still holds it.  */
void test_14(struct item_queue *q)
{
  struct item *it = malloc(sizeof *it);
  if (!it)
    return;
  TAILQ_INSERT_HEAD(q, it, link);
  free(it); /* { dg-message "freed here" } */
  TAILQ_FIRST(q)->value = 1; /* { dg-warning "use after 'free'" } */
}
