/* use-after-free: a freed pointer passed to a function is a use (MEM30-C,
   CWE-416), whatever the function: its value is indeterminate once freed.
   Functions without a body, calls through function pointers, and functions of
   the file that hand the pointer on.  What stays silent: a deallocator (that is
   double-free/), a `%p` argument of a printf-like function, a `const` function
   (it reads no memory: it only looks at the address), a function of the file
   that only compares the pointer, and a pointer set again before the call.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <stdio.h>

struct session { int id; };
struct conn {
  char *http;
  void (*handler)(char *);
};

extern void log_error(struct session *s, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
extern void consume(char *p);
extern unsigned long addr_hash(const void *p) __attribute__((const));
extern int lookup(const char *key);

/* An error message quoting the freed string.  */
void test_1(struct session *s)
{
  char *name = malloc(16);
  if (!name)
    return;
  free(name); /* { dg-message "freed here" } */
  log_error(s, "bad name %s", name); /* { dg-warning "use after 'free' of 'name' \(MEM30-C\) \[memrules-use-after-free\]" } */
}

/* The same function printing the address only.  */
void test_2(struct session *s)
{
  char *name = malloc(16);
  free(name);
  log_error(s, "released %p", name); /* { dg-bogus "use after" } */
}

/* A function without a body.  */
void test_3(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "freed here" } */
  consume(p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* A field freed, then handed on.  */
void test_4(struct conn *c)
{
  free(c->http); /* { dg-message "freed here" } */
  consume(c->http); /* { dg-warning "use after 'free' of 'c->http'" } */
}

/* Through a function pointer.  */
void test_5(struct conn *c)
{
  char *p = malloc(16);
  free(p); /* { dg-message "freed here" } */
  c->handler(p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* A const function only looks at the address.  */
unsigned long test_6(void)
{
  char *p = malloc(16);
  free(p);
  return addr_hash(p); /* { dg-bogus "use after" } */
}

/* A helper of the file that hands its parameter on.  */
static void forward(char *p)
{
  consume(p);
}

void test_7(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "freed here" } */
  forward(p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* A helper of the file that only compares its parameter.  */
static int is_same(const char *a, const char *b)
{
  return a == b;
}

int test_8(const char *q)
{
  char *p = malloc(16);
  free(p);
  return is_same(p, q); /* { dg-bogus "use after" } */
}

/* A helper of the file that reads through it with a libc function.  */
static int has_text(const char *p)
{
  return puts(p) > 0;
}

int test_9(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "freed here" } */
  return has_text(p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* Set again before the call.  */
void test_10(void)
{
  char *p = malloc(16);
  free(p);
  p = malloc(8);
  consume(p); /* { dg-bogus "use after" } */
  free(p);
}

/* Freed on one path only: the call is a use on that path.  */
int test_11(int fail)
{
  char *key = malloc(16);
  if (!key)
    return -1;
  if (fail)
    free(key); /* { dg-message "freed here" } */
  int r = lookup(key); /* { dg-warning "use after 'free' of 'key'" } */
  if (!fail)
    free(key);
  return r;
}

/* Freed by the deallocator again: double-free's finding, not a use.  */
void test_12(void)
{
  char *p = malloc(16);
  free(p); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Regression (libxml2's xmlRelaxNGFreeDefine): the type read again after the
   first test still knows that test's answer, so the second branch is not taken
   with the data freed.  */
enum kind { K_VALUE = 7, K_LIST = 17, K_GROUP = 19 };
struct node {
  enum kind type;
  void *data;
  char *attrs;
};
extern void list_free(void *l);

static void group_free(char **g)
{
  if (g)
    free(g);
}

void test_13(struct node *n)
{
  if (n->type == K_VALUE && n->attrs != NULL)
    consume(n->attrs);
  if (n->data != NULL && n->type == K_GROUP)
    group_free((char **) n->data);
  if (n->data != NULL && n->type == K_LIST)
    list_free(n->data); /* { dg-bogus "use after" } */
}
