// leak: member initialisers that tie two fields together, `glyphs_ (n () ? calloc
// (...) : 0)` and `n_ (glyphs_ ? n () : 0)`: where glyphs_ is not NULL, n_ is
// not 0 (n () reads only its object, nothing wrote it between the calls), so the
// loop hands the block to boxes_ at least once (MEM31-C, CWE-401).
// { dg-do compile }

#include <stdlib.h>

struct Box { float x[4]; };
struct Source
{
  unsigned short a, g;
  bool boxes;
  Source (int);
  unsigned short n () const { return a > g ? a : g; }
  bool has_boxes () const { return boxes; }
  Box *read (unsigned i, Box *at) const;
};

struct Cache
{
  Source *src_;
  void **glyphs_;
  Box **boxes_;
  unsigned short n_;
  Cache (int f, int extra);
  Cache (int f, int extra, bool);
};

Cache::Cache (int f, int extra)
  : src_ (new Source (f)),
    glyphs_ (src_->n () ? (void **) calloc (src_->n (), sizeof (void *)) : 0),
    boxes_ (src_->has_boxes () && src_->n () ? (Box **) calloc (src_->n (), sizeof (Box *)) : 0),
    n_ (glyphs_ ? src_->n () : 0)
{
  if (glyphs_ && boxes_ && extra > 0 && extra < 64)
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

// Buggy: n_ comes from another test than glyphs_, so it may be 0 and the loop
// may store nothing.
Cache::Cache (int f, int extra, bool)
  : src_ (new Source (f)),
    glyphs_ (src_->n () ? (void **) calloc (src_->n (), sizeof (void *)) : 0),
    boxes_ (src_->has_boxes () && src_->n () ? (Box **) calloc (src_->n (), sizeof (Box *)) : 0),
    n_ (extra > 1 ? src_->n () : 0)
{
  if (glyphs_ && boxes_ && extra > 0 && extra < 64)
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
