/* Threads (p1-threads): N threads x M increments of a shared counter under
 * each kind of lock; the totals are exact. Also trylock/timedlock against a
 * lock another thread holds. Expected output: glibc. Runs the whole round
 * ROUNDS times. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <threads.h>
#include <time.h>

enum { N = 4, M = 20000, ROUNDS = 3 };

static long counter;
static pthread_mutex_t mtx;
static pthread_spinlock_t spin;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static sem_t sem;
static mtx_t c11;
static int kind;

static void *inc(void *arg) {
    (void)arg;
    for (int i = 0; i < M; i++) {
        switch (kind) {
        case 0: case 2:
            pthread_mutex_lock(&mtx);
            counter++;
            pthread_mutex_unlock(&mtx);
            break;
        case 1: /* recursive: taken twice */
            pthread_mutex_lock(&mtx);
            pthread_mutex_lock(&mtx);
            counter++;
            pthread_mutex_unlock(&mtx);
            pthread_mutex_unlock(&mtx);
            break;
        case 3:
            pthread_spin_lock(&spin);
            counter++;
            pthread_spin_unlock(&spin);
            break;
        case 4:
            pthread_rwlock_wrlock(&rw);
            counter++;
            pthread_rwlock_unlock(&rw);
            break;
        case 5:
            sem_wait(&sem);
            counter++;
            sem_post(&sem);
            break;
        case 6:
            mtx_lock(&c11);
            counter++;
            mtx_unlock(&c11);
            break;
        case 7: /* trylock loop */
            while (pthread_mutex_trylock(&mtx) != 0) {
            }
            counter++;
            pthread_mutex_unlock(&mtx);
            break;
        }
    }
    return NULL;
}

static const char *names[] = {"normal", "recursive", "errorcheck", "spinlock", "rwlock",
                              "semaphore", "mtx_t", "trylock"};

static void *try_other(void *arg) {
    (void)arg;
    int r1 = pthread_mutex_trylock(&mtx);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    int r2 = pthread_mutex_timedlock(&mtx, &ts);
    int r3 = pthread_mutex_unlock(&mtx);
    printf("other thread: trylock EBUSY %d, timedlock ETIMEDOUT %d, unlock EPERM %d\n",
           r1 == EBUSY, r2 == ETIMEDOUT, r3 == EPERM);
    return NULL;
}

int main(void) {
    for (int round = 0; round < ROUNDS; round++) {
        for (kind = 0; kind < 8; kind++) {
            pthread_mutexattr_t a;
            pthread_mutexattr_init(&a);
            pthread_mutexattr_settype(&a, kind == 1 ? PTHREAD_MUTEX_RECURSIVE
                                          : kind == 2 ? PTHREAD_MUTEX_ERRORCHECK
                                                      : PTHREAD_MUTEX_NORMAL);
            pthread_mutex_init(&mtx, &a);
            pthread_spin_init(&spin, 0);
            sem_init(&sem, 0, 1);
            mtx_init(&c11, mtx_plain);
            counter = 0;
            pthread_t t[N];
            for (int i = 0; i < N; i++) pthread_create(&t[i], NULL, inc, NULL);
            for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
            if (round == 0 || counter != (long)N * M)
                printf("round %d %-10s %ld (expected %ld)\n", round, names[kind], counter, (long)N * M);
            pthread_mutex_destroy(&mtx);
            sem_destroy(&sem);
            mtx_destroy(&c11);
        }
    }
    /* errorcheck: unlock by a non-owner is specified (EPERM) */
    pthread_mutexattr_t ea;
    pthread_mutexattr_init(&ea);
    pthread_mutexattr_settype(&ea, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mtx, &ea);
    pthread_mutex_lock(&mtx);
    pthread_t t;
    pthread_create(&t, NULL, try_other, NULL);
    pthread_join(t, NULL);
    pthread_mutex_unlock(&mtx);
    printf("done\n");
    return 0;
}
