// free-nonheap in C++: a pointer variable deleted on a path where nothing was
// assigned to it.  A new-expression that throws assigns nothing, so its handler
// sees the variable as it was before the try (MEM51-CPP, which a delete cites).
// Set to nullptr before the try, or assigned before anything can throw: silent.
// { dg-do compile }
// Allocations the handlers do not reach are not the point here.
// { dg-prune-output "\[memrules-leak\]" }

#include <new>

void may_throw ();

void
second_new_throws ()
{
  int *a, *b;
  try
    {
      a = new int (1);
      b = new int (2);
    }
  catch (const std::bad_alloc &)
    {
      delete b; // { dg-warning "'delete' of 'b', which is uninitialized on this path \(MEM51-CPP\) \[memrules-free-nonheap\]" }
      delete a; // { dg-warning "'delete' of 'a', which is uninitialized on this path" }
    }
}

void
null_before_the_try ()
{
  int *a = nullptr, *b = nullptr;
  try
    {
      a = new int (1);
      b = new int (2);
    }
  catch (const std::bad_alloc &)
    {
      delete b; // { dg-bogus "uninitialized" }
      delete a; // { dg-bogus "uninitialized" }
    }
}

// The call after the allocation may throw anything: the handler for every
// exception sees a assigned, b not.
void
call_throws (int **out)
{
  int *a, *b;
  try
    {
      a = new int (1);
      may_throw ();
      b = new int (2);
      *out = b;
    }
  catch (...)
    {
      delete b; // { dg-warning "'delete' of 'b', which is uninitialized on this path" }
      throw;
    }
  delete a;
}

// Assigned before the try: every path into the handler has it.
void
assigned_before (int **out)
{
  int *a = new int (1);
  try
    {
      may_throw ();
      *out = a;
    }
  catch (...)
    {
      delete a; // { dg-bogus "uninitialized" }
      throw;
    }
}

// nothrow new does not throw: the handler is reached only by the call, after
// the assignment.
void
nothrow_new (int **out)
{
  int *a;
  try
    {
      a = new (std::nothrow) int (1);
      may_throw ();
      *out = a;
    }
  catch (...)
    {
      delete a; // { dg-bogus "uninitialized" }
    }
}

struct node
{
  node *next;
};

void
parameter (node *n)
{
  delete n; // { dg-bogus "uninitialized" }
}
