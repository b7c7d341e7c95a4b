/* Threads (p1-threads): what one thread changes in the process, the others
 * see: the environment (setenv/getenv/unsetenv both ways), the working
 * directory (chdir in a thread, getcwd and a relative open in main), the
 * umask, and an atexit handler registered by a thread runs at exit.
 * Expected output: glibc. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void from_thread(void) { printf("atexit handler registered by a thread\n"); }

static void *work(void *arg) {
    (void)arg;
    const char *a = getenv("FROM_MAIN");
    printf("thread sees FROM_MAIN=%s\n", a ? a : "(unset)");
    setenv("FROM_THREAD", "2", 1);
    unsetenv("DROP_ME");
    printf("thread chdir: %d\n", chdir("sub"));
    umask(027);
    atexit(from_thread);
    return NULL;
}

int main(void) {
    mkdir("sub", 0755);
    int fd = open("sub/marker", O_WRONLY | O_CREAT, 0644);
    close(fd);
    setenv("FROM_MAIN", "1", 1);
    setenv("DROP_ME", "x", 1);
    pthread_t t;
    pthread_create(&t, NULL, work, NULL);
    pthread_join(t, NULL);
    const char *b = getenv("FROM_THREAD");
    printf("main sees FROM_THREAD=%s, DROP_ME %s\n", b ? b : "(unset)", getenv("DROP_ME") ? "set" : "unset");
    char buf[512];
    getcwd(buf, sizeof buf);
    size_t n = strlen(buf);
    printf("main's cwd ends in /sub: %d\n", n >= 4 && strcmp(buf + n - 4, "/sub") == 0);
    printf("relative open after the thread's chdir: %d\n", access("marker", F_OK) == 0);
    mode_t old = umask(0);
    printf("umask set by the thread: %03o\n", (unsigned)old);
    return 0;
}
