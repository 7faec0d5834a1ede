// uninit-read in C++: a pointer variable used on a path where nothing was
// assigned to it; a new-expression that throws assigns nothing, so its handler
// sees the variable as it was before the try.  Assigned before anything can
// throw, set to nullptr first, or a reference filled by a callee: silent.
// { dg-do compile }
// { dg-prune-output "\[memrules-leak\]" }

#include <new>

struct node
{
  int value;
  node *next;
};

void may_throw ();

int
handler_reads (int *given)
{
  int *a;
  try
    {
      may_throw ();
      a = given;
    }
  catch (...)
    {
      return *a; // { dg-warning "use of 'a', which is uninitialized on this path" }
    }
  return *a; // { dg-bogus "uninitialized" }
}

int
member_of_unassigned (bool c, node *given)
{
  node *n;
  if (c)
    n = given;
  return n->value; // { dg-warning "use of 'n', which is uninitialized on this path" }
}

int
nullptr_first (bool c, node *given)
{
  node *n = nullptr;
  if (c)
    n = given;
  return n->value; // { dg-bogus "uninitialized" }
}

void fill (node *&out);

int
filled_by_reference ()
{
  node *n;
  fill (n);
  return n->value; // { dg-bogus "uninitialized" }
}
