/* setjmp/longjmp through clang's WebAssembly lowering (-mllvm
 * -wasm-enable-sjlj, libsetjmp.a): nested buffers, a longjmp from deep
 * frames, longjmp(buf, 0) returning 1, setjmp in a loop, sigsetjmp /
 * siglongjmp, _setjmp / _longjmp. Expected output: a glibc run
 * (tests/c/gen/reference.sh setjmp). */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf outer, inner;
static int depth_reached;

static void deep(int n, jmp_buf to, int val) {
  if (n == 0) {
    depth_reached = 1;
    longjmp(to, val);
  }
  deep(n - 1, to, val);
  printf("not reached\n");
}

static int nested(void) {
  volatile int steps = 0;
  int r = setjmp(inner);
  if (r == 0) {
    steps++;
    deep(5, inner, 7);
  }
  printf("inner setjmp returned %d after %d step(s)\n", r, steps);
  deep(3, outer, 42);
  return -1;
}

int main(void) {
  int r = setjmp(outer);
  if (r == 0) {
    nested();
    printf("not reached\n");
  }
  printf("outer setjmp returned %d (deep frames reached: %d)\n", r, depth_reached);

  jmp_buf b;
  r = setjmp(b);
  if (r == 0) longjmp(b, 0);
  printf("longjmp(b, 0) made setjmp return %d\n", r);

  volatile int i = 0;
  jmp_buf loop;
  int got = setjmp(loop);
  printf("loop: setjmp returned %d, i = %d\n", got, i);
  if (i < 3) {
    i++;
    longjmp(loop, i * 10);
  }

  for (int k = 0; k < 3; k++) {
    jmp_buf each;
    int v = setjmp(each);
    if (v == 0) deep(k, each, k + 100);
    printf("setjmp in a for loop: k = %d, %d\n", k, v);
  }

  sigjmp_buf sb;
  int s = sigsetjmp(sb, 1);
  if (s == 0) siglongjmp(sb, 5);
  printf("sigsetjmp returned %d\n", s);

  jmp_buf ub;
  int u = _setjmp(ub);
  if (u == 0) _longjmp(ub, 6);
  printf("_setjmp returned %d\n", u);
  return 0;
}
