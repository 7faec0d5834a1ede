/* unused.h — the static functions GCC drops before the pass runs (unused.cc).  */

#ifndef MR_UNUSED_H
#define MR_UNUSED_H

/* A PLUGIN_START_UNIT callback: from then on, a static function GCC removes
   unseen at -O1 and above (one -O0 would have compiled) is lowered and analysed
   as it is removed.  */
void mr_analyse_dropped_functions (void *, void *);

#endif /* MR_UNUSED_H */
