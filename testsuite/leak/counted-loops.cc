// leak: C++ loops that run a constant number of times (MEM31-C, CWE-401).
// { dg-do compile }

struct pair { int a, b; };

void use(pair *p);

// One iteration news, a second loop of one iteration deletes: silent.
void test_1()
{
  pair *p = nullptr;
  for (int i = 0; i < 1; i++) {
    p = new pair;
    p->a = 1;
    use(p);
  }
  for (int k = 0; k < 1; k++)
    delete p; // { dg-bogus "double-'delete'" }
} // { dg-bogus "leak of" }

// Three iterations: the first two objects are lost.
void test_2()
{
  pair *p = nullptr;
  for (int i = 0; i < 3; i++) {
    p = new pair; // { dg-message "allocated here" }
    p->a = i;
  }
  delete p;
} // { dg-warning "leak of 'p'" }
