/* A wrapper of an allocator that may return NULL, and says so only by its
   result, is checked like malloc: its callers' unchecked dereferences are
   findings.  One that also reports the failure another way (an error code
   through a parameter) leaves its callers free to check that instead.  An
   allocator declared __attribute__ ((malloc (dealloc))) may return NULL unless
   declared returns_nonnull.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct node {
  int key;
  struct node *next;
};

static struct node *node_new(int key)
{
  struct node *n = malloc(sizeof *n);
  if (!n)
    return NULL;
  n->key = key;
  n->next = NULL;
  return n;
}

static struct node *node_new_rc(int key, int *rc)
{
  struct node *n = malloc(sizeof *n);
  if (!n)
    {
      *rc = -1;
      return NULL;
    }
  n->key = key;
  n->next = NULL;
  *rc = 0;
  return n;
}

int unchecked(int key)
{
  struct node *n = node_new(key); /* { dg-message "allocated here" } */
  n->key++; /* { dg-warning "dereference of possibly-NULL 'n'" } */
  int k = n->key;
  free(n);
  return k;
}

int checked(int key)
{
  struct node *n = node_new(key);
  if (!n)
    return -1;
  n->key++;
  int k = n->key;
  free(n);
  return k;
}

/* Checked through a predicate whose result is its argument's truth.  */
static int fails(int failed, int *err, int code)
{
  return (*err = failed * code);
}

int checked_by_predicate(int key, int *err)
{
  struct node *n = node_new(key);
  if (fails(!n || key < 0, err, 5))
    {
      free(n);
      return -1;
    }
  n->key++; /* { dg-bogus "possibly-NULL" } */
  int k = n->key;
  free(n);
  return k;
}

int checked_by_wrong_predicate(int key, int *err)
{
  struct node *n = node_new(key); /* { dg-message "allocated here" } */
  if (fails(n && key < 0, err, 5))
    {
      free(n);
      return -1;
    }
  n->key++; /* { dg-warning "dereference of possibly-NULL 'n'" } */
  int k = n->key;
  free(n);
  return k;
}

int error_code(int key)
{
  int rc;
  struct node *n = node_new_rc(key, &rc);
  if (rc)
    return -1;
  n->key++; /* { dg-bogus "possibly-NULL" } */
  int k = n->key;
  free(n);
  return k;
}

void obj_free(struct node *);
__attribute__ ((malloc (obj_free))) struct node *obj_new(void);
__attribute__ ((malloc (obj_free), returns_nonnull)) struct node *obj_new_nonnull(void);

int declared_allocator(void)
{
  struct node *n = obj_new(); /* { dg-message "allocated here" } */
  n->key = 1; /* { dg-warning "dereference of possibly-NULL 'n'" } */
  obj_free(n);
  return 0;
}

int declared_nonnull_allocator(void)
{
  struct node *n = obj_new_nonnull();
  n->key = 1;
  obj_free(n);
  return 0;
}
