/* Threads (p1-threads): pthread_once and call_once raced by 8 threads that
 * start together at a barrier, 200 rounds; the init runs exactly once per
 * round and every caller sees it finished. Also the barrier's serial
 * thread count. Expected output: glibc. */
#include <pthread.h>
#include <stdio.h>
#include <threads.h>

enum { N = 8, ROUNDS = 200 };
static pthread_once_t once;
static once_flag flag;
static int inits, c11_inits, saw_unfinished, serial;
static volatile int finished;
static pthread_barrier_t bar;

static void init(void) {
    inits++;
    for (volatile int i = 0; i < 1000; i++) {
    }
    finished = 1;
}
static void init11(void) { c11_inits++; }

static void *racer(void *arg) {
    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
            __atomic_fetch_add(&serial, 1, __ATOMIC_SEQ_CST);
        pthread_once(&once, init);
        if (!finished) __atomic_fetch_add(&saw_unfinished, 1, __ATOMIC_SEQ_CST);
        call_once(&flag, init11);
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD) {
            /* one thread resets for the next round */
            __atomic_fetch_add(&serial, 1, __ATOMIC_SEQ_CST);
            once = PTHREAD_ONCE_INIT;
            flag = (once_flag)ONCE_FLAG_INIT;
            finished = 0;
        }
    }
    return NULL;
}

int main(void) {
    pthread_barrier_init(&bar, NULL, N);
    pthread_t t[N];
    for (int i = 0; i < N; i++) pthread_create(&t[i], NULL, racer, NULL);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    printf("rounds %d: init ran %d times, call_once init %d times, unfinished seen %d, serial %d\n",
           ROUNDS, inits, c11_inits, saw_unfinished, serial);
    return 0;
}
