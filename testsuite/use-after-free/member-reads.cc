// use-after-free: a method that reads through a member pointer (`return buf_[i];`)
// called after another method freed that member: the caller hands the member, as
// it holds it, to the call, which reads it (MEM50-CPP, CWE-416).  Reopened first,
// or read before the free, it is silent; a method that tests the member first
// does not read it on every path, and is silent too.
// { dg-do compile }

extern void show(int v);

class Log {
  int *buf_;
  unsigned n_;
public:
  void open(unsigned n) { buf_ = new int[n]; n_ = n; buf_[0] = 0; }
  void close() { delete[] buf_; }
  int at(unsigned i) const { return buf_[i]; }
  int safe_at(unsigned i) const { return buf_ ? buf_[i] : -1; }
};

void test_1(unsigned n)
{
  Log l;
  l.open(n);
  show(l.at(0));
  l.close(); // { dg-bogus "use after|double" }
}

void test_2(unsigned n)
{
  Log l;
  l.open(n);
  l.close();
  l.open(n);
  show(l.at(0)); // { dg-bogus "use after" }
  l.close();
}

void test_3(unsigned n)
{
  Log l;
  l.open(n);
  l.close();
  show(l.at(0)); // { dg-warning "use after 'delete\[\]' of 'l.buf_'" }
}

void test_4(unsigned n)
{
  Log l;
  l.open(n);
  l.close();
  show(l.safe_at(0)); // { dg-bogus "use after" }
}
