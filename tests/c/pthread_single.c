/* What pthread and C11 thread calls do in a program that can only have one
 * thread (wasm32-wasip1 without wasi-threads). Hand-checked against POSIX;
 * where wasi-libc's single-threaded build differs, the comment says so.
 * (A glibc run differs by design: it can create threads.) */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <threads.h>
#include "check.h"

static void *start(void *a) { return a; }
static int c11_start(void *a) { (void)a; return 0; }

int main(void) {
  pthread_t t = 0;
  /* POSIX: EAGAIN "lacked the necessary resources to create another
   * thread" (wasi-libc answers ENOTSUP, which POSIX does not list). */
  CHECK_EQ(pthread_create(&t, 0, start, 0), EAGAIN);
  thrd_t ct;
  CHECK_EQ(thrd_create(&ct, c11_start, 0), thrd_nomem);
  pthread_t self = pthread_self();
  CHECK(self != 0);
  CHECK((void *)thrd_current() == (void *)self);
  /* Joining oneself: EDEADLK; no other thread exists: ESRCH (wasi-libc
   * returns 0 for both without writing the result). */
  void *res = &t;
  CHECK_EQ(pthread_join(self, &res), EDEADLK);
  CHECK(res == &t);
  CHECK_EQ(pthread_tryjoin_np(self, &res), EDEADLK);
  CHECK_EQ(pthread_detach(self), 0);
  CHECK_EQ(thrd_detach(thrd_current()), thrd_success);
  /* No cancellation in WASI (as wasi-libc). */
  CHECK_EQ(pthread_cancel(self), ENOTSUP);

  /* Relocking a held default mutex would deadlock the only thread:
   * EDEADLK (undefined in POSIX; wasi-libc returns 0 without locking). */
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  CHECK_EQ(pthread_mutex_lock(&m), 0);
  CHECK_EQ(pthread_mutex_lock(&m), EDEADLK);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);
  /* Unlocking an unlocked default mutex: EPERM (as wasi-libc). */
  CHECK_EQ(pthread_mutex_unlock(&m), EPERM);
  /* A spin lock or rwlock held by the caller: EDEADLK (as wasi-libc). */
  pthread_spinlock_t s;
  pthread_spin_init(&s, 0);
  CHECK_EQ(pthread_spin_lock(&s), 0);
  CHECK_EQ(pthread_spin_lock(&s), EDEADLK);
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_wrlock(&rw), EDEADLK);
  struct timespec later;
  clock_gettime(CLOCK_REALTIME, &later);
  later.tv_sec += 100;
  CHECK_EQ(pthread_rwlock_timedwrlock(&rw, &later), EDEADLK);
  pthread_rwlock_unlock(&rw);

  /* Attributes: wasi-libc's values. */
  pthread_attr_t a;
  size_t sz = 1;
  int d = -1;
  void *addr = 0;
  CHECK_EQ(pthread_attr_init(&a), 0);
  CHECK_EQ(pthread_attr_getstacksize(&a, &sz), 0);
  CHECK_EQ(sz, 65536);
  CHECK_EQ(pthread_attr_getguardsize(&a, &sz), 0);
  CHECK_EQ(sz, 0);
  CHECK_EQ(pthread_attr_getdetachstate(&a, &d), 0);
  CHECK_EQ(d, PTHREAD_CREATE_JOINABLE);
  CHECK_EQ(pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN - 1), EINVAL);
  CHECK_EQ(pthread_attr_setstacksize(&a, (size_t)-1), EINVAL);
  CHECK_EQ(pthread_attr_setstacksize(&a, 1 << 20), 0);
  CHECK_EQ(pthread_attr_getstacksize(&a, &sz), 0);
  CHECK_EQ(sz, 1 << 20);
  CHECK_EQ(pthread_attr_setguardsize(&a, 4096), EINVAL);
  CHECK_EQ(pthread_attr_setguardsize(&a, 0), 0);
  CHECK_EQ(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED), 0);
  CHECK_EQ(pthread_attr_setdetachstate(&a, 5), EINVAL);
  CHECK_EQ(pthread_attr_getdetachstate(&a, &d), 0);
  CHECK_EQ(d, PTHREAD_CREATE_DETACHED);
  CHECK_EQ(pthread_attr_getstack(&a, &addr, &sz), EINVAL);
  static char stack[8192];
  CHECK_EQ(pthread_attr_setstack(&a, stack, sizeof stack), 0);
  CHECK_EQ(pthread_attr_getstack(&a, &addr, &sz), 0);
  CHECK(addr == stack);
  CHECK_EQ(sz, sizeof stack);
  struct sched_param sp = {0};
  sp.sched_priority = 3;
  CHECK_EQ(pthread_attr_setschedparam(&a, &sp), 0);
  sp.sched_priority = 0;
  CHECK_EQ(pthread_attr_getschedparam(&a, &sp), 0);
  CHECK_EQ(sp.sched_priority, 3);
  CHECK_EQ(pthread_attr_destroy(&a), 0);
  CHECK_EQ(pthread_getattr_np(self, &a), 0);
  CHECK_EQ(pthread_attr_getstacksize(&a, &sz), 0);
  CHECK_EQ(sz, 65536);
  CHECK_EQ(pthread_attr_getstack(&a, &addr, &sz), 0);
  CHECK_EQ(sz, 65536);
  CHECK((char *)&sz > (char *)addr && (char *)&sz < (char *)addr + sz);

  /* Keys: PTHREAD_KEYS_MAX of them, then EAGAIN (as wasi-libc). */
  pthread_key_t k;
  int n = 0;
  while (pthread_key_create(&k, 0) == 0) n++;
  CHECK_EQ(n, PTHREAD_KEYS_MAX);
  CHECK_EQ(pthread_key_create(&k, 0), EAGAIN);
  CHECK_EQ(pthread_setspecific(PTHREAD_KEYS_MAX + 5, &n), EINVAL);
  CHECK(pthread_getspecific(PTHREAD_KEYS_MAX + 5) == 0);
  return CHECK_DONE();
}
