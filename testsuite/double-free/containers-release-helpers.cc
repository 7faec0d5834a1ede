// double-free: a helper of the file that deletes every element of the container
// it is given (issue 16, item 5): `delete_all (v)` frees what the caller put in,
// so deleting it again is a double delete.  The helper's summary says so only
// when every walk over the container deletes each element it meets (or finds it
// NULL) and nothing returns before the walk.
// { dg-do compile }

#include <vector>

struct S {
  int v;
};

static void delete_all(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;   // { dg-message "frees it here" }
}

// One pointer put in, deleted by the helper, deleted again.
void test_1()
{
  std::vector<S *> v;
  S *a = new S;
  v.push_back(a);
  delete_all(v);   // { dg-message "first 'delete' here" }
  delete a;        // { dg-warning "double-'delete'" }
}

// Its silent twin: the helper alone deletes it, and the caller empties the
// container afterwards.
void test_2()
{
  std::vector<S *> v;
  S *a = new S;
  v.push_back(a);
  delete_all(v);
  v.clear();       // { dg-bogus "double" }
}

// A helper that deletes only some elements says nothing of them.
static void delete_marked(std::vector<S *> &v)
{
  for (S *q : v)
    if (q->v)
      delete q;
}

void test_3()
{
  std::vector<S *> v;
  S *a = new S;
  a->v = 0;
  v.push_back(a);
  delete_marked(v);
  delete a;        // { dg-bogus "double" }
}

// Nor does one that may return before its walk.
static int give_up;

static void delete_unless(std::vector<S *> &v)
{
  if (give_up)
    return;
  for (S *q : v)
    delete q;
}

void test_4()
{
  std::vector<S *> v;
  S *a = new S;
  v.push_back(a);
  delete_unless(v);
  delete a;        // { dg-bogus "double" }
}

// Filled in a loop: the last pointer put in stands for every element, and a
// loop of the caller's deleting them again after the helper is a double delete.
void test_5(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  delete_all(v);   // { dg-message "first 'delete' here" }
  for (S *q : v)
    delete q;      // { dg-warning "double-'delete'" }
}

// Its silent twin: the helper's delete is the only one.
void test_6(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  delete_all(v);
  v.clear();
}

// A helper that deletes every element and empties the container: the caller's
// pointer is deleted all the same.
static void destroy(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;   // { dg-message "frees it here" }
  v.clear();
}

void test_7()
{
  std::vector<S *> v;
  S *a = new S;
  v.push_back(a);
  destroy(v);      // { dg-message "first 'delete' here" }
  delete a;        // { dg-warning "double-'delete'" }
}

// One that puts a new element in after deleting the old ones: what the
// container holds afterwards is not what the caller put in, so deleting it is
// silent.
static void refill(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;
  v.clear();
  v.push_back(new S);
}

void test_8()
{
  std::vector<S *> v;
  v.push_back(new S);
  refill(v);
  delete v[0];     // { dg-bogus "double" }
}

void test_9()
{
  std::vector<S *> v;
  v.push_back(new S);
  refill(v);
  for (S *q : v)
    delete q;      // { dg-bogus "double" }
}
