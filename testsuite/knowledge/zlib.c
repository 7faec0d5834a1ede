/* zlib through its real header (zlib1g-dev): gzopen's gzFile is freed by gzclose;
   a z_stream's zalloc/zfree members follow the function-pointer rule (zfree takes
   the opaque context first, the pointer last).  deflateInit/deflateEnd work on a
   z_stream the caller owns: no family (docs/knowledge-base.md).  */
#include <stdlib.h>
#include <zlib.h>

void test_1(const char *path)
{
  gzFile f = gzopen(path, "rb");
  if (!f)
    return;
  gzclose(f); /* { dg-message "first 'gzclose' here" } */
  gzclose(f); /* { dg-warning "double-'gzclose' of 'f'" } */
}

int test_2(const char *path, int strict)
{
  gzFile f = gzopen(path, "rb"); /* { dg-message "allocated here" } */
  if (!f)
    return -1;
  if (strict)
    return -1; /* { dg-warning "leak of 'f'" } */
  return gzclose(f);
}

/* The allocation functions of a stream.  */
void test_3(z_stream *strm)
{
  void *w = strm->zalloc(strm->opaque, 1, 1024);
  if (!w)
    return;
  strm->zfree(strm->opaque, w); /* { dg-message "first 'z_stream_s.zfree' here" } */
  strm->zfree(strm->opaque, w); /* { dg-warning "double-'z_stream_s.zfree' of 'w'" } */
}

/* deflateEnd on a local stream releases what it holds, not the stream.  */
int test_4(void)
{
  z_stream s = { 0 };
  if (deflateInit(&s, Z_DEFAULT_COMPRESSION) != Z_OK)
    return -1;
  deflateEnd(&s); /* { dg-bogus "not on the heap" } */
  return 0;
}
