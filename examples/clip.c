/* CVE-2009-1364 (libwmf), CERT MEM30-C: after realloc moved im->clip->list, the old
   pointer is still used through the struct field.  */
#include <stdlib.h>

typedef struct { int x, y, w, h; } rect;
struct clip { rect *list; int count, max; };
struct image { struct clip *clip; };

void clip_add (struct image *im, const rect *r)
{
  if (im->clip->count == im->clip->max)
    {
      rect *more = realloc (im->clip->list, (im->clip->max + 8) * sizeof (rect));
      if (more == NULL)
        return;
      im->clip->max += 8;
    }
  im->clip->list[im->clip->count] = *r;
  im->clip->count++;
}
