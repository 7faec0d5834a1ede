/* double-free: a helper of the file that merges two lists into a new block it
   leaves in *out, NULL on failure (`*out = 0;` first, the block freed and NULL
   again when the merge fails): an out-parameter whose pointer nothing more is
   known of, NULL where the result says so (MR_OUT_SOME; the form of sqlite3's
   fts3DoclistOrMerge and its two callers).  A caller that merges in a loop and
   frees each round's previous result once keeps a different block every round:
   quiet.  Freeing the new result and then, at the next round or after the loop,
   the same pointer again is a double free (CWE-415).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

#define NSLOT 16
#define NOMEM 7

struct lists {
  char *out[NSLOT];
  int nout[NSLOT];
};

/* Writes the merge of a and b into dst (a function of another file, which may
   keep dst: the block is not the helper's alone, so its caller knows only that
   it is a pointer, NULL where the result is not 0).  */
int merge_into(char *dst, const char *a, int na, const char *b, int nb, int *n);

static int merge(const char *a, int na, const char *b, int nb, char **out, int *nout)
{
  int rc;
  int n = 0;
  char *buf;

  *out = 0;
  *nout = 0;
  buf = malloc((size_t) na + (size_t) nb + 16);
  if (!buf)
    return NOMEM;
  rc = merge_into(buf, a, na, b, nb, &n);
  if (rc != 0)
    {
      free(buf);
      buf = 0;
      n = 0;
    }
  *out = buf;
  *nout = n;
  return rc;
}

/* Folds every list into one, freeing the inputs and each round's previous
   result (the form of an index's doclist merge).  */
int fold(struct lists *l)
{
  char *acc = 0;
  int nacc = 0;
  for (int i = 0; i < NSLOT; i++)
    {
      if (!l->out[i])
        continue;
      if (!acc)
        {
          acc = l->out[i];
          nacc = l->nout[i];
          l->out[i] = 0;
          continue;
        }
      char *merged;
      int nmerged;
      int rc = merge(l->out[i], l->nout[i], acc, nacc, &merged, &nmerged);
      if (rc != 0)
        {
          free(acc); /* { dg-bogus "double" } */
          return rc;
        }
      free(l->out[i]);
      free(acc); /* { dg-bogus "double" } */
      l->out[i] = 0;
      acc = merged;
      nacc = nmerged;
    }
  l->out[0] = acc;
  l->nout[0] = nacc;
  return 0;
}

/* Adds one list, merging it with the slots in turn until a free one (the other
   form: the list given is the caller's, the merged ones are freed each round).  */
int add(struct lists *l, char *list, int n)
{
  char *cur = list;
  int ncur = n;
  for (int i = 0; i < NSLOT; i++)
    {
      if (!l->out[i])
        {
          l->out[i] = cur;
          l->nout[i] = ncur;
          break;
        }
      char *merged;
      int nmerged;
      int rc = merge(cur, ncur, l->out[i], l->nout[i], &merged, &nmerged);
      if (rc != 0)
        {
          if (cur != list)
            free(cur); /* { dg-bogus "double" } */
          return rc;
        }
      if (cur != list)
        free(cur); /* { dg-bogus "double" } */
      free(l->out[i]);
      l->out[i] = 0;
      cur = merged;
      ncur = nmerged;
    }
  return 0;
}

/* The result freed in the round that made it, then merged and freed again as
   the previous result in the next round.  */
int fold_freed_early(struct lists *l)
{
  char *acc = l->out[0];
  int nacc = l->nout[0];
  l->out[0] = 0;
  for (int i = 1; i < NSLOT; i++)
    {
      char *merged;
      int nmerged;
      if (merge(l->out[i], l->nout[i], acc, nacc, &merged, &nmerged) != 0) /* { dg-warning "use after 'free' of 'acc'" } */
        return NOMEM;
      free(acc); /* { dg-warning "double-'free'" } */
      acc = merged;
      nacc = nmerged;
      free(merged);
    }
  return nacc;
}

/* The result freed after the merge failed (it is NULL there) and again at the
   end on success.  */
int merge_twice(char *a, int na, char *b, int nb)
{
  char *m;
  int nm;
  int rc = merge(a, na, b, nb, &m, &nm);
  if (rc != 0)
    free(m); /* { dg-bogus "double" } */
  else
    free(m);
  free(m); /* { dg-warning "double-'free' of 'm'" } */
  return rc;
}
