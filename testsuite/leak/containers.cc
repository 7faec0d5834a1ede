// leak: a pointer only a local container held, the container destroyed without
// deleting it (issue 16, item 5).  Said only where the container surely held
// that one pointer: filled once, every use of it known.
// { dg-do compile }

#include <vector>
#include <list>

struct S {
  int v;
};

void keep(std::vector<S *> &);

// Put in, never deleted: lost with the vector.
void test_1()
{
  std::vector<S *> v;
  v.push_back(new S);  // { dg-message "allocated here" }
} // { dg-warning "leak" }

// Deleted through the vector: silent.
void test_2()
{
  std::vector<S *> v;
  v.push_back(new S);
  if (!v.empty())
    delete v.front();
} // { dg-bogus "leak" }

// Deleted in a loop over the elements: silent.
void test_3()
{
  std::list<S *> l;
  l.push_back(new S);
  for (S *q : l)
    delete q;
} // { dg-bogus "leak" }

// The vector handed to a function: silent.
void test_4()
{
  std::vector<S *> v;
  v.push_back(new S);
  keep(v);
} // { dg-bogus "leak" }

// Filled twice, never deleted: both are lost with the vector (the last one put
// in is reported; this expectation was a dg-bogus while such a vector was
// left unknown).
void test_5()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);  // { dg-message "allocated here" }
} // { dg-warning "leak" }

// The pointer still held by a variable that is returned: silent.
S *test_6()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  return p;
} // { dg-bogus "leak" }

// The vector handed to a function through a pointer: silent.
void test_7(void (*fill)(std::vector<S *> *))
{
  std::vector<S *> v;
  v.push_back(new S);
  fill(&v);
} // { dg-bogus "leak" }
