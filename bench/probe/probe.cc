/* probe.cc — per-function cost accounting for the benchmark (bench/probe/build.sh).

   Linked into a private copy of the plugin, built from unmodified plugin sources in
   which build.sh renames mr_lower to mr_lower_real (lower.cc) and mr_analyze to
   mr_analyze_real (engine.c).  The wrappers below time both with the thread's CPU
   clock and, when MEMRULES_PROBE names a file, append one line per function to it:

     name <TAB> blocks <TAB> events <TAB> lower_us <TAB> analyze_us <TAB> work
          <TAB> stopped <TAB> degraded <TAB> findings <TAB> memory_kb <TAB> stopped_memory

   stopped: the work budget (budget=N) or the memory cap (memory=MIB) ended the
   function's analysis early, stopped_memory: it was the memory cap; degraded: some
   block's states were merged past states=N (or to stay under half the memory cap);
   memory_kb: the most the analysis held (states and the engine's tables, KiB).
   Nothing else changes:
   the probe plugin reports the same diagnostics as the real one.  */

/* build.sh passes the headers' absolute paths: an -I for plugin/gcc would let its
   options.h shadow GCC's own.  */
#include PROBE_GCC_COMMON_H
#include PROBE_LOWER_H

#include <time.h>

void mr_lower_real (function *fun, mr_lowered *out);
extern "C" void mr_analyze_real (mr_func *f, const mr_config *cfg, mr_result *out);

static double last_lower_us;

static double
cpu_us ()
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static FILE *
probe_file ()
{
  static FILE *f;
  static bool tried;
  if (!tried)
    {
      tried = true;
      const char *path = getenv ("MEMRULES_PROBE");
      if (path && *path)
	f = fopen (path, "a");
    }
  return f;
}

void
mr_lower (function *fun, mr_lowered *out)
{
  double t0 = cpu_us ();
  mr_lower_real (fun, out);
  last_lower_us = cpu_us () - t0;
}

extern "C" void
mr_analyze (mr_func *f, const mr_config *cfg, mr_result *out)
{
  uint64_t work0 = out->work;
  out->memory_peak = 0;
  uint32_t nf0 = out->nfindings;
  double t0 = cpu_us ();
  mr_analyze_real (f, cfg, out);
  double us = cpu_us () - t0;
  FILE *p = probe_file ();
  if (!p)
    return;
  uint32_t nevents = 0;
  for (uint32_t b = 0; b < f->nblocks; b++)
    nevents += f->blocks[b].nevents;
  fprintf (p, "%s\t%u\t%u\t%.0f\t%.0f\t%llu\t%d\t%d\t%u\t%llu\t%d\n",
	   f->name ? f->name : "?", f->nblocks, nevents, last_lower_us, us,
	   (unsigned long long) (out->work - work0), out->stopped ? 1 : 0,
	   out->degraded ? 1 : 0, out->nfindings - nf0,
	   (unsigned long long) (out->memory_peak >> 10), out->stopped_memory ? 1 : 0);
  fflush (p);
}
