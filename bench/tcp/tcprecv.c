/* tcprecv CHUNK DELAY_MS RCVBUF [verify]: a TCP receiver.
 *
 * Listens on 127.0.0.1 (ephemeral port; SO_RCVBUF set to RCVBUF bytes first
 * unless 0, which the accepted connection inherits), prints "port=P", sleeps
 * DELAY_MS milliseconds, accepts one connection, then recv()s CHUNK bytes at
 * a time into one fixed buffer until end of stream.
 *
 * The peer (bench/tcp/run.py) connects when it reads the port and streams N
 * bytes, then closes. With a delay, and N below what the receive buffer
 * holds, the connection and all the data are there before accept(): accept
 * succeeds at once and every recv() returns min(CHUNK, what is left), so the
 * run takes the same path, and the same fuel, every time. (The guest is the
 * server because a connect() races the handshake: whether its first check
 * finds the connection complete varies from run to run, and so did the fuel.)
 *
 * Prints a second line: calls (recv() calls that returned data), short (of
 * those, the ones that returned less than CHUNK), bytes, sum (the last byte
 * of each chunk: touches the data, costs nothing per byte), ns (the loop's
 * wall time, CLOCK_MONOTONIC), the libc's mallocs/copies during the loop and
 * the linear memory pages. With "verify", also adler32 over every byte
 * (costs fuel per byte: not for measuring).
 *
 * Built three ways (bench/tcp/run.py): wasm-libc p2 and p1 (its own
 * headers), wasi-libc p2 (-DBENCH_WASI_LIBC_P2: the Debian wasi-libc headers
 * predate wasi-libc's p2 sockets, so the few declarations needed are below,
 * checked against wasi-libc at tag wasi-sdk-30, the version the Rust
 * toolchain ships). */
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include "bench.h"

#ifdef BENCH_WASI_LIBC_P2
/* wasi-libc (wasi-sdk-30) for __wasip2__: __header_sys_socket.h,
 * __struct_sockaddr_in.h (sin_family aligned to __BIGGEST_ALIGNMENT__),
 * musl's socklen_t (unsigned). */
#define AF_INET 1
#define SOCK_STREAM 6
#define SOL_SOCKET 0x7fffffff
#define SO_RCVBUF 8
typedef unsigned socklen_t;
struct sockaddr;
struct sockaddr_in {
    __attribute__((aligned(__BIGGEST_ALIGNMENT__))) unsigned short sin_family;
    unsigned short sin_port;
    struct {
        uint32_t s_addr;
    } sin_addr;
};
int socket(int, int, int);
int setsockopt(int, int, int, const void *, socklen_t);
int bind(int, const struct sockaddr *, socklen_t);
int listen(int, int);
int getsockname(int, struct sockaddr *, socklen_t *);
int accept(int, struct sockaddr *, socklen_t *);
ssize_t recv(int, void *, size_t, int);
#else
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#define MAX_CHUNK 65536
static unsigned char buf[MAX_CHUNK] __attribute__((aligned(16)));

static uint16_t swap16(uint16_t v) { return (uint16_t)((v >> 8) | (v << 8)); }

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc < 4) return 2;
    uint32_t chunk = bench_parse(argv[1]);
    uint32_t delay_ms = bench_parse(argv[2]);
    int rcvbuf = (int)bench_parse(argv[3]);
    int verify = argc > 4;
    if (chunk == 0 || chunk > MAX_CHUNK) return 2;

    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) return 3;
    if (rcvbuf && setsockopt(srv, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf) != 0) return 4;
    struct sockaddr_in sa;
    __builtin_memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = 0x0100007f; /* 127.0.0.1, network order on little-endian wasm */
    socklen_t len = sizeof sa;
    if (bind(srv, (const struct sockaddr *)&sa, sizeof sa) != 0) return 5;
    if (listen(srv, 1) != 0) return 6;
    if (getsockname(srv, (struct sockaddr *)&sa, &len) != 0) return 7;
    struct bench_line l = {.len = 0};
    bench_u64(&l, "port", swap16(sa.sin_port));
    bench_emit(&l);
    if (delay_ms) {
        struct timespec ts = {.tv_sec = delay_ms / 1000, .tv_nsec = (long)(delay_ms % 1000) * 1000000L};
        nanosleep(&ts, 0);
    }
    int fd = accept(srv, 0, 0);
    if (fd < 0) return 8;

    bench_watch(buf, sizeof buf);
    struct bench_counts before;
    bench_counts(&before);
    uint32_t calls = 0, shorts = 0, sum = 0, a = 1, b = 0;
    uint64_t bytes = 0;
    ssize_t n;
    uint64_t t0 = now_ns();
    if (!verify) {
        /* The measured loop: as little as possible besides recv(). */
        while ((n = recv(fd, buf, chunk, 0)) > 0) {
            calls++;
            shorts += (uint32_t)n < chunk;
            bytes += (uint64_t)n;
            sum = sum * 31 + buf[n - 1];
        }
    } else {
        while ((n = recv(fd, buf, chunk, 0)) > 0) {
            calls++;
            shorts += (uint32_t)n < chunk;
            bytes += (uint64_t)n;
            sum = sum * 31 + buf[n - 1];
            for (ssize_t i = 0; i < n; i++) {
                a = (a + buf[i]) % 65521;
                b = (b + a) % 65521;
            }
        }
    }
    uint64_t t1 = now_ns();
    bench_opcount_dump();
    if (n < 0) return 9;
    l.len = 0;
    bench_u64(&l, "calls", calls);
    bench_u64(&l, "short", shorts);
    bench_u64(&l, "bytes", bytes);
    bench_hex(&l, "sum", sum);
    bench_u64(&l, "ns", t1 - t0);
    if (verify) bench_hex(&l, "adler32", (b << 16) | a);
    bench_report_counts(&l, &before);
    bench_emit(&l);
    close(fd);
    close(srv);
    return 0;
}
