// #pragma memrules in C++: the same forms as in C, in namespaces and functions.

#include <cstdlib>
#include "../../include/memrules.h"

// 1: before any pragma, reported.
void
test_1 ()
{
  int *p = new int (1);
  delete p;
  delete p; // { dg-warning "double-'delete' of 'p'" }
}

namespace n
{
#pragma memrules push
#pragma memrules ignore "double-free"

// 2: ignored inside the region.
void
test_2 ()
{
  int *p = new int (1);
  delete p;
  delete p; // { dg-bogus "double-'delete'" }
}

#pragma memrules pop
}

// 3: a member function, with a pragma between statements.
struct s
{
  void test_3 ();
  int *m;
};

void
s::test_3 ()
{
  int *p = new int (1);
  delete p;
  MEMRULES_IGNORE ("double-free")
  delete p; // { dg-bogus "double-'delete'" }
}

#pragma memrules ignore "nosuch" // { dg-warning "unknown rule 'nosuch'" }
#pragma memrules frob // { dg-warning "unknown '#pragma memrules' command 'frob'" }
