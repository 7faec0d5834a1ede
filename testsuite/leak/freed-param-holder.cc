// leak (MEM31-C, CWE-401): a member given a new block in an object the caller
// passed, then the object deleted with a destructor that does not free the
// member: the block is lost.  Silent when the destructor deletes it, or the
// member was deleted first.
// { dg-do compile }

struct Plain {
  int *data;
  int size;
};

struct Owning {
  int *data;
  ~Owning() { delete[] data; }
};

void test_1(Plain *p)
{
  p->data = new int[4]; // { dg-message "allocated here" }
  delete p;
} // { dg-warning "leak of 'p->data'" }

void test_2(Plain &p)
{
  p.data = new int[4];
  delete &p;
} // { dg-warning "leak of 'p->data'" }

// Silent: the destructor deletes the member.
void test_3(Owning *o)
{
  o->data = new int[4];
  delete o;
} // { dg-bogus "leak of" }

// Silent: the member is deleted first.
void test_4(Plain *p)
{
  p->data = new int[4];
  delete[] p->data;
  delete p;
} // { dg-bogus "leak of" }
