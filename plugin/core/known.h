/* known.h — lookups in known.def: C library functions the engine understands.  */

#ifndef MR_KNOWN_H
#define MR_KNOWN_H

#include "knowledge.h"
#include "memir.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mr_known_kind
{
  MR_KNOWN_ALLOC, MR_KNOWN_FREE, MR_KNOWN_REALLOC, MR_KNOWN_USE, MR_KNOWN_PRINTF
} mr_known_kind;

typedef struct mr_known
{
  const char *name;
  mr_known_kind kind;
  mr_family family;
  unsigned arg;			/* PRINTF: the format's argument (knowledge.h) */
  uint32_t deref_mask, write_mask;
  unsigned flags;		/* MR_KF_ flags (knowledge.h) */
} mr_known;

/* The entry for a function name, or NULL.  */
const mr_known *mr_known_lookup (const char *name);

/* Where data from outside the program enters it (inputs.def).  */
typedef enum mr_input_how
{
  MR_INPUT_RESULT, MR_INPUT_WRITES, MR_INPUT_PARSES
} mr_input_how;

typedef struct mr_input
{
  const char *name;
  mr_input_how how;
  unsigned arg;			/* WRITES: the first argument written; PARSES: the text */
} mr_input;

/* The inputs.def entry for a function name, or NULL.  */
const mr_input *mr_input_lookup (const char *name);

/* For a printf-style format, the mask of the variadic arguments (numbered from
   first_arg) that %s reads.  Stops at the first conversion it cannot follow.  */
uint32_t mr_printf_deref_mask (const char *format, uint32_t first_arg);

#ifdef __cplusplus
}
#endif

#endif /* MR_KNOWN_H */
