/* use-after-free: pointers kept in struct fields, nested access paths,
   locals whose address is taken, globals (MEM30-C, CWE-416).  Every load of
   s->buf is a new temporary, so the engine has to follow the memory slot.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct buffer {
  char *buf;
  size_t len;
};

struct clip { int *list; int count; };
struct image { struct clip *clip; };

extern void refill(struct buffer *s);
extern void watch(char **pp);

char *g_name;

/* The field freed, then read through a fresh load of s->buf.  */
char test_1(struct buffer *s)
{
  free(s->buf); /* { dg-message "freed here" } */
  return s->buf[0]; /* { dg-warning "use after 'free' of 's->buf'" } */
}

/* Written through the field.  */
void test_2(struct buffer *s)
{
  free(s->buf);
  s->len = 0;
  s->buf[0] = '\0'; /* { dg-warning "use after 'free' of 's->buf'" } */
}

/* A nested path.  */
void test_3(struct image *im)
{
  free(im->clip->list); /* { dg-message "freed here" } */
  im->clip->list[0] = 0; /* { dg-warning "use after 'free' of 'im->clip->list'" } */
}

/* The struct itself freed, then its field read.  */
size_t test_4(struct buffer *s)
{
  free(s); /* { dg-message "freed here" } */
  return s->len; /* { dg-warning "use after 'free' of 's'" } */
}

/* The inner struct freed, then reached through the outer one.  */
int test_5(struct image *im)
{
  free(im->clip);
  return im->clip->count; /* { dg-warning "use after 'free' of 'im->clip'" } */
}

/* The field refilled by an unknown function before the use.  */
char test_6(struct buffer *s)
{
  free(s->buf);
  refill(s);
  return s->buf[0]; /* { dg-bogus "use after" } */
}

/* The field given a new block before the use.  */
void test_7(struct buffer *s)
{
  free(s->buf);
  s->buf = malloc(16);
  if (!s->buf)
    return;
  s->buf[0] = '\0'; /* { dg-bogus "use after" } */
}

/* The outer pointer changes, so the path names another object.  */
int test_8(struct image *im, struct clip *fresh)
{
  free(im->clip->list);
  im->clip = fresh;
  return im->clip->list[0]; /* { dg-bogus "use after" } */
}

/* A local whose address escaped before the free.  */
char test_9(void)
{
  char *p = malloc(16);
  if (!p)
    return 0;
  memset(p, 'a', 16);
  watch(&p);
  free(p); /* { dg-message "freed here" } */
  return p[0]; /* { dg-warning "use after 'free' of 'p'" } */
}

/* A local whose address is passed after the free: the callee may set it.  */
char test_10(void)
{
  char *p = malloc(16);
  free(p);
  watch(&p);
  return p[0]; /* { dg-bogus "use after" } */
}

/* A global freed and then read.  */
size_t test_11(void)
{
  free(g_name); /* { dg-message "freed here" } */
  return strlen(g_name); /* { dg-warning "use after 'free' of 'g_name'" } */
}
