// use-after-free: a C++ function named like a C library function is not that
// function (MEM30-C, CWE-416).  A method (exiv2's DataBuf::free empties the
// buffer and leaves the object alive), a member of a namespace and an overload
// at file scope keep their C++ names; ::free and std::free are the C library's.
// { dg-do compile }

#include <stdlib.h>

struct Buf {
  unsigned char *data;
  long size;
  void alloc (long n);
  void free ();			// delete[] data; data = 0; size = 0;
};

namespace pool { void free (void *p); }

struct Foo { int x; };
void free (Foo *f);

// Silent: the method empties the buffer; the object is used again.
long refill (Buf &b, long n)
{
  b.alloc (n);
  b.free ();
  b.alloc (2 * n);
  b.free ();
  return b.size;
}

// Silent: pool::free is the pool's, not the C library's.
int from_pool (int *p)
{
  pool::free (p);
  return *p;
}

// Silent: an overload taking a Foo.
int overloaded (Foo *f)
{
  free (f);
  return f->x;
}

// The C library's free, spelled both ways, still frees.
int global_free ()
{
  int *p = (int *) malloc (sizeof *p);
  if (!p)
    return 0;
  *p = 1;
  ::free (p); // { dg-message "freed here" }
  return *p; // { dg-warning "use after 'free' of 'p'" }
}

int std_free ()
{
  int *p = (int *) malloc (sizeof *p);
  if (!p)
    return 0;
  *p = 1;
  std::free (p); // { dg-message "freed here" }
  return *p; // { dg-warning "use after 'free' of 'p'" }
}
