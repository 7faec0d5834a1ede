/* libxml2 through its real headers (libxml2-dev): the functions of the knowledge
   base and the global function pointers xmlFree, xmlMalloc, xmlRealloc and
   xmlMemStrdup (a call through them is `_1 = xmlFree; _1 (p);` in GIMPLE).  */
/* { dg-options "-I/usr/include/libxml2" } */
#include <stdlib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <libxml/xpath.h>

int use(const void *p);

/* xmlFree is a global pointer: freeing twice through it is a double free.  */
void test_1(xmlNodePtr node)
{
  xmlChar *s = xmlNodeGetContent(node);
  xmlFree(s); /* { dg-message "first 'xmlFree' here" } */
  xmlFree(s); /* { dg-warning "double-'xmlFree' of 's'" } */
}

/* xmlMalloc's memory, used after xmlFree.  */
int test_2(void)
{
  char *p = xmlMalloc(16);
  if (!p)
    return -1;
  p[0] = 0;
  xmlFree(p); /* { dg-message "freed here" } */
  return p[0]; /* { dg-warning "use after 'xmlFree' of 'p'" } */
}

/* libxml2's strings are released with xmlFree, not free.  */
void test_3(xmlNodePtr node)
{
  xmlChar *s = xmlGetProp(node, (const xmlChar *) "id"); /* { dg-message "allocated here" } */
  free(s); /* { dg-warning "'s' should have been deallocated with 'xmlFree' but was deallocated with 'free'" } */
}

/* xmlMemStrdup and xmlRealloc.  */
void test_4(const char *s)
{
  char *c = xmlMemStrdup(s);
  if (!c)
    return;
  char *d = xmlRealloc(c, 64); /* { dg-message "freed here" } */
  if (!d)
    {
      xmlFree(c);
      return;
    }
  use(c); /* { dg-warning "use after 'xmlRealloc' of 'c'" } */
  c[0] = 'x'; /* { dg-bogus "use after" "one warning per object and path" } */
  xmlFree(d);
}

/* Documents: xmlFreeDoc twice, and a node used after xmlFreeNode.  */
void test_5(const char *file)
{
  xmlDocPtr doc = xmlReadFile(file, NULL, 0);
  if (!doc)
    return;
  xmlFreeDoc(doc); /* { dg-message "first 'xmlFreeDoc' here" } */
  xmlFreeDoc(doc); /* { dg-warning "double-'xmlFreeDoc' of 'doc'" } */
}

int test_6(void)
{
  xmlNodePtr n = xmlNewNode(NULL, (const xmlChar *) "a");
  if (!n)
    return 0;
  xmlFreeNode(n); /* { dg-message "freed here" } */
  return n->type; /* { dg-warning "use after 'xmlFreeNode' of 'n'" } */
}

/* A document leaked on an error path (a document handed to an unknown function
   first may be kept by it: not claimed).  */
int test_7(const char *file, int strict)
{
  xmlDocPtr doc = xmlReadFile(file, NULL, 0); /* { dg-message "allocated here" } */
  if (!doc)
    return -1;
  if (strict && doc->children == NULL)
    return -1; /* { dg-warning "leak of 'doc'" } */
  xmlFreeDoc(doc);
  return 0;
}

/* The ordinary XPath sequence is silent.  */
int test_8(xmlDocPtr doc)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (!ctx)
    return -1;
  xmlXPathObjectPtr obj = xmlXPathEvalExpression((const xmlChar *) "//a", ctx);
  if (!obj)
    {
      xmlXPathFreeContext(ctx);
      return -1; /* { dg-bogus "leak" } */
    }
  int n = obj->nodesetval ? obj->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(obj);
  xmlXPathFreeContext(ctx);
  return n; /* { dg-bogus "leak|double|use after" } */
}
