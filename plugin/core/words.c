/* words.c — the words.def table, one slice per list.  */

#include "words.h"
#include "infer.h"

static const mr_word table[] = {
#define MR_WORD(LIST, WORD, ROLE) { MR_WL_##LIST, WORD, MR_PTR_##ROLE },
#include "words.def"
#undef MR_WORD
};

#define NWORDS (sizeof table / sizeof table[0])

const mr_word *
mr_words (mr_word_list list, unsigned *n)
{
  /* A list's rows are together (words.def): find its slice.  */
  unsigned start = 0;
  while (start < NWORDS && table[start].list != list)
    start++;
  unsigned end = start;
  while (end < NWORDS && table[end].list == list)
    end++;
  *n = end - start;
  return table + start;
}
