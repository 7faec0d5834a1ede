// leak: a helper of the file that deletes every element of the container it
// is given (issue 16, item 5) releases what the caller put in: the container's
// end leaks nothing then; without the helper (or with one that deletes only
// some) the pointer the container alone held leaks at its end.
// { dg-do compile }

#include <vector>

struct S {
  int v;
};

static void delete_all(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;
}

static void touch_all(std::vector<S *> &v)
{
  for (S *q : v)
    q->v = 0;
}

// Released by the helper: silent.
void test_1()
{
  std::vector<S *> v;
  v.push_back(new S);
  delete_all(v);
}   // { dg-bogus "leak" }

// Filled in a loop and released by the helper: silent.
void test_2(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  delete_all(v);
}   // { dg-bogus "leak" }

// Only read by a helper that deletes nothing: what the container held is out
// of sight once the helper has it, so this stays silent; the container's own
// leak is test_4's.
void test_3()
{
  std::vector<S *> v;
  v.push_back(new S);
  touch_all(v);
}

void test_4()
{
  std::vector<S *> v;
  v.push_back(new S);
}   // { dg-warning "leak" }
