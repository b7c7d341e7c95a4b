/* Every public header in one translation unit, run: they must not clash
 * (e.g. struct timeval in sys/time.h and sys/select.h). */
#include <arpa/inet.h>
#include <assert.h>
#include <complex.h>
#include <crypt.h>
#include <ctype.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fenv.h>
#include <fcntl.h>
#include <iconv.h>
#include <fnmatch.h>
#include <glob.h>
#include <fmtmsg.h>
#include <fts.h>
#include <ftw.h>
#include <getopt.h>
#include <libgen.h>
#include <inttypes.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <monetary.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nl_types.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#if defined(__wasm_exception_handling__) && __clang_major__ >= 19
#include <setjmp.h> /* only with -mllvm -wasm-enable-sjlj (it #errors otherwise) */
#endif
#include <regex.h>
#include <search.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <threads.h>
#include <tgmath.h>
#include <time.h>
#include <uchar.h>
#include <unistd.h>
#include <wasi/api.h>
#include <wasm_libc.h>
#include <wchar.h>
#include <wctype.h>
/* system area (issue 11) */
#include <malloc.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <sys/timeb.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <utime.h>
#include <alloca.h>
#include <byteswap.h>
#include <endian.h>
#include <sys/param.h>
#include <sys/un.h>
#include <sysexits.h>
/* The rest of tests/parity/headers.txt (tests/parity.rs checks that this
 * file includes every header listed there). */
#include <ar.h>
#include <arpa/ftp.h>
#include <arpa/nameser.h>
#include <arpa/nameser_compat.h>
#include <arpa/telnet.h>
#include <arpa/tftp.h>
#include <cpio.h>
#include <features.h>
#include <float.h>
#include <ifaddrs.h>
#include <iso646.h>
#include <memory.h>
#include <mqueue.h>
#include <netinet/icmp6.h>
#include <netinet/igmp.h>
#include <netinet/in_systm.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/ip_icmp.h>
#include <netinet/udp.h>
#include <netpacket/packet.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdc-predef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdnoreturn.h>
#include <stropts.h>
#include <sys/dir.h>
#include <sys/errno.h>
#include <sys/eventfd.h>
#include <sys/fcntl.h>
#include <sys/poll.h>
#include <sys/reg.h>
#include <sys/signal.h>
#include <sys/stropts.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <sys/ttydefaults.h>
#include <syscall.h>
#include <tar.h>
#include <values.h>
#include <wasi/libc-environ.h>
#include <wasi/libc-find-relpath.h>
#include <wasi/libc-nocwd.h>
#include <wasi/libc.h>
#include "check.h"

int main(void) {
  struct timeval tv;
  CHECK(gettimeofday(&tv, 0) == 0);
  fd_set s;
  FD_ZERO(&s);
  FD_SET(3, &s);
  CHECK(FD_ISSET(3, &s));
  CHECK_EQ(htons(0x1234), 0x3412);
  CHECK(isdigit('7'));
  CHECK_EQ((long)floor(2.5), 2);
  CHECK(setlocale(LC_ALL, "C") != 0);
  CHECK(iswalpha(L'x') && wcslen(L"ab") == 2 && MB_CUR_MAX == 1);
  return CHECK_DONE();
}
