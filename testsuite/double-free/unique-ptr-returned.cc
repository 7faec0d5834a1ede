// A std::unique_ptr returned by a function of the file: the caller's local owns
// what it holds, so deleting the raw pointer behind its back is a double delete
// at the destructor; handing it over by release () is silent, and dropping
// what release () handed back is a leak, found at the end of the scope as a
// local unique_ptr's is (the callee's constructor call stores the new block
// into the result the caller's local is built in: MR_OUT_RESULT).
// { dg-do compile }

#include <memory>

struct P {
  int v;
};

static std::unique_ptr<P> make()
{
  return std::unique_ptr<P>(new P);
}

void deleted_behind_its_back()
{
  auto u = make();
  P *raw = u.get();
  delete raw;
} // { dg-warning "double" }

void used_then_destroyed()
{
  auto u = make();
  u->v = 1;
} // { dg-bogus "double|leak" }

void released_then_deleted()
{
  auto u = make();
  P *raw = u.release();
  delete raw;
} // { dg-bogus "double|leak" }

void released_and_dropped()
{
  auto u = make();
  u.release();
} // { dg-warning "leak" }
