/* findings.c — recording a finding: what a rule calls when it reports.

   A finding is deduplicated on its rule, its event (or the event given as `dedup`)
   and its subject, so a defect that many paths reach is reported once.  The rule
   words the message later, from the finding (rule-message.h); the findings are
   sorted by event, then rule, when the analysis ends (mr_analyze).  */

#include "engine-int.h"

#include <string.h>

mr_finding *
mr_report_once (mr_ctx *c, mr_rule rule, const mr_event *ev, mr_opnd subject,
		const mr_event *dedup)
{
  if (!c->cfg->enabled[rule])
    return NULL;
  mr_result *out = c->out;
  for (uint32_t i = 0; i < out->nfindings; i++)
    {
      mr_finding *fd = &out->findings[i];
      if (fd->rule == rule && fd->dedup == dedup && fd->subject.kind == subject.kind
	  && fd->subject.id == subject.id)
	return NULL;
    }
  MR_VEC_PUSH (out->findings, out->nfindings, out->cap_findings);
  mr_finding *fd = &out->findings[out->nfindings - 1];
  memset (fd, 0, sizeof *fd);
  fd->rule = rule;
  fd->ev = ev;
  fd->subject = subject;
  fd->dedup = dedup;
  return fd;
}

mr_finding *
mr_report (mr_ctx *c, mr_rule rule, const mr_event *ev, mr_opnd subject)
{
  return mr_report_once (c, rule, ev, subject, ev);
}

void
mr_finding_note (mr_finding *fd, mr_note_kind kind, const mr_event *ev)
{
  if (ev && fd->nnotes < MR_MAX_NOTES)
    fd->notes[fd->nnotes++] = (mr_note) { kind, ev };
}

