/* OpenSSL 3 through its real headers (libssl-dev): constructors and their *_free.  */
#include <stdlib.h>
#include <string.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

void test_1(void)
{
  BIO *b = BIO_new(BIO_s_mem());
  BIO_free(b); /* { dg-message "first 'BIO_free' here" } */
  BIO_free(b); /* { dg-warning "double-'BIO_free' of 'b'" } */
}

/* OPENSSL_malloc's memory belongs to OPENSSL_free.  */
void test_2(void)
{
  char *p = OPENSSL_malloc(16); /* { dg-message "allocated here" } */
  if (p)
    free(p); /* { dg-warning "'p' should have been deallocated with 'OPENSSL_free' but was deallocated with 'free'" } */
}

/* ... and may be NULL.  */
void test_3(const char *s)
{
  char *p = OPENSSL_strdup(s); /* { dg-message "allocated here" } */
  p[0] = 0; /* { dg-warning "dereference of possibly-NULL 'p'" } */
  OPENSSL_free(p);
}

/* A context leaked on an error path, and the correct sequence.  */
int test_4(const EVP_MD *md, const void *data, size_t n, unsigned char *out)
{
  EVP_MD_CTX *ctx = EVP_MD_CTX_new(); /* { dg-message "allocated here" } */
  if (!ctx)
    return -1;
  if (!md)
    return -1; /* { dg-warning "leak of 'ctx'" } */
  if (!EVP_DigestInit_ex(ctx, md, NULL))
    {
      EVP_MD_CTX_free(ctx);
      return -1;
    }
  if (!EVP_DigestUpdate(ctx, data, n) || !EVP_DigestFinal_ex(ctx, out, NULL))
    {
      EVP_MD_CTX_free(ctx);
      return -1;
    }
  EVP_MD_CTX_free(ctx);
  return 0; /* { dg-bogus "leak" } */
}

/* SSL_CTX and SSL.  */
void test_5(void)
{
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  if (!ctx)
    return;
  SSL *ssl = SSL_new(ctx);
  SSL_free(ssl); /* { dg-message "first 'SSL_free' here" } */
  SSL_CTX_free(ctx);
  SSL_free(ssl); /* { dg-warning "double-'SSL_free' of 'ssl'" } */
}

/* *_free (NULL) is a no-op: freeing on both the failure and the cleanup path of
   different objects is silent.  */
int test_6(void)
{
  BIGNUM *a = BN_new(), *b = BN_new();
  int ok = a && b && BN_set_word(a, 3) && BN_set_word(b, 4);
  BN_free(a);
  BN_free(b); /* { dg-bogus "double" } */
  return ok;
}

/* X509 from PEM, freed with the wrong destructor.  */
void test_7(BIO *in)
{
  X509 *x = PEM_read_bio_X509(in, NULL, NULL, NULL); /* { dg-message "allocated here" } */
  if (x)
    EVP_PKEY_free((EVP_PKEY *) x); /* { dg-warning "'x' should have been deallocated with 'X509_free' but was deallocated with 'EVP_PKEY_free'" } */
}
