/* sarif-out.h — the memrules findings of a translation unit as a SARIF log, for
   sarif=PATH.  */

#ifndef MR_SARIF_OUT_H
#define MR_SARIF_OUT_H

#include "../core/engine.h"

/* One finding's diagnostics (report.cc declares one around them): the warning that
   was printed and its notes, with the text GCC printed, become one SARIF result when
   the scope ends.  Nothing is kept unless sarif= was given, nor for a warning that was
   not printed (-w, a pragma): report.cc calls warning () only for a printed one.  */
class mr_sarif_scope
{
public:
  explicit mr_sarif_scope (mr_rule rule);
  ~mr_sarif_scope ();
  /* The finding, printed at LOC as TEXT; ERROR when -Werror or error= made it one.  */
  void warning (location_t loc, const char *text, bool error);
  /* A note of the finding, after warning ().  */
  void note (location_t loc, const char *text);
  mr_sarif_scope (const mr_sarif_scope &) = delete;
  mr_sarif_scope &operator= (const mr_sarif_scope &) = delete;
private:
  struct pending;
  mr_rule m_rule;
  pending *m_pending;
};

/* A child process of the compiler (unused.cc: the static functions GCC drops)
   writes the results it would add to the log to file descriptor fd instead; the
   compiler reads them back from the other end, until its end of file, into its
   own log.  */
void mr_sarif_forward (int fd);
void mr_sarif_receive (int fd);

/* The PLUGIN_FINISH callback: writes the log of this translation unit.  */
void mr_sarif_finish (void *gcc_data, void *user_data);

#endif /* MR_SARIF_OUT_H */
