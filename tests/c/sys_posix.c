/* Where wasm-libc deliberately differs from wasi-libc, or wasi-libc lacks
 * the function (hand-checked CHECKs; the reasons are in the library's doc
 * comments and docs/design.md):
 * - sysconf: _SC_PHYS_PAGES/_SC_AVPHYS_PAGES from linear memory (wasi-libc
 *   returns raw internal codes -248/-247), _SC_ATEXIT_MAX the atexit
 *   table's 32 (wasi-libc: -1);
 * - posix_fallocate extends the file (wasmtime: ENOTSUP), EINVAL for len 0;
 * - FIONREAD on a file: the bytes after the position (wasi-libc asks the
 *   host, wasmtime says 0);
 * - statvfs/fstatvfs: the path's or descriptor's own error first;
 * - preadv/pwritev over several buffers (wasmtime moves only the first);
 * - getrlimit/setrlimit, getrusage, times, sysinfo, flock, fcntl locks,
 *   mmap/munmap, memalign/valloc (not in wasi-libc's libc.a). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  long phys = sysconf(_SC_PHYS_PAGES), av = sysconf(_SC_AVPHYS_PAGES);
  CHECK_EQ(phys, 65536);
  CHECK(av > 0 && av < phys);
  CHECK_EQ(sysconf(_SC_ATEXIT_MAX), 32);
  CHECK_EQ(sysconf(_SC_NPROCESSORS_ONLN), 1);
  CHECK_EQ(get_nprocs(), 1);
  CHECK_EQ(get_nprocs_conf(), 1);
  CHECK_EQ(get_phys_pages(), 65536);
  CHECK(get_avphys_pages() > 0);
  struct sysinfo si;
  CHECK_EQ(sysinfo(&si), 0);
  CHECK_EQ(si.mem_unit, 65536);
  CHECK_EQ(si.totalram, 65536);
  CHECK(si.freeram > 0 && si.freeram < si.totalram);
  CHECK_EQ(si.procs, 1);

  int fd = open("f", O_CREAT | O_RDWR, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "hello", 5), 5);
  CHECK_EQ(lseek(fd, 1, SEEK_SET), 1);
  int n = -7;
  CHECK_EQ(ioctl(fd, FIONREAD, &n), 0);
  CHECK_EQ(n, 4);
  CHECK_EQ(posix_fallocate(fd, 0, 3), 0);
  struct stat st;
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK_EQ(st.st_size, 5);
  CHECK_EQ(posix_fallocate(fd, 4, 96), 0);
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK_EQ(st.st_size, 100);
  CHECK_EQ(posix_fallocate(fd, 0, 0), EINVAL);
  CHECK_EQ(posix_fallocate(0, 0, 1), ESPIPE);
  CHECK_EQ(posix_fadvise(fd, 0, 0, 99), EINVAL);
  CHECK_EQ(posix_fadvise(fd, 0, -1, POSIX_FADV_NORMAL), EINVAL);

  struct statvfs sv;
  CHECK_ERR(statvfs("missing", &sv), ENOENT);
  CHECK_ERR(statvfs(".", &sv), ENOSYS);
  CHECK_ERR(fstatvfs(99, &sv), EBADF);
  CHECK_ERR(fstatvfs(fd, &sv), ENOSYS);

  char a[3] = "abc", b[5] = "defgh";
  struct iovec w[3] = {{a, 3}, {NULL, 0}, {b, 5}};
  CHECK_EQ(pwritev(fd, w, 3, 10), 8);
  char r1[4], r2[4];
  struct iovec rv[2] = {{r1, 4}, {r2, 4}};
  CHECK_EQ(preadv(fd, rv, 2, 10), 8);
  CHECK(memcmp(r1, "abcd", 4) == 0 && memcmp(r2, "efgh", 4) == 0);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 1);

  /* Locks: granted (one process), checked. */
  struct flock fl = {F_WRLCK, SEEK_SET, 0, 0, 0};
  CHECK_EQ(fcntl(fd, F_SETLK, &fl), 0);
  CHECK_EQ(fcntl(fd, F_SETLKW, &fl), 0);
  fl.l_type = F_RDLCK;
  CHECK_EQ(fcntl(fd, F_GETLK, &fl), 0);
  CHECK_EQ(fl.l_type, F_UNLCK);
  fl.l_type = 7;
  CHECK_ERR(fcntl(fd, F_SETLK, &fl), EINVAL);
  fl.l_type = F_UNLCK;
  CHECK_EQ(fcntl(fd, F_SETLK, &fl), 0);
  CHECK_ERR(fcntl(99, F_SETLK, &fl), EBADF);
  CHECK_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
  CHECK_EQ(flock(fd, LOCK_UN), 0);
  CHECK_ERR(flock(fd, 0), EINVAL);
  CHECK_ERR(flock(99, LOCK_SH), EBADF);
  int rd = open("f", O_RDONLY);
  fl.l_type = F_WRLCK;
  CHECK_ERR(fcntl(rd, F_SETLK, &fl), EBADF);
  fl.l_type = F_RDLCK;
  CHECK_EQ(fcntl(rd, F_SETLK, &fl), 0);

  /* mmap: anonymous zeroed memory; a private copy of a file. */
  char *m = mmap(NULL, 100000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(m != MAP_FAILED);
  CHECK(m[0] == 0 && m[99999] == 0);
  m[5] = 1;
  CHECK_ERR(munmap(m, 99), EINVAL);
  CHECK_EQ(munmap(m, 100000), 0);
  CHECK_ERR(munmap(m, 100000), EINVAL);
  char *fm = mmap(NULL, 200, PROT_READ | PROT_WRITE, MAP_PRIVATE, rd, 0);
  CHECK(fm != MAP_FAILED);
  CHECK(memcmp(fm, "hello", 5) == 0 && memcmp(fm + 10, "abcdefgh", 8) == 0);
  CHECK(fm[100] == 0 && fm[199] == 0);
  fm[0] = 'J';
  CHECK_EQ(pread(rd, r1, 1, 0), 1);
  CHECK_EQ(r1[0], 'h');
  CHECK_EQ(msync(fm, 200, MS_SYNC), 0);
  CHECK_ERR(msync(fm, 200, MS_SYNC | MS_ASYNC), EINVAL);
  CHECK_EQ(mprotect(fm, 200, PROT_READ), 0);
  CHECK_EQ(madvise(fm, 200, MADV_WILLNEED), 0);
  CHECK_EQ(posix_madvise(fm, 200, POSIX_MADV_SEQUENTIAL), 0);
  CHECK_EQ(posix_madvise(fm, 200, 77), EINVAL);
  CHECK_EQ(munmap(fm, 200), 0);
  char *sm = mmap(NULL, 10, PROT_READ, MAP_SHARED, rd, 0);
  CHECK(sm != MAP_FAILED && sm[1] == 'e');
  CHECK_EQ(munmap(sm, 10), 0);
  CHECK(mmap(NULL, 10, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED);
  CHECK_EQ(errno, ENOTSUP);
  CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
  CHECK_EQ(errno, EINVAL);
  CHECK(mmap(NULL, 10, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED);
  CHECK_EQ(errno, EBADF);
  CHECK(mmap((void *)65536, 10, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED);
  CHECK_EQ(errno, EINVAL);
  close(rd);
  close(fd);

  void *p = memalign(256, 10);
  CHECK(p && (unsigned long)p % 256 == 0);
  free(p);
  CHECK(memalign(3, 10) == NULL);
  CHECK_EQ(errno, EINVAL);
  p = valloc(10);
  CHECK(p && (unsigned long)p % 65536 == 0);
  free(p);
  p = pvalloc(1);
  CHECK(p && (unsigned long)p % 65536 == 0 && malloc_usable_size(p) >= 65536);
  free(p);

  /* Resource limits: recorded, only lowered. */
  struct rlimit rl;
  CHECK_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
  CHECK(rl.rlim_cur == RLIM_INFINITY && rl.rlim_max == RLIM_INFINITY);
  CHECK_EQ(getrlimit(RLIMIT_AS, &rl), 0);
  CHECK(rl.rlim_cur == 1ull << 32);
  rl.rlim_cur = 1000; rl.rlim_max = 2000;
  CHECK_EQ(setrlimit(RLIMIT_CORE, &rl), 0);
  CHECK_EQ(getrlimit(RLIMIT_CORE, &rl), 0);
  CHECK(rl.rlim_cur == 1000 && rl.rlim_max == 2000);
  rl.rlim_max = 3000;
  CHECK_ERR(setrlimit(RLIMIT_CORE, &rl), EPERM);
  rl.rlim_cur = 2500; rl.rlim_max = 2000;
  CHECK_ERR(setrlimit(RLIMIT_CORE, &rl), EINVAL);
  CHECK_ERR(getrlimit(99, &rl), EINVAL);
  CHECK_EQ(getpriority(PRIO_PROCESS, 0), 0);
  CHECK_EQ(setpriority(PRIO_PROCESS, 0, 5), 0);
  CHECK_EQ(getpriority(PRIO_PROCESS, 0), 5);
  CHECK_ERR(setpriority(PRIO_PROCESS, 0, 1), EACCES);

  struct rusage ru;
  CHECK_EQ(getrusage(RUSAGE_SELF, &ru), 0);
  usleep(20000);
  struct rusage ru2;
  CHECK_EQ(getrusage(RUSAGE_SELF, &ru2), 0);
  long long us1 = ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec;
  long long us2 = ru2.ru_utime.tv_sec * 1000000LL + ru2.ru_utime.tv_usec;
  CHECK(us2 - us1 >= 20000);
  CHECK(ru2.ru_maxrss >= 64);
  CHECK_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
  CHECK(ru.ru_utime.tv_sec == 0 && ru.ru_utime.tv_usec == 0);
  CHECK_ERR(getrusage(5, &ru), EINVAL);
  struct tms t1, t2;
  clock_t c1 = times(&t1);
  usleep(30000);
  clock_t c2 = times(&t2);
  CHECK(c1 != (clock_t)-1 && c2 - c1 >= 3);
  CHECK(t2.tms_utime - t1.tms_utime >= 3);
  CHECK(t2.tms_stime == 0 && t2.tms_cutime == 0);
  /* Real sleeps: relative and absolute (monotonic and realtime). */
  struct timespec m0, m1, dl;
  clock_gettime(CLOCK_MONOTONIC, &m0);
  dl = m0;
  dl.tv_nsec += 30000000;
  if (dl.tv_nsec >= 1000000000) { dl.tv_sec++; dl.tv_nsec -= 1000000000; }
  CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL), 0);
  clock_gettime(CLOCK_MONOTONIC, &m1);
  CHECK((m1.tv_sec - m0.tv_sec) * 1000000000LL + (m1.tv_nsec - m0.tv_nsec) >= 30000000);
  clock_gettime(CLOCK_REALTIME, &dl);
  dl.tv_sec += 1;
  clock_gettime(CLOCK_MONOTONIC, &m0);
  CHECK_EQ(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &dl, NULL), 0);
  clock_gettime(CLOCK_MONOTONIC, &m1);
  CHECK((m1.tv_sec - m0.tv_sec) * 1000000000LL + (m1.tv_nsec - m0.tv_nsec) >= 900000000);
  CHECK_EQ(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &dl, NULL), EINVAL);
  CHECK_EQ(getpid(), 42);
  return CHECK_DONE();
}
