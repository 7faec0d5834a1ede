/* util.h — small helpers shared by the engine: checked allocation, growable arrays.
   The engine is linked into cc1, which exports libiberty's xmalloc and friends; every
   engine symbol therefore carries the mr_ prefix and the library is built with
   -fvisibility=hidden (see GCC-PLUGIN-FACTS.md §1, symbol interposition).  */

#ifndef MR_UTIL_H
#define MR_UTIL_H

#include <stddef.h>

void *mr_xmalloc (size_t n);
void *mr_xcalloc (size_t n, size_t size);
void *mr_xrealloc (void *p, size_t n);

/* Grows the array ARR of N elements (capacity CAP) by one element.  */
#define MR_VEC_PUSH(arr, n, cap)					\
  do {									\
    if ((n) == (cap))							\
      {									\
	(cap) = (cap) ? 2 * (cap) : 4;					\
	(arr) = mr_xrealloc ((arr), (cap) * sizeof *(arr));		\
      }									\
    (n)++;								\
  } while (0)

#endif /* MR_UTIL_H */
