/* Threads (p1-threads): thread-specific data with destructors run at thread
 * exit (return and pthread_exit), PTHREAD_DESTRUCTOR_ITERATIONS rounds for a
 * destructor that sets a value again, values per thread, and C11 tss.
 * Expected output: glibc. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

static pthread_key_t k1, k2;
static int dtor_calls, dtor_sum, again_calls;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void dtor(void *v) {
    pthread_mutex_lock(&m);
    dtor_calls++;
    dtor_sum += *(int *)v;
    pthread_mutex_unlock(&m);
    free(v);
}

static void again(void *v) {
    pthread_mutex_lock(&m);
    int n = ++again_calls;
    pthread_mutex_unlock(&m);
    (void)v;
    /* set again twice, then stop */
    if (n % 3 != 0) pthread_setspecific(k2, (void *)1);
}

static void *work(void *arg) {
    int id = (int)(intptr_t)arg;
    int *p = malloc(sizeof *p);
    *p = id;
    if (pthread_getspecific(k1) != NULL) return (void *)1;
    pthread_setspecific(k1, p);
    if (id == 0) pthread_setspecific(k2, (void *)1);
    if (pthread_getspecific(k1) != p) return (void *)2;
    if (id % 2) pthread_exit((void *)(intptr_t)(10 + id));
    return (void *)(intptr_t)(10 + id);
}

static tss_t t;
static int tss_dtor_calls;
static void tdtor(void *v) {
    (void)v;
    __atomic_fetch_add(&tss_dtor_calls, 1, __ATOMIC_SEQ_CST);
}
static int c11(void *arg) {
    tss_set(t, arg);
    return tss_get(t) == arg ? 7 : 8;
}

int main(void) {
    pthread_key_create(&k1, dtor);
    pthread_key_create(&k2, again);
    enum { N = 6 };
    pthread_t th[N];
    for (int i = 0; i < N; i++) pthread_create(&th[i], NULL, work, (void *)(intptr_t)i);
    for (int i = 0; i < N; i++) {
        void *r;
        pthread_join(th[i], &r);
        printf("thread %d -> %ld\n", i, (long)(intptr_t)r);
    }
    printf("dtor calls %d sum %d; re-set destructor ran %d times\n", dtor_calls, dtor_sum, again_calls);
    printf("main's value still NULL: %d\n", pthread_getspecific(k1) == NULL);

    tss_create(&t, tdtor);
    thrd_t ct[3];
    for (int i = 0; i < 3; i++) thrd_create(&ct[i], c11, (void *)(intptr_t)(i + 1));
    for (int i = 0; i < 3; i++) {
        int r;
        thrd_join(ct[i], &r);
        printf("c11 thread %d -> %d\n", i, r);
    }
    printf("tss destructor calls %d\n", tss_dtor_calls);
    return 0;
}
