/* rule-message.h — a finding's message, as its rule words it (the rule's file under
   rules/ owns its text) and the glue prints it (report.cc: the generic reporter
   fills in the words only it can make, formats with GCC's quotes and emits).  */

#ifndef MR_RULE_MESSAGE_H
#define MR_RULE_MESSAGE_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The words of a message that only the glue can make (names as the user wrote
   them, GCC's quotes).  Each is a C string, never NULL.  */
typedef struct mr_words
{
  const char *what;		/* the subject, quoted ("'p'"), or "memory" */
  const char *dealloc;		/* the deallocator of fd->ev ("free", "delete[]") */
  const char *freed_by;		/* the deallocator of fd->freed_by */
  const char *expected;		/* the deallocator of family fd->expected */
  const char *allocator;	/* the allocator named by a size, or by malloc-cast */
  const char *product;		/* the product in a size ("'n' * 16") */
  const char *type;		/* malloc-cast: the type cast to */
} mr_words;

#define MR_MESSAGE_ARGS 6

/* A finding's diagnostics, as formats for report.cc's mr_vformat (GCC's directives
   %s, %qs, %< and %>) and their string arguments, in order.  */
typedef struct mr_message
{
  const char *warning;
  const char *args[MR_MESSAGE_ARGS];
  const char *note;		/* a note at the warning's location, or NULL */
  const char *note_args[2];
  const char *last_note;	/* a note at the warning's location after the
				   finding's notes (mr_note), or NULL */
  const char *last_args[2];
  char cert[32];		/* the CERT id cited (mr_rule_cert) */
  char number[24];		/* a number a format cites, as text */
} mr_message;

/* The message of finding fd (rule: fd's, or the one given when fd is NULL).  */
void mr_rule_message (mr_rule rule, const mr_finding *fd, const mr_words *w, mr_message *m);

/* Writes into m->cert the CERT id a finding cites: rules.def lists the rule's
   main id first, then (if any) the one of a second form (the C++ one for a
   delete; EXP33-C for an uninitialised variable); second picks it.  */
void mr_rule_cert (mr_rule rule, bool second, mr_message *m);

/* The CERT id, slug and arguments of a warning: rules end theirs with
   "(%s) [memrules-%s]", which mr_message_warn fills in after the NULL-terminated
   string arguments given.  */
void mr_message_warn (mr_message *m, mr_rule rule, const char *format, ...);

#ifdef __cplusplus
}
#endif

#endif /* MR_RULE_MESSAGE_H */
