/* Threads (p1-threads): 6 readers and 2 writers on a rwlock; a writer
 * updates two counters that must always be equal, readers check them and
 * count how often they saw writers active at the same time (must be 0);
 * tryrdlock/trywrlock answer EBUSY while a writer holds the lock.
 * Expected output: glibc. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

enum { R = 6, W = 2, ITER = 5000 };
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long a, b;
static int writers_in, readers_in, bad;

static void *reader(void *arg) {
    (void)arg;
    for (int i = 0; i < ITER; i++) {
        pthread_rwlock_rdlock(&rw);
        __atomic_fetch_add(&readers_in, 1, __ATOMIC_SEQ_CST);
        if (a != b || __atomic_load_n(&writers_in, __ATOMIC_SEQ_CST)) __atomic_fetch_add(&bad, 1, __ATOMIC_SEQ_CST);
        __atomic_fetch_sub(&readers_in, 1, __ATOMIC_SEQ_CST);
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static void *writer(void *arg) {
    (void)arg;
    for (int i = 0; i < ITER; i++) {
        pthread_rwlock_wrlock(&rw);
        if (__atomic_fetch_add(&writers_in, 1, __ATOMIC_SEQ_CST) != 0 ||
            __atomic_load_n(&readers_in, __ATOMIC_SEQ_CST))
            __atomic_fetch_add(&bad, 1, __ATOMIC_SEQ_CST);
        a++;
        b++;
        __atomic_fetch_sub(&writers_in, 1, __ATOMIC_SEQ_CST);
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static void *try_both(void *arg) {
    (void)arg;
    int r1 = pthread_rwlock_tryrdlock(&rw), r2 = pthread_rwlock_trywrlock(&rw);
    printf("while written: tryrdlock EBUSY %d, trywrlock EBUSY %d\n", r1 == EBUSY, r2 == EBUSY);
    return NULL;
}

int main(void) {
    pthread_t t[R + W];
    for (int i = 0; i < R; i++) pthread_create(&t[i], NULL, reader, NULL);
    for (int i = 0; i < W; i++) pthread_create(&t[R + i], NULL, writer, NULL);
    for (int i = 0; i < R + W; i++) pthread_join(t[i], NULL);
    printf("a=%ld b=%ld violations=%d\n", a, b, bad);
    pthread_rwlock_wrlock(&rw);
    pthread_t x;
    pthread_create(&x, NULL, try_both, NULL);
    pthread_join(x, NULL);
    pthread_rwlock_unlock(&rw);
    return 0;
}
