/* Threads (p1-threads): create and join with values, _Thread_local per
 * thread, errno per thread, pthread_self/equal, a detached thread, stack
 * size and detach-state attributes, join errors. Expected output: glibc. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static _Thread_local int tl = 7;
static _Thread_local char tl_buf[64] = "initial";
static _Thread_local long tl_zero[32];

static void *work(void *arg) {
    int id = (int)(intptr_t)arg;
    tl += id;
    errno = 100 + id;
    snprintf(tl_buf, sizeof tl_buf, "thread %d", id);
    for (volatile int i = 0; i < 10000; i++) {
    }
    long z = 0;
    for (int i = 0; i < 32; i++) z |= tl_zero[i];
    tl_zero[id % 32] = id;
    int ok = errno == 100 + id && tl == 7 + id && strcmp(tl_buf + 7, "") != 0 && z == 0;
    return (void *)(intptr_t)(id * 1000 + tl * 10 + ok);
}

static pthread_t main_id;
static void *who(void *arg) {
    (void)arg;
    pthread_t me = pthread_self();
    return (void *)(intptr_t)(pthread_equal(me, main_id) * 2 + pthread_equal(me, me));
}

static volatile int detached_ran;
static void *detached(void *arg) {
    (void)arg;
    __atomic_store_n(&detached_ran, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static void *deep(void *arg) {
    /* Uses most of a 256 KiB stack. */
    volatile char big[200 * 1024];
    memset((char *)big, (int)(intptr_t)arg, sizeof big);
    long sum = 0;
    for (size_t i = 0; i < sizeof big; i += 4096) sum += big[i];
    return (void *)sum;
}

int main(void) {
    main_id = pthread_self();
    for (int i = 0; i < 32; i++) tl_zero[i] = -1;
    errno = 5;
    enum { N = 6 };
    pthread_t t[N];
    for (int i = 0; i < N; i++) {
        int e = pthread_create(&t[i], NULL, work, (void *)(intptr_t)(i + 1));
        if (e) {
            printf("create %d: error %d\n", i, e);
            return 1;
        }
    }
    for (int i = 0; i < N; i++) {
        void *r = NULL;
        int e = pthread_join(t[i], &r);
        printf("join %d: %d -> %ld\n", i, e, (long)(intptr_t)r);
    }
    printf("main: tl=%d buf=%s errno=%d\n", tl, tl_buf, errno);

    pthread_t w;
    void *r;
    pthread_create(&w, NULL, who, NULL);
    pthread_join(w, &r);
    printf("self: equal(main)=%ld equal(self)=%ld main==main %d\n", (long)(intptr_t)r / 2,
           (long)(intptr_t)r % 2, pthread_equal(pthread_self(), main_id));

    pthread_attr_t a;
    pthread_attr_init(&a);
    size_t ss = 0;
    printf("setstacksize: %d\n", pthread_attr_setstacksize(&a, 256 * 1024));
    pthread_attr_getstacksize(&a, &ss);
    printf("stacksize %zu\n", ss);
    pthread_create(&w, &a, deep, (void *)1);
    pthread_join(w, &r);
    printf("deep: %ld\n", (long)r);

    int ds = -1;
    printf("setdetachstate: %d\n", pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED));
    pthread_attr_getdetachstate(&a, &ds);
    printf("detachstate %d\n", ds == PTHREAD_CREATE_DETACHED);
    printf("create detached: %d\n", pthread_create(&w, &a, detached, NULL));
    pthread_attr_destroy(&a);
    while (!__atomic_load_n(&detached_ran, __ATOMIC_SEQ_CST)) {
    }
    printf("detached ran\n");

    pthread_create(&w, NULL, detached, NULL);
    printf("detach: %d\n", pthread_detach(w));
    printf("join self: EDEADLK %d\n", pthread_join(pthread_self(), NULL) == EDEADLK);
    printf("main's zero-initialised thread-local kept: %d\n", tl_zero[5] == -1);
    return 0;
}
