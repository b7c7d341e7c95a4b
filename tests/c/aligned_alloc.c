/* aligned_alloc and posix_memalign: the alignment asked for (powers of two
 * up to 64 KiB), EINVAL for invalid alignments, ENOMEM for impossible
 * sizes. posix_memalign reports errors by its return value. */
#include <stdint.h>
#include <stdlib.h>
#include "check.h"

static int aligned(void *p, uintptr_t a) { return ((uintptr_t)p & (a - 1)) == 0; }

int main(void) {
  int bad = 0;
  for (size_t a = 1; a <= 65536; a *= 2) {
    void *p = aligned_alloc(a, 3 * a);
    if (!p || !aligned(p, a)) bad++;
    else memset(p, 0x5a, 3 * a);
    void *q = aligned_alloc(a, 1);
    if (!q || !aligned(q, a)) bad++;
    free(p);
    free(q);
  }
  CHECK_EQ(bad, 0);
  void *p = aligned_alloc(16, 16);
  CHECK(p != 0 && aligned(p, 16));
  free(p);

  errno = 0;
  CHECK(aligned_alloc(3, 16) == 0);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK(aligned_alloc(0, 16) == 0);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK(aligned_alloc(24, 48) == 0);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK(aligned_alloc(16, SIZE_MAX) == 0);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(aligned_alloc(4096, SIZE_MAX - 4096) == 0);
  CHECK_EQ(errno, ENOMEM);

  /* posix_memalign: alignment a power of two multiple of sizeof(void *). */
  bad = 0;
  for (size_t a = sizeof(void *); a <= 65536; a *= 2) {
    void *q = 0;
    if (posix_memalign(&q, a, 100) != 0 || !q || !aligned(q, a)) bad++;
    free(q);
  }
  CHECK_EQ(bad, 0);
  void *q = 0;
  CHECK_EQ(posix_memalign(&q, 16, 0), 0);
  free(q);
  errno = 0;
  CHECK_EQ(posix_memalign(&q, 0, 16), EINVAL);
  CHECK_EQ(posix_memalign(&q, 1, 16), EINVAL);
  CHECK_EQ(posix_memalign(&q, 2, 16), EINVAL);
  CHECK_EQ(posix_memalign(&q, 3, 16), EINVAL);
  CHECK_EQ(posix_memalign(&q, 24, 16), EINVAL);
  CHECK_EQ(posix_memalign(&q, 16, SIZE_MAX), ENOMEM);
  CHECK_EQ(posix_memalign(&q, 16, SIZE_MAX - 16), ENOMEM);
  CHECK_EQ(errno, 0); /* errors are returned, errno untouched */
  return CHECK_DONE();
}
