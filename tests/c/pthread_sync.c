/* pthread synchronisation objects used by one thread: the behaviour POSIX
 * specifies for the caller alone (mutex types, timed waits, rwlocks, once,
 * keys, spin locks, barriers of one, semaphores, C11 mtx/cnd/tss).
 * Expected output: a glibc run (tests/c/gen/reference.sh pthread_sync); every
 * check here behaves the same with real threads. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <threads.h>
#include <time.h>
#include "check.h"

static struct timespec in_ms(clockid_t clk, long ms) {
  struct timespec t;
  clock_gettime(clk, &t);
  t.tv_nsec += ms * 1000000L;
  while (t.tv_nsec >= 1000000000L) { t.tv_sec++; t.tv_nsec -= 1000000000L; }
  return t;
}
static long long ms_since(clockid_t clk, struct timespec a) {
  struct timespec b;
  clock_gettime(clk, &b);
  return (b.tv_sec - a.tv_sec) * 1000LL + (b.tv_nsec - a.tv_nsec) / 1000000L;
}

static int once_calls;
static void once_fn(void) { once_calls++; }
static int dtor_calls;
static void dtor(void *p) { (void)p; dtor_calls++; }
static int cleanup_ran;
static void cleanup(void *p) { cleanup_ran += *(int *)p; }

int main(void) {
  /* Mutexes: default, errorcheck, recursive. */
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  CHECK_EQ(pthread_mutex_lock(&m), 0);
  CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);
  CHECK_EQ(pthread_mutex_trylock(&m), 0);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);
  CHECK_EQ(pthread_mutex_destroy(&m), 0);
  CHECK_EQ(pthread_mutex_init(&m, 0), 0);

  pthread_mutexattr_t ma;
  int v = -1;
  CHECK_EQ(pthread_mutexattr_init(&ma), 0);
  CHECK_EQ(pthread_mutexattr_gettype(&ma, &v), 0);
  CHECK_EQ(v, PTHREAD_MUTEX_DEFAULT);
  CHECK_EQ(pthread_mutexattr_settype(&ma, 99), EINVAL);
  CHECK_EQ(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK), 0);
  CHECK_EQ(pthread_mutexattr_gettype(&ma, &v), 0);
  CHECK_EQ(v, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_t ec;
  CHECK_EQ(pthread_mutex_init(&ec, &ma), 0);
  CHECK_EQ(pthread_mutex_unlock(&ec), EPERM);
  CHECK_EQ(pthread_mutex_lock(&ec), 0);
  CHECK_EQ(pthread_mutex_lock(&ec), EDEADLK);
  CHECK_EQ(pthread_mutex_trylock(&ec), EBUSY);
  CHECK_EQ(pthread_mutex_unlock(&ec), 0);
  CHECK_EQ(pthread_mutex_unlock(&ec), EPERM);
  CHECK_EQ(pthread_mutex_destroy(&ec), 0);

  CHECK_EQ(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE), 0);
  pthread_mutex_t rec;
  CHECK_EQ(pthread_mutex_init(&rec, &ma), 0);
  CHECK_EQ(pthread_mutex_unlock(&rec), EPERM);
  CHECK_EQ(pthread_mutex_lock(&rec), 0);
  CHECK_EQ(pthread_mutex_lock(&rec), 0);
  CHECK_EQ(pthread_mutex_trylock(&rec), 0);
  CHECK_EQ(pthread_mutex_unlock(&rec), 0);
  CHECK_EQ(pthread_mutex_unlock(&rec), 0);
  CHECK_EQ(pthread_mutex_unlock(&rec), 0);
  CHECK_EQ(pthread_mutex_unlock(&rec), EPERM);
  CHECK_EQ(pthread_mutexattr_getpshared(&ma, &v), 0);
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_mutexattr_setpshared(&ma, 7), EINVAL);
  CHECK_EQ(pthread_mutexattr_getrobust(&ma, &v), 0);
  CHECK_EQ(v, PTHREAD_MUTEX_STALLED);
  CHECK_EQ(pthread_mutexattr_getprotocol(&ma, &v), 0);
  CHECK_EQ(v, PTHREAD_PRIO_NONE);
  CHECK_EQ(pthread_mutexattr_destroy(&ma), 0);

  /* A timed lock on a held mutex waits out its deadline. */
  pthread_mutex_lock(&m);
  struct timespec t0;
  clock_gettime(CLOCK_REALTIME, &t0);
  struct timespec dl = in_ms(CLOCK_REALTIME, 50);
  CHECK_EQ(pthread_mutex_timedlock(&m, &dl), ETIMEDOUT);
  CHECK(ms_since(CLOCK_REALTIME, t0) >= 49);
  struct timespec past = {1, 0};
  CHECK_EQ(pthread_mutex_timedlock(&m, &past), ETIMEDOUT);
  pthread_mutex_unlock(&m);
  CHECK_EQ(pthread_mutex_timedlock(&m, &past), 0);
  pthread_mutex_unlock(&m);

  /* Condition variables: timed waits time out with the mutex held again. */
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  CHECK_EQ(pthread_cond_signal(&c), 0);
  CHECK_EQ(pthread_cond_broadcast(&c), 0);
  pthread_mutex_lock(&m);
  clock_gettime(CLOCK_REALTIME, &t0);
  dl = in_ms(CLOCK_REALTIME, 30);
  CHECK_EQ(pthread_cond_timedwait(&c, &m, &dl), ETIMEDOUT);
  CHECK(ms_since(CLOCK_REALTIME, t0) >= 29);
  CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);
  CHECK_EQ(pthread_cond_timedwait(&c, &m, &past), ETIMEDOUT);
  pthread_mutex_unlock(&m);
  CHECK_EQ(pthread_cond_destroy(&c), 0);

  pthread_condattr_t ca;
  clockid_t clk = -1;
  CHECK_EQ(pthread_condattr_init(&ca), 0);
  CHECK_EQ(pthread_condattr_getclock(&ca, &clk), 0);
  CHECK_EQ(clk, CLOCK_REALTIME);
  CHECK_EQ(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC), 0);
  CHECK_EQ(pthread_condattr_getclock(&ca, &clk), 0);
  CHECK_EQ(clk, CLOCK_MONOTONIC);
  CHECK_EQ(pthread_condattr_setclock(&ca, CLOCK_PROCESS_CPUTIME_ID), EINVAL);
  CHECK_EQ(pthread_condattr_getpshared(&ca, &v), 0);
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  pthread_cond_t cm;
  CHECK_EQ(pthread_cond_init(&cm, &ca), 0);
  pthread_mutex_lock(&m);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  dl = in_ms(CLOCK_MONOTONIC, 30);
  CHECK_EQ(pthread_cond_timedwait(&cm, &m, &dl), ETIMEDOUT);
  CHECK(ms_since(CLOCK_MONOTONIC, t0) >= 29);
  pthread_mutex_unlock(&m);
  CHECK_EQ(pthread_condattr_destroy(&ca), 0);

  /* Read-write locks. */
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_tryrdlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_wrlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_tryrdlock(&rw), EBUSY);
  CHECK_EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
  CHECK_EQ(pthread_rwlock_wrlock(&rw), EDEADLK);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_trywrlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_destroy(&rw), 0);
  pthread_rwlockattr_t ra;
  CHECK_EQ(pthread_rwlockattr_init(&ra), 0);
  CHECK_EQ(pthread_rwlockattr_getpshared(&ra, &v), 0);
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_rwlockattr_setpshared(&ra, 9), EINVAL);
  CHECK_EQ(pthread_rwlock_init(&rw, &ra), 0);
  CHECK_EQ(pthread_rwlockattr_destroy(&ra), 0);

  /* Once. */
  pthread_once_t once = PTHREAD_ONCE_INIT;
  CHECK_EQ(pthread_once(&once, once_fn), 0);
  CHECK_EQ(pthread_once(&once, once_fn), 0);
  CHECK_EQ(once_calls, 1);

  /* Keys. */
  pthread_key_t k1, k2;
  CHECK_EQ(pthread_key_create(&k1, dtor), 0);
  CHECK_EQ(pthread_key_create(&k2, 0), 0);
  CHECK(k1 != k2);
  CHECK(pthread_getspecific(k1) == 0);
  CHECK_EQ(pthread_setspecific(k1, &v), 0);
  CHECK(pthread_getspecific(k1) == &v);
  CHECK(pthread_getspecific(k2) == 0);
  CHECK_EQ(pthread_key_delete(k1), 0);
  CHECK_EQ(pthread_key_delete(k2), 0);
  CHECK_EQ(dtor_calls, 0);

  /* Spin locks. */
  pthread_spinlock_t sp;
  CHECK_EQ(pthread_spin_init(&sp, PTHREAD_PROCESS_PRIVATE), 0);
  CHECK_EQ(pthread_spin_lock(&sp), 0);
  CHECK_EQ(pthread_spin_trylock(&sp), EBUSY);
  CHECK_EQ(pthread_spin_unlock(&sp), 0);
  CHECK_EQ(pthread_spin_trylock(&sp), 0);
  CHECK_EQ(pthread_spin_unlock(&sp), 0);
  CHECK_EQ(pthread_spin_destroy(&sp), 0);

  /* A barrier of one opens at once. */
  pthread_barrier_t b;
  pthread_barrierattr_t ba;
  CHECK_EQ(pthread_barrierattr_init(&ba), 0);
  CHECK_EQ(pthread_barrierattr_getpshared(&ba, &v), 0);
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_barrier_init(&b, &ba, 0), EINVAL);
  CHECK_EQ(pthread_barrier_init(&b, &ba, 1), 0);
  CHECK_EQ(pthread_barrier_wait(&b), PTHREAD_BARRIER_SERIAL_THREAD);
  CHECK_EQ(pthread_barrier_wait(&b), PTHREAD_BARRIER_SERIAL_THREAD);
  CHECK_EQ(pthread_barrier_destroy(&b), 0);
  CHECK_EQ(pthread_barrierattr_destroy(&ba), 0);

  /* Identity, cancel state, cleanup handlers. */
  CHECK(pthread_equal(pthread_self(), pthread_self()));
  int old = -1;
  CHECK_EQ(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old), 0);
  CHECK_EQ(old, PTHREAD_CANCEL_ENABLE);
  CHECK_EQ(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old), 0);
  CHECK_EQ(old, PTHREAD_CANCEL_DISABLE);
  CHECK_EQ(pthread_setcancelstate(7, &old), EINVAL);
  CHECK_EQ(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old), 0);
  CHECK_EQ(old, PTHREAD_CANCEL_DEFERRED);
  CHECK_EQ(pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old), 0);
  pthread_testcancel();
  int one = 1, ten = 10;
  pthread_cleanup_push(cleanup, &one);
  pthread_cleanup_push(cleanup, &ten);
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(1);
  CHECK_EQ(cleanup_ran, 1);

  /* Semaphores. */
  sem_t s;
  CHECK_EQ(sem_init(&s, 0, 2), 0);
  CHECK_EQ(sem_getvalue(&s, &v), 0);
  CHECK_EQ(v, 2);
  CHECK_EQ(sem_wait(&s), 0);
  CHECK_EQ(sem_trywait(&s), 0);
  CHECK_ERR(sem_trywait(&s), EAGAIN);
  clock_gettime(CLOCK_REALTIME, &t0);
  dl = in_ms(CLOCK_REALTIME, 30);
  CHECK_ERR(sem_timedwait(&s, &dl), ETIMEDOUT);
  CHECK(ms_since(CLOCK_REALTIME, t0) >= 29);
  struct timespec bad = {0, 1000000000L};
  CHECK_ERR(sem_timedwait(&s, &bad), EINVAL);
  CHECK_EQ(sem_post(&s), 0);
  CHECK_EQ(sem_timedwait(&s, &past), 0);
  CHECK_EQ(sem_post(&s), 0);
  CHECK_EQ(sem_getvalue(&s, &v), 0);
  CHECK_EQ(v, 1);
  CHECK_ERR(sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1u), EINVAL);
  CHECK_EQ(sem_init(&s, 0, SEM_VALUE_MAX), 0);
  CHECK_ERR(sem_post(&s), EOVERFLOW);
  CHECK_EQ(sem_destroy(&s), 0);

  /* C11 threads.h. */
  mtx_t mx;
  CHECK_EQ(mtx_init(&mx, mtx_plain), thrd_success);
  CHECK_EQ(mtx_lock(&mx), thrd_success);
  CHECK_EQ(mtx_trylock(&mx), thrd_busy);
  clock_gettime(CLOCK_REALTIME, &t0);
  dl = in_ms(CLOCK_REALTIME, 30);
  CHECK_EQ(mtx_timedlock(&mx, &dl), thrd_timedout);
  CHECK(ms_since(CLOCK_REALTIME, t0) >= 29);
  cnd_t cv;
  CHECK_EQ(cnd_init(&cv), thrd_success);
  CHECK_EQ(cnd_signal(&cv), thrd_success);
  CHECK_EQ(cnd_broadcast(&cv), thrd_success);
  dl = in_ms(CLOCK_REALTIME, 10);
  CHECK_EQ(cnd_timedwait(&cv, &mx, &dl), thrd_timedout);
  CHECK_EQ(mtx_unlock(&mx), thrd_success);
  cnd_destroy(&cv);
  mtx_destroy(&mx);
  CHECK_EQ(mtx_init(&mx, mtx_plain | mtx_recursive), thrd_success);
  CHECK_EQ(mtx_lock(&mx), thrd_success);
  CHECK_EQ(mtx_lock(&mx), thrd_success);
  CHECK_EQ(mtx_unlock(&mx), thrd_success);
  CHECK_EQ(mtx_unlock(&mx), thrd_success);
  mtx_destroy(&mx);
  once_flag of = ONCE_FLAG_INIT;
  call_once(&of, once_fn);
  call_once(&of, once_fn);
  CHECK_EQ(once_calls, 2);
  tss_t tk;
  CHECK_EQ(tss_create(&tk, dtor), thrd_success);
  CHECK(tss_get(tk) == 0);
  CHECK_EQ(tss_set(tk, &v), thrd_success);
  CHECK(tss_get(tk) == &v);
  tss_delete(tk);
  CHECK(thrd_equal(thrd_current(), thrd_current()));
  struct timespec nap = {0, 20000000L}, rem = {9, 9};
  clock_gettime(CLOCK_MONOTONIC, &t0);
  CHECK_EQ(thrd_sleep(&nap, &rem), 0);
  CHECK(ms_since(CLOCK_MONOTONIC, t0) >= 19);
  thrd_yield();
  CHECK_EQ(sched_yield(), 0);
  return CHECK_DONE();
}
