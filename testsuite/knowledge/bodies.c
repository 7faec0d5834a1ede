/* infer=bodies (the default): a function of the translation unit that frees its
   parameter through any known deallocator is a deallocator of that family, one
   that returns a fresh allocation an allocator: libs.def families and function
   pointers included.  */
#include <stddef.h>
#include <stdlib.h>

typedef struct _xmlDoc xmlDoc;
xmlDoc *xmlNewDoc(const unsigned char *version);
void xmlFreeDoc(xmlDoc *doc);
typedef void *gpointer;
gpointer g_malloc(size_t n);
void g_free(gpointer p);
extern void (*xmlFree)(void *);

struct doc_holder { xmlDoc *doc; char *name; };

static void holder_free(struct doc_holder *h)
{
  xmlFreeDoc(h->doc);
  g_free(h->name);
  g_free(h);
}

static struct doc_holder *holder_new(void)
{
  struct doc_holder *h = g_malloc(sizeof *h);
  h->doc = xmlNewDoc((const unsigned char *) "1.0");
  h->name = NULL;
  return h;
}

void test_1(void)
{
  struct doc_holder *h = holder_new();
  holder_free(h); /* { dg-message "first 'g_free' here, in 'holder_free'" } */
  holder_free(h); /* { dg-warning "double-'g_free' of 'h'" } */
}

/* The wrapper's memory is g_free's: free is a mismatch.  */
void test_2(void)
{
  struct doc_holder *h = holder_new(); /* { dg-message "allocated here" } */
  free(h); /* { dg-warning "should have been deallocated with 'g_free' but was deallocated with 'free'" } */
}

/* A wrapper over the global pointer xmlFree.  */
static void my_xml_free(void *p) { xmlFree(p); }
int test_3(char *s)
{
  my_xml_free(s); /* { dg-message "freed here" } */
  return s[0]; /* { dg-warning "use after 'xmlFree' of 's'" } */
}

/* Leaked wrapper memory.  */
int test_4(int x)
{
  struct doc_holder *h = holder_new(); /* { dg-message "allocated here" } */
  if (x)
    return -1; /* { dg-warning "leak of 'h'" } */
  holder_free(h);
  return 0;
}
