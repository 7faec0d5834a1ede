/* words.h — the word and affix lists of words.def: the words of names that say what
   a function or a variable is (infer.c, families.c read them).  */

#ifndef MR_WORDS_H
#define MR_WORDS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mr_word_list
{
  MR_WL_DEALLOC_SUFFIX, MR_WL_ALLOC_SUFFIX, MR_WL_REFERENCE_SUFFIX,
  MR_WL_POINTER_AFFIX, MR_WL_POINTER_WORD, MR_WL_SECRET_PART, MR_WL_SECRET_SUFFIX,
  MR_WL_RESOURCE_DEALLOCATOR,
  MR_WL_COUNT
} mr_word_list;

typedef struct mr_word
{
  mr_word_list list;
  const char *word;
  int role;			/* POINTER_WORD: an mr_ptr_role (infer.h) */
} mr_word;

/* The words of a list, in words.def's order: *n of them.  */
const mr_word *mr_words (mr_word_list list, unsigned *n);

#ifdef __cplusplus
}
#endif

#endif /* MR_WORDS_H */
