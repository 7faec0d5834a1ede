/* Recursion: trees built and freed recursively, mutual recursion, tail calls.  */
#include <stdlib.h>

struct node
{
  struct node *left, *right;
  int key;
};

struct node *
insert (struct node *t, int key)
{
  if (!t)
    {
      t = calloc (1, sizeof *t);
      if (t)
        t->key = key;
      return t;
    }
  if (key < t->key)
    t->left = insert (t->left, key);
  else
    t->right = insert (t->right, key);
  return t;
}

void
destroy (struct node *t)
{
  if (!t)
    return;
  destroy (t->left);
  destroy (t->right);
  free (t);
}

static int odd (struct node *t, int n);

static int
even (struct node *t, int n)
{
  if (n == 0)
    return 1;
  if (t && n == 5)
    destroy (t);
  return odd (n == 5 ? NULL : t, n - 1);
}

static int
odd (struct node *t, int n)
{
  if (n == 0)
    return 0;
  return even (t, n - 1);
}

int
parity (int n)
{
  struct node *t = insert (insert (NULL, 1), 2);
  int r = even (t, n);
  return r;
}

unsigned long
ackermann (unsigned long m, unsigned long n)
{
  char *scratch = malloc (1);
  free (scratch);
  if (m == 0)
    return n + 1;
  if (n == 0)
    return ackermann (m - 1, 1);
  return ackermann (m - 1, ackermann (m, n - 1));
}
