/* knowledge.h — the one row schema of the function tables (known.def, libs.def).

   Each row of either table is
       MR_FN (NAME, KIND, FAMILY, ARG, DEREF, WRITE, FLAGS)
     NAME    the function's name, as callers call it (the C linkage name)
     KIND    what it does with memory: ALLOC, FREE, REALLOC, USE, PRINTF (known.def);
             ALLOC, FREE, REALLOC, POOL, OUT (libs.def; a families file adds NORETURN).
             Each table's header says what its kinds mean.
     FAMILY  the family's deallocator, which names it in messages ("g_free"); "free"
             is malloc's family, "alloca" stack memory (never freed), NULL no family
     ARG     the argument KIND is about (0-based): the one FREE releases, REALLOC
             moves, OUT stores through, ALLOC_IF_NULL_ARG tests; PRINTF's format
     DEREF   bit i: the function reads or writes through argument i
     WRITE   bit i: it writes through argument i (anything else it leaves alone);
             without DEREF bit i, only when argument i is not NULL (strtol's
             endptr): the argument counts as written, nothing is checked there
     FLAGS   the MR_KF_ flags below, or 0

   Two tables, one schema: known.def is looked up first, for every call, even to a
   function with a body in the translation unit (the C library is never analysed as
   code), and describes argument effects; libs.def and a families file describe
   libraries only where they are called without a body here (docs/knowledge-base.md).

   No caller decodes the bits: test a flag by name, read an argument number with
   mr_kf_size_arg or mr_kf_returned_arg.  */

#ifndef MR_KNOWLEDGE_H
#define MR_KNOWLEDGE_H

#define MR_KF_MAY_FAIL		0x01u	/* ALLOC, REALLOC: may return NULL (its result
					   must be checked; without it a realloc only
					   succeeds, g_realloc-style) */
#define MR_KF_UNINIT		0x02u	/* ALLOC: the contents are uninitialised */
#define MR_KF_CLEARS		0x04u	/* USE: clears argument 0 for good, a clearing the
					   compiler may not remove (sensitive-free) */
#define MR_KF_WRITES_UNBOUNDED	0x08u	/* USE: writes through argument 0 with no size
					   given (strcpy: it assumes room) */
#define MR_KF_AT_UNKNOWN_OFFSET	0x10u	/* with MR_KF_RETURNS_ARG: returns a pointer into
					   the argument at an offset it does not say
					   (stpcpy: its end) */
#define MR_KF_ACCEPTS_NULL	0x20u	/* FREE: the deallocator accepts NULL */
#define MR_KF_ALLOC_IF_NULL_ARG	0x40u	/* ALLOC: allocates only when argument ARG is a
					   null constant (realpath (p, NULL), getcwd) */
#define MR_KF_OUT_MOVES		0x80u	/* OUT: what argument ARG points to holds memory of
					   the family after every call, the caller's own:
					   the pointer it held before, moved (getline's
					   buffer, grown by realloc or made from NULL) */
#define MR_KF_APPENDS		0x01000000u	/* USE: reads the string argument 0 points
					   to, then writes there (strcat appends to
					   it): the call reads it (an uninitialised
					   buffer is read) and what was known of its
					   contents is gone after it; WRITE bit 0 says
					   it writes */
#define MR_KF_FAIL_FREES	0x02000000u	/* REALLOC: frees its argument when it
					   fails (BSD's reallocf): the failure
					   path holds NULL and the old block
					   freed */
/* ALLOC: argument i is the size in bytes.  */
#define MR_KF_SIZE_ARG(i)	((unsigned) ((i) + 1) << 8)
/* USE: returns argument i (memcpy, strcpy: a copy of the pointer).  */
#define MR_KF_RETURNS_ARG(i)	((unsigned) ((i) + 1) << 16)

/* The argument MR_KF_SIZE_ARG names in flags, or ~0u for none.  */
static inline unsigned
mr_kf_size_arg (unsigned flags)
{
  return ((flags >> 8) & 0xffu) - 1u;
}

/* The argument MR_KF_RETURNS_ARG names in flags, or ~0u for none.  */
static inline unsigned
mr_kf_returned_arg (unsigned flags)
{
  return ((flags >> 16) & 0xffu) - 1u;
}

#endif /* MR_KNOWLEDGE_H */
