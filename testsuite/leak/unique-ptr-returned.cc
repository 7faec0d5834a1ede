// A std::unique_ptr built in the function's result (a constructor call, a
// named local the return value optimisation puts there, std::make_unique, a
// move): the caller's object holds the new block, so dropping what release ()
// hands back is a leak, and the caller's own destruction of it is silent.
// { dg-do compile }

#include <memory>
#include <utility>

struct P {
  int v;
};

static std::unique_ptr<P> by_constructor()
{
  return std::unique_ptr<P>(new P);
}

static std::unique_ptr<P> by_named_local(int v)
{
  std::unique_ptr<P> r(new P);
  r->v = v;
  return r;
}

static std::unique_ptr<P> by_make_unique()
{
  return std::make_unique<P>();
}

static std::unique_ptr<P> by_move(int v)
{
  std::unique_ptr<P> u(new P);
  u->v = v;
  return std::move(u);
}

// Through a second function of the file.
static std::unique_ptr<P> wrapper()
{
  return by_constructor();
}

void dropped_constructor()
{
  auto u = by_constructor();
  u.release();
} // { dg-warning "leak" }

void dropped_named_local()
{
  auto u = by_named_local(1);
  u.release();
} // { dg-warning "leak" }

void dropped_make_unique()
{
  auto u = by_make_unique();
  u.release();
} // { dg-warning "leak" }

void dropped_move()
{
  auto u = by_move(2);
  u.release();
} // { dg-warning "leak" }

void dropped_wrapper()
{
  auto u = wrapper();
  u.release();
} // { dg-warning "leak" }

void destroyed()
{
  auto a = by_constructor();
  auto b = by_named_local(1);
  auto c = by_make_unique();
  auto d = by_move(2);
  auto e = wrapper();
  a->v = b->v + c->v + d->v + e->v;
} // { dg-bogus "leak|double" }

void result_ignored()
{
  by_constructor(); // { dg-bogus "leak|double" }
  wrapper();	    // { dg-bogus "leak|double" }
}

void released_and_deleted()
{
  auto u = by_move(3);
  delete u.release();
} // { dg-bogus "leak|double" }

P *released_and_returned()
{
  auto u = by_named_local(4);
  return u.release(); // { dg-bogus "leak" }
}

// A second delete of what the returned owner deletes.
void deleted_twice()
{
  auto u = by_named_local(5);
  delete u.get();
} // { dg-warning "double" }
