// leak: a class whose members have constructors of the unit (`Rect r_;` whose
// Rect () runs Pos () on two members, each setting integers in *this) keeps the
// facts of its other fields: those constructors write no pointer, so the object is
// not handed on, and a later unknown call (`units (head)`) does not forget n_.
// Where boxes_ is not NULL, n_ is not 0, so the loop hands the block to boxes_ at
// least once (MEM31-C, CWE-401).
// { dg-do compile }

#include <stdlib.h>

struct Pos { short x, y; Pos () : x (0), y (0) {} };
struct Rect { Pos lo, hi; Rect () {} };
struct Box { float x[4]; };
int units (const void *);

struct Source
{
  const char *head;
  unsigned short a, g;
  Source (int);
  unsigned short n () const { return a > g ? a : g; }
  unsigned short upem () const { return head ? units (head) : 0; }
  Box *read (unsigned i, Box *at) const;
};

struct Cache
{
  Rect r_;
  Source *src_;
  Box **boxes_;
  unsigned short n_, upem_;
  Cache (int f, int extra);
  Cache (int f, int extra, bool);
};

Cache::Cache (int f, int extra)
  : src_ (new Source (f)),
    boxes_ (src_->n () ? (Box **) calloc (src_->n (), sizeof (Box *)) : 0),
    n_ (boxes_ ? src_->n () : 0),
    upem_ (src_->upem ())
{
  if (boxes_ && extra > 0 && extra < 64)
    {
      Box *boxes = (Box *) malloc ((n_ + extra) * sizeof (Box));
      Box *at = boxes;
      for (unsigned short i = 0; at && i != n_; ++i)
        {
          boxes_[i] = at;
          at = src_->read (i, at);
        }
      if (!at)
        free (boxes);
    }
}

// Buggy: n_ comes from another test than boxes_, so it may be 0 and the loop may
// store nothing.
Cache::Cache (int f, int extra, bool)
  : src_ (new Source (f)),
    boxes_ (src_->n () ? (Box **) calloc (src_->n (), sizeof (Box *)) : 0),
    n_ (extra > 1 ? src_->n () : 0),
    upem_ (src_->upem ())
{
  if (boxes_ && extra > 0 && extra < 64)
    {
      Box *boxes = (Box *) malloc ((n_ + extra) * sizeof (Box));
      Box *at = boxes;
      for (unsigned short i = 0; at && i != n_; ++i)
        {
          boxes_[i] = at;
          at = src_->read (i, at);
        }
      if (!at)
        free (boxes);
    }
} // { dg-warning "leak of 'boxes'" }
