// A callee that clears its caller's pointer through a reference, dropping the
// old one (`p = nullptr;`, `u.release ();` with the result ignored): the block
// is lost at the call.  One that hands it on first, or frees it, is silent.
// { dg-do compile }

#include <memory>

struct T {
  int v;
};

static void drop(T *&p)
{
  p = nullptr;
}

void ref_dropped()
{
  T *p = new T;
  p->v = 1;
  drop(p); // { dg-warning "leak" }
}

void ref_dropped_after_delete()
{
  T *p = new T;
  delete p;
  drop(p);
  delete p; // { dg-bogus "double" } delete of nullptr
}

void keep(T *p);

static void pass_on(T *&p)
{
  keep(p);
  p = nullptr;
}

void ref_passed_on()
{
  T *p = new T;
  pass_on(p); // { dg-bogus "leak" }
}

static void let_go(std::unique_ptr<T> &u)
{
  u.release();
}

static void reset_it(std::unique_ptr<T> &u)
{
  u.reset();
}

void unique_released_by_callee()
{
  std::unique_ptr<T> u(new T);
  let_go(u); // { dg-warning "leak" }
}

void unique_reset_by_callee()
{
  std::unique_ptr<T> u(new T);
  reset_it(u);
} // { dg-bogus "leak|double" }

static T *take(std::unique_ptr<T> &u)
{
  return u.release();
}

void unique_taken_by_callee()
{
  std::unique_ptr<T> u(new T);
  T *raw = take(u);
  delete raw; // { dg-bogus "double" }
} // { dg-bogus "leak|double" }
