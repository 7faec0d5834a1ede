/* libcurl's public API (faithful minimal declarations of curl/curl.h and
   curl/urlapi.h: the -dev package is not installed by CI).  curl_free is free ():
   mixing the two is no mismatch, freeing twice is still a double free.  */
#include <stdlib.h>

typedef void CURL;
typedef struct Curl_URL CURLU;
struct curl_slist { char *data; struct curl_slist *next; };
typedef enum { CURLUPART_URL = 0, CURLUPART_HOST = 5 } CURLUPart;
typedef int CURLUcode;

CURL *curl_easy_init(void);
void curl_easy_cleanup(CURL *curl);
char *curl_easy_escape(CURL *curl, const char *string, int length);
void curl_free(void *p);
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *data);
void curl_slist_free_all(struct curl_slist *list);
CURLU *curl_url(void);
void curl_url_cleanup(CURLU *handle);
CURLUcode curl_url_get(CURLU *handle, CURLUPart what, char **part, unsigned int flags);

void test_1(void)
{
  CURL *c = curl_easy_init();
  curl_easy_cleanup(c); /* { dg-message "first 'curl_easy_cleanup' here" } */
  curl_easy_cleanup(c); /* { dg-warning "double-'curl_easy_cleanup' of 'c'" } */
}

void test_2(CURL *c, const char *s)
{
  char *e = curl_easy_escape(c, s, 0);
  curl_free(e); /* { dg-message "first 'free' here" } */
  curl_free(e); /* { dg-warning "double-'free' of 'e'" } */
}

/* curl_free and free are one family.  */
void test_3(CURL *c, const char *s)
{
  char *e = curl_easy_escape(c, s, 0);
  free(e); /* { dg-bogus "should have been deallocated" } */
}

void test_4(void)
{
  struct curl_slist *l = curl_slist_append(NULL, "Accept: */*");
  if (!l)
    return;
  curl_slist_free_all(l); /* { dg-message "freed here" } */
  l->data = NULL; /* { dg-warning "use after 'curl_slist_free_all' of 'l'" } */
}

/* curl_url_get stores a string through its third argument.  */
void test_5(CURLU *u)
{
  char *host;
  if (curl_url_get(u, CURLUPART_HOST, &host, 0))
    return;
  curl_free(host); /* { dg-message "first 'free' here" } */
  curl_free(host); /* { dg-warning "double-'free' of 'host'" } */
}

int test_6(int x)
{
  CURLU *u = curl_url(); /* { dg-message "allocated here" } */
  if (!u)
    return -1;
  if (x)
    return -1; /* { dg-warning "leak of 'u'" } */
  curl_url_cleanup(u);
  return 0;
}
