/* <wasi/api.h> in the p2 sysroot: the preview1 types and constants are
 * there (the functions are marked unavailable: using one is a compile
 * error, see docs/threads.md). The sizes and values are the witx ABI's, the
 * same as tests/c/wasi_api.stdout's last lines (from a wasi-libc run). */
#include <stddef.h>
#include <stdio.h>
#include <wasi/api.h>

int main(void) {
  printf("sizes: dirent %zu fdstat %zu filestat %zu event %zu subscription %zu prestat %zu\n",
         sizeof(__wasi_dirent_t), sizeof(__wasi_fdstat_t), sizeof(__wasi_filestat_t),
         sizeof(__wasi_event_t), sizeof(__wasi_subscription_t), sizeof(__wasi_prestat_t));
  printf("offsets: fdstat.fs_rights_base %zu filestat.size %zu event.fd_readwrite %zu "
         "subscription.u %zu clock.timeout %zu\n",
         offsetof(__wasi_fdstat_t, fs_rights_base), offsetof(__wasi_filestat_t, size),
         offsetof(__wasi_event_t, fd_readwrite), offsetof(__wasi_subscription_t, u),
         offsetof(__wasi_subscription_clock_t, timeout));
  printf("errno: BADF %d NOENT %d EXIST %d NOTCAPABLE %d; rights SOCK_ACCEPT %llu\n",
         __WASI_ERRNO_BADF, __WASI_ERRNO_NOENT, __WASI_ERRNO_EXIST, __WASI_ERRNO_NOTCAPABLE,
         (unsigned long long)__WASI_RIGHTS_SOCK_ACCEPT);
  return 0;
}
