/* qsort/qsort_r/bsearch, abs/div families, rand/srand/random/rand_r.
 * Differential against glibc (rand and rand_r use glibc's algorithms). */
#define _GNU_SOURCE
#include "check.h"
#include <limits.h>
#include <stdlib.h>

static void put_line(const char *label, long long v) {
  check_puts(label); check_puts(" "); check_putl(v); check_puts("\n");
}

static unsigned long ncmp;
static int cmp_int(const void *a, const void *b) {
  ncmp++;
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
struct rec { int key; char pad[9]; short tag; };
static int cmp_rec(const void *a, const void *b) {
  ncmp++;
  const struct rec *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->tag > y->tag) - (x->tag < y->tag);
}
static int cmp_int_r(const void *a, const void *b, void *arg) {
  ++*(int *)arg;
  int x = *(const int *)a, y = *(const int *)b;
  return (y > x) - (y < x); /* descending */
}
static int cmp_b3(const void *a, const void *b) {
  const unsigned char *x = a, *y = b;
  for (int i = 0; i < 3; i++) if (x[i] != y[i]) return x[i] - y[i];
  /* drand48 family (POSIX's 48-bit LCG: identical everywhere). */
  for (int i = 0; i < 3; i++) put_line("drand48-default", (long long)(drand48() * 281474976710656.0));
  srand48(12345);
  for (int i = 0; i < 4; i++) put_line("lrand48", lrand48());
  for (int i = 0; i < 4; i++) put_line("mrand48", mrand48());
  for (int i = 0; i < 4; i++) put_line("drand48", (long long)(drand48() * 281474976710656.0));
  srand48(-7);
  put_line("lrand48-neg-seed", lrand48());
  unsigned short xs[3] = {1, 2, 3};
  for (int i = 0; i < 3; i++) {
    put_line("nrand48", nrand48(xs));
    put_line("jrand48", jrand48(xs));
    put_line("erand48", (long long)(erand48(xs) * 281474976710656.0));
  }
  unsigned short sd[3] = {0x1234, 0x5678, 0x9abc};
  unsigned short *old = seed48(sd);
  put_line("seed48-old", old[0] | (long long)old[1] << 16 | (long long)old[2] << 32);
  put_line("after-seed48", lrand48());
  unsigned short par[7] = {1, 0, 0, 5, 0, 0, 3};
  lcong48(par);
  for (int i = 0; i < 3; i++) put_line("lcong48", mrand48());
  return 0;
}
static int cmp_b1(const void *a, const void *b) {
  return *(const unsigned char *)a - *(const unsigned char *)b;
}
static int cmp_str(const void *a, const void *b) {
  const char *const *x = a, *const *y = b;
  int i = 0;
  while ((*x)[i] && (*x)[i] == (*y)[i]) i++;
  return (unsigned char)(*x)[i] - (unsigned char)(*y)[i];
}

static unsigned rng_state = 12345;
static unsigned next_rand(void) { rng_state = rng_state * 1664525u + 1013904223u; return rng_state >> 8; }

#define N 20000
static int a[N];
static struct rec recs[3000];

static unsigned long long hash_ints(const int *v, int n) {
  unsigned long long h = 1469598103934665603ull;
  for (int i = 0; i < n; i++) { h ^= (unsigned)v[i]; h *= 1099511628211ull; }
  return h;
}

static void fill(int kind, int n) {
  for (int i = 0; i < n; i++) {
    switch (kind) {
    case 0: a[i] = (int)next_rand(); break;          /* random */
    case 1: a[i] = i; break;                         /* sorted */
    case 2: a[i] = n - i; break;                     /* reversed */
    case 3: a[i] = 7; break;                         /* all equal */
    case 4: a[i] = (int)(next_rand() % 4); break;    /* few distinct */
    case 5: a[i] = i < n / 2 ? i : n - i; break;     /* organ pipe */
    case 6: a[i] = i % 2 ? i : -i; break;            /* alternating */
    case 7: a[i] = (i % 100) ? i : (int)next_rand(); break; /* nearly sorted */
    case 8: a[i] = (i & 1) ? INT_MIN : INT_MAX; break;
    }
  }
}

int main(void) {
  /* qsort over patterns and sizes: sorted output hash, and whether the
   * comparison count stays within 3 n log2 n (no quadratic behaviour). */
  int sizes[] = {0, 1, 2, 3, 5, 12, 13, 50, 100, 1000, 20000};
  for (int kind = 0; kind < 9; kind++)
    for (unsigned s = 0; s < sizeof sizes / sizeof *sizes; s++) {
      int n = sizes[s];
      fill(kind, n);
      ncmp = 0;
      qsort(a, n, sizeof *a, cmp_int);
      int sorted = 1;
      for (int i = 1; i < n; i++) if (a[i - 1] > a[i]) sorted = 0;
      unsigned long bound = 16;
      for (int m = n; m > 1; m /= 2) bound += 3ul * n;
      check_puts("qsort "); check_putl(kind); check_puts(" "); check_putl(n);
      check_puts(sorted ? " sorted " : " UNSORTED "); check_putl((long long)(hash_ints(a, n) >> 1));
      check_puts(ncmp <= bound ? " fast\n" : " SLOW\n");
    }
  /* Odd element size (16 bytes with padding), keys with ties broken by tag. */
  for (int i = 0; i < 3000; i++) { recs[i].key = (int)(next_rand() % 50); recs[i].tag = (short)i; }
  qsort(recs, 3000, sizeof *recs, cmp_rec);
  unsigned long long h = 0;
  for (int i = 0; i < 3000; i++) h = h * 31 + (unsigned)recs[i].key * 7919u + (unsigned)recs[i].tag;
  put_line("qsort-rec", (long long)(h >> 1));
  /* Element sizes 1 and 3 (unaligned records). */
  static unsigned char b3[3 * 500];
  for (int i = 0; i < 3 * 500; i++) b3[i] = (unsigned char)next_rand();
  qsort(b3, 500, 3, cmp_b3);
  h = 0;
  for (int i = 0; i < 3 * 500; i++) h = h * 131 + b3[i];
  put_line("qsort-3", (long long)(h >> 1));
  qsort(b3, 3 * 500, 1, cmp_b1);
  h = 0;
  for (int i = 0; i < 3 * 500; i++) h = h * 131 + b3[i];
  put_line("qsort-1", (long long)(h >> 1));
  /* qsort_r with a context argument, descending. */
  fill(0, 1000);
  int calls = 0;
  qsort_r(a, 1000, sizeof *a, cmp_int_r, &calls);
  int desc = 1;
  for (int i = 1; i < 1000; i++) if (a[i - 1] < a[i]) desc = 0;
  put_line("qsort_r-desc", desc);
  put_line("qsort_r-calls-counted", calls > 1000);
  /* Strings. */
  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apple", "date", "", "Zebra", "zebra"};
  qsort(words, 10, sizeof *words, cmp_str);
  for (int i = 0; i < 10; i++) { check_puts("word "); check_puts(words[i]); check_puts("\n"); }
  /* bsearch. */
  for (int i = 0; i < 100; i++) a[i] = i * 3;
  for (int k = -2; k < 302; k += 1) {
    int *p = bsearch(&k, a, 100, sizeof *a, cmp_int);
    if (p) { check_puts("found "); check_putl(k); check_puts(" at "); check_putl(p - a); check_puts("\n"); }
  }
  int k = 5;
  put_line("bsearch-empty", bsearch(&k, a, 0, sizeof *a, cmp_int) == NULL);
  /* abs / div. */
  int iv[] = {0, 1, -1, 7, -7, 100, -100, INT_MAX, INT_MIN + 1};
  for (unsigned i = 0; i < sizeof iv / sizeof *iv; i++) {
    put_line("abs", abs(iv[i]));
    put_line("labs", labs((long)iv[i]));
    put_line("llabs", llabs((long long)iv[i] * 3));
  }
  int nums[] = {7, -7, 0, 1, -1, 100, -100, INT_MAX, INT_MIN};
  int dens[] = {1, -1, 2, -2, 3, -3, 7, 10, INT_MAX};
  for (unsigned i = 0; i < 9; i++)
    for (unsigned j = 0; j < 9; j++) {
      if (nums[i] == INT_MIN && dens[j] == -1) continue;
      div_t d = div(nums[i], dens[j]);
      ldiv_t ld = ldiv(nums[i], dens[j]);
      lldiv_t lld = lldiv((long long)nums[i] * 1000000007LL, dens[j]);
      check_puts("div "); check_putl(d.quot); check_puts(" "); check_putl(d.rem);
      check_puts(" "); check_putl(ld.quot); check_puts(" "); check_putl(ld.rem);
      check_puts(" "); check_putl(lld.quot); check_puts(" "); check_putl(lld.rem); check_puts("\n");
    }
  /* rand: default seed, then several seeds; random/srandom share it. */
  put_line("RAND_MAX", RAND_MAX);
  for (int i = 0; i < 10; i++) put_line("rand-default", rand());
  unsigned seeds[] = {0, 1, 2, 42, 12345, 0x7fffffffu, 0x80000000u, 0xdeadbeefu, 0xffffffffu};
  for (unsigned s = 0; s < sizeof seeds / sizeof *seeds; s++) {
    srand(seeds[s]);
    for (int i = 0; i < 8; i++) put_line("rand", rand());
    srandom(seeds[s]);
    put_line("random", random());
  }
  srand(7);
  unsigned long long acc = 0;
  for (int i = 0; i < 100000; i++) acc += (unsigned)rand();
  put_line("rand-sum", (long long)acc);
  for (unsigned s = 0; s < sizeof seeds / sizeof *seeds; s++) {
    unsigned st = seeds[s];
    for (int i = 0; i < 5; i++) put_line("rand_r", rand_r(&st));
    put_line("rand_r-state", st);
  }
  /* drand48 family (POSIX's 48-bit LCG: identical everywhere). */
  for (int i = 0; i < 3; i++) put_line("drand48-default", (long long)(drand48() * 281474976710656.0));
  srand48(12345);
  for (int i = 0; i < 4; i++) put_line("lrand48", lrand48());
  for (int i = 0; i < 4; i++) put_line("mrand48", mrand48());
  for (int i = 0; i < 4; i++) put_line("drand48", (long long)(drand48() * 281474976710656.0));
  srand48(-7);
  put_line("lrand48-neg-seed", lrand48());
  unsigned short xs[3] = {1, 2, 3};
  for (int i = 0; i < 3; i++) {
    put_line("nrand48", nrand48(xs));
    put_line("jrand48", jrand48(xs));
    put_line("erand48", (long long)(erand48(xs) * 281474976710656.0));
  }
  unsigned short sd[3] = {0x1234, 0x5678, 0x9abc};
  unsigned short *old = seed48(sd);
  put_line("seed48-old", old[0] | (long long)old[1] << 16 | (long long)old[2] << 32);
  put_line("after-seed48", lrand48());
  unsigned short par[7] = {1, 0, 0, 5, 0, 0, 3};
  lcong48(par);
  for (int i = 0; i < 3; i++) put_line("lcong48", mrand48());
  return 0;
}
