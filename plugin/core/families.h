/* families.h — allocator families known by name: the shipped knowledge base
   (libs.def) and a user's families file (-fplugin-arg-memrules-families=FILE).

   A families file has one function per line; '#' starts a comment:
       alloc    NAME FAMILY          NAME returns memory released by FAMILY, never NULL
                                     (xmalloc: it does not return when out of memory)
       alloc?   NAME FAMILY          the same, and NAME may return NULL
       alloc!   NAME FAMILY          alloc, said explicitly
       free     NAME FAMILY [ARG]    NAME releases its argument ARG (1-based, default 1)
       realloc  NAME FAMILY [ARG]    NAME moves argument ARG, like realloc: it may
                                     return NULL and leave the argument alone
       realloc! NAME FAMILY [ARG]    the same, and NAME never returns NULL (xrealloc)
       pool     NAME                 NAME returns pool memory: never leaked or freed alone
       out      NAME FAMILY [ARG]    NAME stores memory of FAMILY through its argument ARG
                                     (asprintf (&s, ...): ARG 1)
       noreturn NAME                 NAME never returns (a fatal error handler)
   FAMILY is the name of the family's deallocator (g_free, talloc_free, ...).
   A declaration with __attribute__ ((returns_nonnull)) makes alloc? and realloc
   lines never NULL too.  */

#ifndef MR_FAMILIES_H
#define MR_FAMILIES_H

#include "knowledge.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mr_lib_kind
{
  MR_LIB_ALLOC, MR_LIB_FREE, MR_LIB_REALLOC, MR_LIB_POOL,
  MR_LIB_OUT,			/* stores a new allocation through argument ARG */
  MR_LIB_NORETURN		/* never returns (a families file's noreturn line) */
} mr_lib_kind;

typedef struct mr_lib
{
  const char *name;
  mr_lib_kind kind;
  const char *family;
  unsigned arg;			/* 0-based */
  unsigned flags;		/* MR_KF_MAY_FAIL, MR_KF_ACCEPTS_NULL,
				   MR_KF_ALLOC_IF_NULL_ARG (knowledge.h) */
} mr_lib;

/* The family a deallocator's name stands for: MR_FAM_MALLOC for "free", else
   MR_FAM_USER + i, the i-th name registered (registered on first sight), or
   MR_FAM_NONE once there are too many.  Families beyond the C library's and C++'s
   are named so: user allocators (__attribute__ ((malloc (dealloc, n)))), the
   shipped knowledge base (libs.def) and families files.  Mixing such memory with
   free is a mismatch.  */
unsigned mr_family_by_name (const char *name);

/* The same family marked uncertain (MR_FAM_UNCERTAIN, infer.h): what names and
   function pointers say, outside the tables.  MR_FAM_NONE stays itself.  */
unsigned mr_uncertain_family_by_name (const char *name);

/* The deallocator's name of a user family (MR_FAM_USER + i, uncertain or not),
   or NULL (report.cc names families with it).  */
const char *mr_user_family_name (unsigned family);

/* Is name the deallocator of something that is not memory to this plugin (fclose,
   closedir ...: words.def's RESOURCE_DEALLOCATOR)?  */
bool mr_resource_deallocator_name_p (const char *name);

/* The entry for a function name (the user's families first), or NULL.  */
const mr_lib *mr_lib_lookup (const char *name);

/* Adds the entries of a families file's text.  On a bad line, returns false with
   *bad_line and a message saying what is accepted in err.  */
bool mr_families_parse (const char *text, unsigned *bad_line, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* MR_FAMILIES_H */
