/* Threads (p1-threads): exit() from a secondary thread while the main
 * thread waits in pthread_join: the atexit handler runs, stdout is flushed,
 * the status is the thread's. Expected output and status: glibc. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void bye(void) { printf("atexit handler\n"); }

static void *quit(void *arg) {
    (void)arg;
    printf("secondary thread exits with 3\n");
    exit(3);
}

int main(void) {
    atexit(bye);
    printf("main: buffered line before the thread\n");
    pthread_t t;
    pthread_create(&t, NULL, quit, NULL);
    pthread_join(t, NULL);
    printf("not reached\n");
    return 0;
}
