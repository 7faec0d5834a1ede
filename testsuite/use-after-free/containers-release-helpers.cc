// use-after-free: a helper of the file that deletes every element of the
// container it is given (issue 16, item 5): what the caller put in is deleted
// by the call, so using it afterwards, through the caller's own pointer or
// through the container, is a use after delete.
// { dg-do compile }

#include <list>
#include <vector>

struct S {
  int v;
};

static void delete_all(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;
}

// Through the caller's pointer.
int test_1()
{
  std::vector<S *> v;
  S *a = new S;
  a->v = 1;
  v.push_back(a);
  delete_all(v);   // { dg-message "freed here" }
  return a->v;     // { dg-warning "use after 'delete'" }
}

// Through the container.
int test_2()
{
  std::vector<S *> v;
  v.push_back(new S);
  delete_all(v);   // { dg-message "freed here" }
  return v[0]->v;  // { dg-warning "use after 'delete'" }
}

// Its silent twin: used before the helper runs.
int test_3()
{
  std::vector<S *> v;
  S *a = new S;
  a->v = 1;
  v.push_back(a);
  int r = a->v;
  delete_all(v);
  v.clear();
  return r;        // { dg-bogus "use after" }
}

// A list, walked by explicit iterators.
static void release(std::list<S *> &l)
{
  for (std::list<S *>::iterator it = l.begin(); it != l.end(); ++it)
    delete *it;
}

int test_4()
{
  std::list<S *> l;
  S *a = new S;
  a->v = 2;
  l.push_back(a);
  release(l);      // { dg-message "freed here" }
  return a->v;     // { dg-warning "use after 'delete'" }
}

// A helper that deletes every element and may break off the walk is not one
// that deletes every element.
static void release_until_null(std::list<S *> &l)
{
  for (S *q : l)
    {
      if (!q)
	break;
      delete q;
    }
}

int test_5()
{
  std::list<S *> l;
  S *a = new S;
  a->v = 2;
  l.push_back(a);
  release_until_null(l);
  return a->v;     // { dg-bogus "use after" }
}
