// A local std::map<K, T *> given one pointer (`m[k] = p`) and walked by its
// iterators (`it->second`, a range-for's `kv.second`): the loop meets that
// pointer, once, so deleting it again, or using it, after a loop that deleted
// it is found; a loop that is the only delete is silent, and a map dropped
// with the only reference leaks it (a map does not delete its elements).
// { dg-do compile }

#include <map>

struct S {
  int v;
};

void use(int);

void range_for_then_by_key()
{
  std::map<int, S *> m;
  m[1] = new S;
  for (auto &kv : m)
    delete kv.second; // { dg-message "first 'delete' here" }
  delete m[1];        // { dg-warning "double-'delete'" }
}

void two_loops()
{
  std::map<int, S *> m;
  m[3] = new S;
  for (auto &kv : m)
    delete kv.second;
  for (std::map<int, S *>::iterator it = m.begin(); it != m.end(); ++it)
    delete it->second; // { dg-warning "double-'delete'" }
}

void loop_deletes_only(int k)
{
  std::map<int, S *> m;
  m[k] = new S;
  for (auto &kv : m)
    {
      use(kv.first);
      delete kv.second; // { dg-bogus "double" }
    }
} // { dg-bogus "leak" }

void put_on_one_path(bool c, S *p)
{
  std::map<int, S *> m;
  if (c)
    m[1] = p;
  for (auto &kv : m)
    delete kv.second; // { dg-bogus "double" }
  if (!c)
    delete p;         // { dg-bogus "double" }
}

void cleared_first()
{
  std::map<int, S *> m;
  S *p = new S;
  m[1] = p;
  m.clear();
  for (auto &kv : m)
    delete kv.second; // { dg-bogus "double" }
  delete p;           // { dg-bogus "double" }
}

void used_after_the_loop()
{
  std::map<int, S *> m;
  S *p = new S;
  m[2] = p;
  for (auto &kv : m)
    delete kv.second;
  use(p->v); // { dg-warning "use after 'delete'" }
}

void only_read(int k)
{
  std::map<int, S *> m;
  m[k] = new S();
  for (auto &kv : m)
    use(kv.second->v);
} // { dg-warning "leak" }
