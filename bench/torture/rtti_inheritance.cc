// RTTI, dynamic_cast, typeid, virtual and multiple inheritance (a diamond), virtual
// destructors, deleting through base pointers with adjusted this.
#include <cstdlib>
#include <typeinfo>

struct A { int *a = new int (1); virtual ~A () { delete a; } virtual int f () { return *a; } };
struct B : virtual A { char *b = new char[4]; ~B () override { delete[] b; } int f () override { return 2; } };
struct C : virtual A { long *c = new long (3); ~C () override { delete c; } };
struct D : B, C { int f () override { return B::f () + 1; } };

struct X { virtual ~X () = default; int x = 0; };
struct Y { virtual ~Y () = default; int y = 0; };
struct XY : X, Y { int *z = new int[2]; ~XY () override { delete[] z; } };

struct Abstract { virtual int g () = 0; virtual ~Abstract () {} };
struct Concrete : Abstract { int g () override { return 7; } };

struct Cov { virtual Cov *clone () const { return new Cov (*this); } virtual ~Cov () {} };
struct Cov2 : Cov { Cov2 *clone () const override { return new Cov2 (*this); } };

int
rtti (int k)
{
  A *a = k ? static_cast<A *> (new D) : new A;
  int r = a->f ();
  if (D *d = dynamic_cast<D *> (a))
    r += d->C::c ? 1 : 0;
  r += typeid (*a) == typeid (D);
  delete a;
  Y *y = new XY;		// Y is not the first base: the pointer is adjusted
  r += dynamic_cast<XY *> (y) != nullptr;
  delete y;
  Abstract *ab = new Concrete;
  r += ab->g ();
  delete ab;
  Cov *c = new Cov2;
  Cov *c2 = c->clone ();
  delete c;
  delete c2;
  try
    {
      A &ref = *new A;
      D &bad = dynamic_cast<D &> (ref);
      r += bad.f ();
    }
  catch (std::bad_cast &)
    {
      r--;
    }
  return r + (typeid (int).name ()[0] != 0);
}
