/* printf of doubles over many values and precisions, compared with glibc
 * through hashes: 6000 pseudo-random doubles (every exponent range:
 * subnormals, near 1, huge; short and long significands; halfway cases
 * from short decimal strings), each printed with %e %f %g at several
 * precisions; one FNV-1a hash of all the output per format, plus a few
 * samples in full. Exact decimal expansion and round-half-even are what
 * make them equal. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng = 0x243F6A8885A308D3u;
static uint64_t next(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return rng;
}

static double value(int i) {
  uint64_t r = next();
  uint64_t bits;
  switch (i % 6) {
  case 0: bits = r & 0x7FFFFFFFFFFFFFFFu; break;                     /* anything */
  case 1: bits = (r & 0x000FFFFFFFFFFFFFu) >> (r >> 58);  break;     /* subnormal */
  case 2: bits = ((uint64_t)(1013 + (r >> 59)) << 52) | (r & 0xFFFFFFFFFFFFFu); break; /* near 1 */
  case 3: bits = ((uint64_t)(1023 + (int)((r >> 54) % 200) - 100) << 52) | ((r & 0xFFFFFFFFFFFFFu) & ~0xFFFFFFFFFu); break; /* short */
  case 4: { double d = (double)(r % 2000001) / 1000.0; memcpy(&bits, &d, 8); break; } /* x.yyy */
  default: { double d = (double)(r % 100000) / 64.0 + 0.5; memcpy(&bits, &d, 8); break; } /* ties */
  }
  if (r & 1) bits |= 1ull << 63;
  double x;
  memcpy(&x, &bits, 8);
  if (x != x || x - x != 0) x = 1.5;
  return x;
}

static const char *const FMTS[] = {"%e", "%.0e", "%.3e", "%.16e", "%.30e", "%f", "%.0f", "%.2f", "%.20f",
                                   "%g", "%.1g", "%.4g", "%.17g", "%#.6g", "%.40g", "%a"};
#define NF (sizeof FMTS / sizeof FMTS[0])

int main(void) {
  uint64_t h[NF];
  for (unsigned f = 0; f < NF; f++) h[f] = 0xcbf29ce484222325u;
  static char buf[1600];
  for (int i = 0; i < 6000; i++) {
    double x = value(i);
    for (unsigned f = 0; f < NF; f++) {
      if (f == 8 && (x > 1e30 || x < -1e30)) continue; /* keep %f short */
      int n = snprintf(buf, sizeof buf, FMTS[f], x);
      for (int k = 0; k < n && k < (int)sizeof buf - 1; k++) h[f] = (h[f] ^ (unsigned char)buf[k]) * 0x100000001b3u;
      h[f] = (h[f] ^ (unsigned)n) * 0x100000001b3u;
      if (i % 1000 == 7) printf("%-6s %s\n", FMTS[f], buf);
    }
  }
  for (unsigned f = 0; f < NF; f++) printf("%-6s %016llx\n", FMTS[f], (unsigned long long)h[f]);
  return 0;
}
