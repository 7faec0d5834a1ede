/* The libwmf (gd) types used by the CVE-2009-1364 seed cases, reduced to the
   fields gdClipSetAdd touches.  */
#ifndef MEMRULES_TEST_GD_H
#define MEMRULES_TEST_GD_H

#include <stddef.h>

typedef struct {
  int x_min, y_min, x_max, y_max;
} gdClipRectangle, *gdClipRectanglePtr;

typedef struct {
  int max;
  int count;
  gdClipRectanglePtr list;
} gdClipSet, *gdClipSetPtr;

typedef struct {
  /* ... */
  gdClipSetPtr clip;
} gdImage, *gdImagePtr;

#endif
