/* Guest of the hostile-host suite (tests/hostile/run.py): one program, the
 * operation picked by the host through the `hostile.op` import (the host
 * that lies also names the test, so no WASI channel under test is needed).
 * Every buffer handed to the library sits between canaries; each call's
 * return value and errno are printed, then the heap is checked: blocks
 * malloc'd after the call must not overlap each other, the caller's buffer
 * or a static area, and must keep what was written to them. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

__attribute__((import_module("hostile"), import_name("op"))) int hostile_op(void);

extern char **environ;

#define CAP 8
#define CANARY 16
#define CALLS 2

static unsigned char static_area[64];
static unsigned char *region; /* CANARY | CAP | CANARY, on the heap */
static unsigned char *buf;

static void setup(void) {
    region = malloc(CANARY + CAP + CANARY);
    memset(region, 0xA5, CANARY + CAP + CANARY);
    buf = region + CANARY;
    memset(static_area, 0x5A, sizeof static_area);
}

static void fill(void) { memset(buf, '.', CAP); }

static void canaries(void) {
    for (int i = 0; i < CANARY; i++)
        if (region[i] != 0xA5 || region[CANARY + CAP + i] != 0xA5) {
            printf("  CANARY BROKEN at %d\n", i < CANARY && region[i] != 0xA5 ? i - CANARY : CAP + i);
            return;
        }
    for (size_t i = 0; i < sizeof static_area; i++)
        if (static_area[i] != 0x5A) {
            printf("  STATIC AREA BROKEN at %zu\n", i);
            return;
        }
}

static int overlaps(const void *a, size_t n, const void *b, size_t m) {
    uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
    return x < y + m && y < x + n;
}

static void heap_check(void) {
    static const size_t sizes[] = {1, 8, 16, 24, 40, 64, 256, 4096, 9, 7};
    enum { N = sizeof sizes / sizeof sizes[0] };
    unsigned char *p[N];
    int bad = 0;
    for (int i = 0; i < N; i++) {
        p[i] = malloc(sizes[i]);
        if (!p[i]) { printf("  heap: malloc(%zu) failed\n", sizes[i]); return; }
        memset(p[i], 0x10 + i, sizes[i]);
        if (overlaps(p[i], sizes[i], region, CANARY + CAP + CANARY) ||
            overlaps(p[i], sizes[i], static_area, sizeof static_area))
            bad = 1;
        for (int j = 0; j < i; j++)
            if (overlaps(p[i], sizes[i], p[j], sizes[j])) bad = 1;
    }
    for (int i = 0; i < N; i++)
        for (size_t k = 0; k < sizes[i]; k++)
            if (p[i][k] != 0x10 + i) bad = 1;
    for (int i = 0; i < N; i++) free(p[i]);
    canaries();
    if (bad) printf("  HEAP BAD: blocks alias\n");
}

static void show(const char *what, int k, long n, int err, const unsigned char *b, long shown) {
    printf("%s %d: %ld errno=%s", what, k, n, err ? strerror(err) : "0");
    if (shown > 0) {
        printf(" \"");
        for (long i = 0; i < shown; i++) putchar(b[i] >= 32 && b[i] < 127 ? b[i] : '?');
        printf("\"");
    }
    printf("\n");
}

static void op_read(void) {
    for (int k = 0; k < CALLS; k++) {
        fill();
        errno = 0;
        long n = read(0, buf, CAP);
        int e = errno;
        show("read", k, n, e, buf, n > 0 ? (n < CAP ? n : CAP) : 0);
        heap_check();
    }
}

static void op_pread(void) {
    int fd = open("file", O_RDONLY);
    if (fd < 0) { printf("open: %s\n", strerror(errno)); return; }
    for (int k = 0; k < CALLS; k++) {
        fill();
        errno = 0;
        long n = pread(fd, buf, CAP, 0);
        int e = errno;
        show("pread", k, n, e, buf, n > 0 ? (n < CAP ? n : CAP) : 0);
        heap_check();
    }
}

static void op_random(void) {
    for (int k = 0; k < CALLS; k++) {
        fill();
        errno = 0;
        long n = getentropy(buf, CAP);
        int e = errno;
        show("getentropy", k, n, e, buf, CAP);
        heap_check();
    }
}

static void op_readlink(void) {
    for (int k = 0; k < CALLS; k++) {
        fill();
        errno = 0;
        long n = readlink("link", (char *)buf, CAP);
        int e = errno;
        show("readlink", k, n, e, buf, n > 0 ? (n < CAP ? n : CAP) : 0);
        heap_check();
    }
}

static void op_readdir(void) {
    DIR *d = opendir("dir");
    if (!d) { printf("opendir: %s\n", strerror(errno)); return; }
    for (int k = 0; k < 4; k++) {
        errno = 0;
        struct dirent *e = readdir(d);
        int err = errno;
        if (!e) {
            printf("readdir %d: NULL errno=%s\n", k, err ? strerror(err) : "0");
        } else {
            size_t l = strlen(e->d_name); /* a long name lives past d_name (dirent.h) */
            printf("readdir %d: len=%zu name=\"%.*s\"%s\n", k, l, (int)(l > 40 ? 40 : l), e->d_name,
                   l > 40 ? "..." : "");
        }
        heap_check();
    }
    closedir(d);
}

static void op_args(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=\"%s\"\n", i, argv[i]);
    heap_check();
}

static void op_environ(void) {
    int n = 0;
    for (char **e = environ; e && *e; e++, n++) printf("env[%d]=\"%s\"\n", n, *e);
    errno = 0;
    const char *v = getenv("HOSTILE");
    printf("getenv=%s n=%d\n", v ? v : "(null)", n);
    heap_check();
}

static void op_preopens(void) {
    errno = 0;
    int fd = open("file", O_RDONLY);
    printf("open: %d errno=%s\n", fd < 0 ? -1 : 0, fd < 0 ? strerror(errno) : "0");
    heap_check();
}

static void op_recv(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
        printf("socket/bind: %s\n", strerror(errno));
        return;
    }
    for (int k = 0; k < CALLS; k++) {
        fill();
        struct sockaddr_in from;
        memset(&from, 0, sizeof from);
        socklen_t fl = sizeof from;
        errno = 0;
        long n = recvfrom(s, buf, CAP, 0, (struct sockaddr *)&from, &fl);
        int e = errno;
        show("recvfrom", k, n, e, buf, n > 0 ? (n < CAP ? n : CAP) : 0);
        if (n >= 0) printf("  from %s:%d\n", inet_ntoa(from.sin_addr), ntohs(from.sin_port));
        heap_check();
    }
    close(s);
}

/* 32 calls of each byte-list import in a row: a host block that is not
 * returned must be freed each time (rule 7, issue 12 bug 6), so the memory
 * may not grow by the host's 4 MiB per call. */
static void op_leak(void) {
    int fd = open("file", O_RDONLY);
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (fd < 0 || s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
        printf("setup: %s\n", strerror(errno));
        return;
    }
    /* One call each, each followed at once by a 4 MiB malloc: it must fit
     * in the block the host left unreturned, which the call itself frees
     * (not a later call): the memory may not grow. */
    int one = 0, grew_once = 0;
    /* Primed: a free 4 MiB chunk exists, so only a live host block makes
     * the probe grow the memory. */
    void *prime = malloc((4 << 20) - 64);
    __asm__ volatile("" ::"r"(prime) : "memory"); /* not elided */
    free(prime);
    for (int i = 0; i < 5; i++) {
        switch (i) {
        case 0: one += read(0, buf, CAP) == 5; break;
        case 1: one += pread(fd, buf, CAP, 0) == 8; break;
        case 2: one += getentropy(buf, CAP) == 0; break;
        case 3: one += readlink("link", (char *)buf, CAP) == 3; break;
        case 4: one += recv(s, buf, CAP, 0) == 4; break;
        }
        size_t mid = __builtin_wasm_memory_size(0);
        void *big = malloc((4 << 20) - 64);
        __asm__ volatile("" ::"r"(big) : "memory");
        grew_once += __builtin_wasm_memory_size(0) != mid;
        free(big);
    }
    printf("one call each: %d ok; a 4 MiB malloc right after %s\n", one,
           grew_once ? "GREW MEMORY" : "reuses the freed block");
    size_t before = __builtin_wasm_memory_size(0);
    int ok[5] = {0};
    for (int i = 0; i < 32; i++) {
        ok[0] += read(0, buf, CAP) == 5;
        ok[1] += pread(fd, buf, CAP, 0) == 8;
        ok[2] += getentropy(buf, CAP) == 0;
        ok[3] += readlink("link", (char *)buf, CAP) == 3;
        ok[4] += recv(s, buf, CAP, 0) == 4;
    }
    size_t grew = __builtin_wasm_memory_size(0) - before;
    printf("read %d pread %d getentropy %d readlink %d recv %d\n", ok[0], ok[1], ok[2], ok[3], ok[4]);
    printf("memory grew %s\n", grew < 256 ? "under 16 MiB" : "by 16 MiB or more");
    heap_check();
}

/* A TCP connection's input stream: recv blocking (`blocking-read`, the
 * receive fast path) or with MSG_DONTWAIT (`input-stream.read`). */
static void op_tcp(int flags) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(80), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (s < 0 || connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
        printf("socket/connect: %s\n", strerror(errno));
        return;
    }
    for (int k = 0; k < CALLS; k++) {
        fill();
        errno = 0;
        long n = recv(s, buf, CAP, flags);
        int e = errno;
        show("recv", k, n, e, buf, n > 0 ? (n < CAP ? n : CAP) : 0);
        heap_check();
    }
    close(s);
}

int main(int argc, char **argv) {
    int op = hostile_op();
    setup();
    switch (op) {
    case 1: op_read(); break;
    case 2: op_pread(); break;
    case 3: op_random(); break;
    case 4: op_readlink(); break;
    case 5: op_readdir(); break;
    case 6: op_args(argc, argv); break;
    case 7: op_environ(); break;
    case 8: op_preopens(); break;
    case 9: op_recv(); break;
    case 10: op_leak(); break;
    case 11: op_tcp(0); break;
    case 12: op_tcp(MSG_DONTWAIT); break;
    default: printf("unknown op %d\n", op); return 2;
    }
    printf("done\n");
    return 0;
}
