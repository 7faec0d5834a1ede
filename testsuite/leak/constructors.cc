// leak in C++ through constructors without a body in sight (MEM31-C, CWE-401):
// the object a constructor builds is written by it, not taken, unless the
// constructor is given something it could register the object in (a parent, a
// list).  The other pointers it is given may be taken.  Issue 16, item 2.
// { dg-do compile }

struct Point {
  Point(int x);
  int x;
};

struct Node {
  Node(Node *parent);		// may link itself into parent
  Node *parent;
};

struct Holder {
  Holder(int *p);		// may keep p
  ~Holder();
  int *p;
};

struct Named {
  Named(const char *name, const Node &where);
  const char *name;
};

struct Box {
  Box(int n);
  int *p;
};

// Built and lost: the constructor keeps no copy of its object.
void test_1()
{
  Point *p = new Point(1); // { dg-message "allocated here" }
} // { dg-warning "leak of 'p'" }

// Built, read and deleted: silent (the constructor wrote it).
int test_2()
{
  Point *p = new Point(2);
  int x = p->x;
  delete p;
  return x; // { dg-bogus "leak of|uninitiali" }
}

// A constructor given a parent may link the new node into it: silent.
void test_3(Node *root)
{
  Node *n = new Node(root);
} // { dg-bogus "leak of" }

// The holder may keep q: q is not lost when the holder is deleted.
void test_4()
{
  int *q = new int(4);
  Holder *h = new Holder(q);
  delete h;
} // { dg-bogus "leak of" }

// ... but the holder itself is lost here.
void test_5()
{
  int *q = new int(5);
  Holder *h = new Holder(q); // { dg-message "allocated here" }
} // { dg-warning "leak of 'h'" }

// References to const cannot receive the object's address.
void test_6(const Node &where)
{
  Named *n = new Named("six", where); // { dg-message "allocated here" }
} // { dg-warning "leak of 'n'" }

// A local object constructed again on each iteration: what its members held
// on the last iteration is forgotten.  Silent.
void test_7(int n)
{
  for (int i = 0; i < n; i++) {
    Box b(i);
    delete b.p; // { dg-bogus "double-'delete'" }
  }
}
