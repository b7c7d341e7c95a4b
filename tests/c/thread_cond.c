/* Threads (p1-threads): a bounded producer/consumer queue on two condition
 * variables (3 producers, 3 consumers, 30,000 items; the sum and count of
 * what is consumed are exact), broadcast, and a timed wait on a
 * CLOCK_MONOTONIC condition that times out. Expected output: glibc. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

enum { P = 3, C = 3, ITEMS = 10000, CAP = 8 };

static int q[CAP], head, count, done_producers;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static long long consumed_sum[C];
static int consumed_n[C];

static void *producer(void *arg) {
    int id = *(int *)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&m);
        while (count == CAP) pthread_cond_wait(&not_full, &m);
        q[(head + count) % CAP] = id * 100000 + i;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    pthread_mutex_lock(&m);
    done_producers++;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&m);
    return NULL;
}

static void *consumer(void *arg) {
    int id = *(int *)arg;
    for (;;) {
        pthread_mutex_lock(&m);
        while (count == 0 && done_producers < P) pthread_cond_wait(&not_empty, &m);
        if (count == 0) {
            pthread_mutex_unlock(&m);
            return NULL;
        }
        int v = q[head];
        head = (head + 1) % CAP;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&m);
        consumed_sum[id] += v;
        consumed_n[id]++;
    }
}

static int ready;
static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static void *waiter(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    ready++;
    while (ready < 100) pthread_cond_wait(&go, &m);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void) {
    pthread_t pt[P], ct[C];
    int ids[P > C ? P : C];
    for (int i = 0; i < (P > C ? P : C); i++) ids[i] = i;
    for (int i = 0; i < C; i++) pthread_create(&ct[i], NULL, consumer, &ids[i]);
    for (int i = 0; i < P; i++) pthread_create(&pt[i], NULL, producer, &ids[i]);
    for (int i = 0; i < P; i++) pthread_join(pt[i], NULL);
    for (int i = 0; i < C; i++) pthread_join(ct[i], NULL);
    long long sum = 0;
    int n = 0;
    for (int i = 0; i < C; i++) sum += consumed_sum[i], n += consumed_n[i];
    printf("consumed %d items, sum %lld, left %d\n", n, sum, count);

    /* broadcast wakes every waiter */
    pthread_t w[4];
    for (int i = 0; i < 4; i++) pthread_create(&w[i], NULL, waiter, NULL);
    for (;;) {
        pthread_mutex_lock(&m);
        int r = ready;
        pthread_mutex_unlock(&m);
        if (r == 4) break;
    }
    pthread_mutex_lock(&m);
    ready = 100;
    pthread_cond_broadcast(&go);
    pthread_mutex_unlock(&m);
    for (int i = 0; i < 4; i++) pthread_join(w[i], NULL);
    printf("broadcast woke 4\n");

    /* CLOCK_MONOTONIC timed wait: nobody signals */
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    printf("setclock: %d\n", pthread_condattr_setclock(&ca, CLOCK_MONOTONIC));
    pthread_cond_t c;
    pthread_cond_init(&c, &ca);
    struct timespec t0, t1, dl;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dl = t0;
    dl.tv_nsec += 50 * 1000 * 1000;
    if (dl.tv_nsec >= 1000000000) dl.tv_sec++, dl.tv_nsec -= 1000000000;
    pthread_mutex_lock(&m);
    int r = pthread_cond_timedwait(&c, &m, &dl);
    pthread_mutex_unlock(&m);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("timedwait: ETIMEDOUT %d, waited >= 49 ms %d\n", r == ETIMEDOUT, ms >= 49);
    return 0;
}
