/* Threads (p1-threads): malloc/calloc/realloc/free from 8 threads at once,
 * random sizes (a per-thread LCG), each block filled with a pattern and
 * checked before it is freed; the checksums and error counts are exact.
 * Expected output: glibc. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 8, OPS = 20000, LIVE = 64 };

static void *work(void *arg) {
    unsigned id = (unsigned)(uintptr_t)arg;
    uint32_t x = 12345u + id * 7919u;
    unsigned char *live[LIVE] = {0};
    size_t len[LIVE] = {0};
    unsigned long bad = 0, sum = 0;
    for (int op = 0; op < OPS; op++) {
        x = x * 1103515245u + 12345u;
        int i = (x >> 16) % LIVE;
        if (live[i]) {
            for (size_t k = 0; k < len[i]; k++)
                if (live[i][k] != (unsigned char)(id + k + i)) bad++;
            sum += len[i];
            free(live[i]);
            live[i] = NULL;
        } else {
            x = x * 1103515245u + 12345u;
            size_t n = 1 + (x >> 8) % ((x & 1) ? 64 : 4096);
            unsigned char *p;
            if (op % 3 == 0) {
                p = calloc(n, 1);
                for (size_t k = 0; k < n; k++) if (p[k]) bad++;
            } else if (op % 3 == 1) {
                p = malloc(n / 2 + 1);
                p = realloc(p, n);
            } else {
                p = malloc(n);
            }
            if (!p || ((uintptr_t)p & 15)) { bad++; continue; }
            for (size_t k = 0; k < n; k++) p[k] = (unsigned char)(id + k + i);
            live[i] = p;
            len[i] = n;
        }
    }
    for (int i = 0; i < LIVE; i++) {
        if (!live[i]) continue;
        for (size_t k = 0; k < len[i]; k++)
            if (live[i][k] != (unsigned char)(id + k + i)) bad++;
        sum += len[i];
        free(live[i]);
    }
    return (void *)(uintptr_t)(bad ? 0xbad : sum);
}

int main(void) {
    for (int round = 0; round < 3; round++) {
        pthread_t t[N];
        for (int i = 0; i < N; i++) pthread_create(&t[i], NULL, work, (void *)(uintptr_t)i);
        unsigned long total = 0;
        for (int i = 0; i < N; i++) {
            void *r;
            pthread_join(t[i], &r);
            if (round == 0) printf("thread %d: %lu bytes checked\n", i, (unsigned long)(uintptr_t)r);
            total += (uintptr_t)r;
        }
        printf("round %d: total %lu\n", round, total);
    }
    return 0;
}
