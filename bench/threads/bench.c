/* Mutex and malloc timings for bench/threads/run.py, built against both
 * wasm-libc's p1-threads sysroot and wasi-libc's wasm32-wasip1-threads
 * libc.a. No headers: wasi-libc's threads headers are not on this machine
 * (only its libc.a, in the Rust toolchain), so the few declarations are
 * written here with the layouts both libraries share (pthread_mutex_t is
 * 24 bytes, pthread_t a pointer). Time comes straight from the host's
 * monotonic clock. Prints one `name value` line per figure (nanoseconds). */

typedef unsigned long size_t;
typedef struct { int i[6]; } mutex_t;
typedef void *thread_t;

int pthread_mutex_init(mutex_t *, const void *);
int pthread_mutex_lock(mutex_t *);
int pthread_mutex_unlock(mutex_t *);
int pthread_create(thread_t *, const void *, void *(*)(void *), void *);
int pthread_join(thread_t, void **);
void *malloc(size_t);
void free(void *);
int printf(const char *, ...);
int atoi(const char *);

__attribute__((import_module("wasi_snapshot_preview1"), import_name("clock_time_get")))
int wasi_clock_time_get(int id, unsigned long long precision, unsigned long long *out);

static unsigned long long now(void) {
    unsigned long long t = 0;
    wasi_clock_time_get(1, 1, &t);
    return t;
}

static mutex_t m;
static volatile long counter;
static long iters;

static void *contend(void *arg) {
    (void)arg;
    for (long i = 0; i < iters; i++) {
        pthread_mutex_lock(&m);
        counter++;
        pthread_mutex_unlock(&m);
    }
    return 0;
}

static void *mallocs(void *arg) {
    (void)arg;
    void *keep[16] = {0};
    for (long i = 0; i < iters; i++) {
        int k = (int)(i & 15);
        free(keep[k]);
        keep[k] = malloc(16 + (size_t)((i * 37) & 255));
        if (keep[k]) *(volatile char *)keep[k] = 1;
    }
    for (int k = 0; k < 16; k++) free(keep[k]);
    return 0;
}

static unsigned long long run_threads(int n, void *(*f)(void *)) {
    thread_t t[8];
    unsigned long long t0 = now();
    for (int i = 0; i < n; i++) pthread_create(&t[i], 0, f, 0);
    for (int i = 0; i < n; i++) pthread_join(t[i], 0);
    return now() - t0;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atoi(argv[1]) : 1000000;
    pthread_mutex_init(&m, 0);

    /* Uncontended: the main thread alone. */
    unsigned long long t0 = now();
    for (long i = 0; i < n; i++) {
        pthread_mutex_lock(&m);
        counter++;
        pthread_mutex_unlock(&m);
    }
    unsigned long long dt = now() - t0;
    printf("uncontended_ns_per_pair %llu.%02llu\n", dt / n, dt * 100 / n % 100);

    /* Contended: 4 threads, n/4 pairs each (thread start-up included). */
    counter = 0;
    iters = n / 4;
    dt = run_threads(4, contend);
    printf("contended4_ns_per_pair %llu.%02llu\n", dt / (iters * 4), dt * 100 / (iters * 4) % 100);
    printf("contended4_exact %d\n", counter == iters * 4);

    /* malloc/free pairs with 1, 2 and 4 threads, n/4 pairs per thread. */
    for (int k = 1; k <= 4; k *= 2) {
        iters = n / 4;
        dt = run_threads(k, mallocs);
        printf("malloc_free_%dthreads_ns_per_pair %llu.%02llu\n", k, dt / (iters * k), dt * 100 / (iters * k) % 100);
    }
    return 0;
}
