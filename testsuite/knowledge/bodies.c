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

/* A destructor that checks for NULL first (zipfileEntryFree, xmlFreeDoc-style) always
   frees its argument: the NULL path frees nothing and needs nothing freed.  */
struct entry { char *file; int n; };
static void entry_free(struct entry *e)
{
  if (e)
    {
      g_free(e->file);
      g_free(e);
    }
}

void test_5(struct entry *e)
{
  entry_free(e); /* { dg-message "first 'g_free' here, in 'entry_free'" } */
  entry_free(e); /* { dg-warning "double-'g_free' of 'e'" } */
}

/* What it frees inside is out of sight, not leaked.  */
int test_6(int x)
{
  struct entry *e = g_malloc(sizeof *e);
  e->file = g_malloc(8);
  entry_free(e);
  return x; /* { dg-bogus "leak" } */
}

/* A function that frees on no path is no deallocator, NULL check or not.  */
static void entry_check(struct entry *e) { if (e) e->n = 0; }
void test_7(struct entry *e)
{
  entry_check(e);
  entry_check(e); /* { dg-bogus "double" } */
}
