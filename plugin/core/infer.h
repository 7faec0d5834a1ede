/* infer.h — allocators and deallocators recognised by their names, not by a table.

   Two naming rules, both pure string tests here (the GCC glue adds the type checks,
   plugin/gcc/lower-infer.cc):

   - Functions (-fplugin-arg-memrules-infer=names): a declaration with no body named
     PREFIX_free, _destroy, _unref, _release or _close is a deallocator of its pointer
     parameter; one named PREFIX_new, _alloc, _create, _dup or _open returning a pointer
     is an allocator.  They pair by PREFIX: foo_new's memory belongs to foo_free.

   - Function pointers (always on): a global variable or a struct member of function-
     pointer type whose name, once a trailing _fn, _func, _fcn, _cb, _hook or _ptr (or
     fn, func) is dropped, ends in free or dealloc (a deallocator), malloc or alloc,
     calloc, realloc or strdup (case-insensitive): ctx->free, a->alloc.free_fn,
     Curl_cfree, strm->zalloc, xFree.

   What such a rule finds is less certain than a documented allocator: its memory gets
   a family with MR_FAM_UNCERTAIN set, which only ever feeds double-free and
   use-after-free.  The checkers of leak, mismatched-dealloc, free-nonheap,
   free-offset, null-deref-alloc and uninit-read skip it.  */

#ifndef MR_INFER_H
#define MR_INFER_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Set in an mr_family value: the family was inferred (names, function pointers
   outside the knowledge base).  The rest of the value is the family.  */
#define MR_FAM_UNCERTAIN 0x8000u

static inline bool
mr_family_uncertain (unsigned family)
{
  return (family & MR_FAM_UNCERTAIN) != 0;
}

/* -fplugin-arg-memrules-infer=none|bodies|names.  Each level includes the previous.  */
typedef enum mr_infer_mode
{
  MR_INFER_NONE,		/* only the tables: known.def, libs.def, attributes */
  MR_INFER_BODIES,		/* + summaries of the functions of the translation unit */
  MR_INFER_NAMES		/* + bodiless functions by their names */
} mr_infer_mode;

/* Parses "none", "bodies" or "names"; false for anything else.  */
bool mr_infer_mode_parse (const char *s, mr_infer_mode *out);

typedef enum mr_name_role
{
  MR_ROLE_NONE, MR_ROLE_DEALLOC, MR_ROLE_ALLOC
} mr_name_role;

/* The role a function's name gives it (the suffixes of words.def: a prefix's
   deallocator is the first of its MR_WL_DEALLOC_SUFFIX names declared), and the length of its prefix (the part
   before "_free", "_new", ...; never empty).  */
mr_name_role mr_infer_function_name (const char *name, size_t *prefix_len);

/* Does the name say the function takes a reference (foo_ref, foo_retain, foo_addref,
   foo_incref, foo_acquire, foo_hold)?  Its prefix length in *prefix_len.  A function
   that takes one is refcounting: foo_unref twice after it is not a double free.  */
bool mr_infer_takes_reference (const char *name, size_t *prefix_len);

typedef enum mr_ptr_role
{
  MR_PTR_NONE, MR_PTR_FREE, MR_PTR_MALLOC, MR_PTR_CALLOC, MR_PTR_REALLOC, MR_PTR_STRDUP
} mr_ptr_role;

/* The role a function pointer's name gives it; the word (free, malloc, ...) is
   name[*word .. *word + *len), so that a caller can pair Curl_cmalloc with Curl_cfree.  */
mr_ptr_role mr_infer_pointer_name (const char *name, size_t *word, size_t *len);

/* The deallocator a global function pointer named like an allocator pairs with: its
   name with the word at name[word .. word + len) replaced by "free" in the word's
   case (Curl_cmalloc -> Curl_cfree, malloc_fn -> free_fn, xMalloc -> xFree,
   MALLOC -> FREE).  A fresh string: the caller frees it.  */
char *mr_infer_paired_free_name (const char *name, size_t word, size_t len);

/* Does the name a user gave a variable or a field say it holds a secret (MEM03-A,
   sensitive-free): passw, secret, token ... anywhere in it, or key at its end,
   without case (words.def)?  */
bool mr_name_is_secret (const char *name);

#ifdef __cplusplus
}
#endif

#endif /* MR_INFER_H */
