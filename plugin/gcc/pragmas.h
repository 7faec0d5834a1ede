/* pragmas.h — `#pragma memrules ...` and the __MEMRULES__ macro.  */

#ifndef MR_PRAGMAS_H
#define MR_PRAGMAS_H

/* The PLUGIN_PRAGMAS callback: registers the pragma with the C or C++ front end and
   defines __MEMRULES__.  Does nothing where there is no front end (lto1).  */
void mr_pragmas_register (void *gcc_data, void *user_data);

#endif /* MR_PRAGMAS_H */
