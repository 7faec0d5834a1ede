/* memrules.h — portable memrules suppressions, for code that is also built without
   the plugin.

   `#pragma memrules ...` is unknown to a GCC without the plugin (and to Clang, MSVC):
   -Wall turns on -Wunknown-pragmas, and -Werror then fails the build.  These macros
   expand to the pragma (through C99/C++11 _Pragma) only while the memrules plugin
   is loaded, which defines __MEMRULES__, and to nothing otherwise:

     #include <memrules.h>

     MEMRULES_IGNORE ("leak")          // from here to the end of this file
     MEMRULES_PUSH                     // save this file's state
     MEMRULES_IGNORE ("double-free", "use-after-free")
     ...
     MEMRULES_POP                      // and restore it
     MEMRULES_ERROR ("use-after-free") // always an error in this file
     MEMRULES_WARN ("leak")            // a warning, even under -Werror

   No semicolon after them: they stand for a whole `#pragma` line, at file scope or
   between statements.  Rule names: gcc -fplugin=memrules -fplugin-arg-memrules-help.
   This header is public domain (CC0): copy it into any project.  */

#ifndef MEMRULES_H
#define MEMRULES_H

#ifdef __MEMRULES__
#define MEMRULES_PRAGMA_(...) _Pragma (#__VA_ARGS__)
#define MEMRULES_IGNORE(...) MEMRULES_PRAGMA_ (memrules ignore __VA_ARGS__)
#define MEMRULES_WARN(...) MEMRULES_PRAGMA_ (memrules warn __VA_ARGS__)
#define MEMRULES_ERROR(...) MEMRULES_PRAGMA_ (memrules error __VA_ARGS__)
#define MEMRULES_PUSH MEMRULES_PRAGMA_ (memrules push)
#define MEMRULES_POP MEMRULES_PRAGMA_ (memrules pop)
#else
#define MEMRULES_IGNORE(...)
#define MEMRULES_WARN(...)
#define MEMRULES_ERROR(...)
#define MEMRULES_PUSH
#define MEMRULES_POP
#endif

#endif /* MEMRULES_H */
