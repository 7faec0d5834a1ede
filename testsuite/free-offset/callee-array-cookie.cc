// free-offset: a member function that frees a field, seen through its summary
// (MEM34-C, CWE-761).  `new T[n]` of a class with a destructor puts an 8-byte
// count (the array cookie) before the elements, and `delete[] p` hands
// operator delete[] the block's start, 8 bytes before p: the summary says where
// the callee frees, relative to the pointer it loaded (graphite2's
// Silf::releaseBuffers).  A callee that frees past the start is still found.
// { dg-do compile }
#include <stdlib.h>

struct Pass {
  char *buf;
  Pass ();
  ~Pass ();
};

struct Silf {
  Pass *passes_;
  unsigned n_;
  void release ();
  bool read (bool bad);
};

void Silf::release ()
{
  delete[] passes_;
  passes_ = 0;
}

// Silent: release frees the block new[] made.
bool Silf::read (bool bad)
{
  passes_ = new Pass[n_];
  if (bad)
    {
      release ();
      return false;
    }
  return true;
}

struct Text {
  char *p_;
  void drop ();
  bool make ();
};

// Frees 4 bytes past what it loaded.
void Text::drop ()
{
  free (p_ + 4);
  p_ = 0;
}

bool Text::make ()
{
  p_ = (char *) malloc (16); // { dg-message "allocated here" }
  if (!p_)
    return false;
  drop (); // { dg-warning "which does not point to the start of its allocation" }
  return true;
}
