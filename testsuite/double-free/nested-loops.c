/* A list freed inside a loop that is itself inside a loop (libxml2's dict.c and
   hash.c grow their tables this way): each inner iteration frees the entry it
   holds and moves to the next one it read before.  Silent: a value whose object
   the state had to forget (two loop generations are kept) points to nothing
   known, not to an object freed in an earlier iteration.  */
#include <stdlib.h>
#include <string.h>

struct entry { struct entry *next; int valid; unsigned long key; };

void test_1(struct entry *old, unsigned long n, struct entry *tab, unsigned long key)
{
  for (unsigned long i = 0; i < n; i++)
    {
      struct entry *iter = old[i].next, *next;
      while (iter)
	{
	  next = iter->next; /* { dg-bogus "use after" } */
	  if (tab[key].valid == 0)
	    free(iter); /* { dg-bogus "double" } */
	  iter = next;
	}
    }
}

void test_2(struct entry *old, unsigned long n, struct entry *tab, unsigned long size)
{
  for (unsigned long i = 0; i < n; i++)
    for (struct entry *iter = old[i].next, *next; iter; iter = next)
      {
	next = iter->next; /* { dg-bogus "use after" } */
	unsigned long k = iter->key % size; /* { dg-bogus "use after" } */
	if (tab[k].valid == 0)
	  {
	    memcpy(&tab[k], iter, sizeof *iter);
	    tab[k].next = NULL;
	    free(iter); /* { dg-bogus "double" } */
	  }
	else
	  {
	    iter->next = tab[k].next;
	    tab[k].next = iter;
	  }
      }
}

/* Still a double free when the inner loop frees the same pointer twice.  */
void test_3(struct entry **lists, unsigned long n)
{
  for (unsigned long i = 0; i < n; i++)
    {
      struct entry *e = lists[i];
      if (!e)
	continue;
      free(e); /* { dg-message "first 'free' here" } */
      if (e->valid) /* { dg-warning "use after 'free' of 'e'" } */
	free(e); /* { dg-warning "double-'free' of 'e'" } */
    }
}
