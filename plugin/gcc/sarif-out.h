/* sarif-out.h — collects the memrules diagnostics GCC prints, for sarif=PATH.  */

#ifndef MR_SARIF_OUT_H
#define MR_SARIF_OUT_H

#include "../core/engine.h"

/* Declared around the diagnostics of one finding (report.cc): every diagnostic GCC
   prints while it is in scope, the warning (or error) and its notes, goes into the
   SARIF log as one result, with the text and locations GCC printed.  Nothing happens
   unless sarif= was given, or if the warning was not printed (-w).  */
class mr_sarif_scope
{
public:
  explicit mr_sarif_scope (mr_rule rule);
  ~mr_sarif_scope ();
private:
  bool m_active;
  mr_rule m_rule;
};

/* The PLUGIN_FINISH callback: writes the log of this translation unit.  */
void mr_sarif_finish (void *gcc_data, void *user_data);

#endif /* MR_SARIF_OUT_H */
