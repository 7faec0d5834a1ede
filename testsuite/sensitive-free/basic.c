/* sensitive-free (MEM03-A, CWE-226/244, off by default): memory named like a secret
   freed without a wipe the compiler must keep.  */
/* { dg-options "-fplugin-arg-memrules-enable=sensitive-free" } */

#include <stdlib.h>
#include <string.h>

struct user { char *name; char *password; };

/* A password buffer freed as is.  */
void test_1(size_t n)
{
  char *password = malloc(n);
  if (!password)
    return;
  password[0] = '\0';
  free(password); /* { dg-warning "'password' holds sensitive data and is freed without being cleared \(MEM03-A\) \[memrules-sensitive-free\]" } */
}

/* Wiped with explicit_bzero first: silent.  */
void test_2(size_t n)
{
  char *password = malloc(n);
  if (!password)
    return;
  password[0] = '\0';
  explicit_bzero(password, n);
  free(password); /* { dg-bogus "sensitive" } */
}

/* A plain memset does not count: GCC removes it before free.  */
void test_3(size_t n)
{
  char *secret = malloc(n);
  if (!secret)
    return;
  memset(secret, 0, n);
  free(secret); /* { dg-warning "'secret' holds sensitive data" } */
}

/* A field named like a secret.  */
void test_4(struct user *u)
{
  free(u->password); /* { dg-warning "'u->password' holds sensitive data" } */
  u->password = NULL;
}

/* A field wiped first.  */
void test_5(struct user *u, size_t n)
{
  explicit_bzero(u->password, n);
  free(u->password); /* { dg-bogus "sensitive" } */
  u->password = NULL;
}

/* Keys: names ending in "key".  */
void test_6(size_t n)
{
  unsigned char *session_key = malloc(n);
  if (!session_key)
    return;
  session_key[0] = 0;
  free(session_key); /* { dg-warning "'session_key' holds sensitive data" } */
}

/* Not a secret: silent.  */
void test_7(struct user *u)
{
  free(u->name); /* { dg-bogus "sensitive" } */
  u->name = NULL;
}

/* realloc of a secret moves it and leaves the old copy in freed memory.  */
char *test_8(char *token, size_t n)
{
  char *bigger = realloc(token, n); /* { dg-warning "'token' holds sensitive data" } */
  return bigger;
}

/* Wiped on one path only: reported for the other.  */
void test_9(char *passwd, size_t n, int wipe)
{
  if (wipe)
    explicit_bzero(passwd, n);
  free(passwd); /* { dg-warning "'passwd' holds sensitive data" } */
}

/* A private key buffer named privkey.  */
void test_10(unsigned char *privkey)
{
  free(privkey); /* { dg-warning "'privkey' holds sensitive data" } */
}

/* memset_explicit (C23) counts as a wipe.  */
extern void *memset_explicit(void *, int, size_t);
void test_11(char *token, size_t n)
{
  memset_explicit(token, 0, n);
  free(token); /* { dg-bogus "sensitive" } */
}

/* A wipe of another buffer does not count for this one.  */
void test_12(char *secret, char *other, size_t n)
{
  explicit_bzero(other, n);
  free(secret); /* { dg-warning "'secret' holds sensitive data" } */
}

/* Credentials, plural, are still credentials.  */
void test_13(char *credentials)
{
  free(credentials); /* { dg-warning "'credentials' holds sensitive data" } */
}
