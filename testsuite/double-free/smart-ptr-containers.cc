// A local container of std::unique_ptr given one by `push_back (std::move
// (u))` (or emplace_back, push_front ...) owns it: u holds NULL afterwards
// (no leak, no delete at its end), and the container's destruction or clear
// () deletes it, so a raw copy deleted as well is a double delete, and used
// after clear () a use after delete.  A container used any other way (an
// element taken out, a loop) is out of sight: silent.
// { dg-do compile }

#include <deque>
#include <list>
#include <memory>
#include <utility>
#include <vector>

struct S {
  int v;
};

void moved_in()
{
  std::vector<std::unique_ptr<S>> v;
  std::unique_ptr<S> u(new S);
  v.push_back(std::move(u));
} // { dg-bogus "leak|double" }

void moved_in_a_loop(int n)
{
  std::vector<std::unique_ptr<S>> v;
  v.reserve(n);
  for (int i = 0; i < n; i++)
    {
      std::unique_ptr<S> u(new S);
      v.emplace_back(std::move(u));
    }
} // { dg-bogus "leak|double" }

void raw_copy_deleted()
{
  std::vector<std::unique_ptr<S>> v;
  std::unique_ptr<S> u(new S);
  S *raw = u.get();
  v.push_back(std::move(u));
  delete raw; // { dg-message "first 'delete' here" }
} // { dg-warning "double-'delete'" }

void raw_copy_deleted_list()
{
  std::list<std::unique_ptr<S>> l;
  std::unique_ptr<S> u = std::make_unique<S>();
  S *raw = u.get();
  l.push_front(std::move(u));
  delete raw;
} // { dg-warning "double-'delete'" }

void cleared_then_used(std::deque<int> &log)
{
  std::deque<std::unique_ptr<S>> d;
  std::unique_ptr<S> u(new S());
  S *raw = u.get();
  d.push_back(std::move(u));
  d.clear();
  log.push_back(raw->v); // { dg-warning "use after 'delete'" }
}

// u gives what it held to the container: resetting it deletes nothing.
void reset_after_the_move()
{
  std::vector<std::unique_ptr<S>> v;
  std::unique_ptr<S> u(new S);
  v.push_back(std::move(u));
  u.reset();
} // { dg-bogus "leak|double" }

// Taken out again: the container is out of sight.
void taken_out_again()
{
  std::vector<std::unique_ptr<S>> v;
  std::unique_ptr<S> u(new S);
  S *raw = u.get();
  v.push_back(std::move(u));
  std::unique_ptr<S> w = std::move(v.back());
  v.pop_back();
  w.release();
  delete raw;
} // { dg-bogus "double" }
