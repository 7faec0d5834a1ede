/* null-deref-alloc through a function of the unit: a callee that reads or writes
   through its parameter before it tests it or hands it on, on every path that
   returns (mr_summary.derefs_first), dereferences what its caller gives it.  An
   unchecked allocation passed there is a NULL dereference at the call, whether
   the callee is called by name, through a function pointer the caller holds, or
   through another function of the unit that passes it on first thing.  A callee
   that checks first, that dereferences only on some paths, or that hands the
   pointer to another function first, stays silent; so does a call reached from
   the allocation through a branch (the NULL path may be cut by state the
   analysis does not follow: an error code set from the NULL test).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct rec {
  int id;
  char name[16];
};

extern void log_ptr(const char *what, void *p);
extern int verbose;

static void set_name(struct rec *r, const char *name)
{
  strncpy(r->name, name, sizeof r->name - 1);
  r->name[sizeof r->name - 1] = '\0';
}

static void init_and_release(char *buf)
{
  strcpy(buf, "ready");
  free(buf);
}

static void first_word(long *w, long v)
{
  w[0] = v;
}

static int set_name_checked(struct rec *r, const char *name)
{
  if (r == NULL)
    return -1;
  set_name(r, name);
  return 0;
}

static void set_id_if(struct rec *r, int id, int cond)
{
  if (cond)
    r->id = id;
}

static void logged_init(struct rec *r)
{
  log_ptr("rec", r);
  r->id = 0;
}

static void clear_all(long *w, unsigned n)
{
  for (unsigned i = 0; i < n; i++)
    w[i] = 0;
}

/* set_name's caller passes it on first thing: it dereferences first too.  */
static void named(struct rec *r)
{
  set_name(r, "anon");
  r->id = 1;
}

/* The callee writes through it at once and frees it.  */
void test_1(void)
{
  char *p = malloc(32); /* { dg-message "allocated here" } */
  init_and_release(p); /* { dg-warning "dereference of possibly-NULL 'p'" } */
}

/* Checked by the caller: silent.  */
void test_2(void)
{
  char *p = malloc(32);
  if (!p)
    return;
  init_and_release(p); /* { dg-bogus "possibly-NULL" } */
}

/* A field of a struct, through a string copy.  */
struct rec *test_3(void)
{
  struct rec *r = malloc(sizeof *r); /* { dg-message "allocated here" } */
  set_name(r, "x"); /* { dg-warning "dereference of possibly-NULL 'r'" } */
  r->id = 3;
  return r;
}

/* The callee checks for NULL first: silent.  */
struct rec *test_4(void)
{
  struct rec *r = malloc(sizeof *r);
  set_name_checked(r, "x"); /* { dg-bogus "possibly-NULL" } */
  return r;
}

/* The callee writes only when another argument says so: silent.  */
struct rec *test_5(int c)
{
  struct rec *r = calloc(1, sizeof *r);
  set_id_if(r, 5, c); /* { dg-bogus "possibly-NULL" } */
  return r;
}

/* The callee hands it to a function nothing is known of first: silent.  */
struct rec *test_6(void)
{
  struct rec *r = malloc(sizeof *r);
  logged_init(r); /* { dg-bogus "possibly-NULL" } */
  return r;
}

/* A loop that may run zero times: silent.  */
long *test_7(unsigned n)
{
  long *w = calloc(n + 1, sizeof *w);
  clear_all(w, n); /* { dg-bogus "possibly-NULL" } */
  return w;
}

/* Through a function pointer the caller holds.  */
long test_8(void)
{
  void (*put)(long *, long) = first_word;
  long *w = malloc(sizeof *w); /* { dg-message "allocated here" } */
  put(w, 8); /* { dg-warning "dereference of possibly-NULL 'w'" } */
  long v = w[0];
  free(w);
  return v;
}

/* A callee that passes it on first thing to one that dereferences it.  */
struct rec *test_9(void)
{
  struct rec *r = malloc(sizeof *r); /* { dg-message "allocated here" } */
  named(r); /* { dg-warning "dereference of possibly-NULL 'r'" } */
  return r;
}

/* One warning per object and path: the dereference after the call is not
   reported again.  */
struct rec *test_10(void)
{
  struct rec *r = malloc(sizeof *r); /* { dg-message "allocated here" } */
  set_name(r, "y"); /* { dg-warning "dereference of possibly-NULL 'r'" } */
  r->id = 10; /* { dg-bogus "possibly-NULL" } */
  return r;
}

struct status {
  int code;
};

static int status_set(struct status *st, int failed, int code)
{
  st->code = failed * code;
  return st->code != 0;
}

static unsigned read_le16(const unsigned char *b)
{
  return b[0] | (unsigned) b[1] << 8;
}

/* The allocation is tested (in a predicate that records an error code), and the
   callee is reached only when no error was recorded: the analysis does not tie
   the code to the test (at -O2 GCC folds the test into integer arithmetic), so
   past a branch a callee's dereference is not judged: silent.  */
unsigned test_11(unsigned n)
{
  struct status st = { 0 };
  unsigned char *b = malloc(n);
  if (!status_set(&st, !b || n < 2, 1))
    memset(b, 0, 2);
  unsigned v = 0;
  if (!st.code)
    v = read_le16(b); /* { dg-bogus "possibly-NULL" } */
  free(b);
  return v;
}

/* Never tested: reported.  */
unsigned test_12(unsigned n)
{
  unsigned char *b = calloc(n + 2, 1); /* { dg-message "allocated here" } */
  unsigned v = read_le16(b); /* { dg-warning "dereference of possibly-NULL 'b'" } */
  free(b);
  return v;
}
