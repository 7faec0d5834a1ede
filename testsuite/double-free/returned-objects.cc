// double-free of objects returned by value (MEM51-CPP, CWE-415): a call that
// returns a class builds a new object in its destination, so in a loop each
// iteration's object is a new one, destroyed once.  Copies of it that share its
// pointer are still deleted twice.  Issue 14.
// { dg-do compile }

#include <cstring>

class Status {
public:
  Status() : state_(nullptr) {}
  explicit Status(const char *msg);
  ~Status();
  bool ok() const;
private:
  char *state_;
};

Status::Status(const char *msg)
{
  state_ = new char[std::strlen(msg) + 1];
  std::strcpy(state_, msg);
}
Status::~Status() { delete[] state_; }
bool Status::ok() const { return state_ == nullptr; }

Status Work(int i);

// Issue 14: a new Status each iteration, destroyed at the end of it.  Silent.
int test_1(int n)
{
  int bad = 0;
  for (int i = 0; i < n; i++) {
    Status s = Work(i);
    if (!s.ok())
      bad++;
  } // { dg-bogus "double-'delete\[\]'" }
  return bad;
}

// The same object returned once, before the loop: silent.
int test_2()
{
  Status s = Work(0);
  return s.ok() ? 0 : 1;
} // { dg-bogus "double-'delete\[\]'" }

// Each iteration's object copied by the implicit copy constructor: the copy and
// the original both delete state_.
int test_3(int n)
{
  int bad = 0;
  for (int i = 0; i < n; i++) {
    Status s = Work(i);
    Status t = s;
    if (!t.ok())
      bad++;
  } // { dg-warning "double-'delete\[\]' of 's.state_'" }
  return bad;
}

// One object copied in every iteration: each copy deletes its state_.
int test_4(int n)
{
  int bad = 0;
  Status s = Work(0);
  for (int i = 0; i < n; i++) {
    Status t = s;
    if (!t.ok())
      bad++;
  } // { dg-warning "double-'delete\[\]'" }
  return bad;
} // { dg-warning "double-'delete\[\]' of 's.state_'" }

// Assigned in the loop by the implicit copy assignment: the temporary that
// Work returns deletes the state_ that s keeps, and s deletes it again.
int test_5(int n)
{
  int bad = 0;
  Status s;
  for (int i = 0; i < n; i++) {
    s = Work(i);
    if (!s.ok())
      bad++;
  }
  return bad;
} // { dg-warning "double-'delete\[\]' of 's.state_'" }
