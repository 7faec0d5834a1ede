/* rules.c — the rule registry, generated from rules.def: the rule table that the
   help text, SARIF's rule metadata and the docs read (mr_rules), and the hooks of
   each rule (rule.h) that the engine fires.

   Order.  The engine fires a hook's rules in rules.def order.  Where rules judge
   the same event, their conditions exclude one another, so no rule depends on
   another having run first:
     release   double-free, realloc-zero-free (the object was freed, by realloc
               (p, 0) or not), then mismatched-dealloc, free-nonheap, free-offset
               (the first of non-heap, wrong family, offset that applies is the
               one reported: rules/dealloc.h), then sensitive-free;
     use       use-after-free, dangling-return, realloc-zero-free: one report per
               freed object and path, whichever comes first (MR_OBJF_UAF_REPORTED);
     deref     null-deref-alloc, uninit-read, zero-alloc: independent.
   Findings are sorted by event, then rule (mr_analyze), so the order in which
   they are made does not show.  */

#include "engine-int.h"

#include <stdarg.h>
#include <string.h>

const mr_rule_info mr_rules[MR_RULE_COUNT] = {
#define MR_RULE(ENUM, SLUG, CERT, CWE, ON, DESC) { SLUG, CERT, DESC, CWE, ON },
#include "rules.def"
#undef MR_RULE
};

mr_rule
mr_rule_by_slug (const char *slug)
{
  for (int r = 0; r < MR_RULE_COUNT; r++)
    if (strcmp (mr_rules[r].slug, slug) == 0)
      return (mr_rule) r;
  return MR_RULE_COUNT;
}

void
mr_rules_default (mr_config *cfg)
{
  for (int r = 0; r < MR_RULE_COUNT; r++)
    cfg->enabled[r] = mr_rules[r].default_on;
}

#define MR_RULE(ENUM, SLUG, CERT, CWE, ON, DESC) extern MR_DEFINE_RULE (ENUM);
#include "rules.def"
#undef MR_RULE

static const mr_rule_def *const rule_defs[MR_RULE_COUNT] = {
#define MR_RULE(ENUM, SLUG, CERT, CWE, ON, DESC) &mr_rule_def_##ENUM,
#include "rules.def"
#undef MR_RULE
};

/* The hook h of rule d, if it has one.  */
static bool
has_hook (const mr_rule_def *d, mr_hook h)
{
  switch (h)
    {
    case MR_HOOK_SIZE: return d->size != NULL;
    case MR_HOOK_RELEASE: return d->release != NULL;
    case MR_HOOK_HANDOVER: return d->handover != NULL;
    case MR_HOOK_REALLOC_FAIL: return d->realloc_fail != NULL;
    case MR_HOOK_USE: return d->use != NULL;
    case MR_HOOK_DEREF: return d->deref != NULL;
    case MR_HOOK_OVERWRITE: return d->overwrite != NULL;
    case MR_HOOK_AT_RETURN: return d->at_return != NULL;
    default: return false;
    }
}

void
mr_rules_plan (mr_rule_plan *plan, const mr_config *cfg)
{
  for (int h = 0; h < MR_HOOK_COUNT; h++)
    {
      uint32_t n = 0;
      for (int r = 0; r < MR_RULE_COUNT; r++)
	{
	  const mr_rule_def *d = rule_defs[r];
	  if (has_hook (d, (mr_hook) h)
	      && (cfg->enabled[r] || (d->always & (1u << h))))
	    plan->hooks[h][n++] = d;
	}
      plan->hooks[h][n] = NULL;
    }
}

void
mr_rule_cert (mr_rule rule, bool second, mr_message *m)
{
  const char *ids = mr_rules[rule].cert, *comma = strstr (ids, ", ");
  const char *from = ids;
  size_t len = strlen (ids);
  if (comma && second)
    from = comma + 2, len = strlen (from);
  else if (comma)
    len = (size_t) (comma - ids);
  if (len >= sizeof m->cert)
    len = sizeof m->cert - 1;
  memcpy (m->cert, from, len);
  m->cert[len] = '\0';
}

void
mr_rule_message (mr_rule rule, const mr_finding *fd, const mr_words *w, mr_message *m)
{
  memset (m, 0, sizeof *m);
  mr_rule_cert (rule, false, m);
  if (rule_defs[rule]->message)
    rule_defs[rule]->message (fd, w, m);
  else
    {
      m->warning = "%s: %s (%s) [memrules-%s]";
      m->args[0] = mr_rules[rule].description;
      m->args[1] = w->what;
      m->args[2] = m->cert;
      m->args[3] = mr_rules[rule].slug;
    }
}

void
mr_message_warn (mr_message *m, mr_rule rule, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  uint32_t n = 0;
  for (const char *a; (a = va_arg (ap, const char *)) && n < MR_MESSAGE_ARGS - 2;)
    m->args[n++] = a;
  va_end (ap);
  m->warning = format;
  m->args[n++] = m->cert;
  m->args[n++] = mr_rules[rule].slug;
}
