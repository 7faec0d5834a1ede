/* uninit-read: a pointer variable used on a path where nothing was assigned to
   it (its SSA default definition reaches the use through a PHI): a read or a
   write through it, a member access, or a libc function that reads through it.
   Its value is indeterminate (EXP33-C; the rule's id is cited).  Assigned on
   every path, set to NULL first, a second test repeating the first, a
   parameter, a static, or filled by a callee through its address: silent.  */
/* { dg-do compile } */
/* Which allocation may be NULL or leaks is not the point here.  */
/* { dg-prune-output "\[memrules-null-deref-alloc\]" } */
/* { dg-prune-output "\[memrules-leak\]" } */

#include <stdlib.h>
#include <string.h>

struct item { int x; char name[8]; };

void
store_through (int c)
{
  int *p;
  if (c)
    p = malloc (sizeof *p);
  *p = 1; /* { dg-warning "use of 'p', which is uninitialized on this path \(EXP33-C\) \[memrules-uninit-read\]" } */
}

int
member_read (int c, struct item *given)
{
  struct item *p;
  if (c)
    p = given;
  return p->x; /* { dg-warning "use of 'p', which is uninitialized on this path" } */
}

size_t
passed_to_strlen (int c, char *s)
{
  char *p;
  if (c)
    p = s;
  return strlen (p); /* { dg-warning "use of 'p', which is uninitialized on this path" } */
}

void
copied_from (int c, char *dst, char *s)
{
  char *p;
  if (c)
    p = s;
  memcpy (dst, p, 4); /* { dg-warning "use of 'p', which is uninitialized on this path" } */
}

void
assigned_on_every_path (int c, int *a, int *b)
{
  int *p;
  if (c)
    p = a;
  else
    p = b;
  *p = 1; /* { dg-bogus "uninitialized" } */
}

int
null_first (int c, int *a)
{
  int *p = NULL;
  if (c)
    p = a;
  return *p; /* { dg-bogus "uninitialized" } */
}

/* The second test repeats the first: the path that skipped the assignment
   skips the use.  */
int
same_condition (int c, int *a)
{
  int *p;
  if (c)
    p = a;
  if (c)
    return *p; /* { dg-bogus "uninitialized" } */
  return 0;
}

/* The same through a flag set with the assignment.  */
int
flag_set_with_it (int c, int *a)
{
  int have = 0;
  int *p;
  if (c)
    {
      p = a;
      have = 1;
    }
  if (have)
    return *p; /* { dg-bogus "uninitialized" } */
  return 0;
}

int
parameter (int *p)
{
  return *p; /* { dg-bogus "uninitialized" } */
}

int
static_pointer (void)
{
  static int *p;
  return *p; /* { dg-bogus "uninitialized" } */
}

void init (int **out);

int
filled_by_callee (void)
{
  int *p;
  init (&p);
  return *p; /* { dg-bogus "uninitialized" } */
}

/* setjmp: GCC routes every call that may longjmp, the one that assigned the
   variable too, through one dispatcher in front of the receiver, whose PHI
   takes the unassigned value from the calls before the assignment.  No real
   path uses it unassigned.  */
#include <setjmp.h>

struct conn { jmp_buf *on_error; int fd; };
struct conn *conn_new (void);
int conn_open (struct conn *);
void conn_run (struct conn *);

void
assigned_before_setjmp (void)
{
  jmp_buf here, *saved;
  struct conn *c = conn_new ();
  saved = c->on_error;
  c->on_error = &here;
  if (!setjmp (here))
    {
      c->fd = conn_open (c);
      conn_run (c);
    }
  c->on_error = saved; /* { dg-bogus "uninitialized" } */
  free (c); /* { dg-bogus "uninitialized" } */
}
