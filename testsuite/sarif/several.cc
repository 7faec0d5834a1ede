// The C++ half of the SARIF test: delete twice, and a use after delete.

struct t
{
  int v;
};

// 1: double delete.
void
test_1 ()
{
  t *p = new t ();
  delete p; // { dg-message "first 'delete' here" }
  delete p; // { dg-warning "double-'delete' of 'p'" }
}

// 2: use after delete.
int
test_2 ()
{
  t *p = new t ();
  delete p; // { dg-message "freed here" }
  return p->v; // { dg-warning "use after 'delete' of 'p'" }
}
