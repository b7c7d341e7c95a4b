/* Threads (p1-threads): 8 threads print 500 lines each with one printf /
 * fprintf / fputs call per line (several pieces per call) into one stream
 * with a small buffer, so the buffer fills mid-line; then the file is read
 * back and every line must be whole (no other thread's bytes inside it),
 * each thread's lines in order; one line in four is written by three
 * calls inside flockfile/funlockfile. (A file, not stdout: the order of the
 * lines differs from run to run, the check of each line does not.)
 * Expected output: glibc. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { N = 8, LINES = 500 };
static FILE *out;

static void *work(void *arg) {
    int id = (int)(intptr_t)arg;
    for (int i = 0; i < LINES; i++) {
        switch (i % 4) {
        case 0:
            fprintf(out, "thread %d line %d %s %s\n", id, i, "aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbb");
            break;
        case 1: {
            char buf[96];
            snprintf(buf, sizeof buf, "thread %d line %d %s\n", id, i, "cccccccccccccccccccccccccccccccccccccccc");
            fputs(buf, out);
            break;
        }
        case 2:
            flockfile(out);
            fprintf(out, "thread %d line %d ", id, i);
            fputs("dddddddddddddddddddddddddddddddddddddddd", out);
            fputc('\n', out);
            funlockfile(out);
            break;
        case 3:
            fprintf(out, "thread %d line %d %c%c%c%s\n", id, i, 'e', 'e', 'e', "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
            break;
        }
    }
    return NULL;
}

int main(void) {
    out = fopen("lines.txt", "w");
    static char buf[64];
    setvbuf(out, buf, _IOFBF, sizeof buf);
    pthread_t t[N];
    for (int i = 0; i < N; i++) pthread_create(&t[i], NULL, work, (void *)(intptr_t)i);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    fclose(out);

    FILE *in = fopen("lines.txt", "r");
    char line[256];
    int next[N] = {0}, bad = 0, total = 0;
    while (fgets(line, sizeof line, in)) {
        int id, i;
        char rest[200];
        if (sscanf(line, "thread %d line %d %199s", &id, &i, rest) != 3 || id < 0 || id >= N) {
            bad++;
            continue;
        }
        char c = "abcde"[i % 4 == 0 ? 0 : i % 4 + 1];
        size_t want = i % 4 == 0 ? 20 : i % 4 == 3 ? 40 : 40;
        size_t k = strspn(rest, (char[]){c, 0});
        if (k != want || rest[k] != 0 || i != next[id]) bad++;
        if (i % 4 == 0 && !strstr(line, " bbbbbbbbbbbbbbbbbbbb\n")) bad++;
        next[id] = i + 1;
        total++;
    }
    fclose(in);
    printf("lines %d, damaged or out of order %d\n", total, bad);
    for (int i = 0; i < N; i++) printf("thread %d: %d lines\n", i, next[i]);
    return 0;
}
