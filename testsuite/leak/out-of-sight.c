/* What a call may have released or kept is out of sight, not leaked; a field
   simply lost when its holder is freed is a leak.  */
#include <stdlib.h>

struct s { char *buf; struct s *next; int n; };
void fill(struct s *p);

int test_1(void)
{
  struct s *q = malloc(sizeof *q);
  if (!q)
    return -1;
  q->buf = malloc(8);
  fill(q);
  free(q);
  return 0; /* { dg-bogus "leak" } */
}

int test_2(void)
{
  struct s *q = malloc(sizeof *q);
  if (!q)
    return -1;
  q->buf = malloc(8); /* { dg-message "allocated here" } */
  q->n = 1;
  free(q);
  return 0; /* { dg-warning "leak of 'q->buf'" } */
}

/* A destructor of the translation unit that checks for NULL first frees the
   object and, for all the caller can tell, what it holds.  */
static void s_free(struct s *p)
{
  if (p)
    {
      free(p->buf);
      free(p);
    }
}

int test_3(int fail)
{
  struct s *q = malloc(sizeof *q);
  if (!q)
    return -1;
  q->buf = malloc(8);
  if (fail)
    {
      s_free(q);
      return -1; /* { dg-bogus "leak" } */
    }
  s_free(q);
  return 0;
}

/* p = f (p, ...): the call received p before its result replaced it; it may keep,
   free or return it (OpenSSL's BIO_push, libxml2's xmlStrcat).  */
typedef struct bio BIO;
BIO *BIO_new(const void *m);
int BIO_free(BIO *b);
void BIO_free_all(BIO *b);
BIO *BIO_push(BIO *a, BIO *b);
BIO *BIO_pop(BIO *b);
const void *BIO_s_mem(void);
const void *BIO_f_base64(void);

int test_4(int encode)
{
  BIO *bio, *b64 = BIO_new(BIO_f_base64());
  if (!b64)
    return -1;
  bio = BIO_new(BIO_s_mem());
  if (!bio)
    {
      BIO_free(b64);
      return -1;
    }
  bio = BIO_push(b64, bio); /* { dg-bogus "leak" } */
  if (encode)
    {
      bio = BIO_pop(bio);
      BIO_free(b64);
    }
  BIO_free_all(bio);
  return 0;
}

/* iconv_open is declared __attribute__ ((malloc (iconv_close))), but a
   conversion descriptor is a resource that fails with (iconv_t) -1: not memory.  */
#include <iconv.h>
int test_5(const char *name)
{
  iconv_t in = iconv_open("UTF-8", name);
  if (in == (iconv_t) -1)
    in = iconv_open("UTF-8", "ASCII"); /* { dg-bogus "leak" } */
  return in != (iconv_t) -1; /* { dg-bogus "leak" } */
}
