// Predicates whose truth is that of an argument or of a field of the object:
// an inline member that records an error code and returns whether it is set,
// a getter that compares a field.  The caller's branch on the result refines
// the argument or the field (summaries, at every -O level).  Each silent form
// has a buggy twin that must still warn.
// { dg-do compile }

#include <stdlib.h>

struct Error {
  int code;
  bool test(bool failed, int err) { return (code = int(failed) * err); }
};

struct Buffer {
  char *data;
  bool grow(size_t n, Error &e);
  bool grow_bad(size_t n, Error &e);
};

// The realloc failed exactly when e.test returns true: the old block is freed
// once, and the new one is kept.
bool Buffer::grow(size_t n, Error &e)
{
  char *const moved = (char *) realloc(data, n < 64 ? 64 : n);
  if (e.test(!moved, 3))
    {
      free(data); // { dg-bogus "double-'free'" }
      data = 0;
      return false; // { dg-bogus "leak" }
    }
  data = moved;
  return true;
}

// The test is the wrong way round: the old block, freed by a successful
// realloc, is freed again.
bool Buffer::grow_bad(size_t n, Error &e)
{
  char *const moved = (char *) realloc(data, n < 64 ? 64 : n); // { dg-message "first 'realloc' here" }
  if (e.test(moved != 0, 3))
    {
      free(data); // { dg-warning "double-'free' of 'this->data'" }
      data = 0;
      return false; // { dg-warning "leak of 'moved'" }
    }
  data = moved;
  return true;
}

struct Msg {
  int type;
  char *content;
  bool is_zc() const { return type == 2; }
  bool is_small() const { return type == 1; }
  void close();
  void close_bad();
};

void Msg::close()
{
  if (type == 1)
    free(content);
  if (is_zc())
    free(content); // { dg-bogus "double-'free'" }
}

void Msg::close_bad()
{
  if (type == 1)
    free(content); // { dg-message "first 'free' here" }
  if (is_small())
    free(content); // { dg-warning "double-'free' of 'this->content'" }
}
