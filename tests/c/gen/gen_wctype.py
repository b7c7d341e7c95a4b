#!/usr/bin/env python3
"""Writes tests/c/wctype_all.c: every iswXXX class and towupper/towlower
over all code points, printed as one digest per block of 4096 code points.
Expected output: glibc natively in C.UTF-8 (tests/c/gen/reference.sh wctype_all).

glibc 2.36 has Unicode 14's data, Rust core (our tables) a newer Unicode,
so the program compares only code points where both versions agree:
those assigned in Unicode 14 (Python's unicodedata here is 14.0.0, the
generator asserts it), minus the few whose properties changed after 14
(CHANGED below, each checked against the Unicode 15/16 change notes: new
Other_Alphabetic marks, new Other_Lowercase modifier letters, U+0295 no
longer Lowercase, new case pairs of Unicode 16) and minus characters whose
case partner is unassigned in
14 (the mapping is new). Unassigned code points are not compared: there
glibc says no class at all, and we (like musl) count them as printable
and graphic (iswprint/iswgraph/iswpunct)."""
import os
import unicodedata

assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version
here = os.path.dirname(os.path.abspath(__file__))
CHANGED = set(range(0x363, 0x370)) | {0xc04, 0xf82, 0xf83} | set(range(0x1dd3, 0x1de7)) | {0x11080, 0x11081} \
    | {0x295, 0x10fc, 0xa7f2, 0xa7f3, 0xa7f4, 0xab69} | {0x19b, 0x264, 0x1c89, 0x1c8a, 0xa7d3, 0xa7d5}


def keep(c):
    if c in CHANGED or 0xd800 <= c < 0xe000:
        return False
    ch = chr(c)
    if unicodedata.category(ch) == "Cn":
        return False
    for m in (ch.upper(), ch.lower()):
        if any(unicodedata.category(x) == "Cn" for x in m):
            return False
    return True


ranges = []
start = None
for c in range(0x110000 + 1):
    k = c < 0x110000 and keep(c)
    if k and start is None:
        start = c
    elif not k and start is not None:
        ranges.append((start, c))
        start = None

src = ["""/* wctype.h over all Unicode 14 code points, one digest per block of
 * 4096: written by tests/c/gen/gen_wctype.py (see there which code points
 * are compared and why); expected output from glibc in C.UTF-8
 * (tests/c/gen/reference.sh wctype_all). */
#include <locale.h>
#include <stdio.h>
#include <wctype.h>

static const unsigned ranges[][2] = {
"""]
for a, b in ranges:
    src.append("  {0x%x, 0x%x},\n" % (a, b))
src.append(r"""};

#define B(f, i) ((unsigned)(f(c) != 0) << i)
static unsigned long long h[0x110];
static unsigned counts[0x110];

int main(void) {
  if (!setlocale(LC_ALL, "C.UTF-8")) return 1;
  for (unsigned i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
    for (unsigned c = ranges[i][0]; c < ranges[i][1]; c++) {
      unsigned m = B(iswalnum, 0) | B(iswalpha, 1) | B(iswblank, 2) | B(iswcntrl, 3) | B(iswdigit, 4) |
                   B(iswgraph, 5) | B(iswlower, 6) | B(iswprint, 7) | B(iswpunct, 8) | B(iswspace, 9) |
                   B(iswupper, 10) | B(iswxdigit, 11);
      unsigned long long v = ((unsigned long long)c << 12 | m) * 31 + towupper(c) * 7 + towlower(c);
      h[c >> 12] = (h[c >> 12] ^ v) * 0x100000001b3ULL;
      counts[c >> 12]++;
    }
  }
  for (unsigned b = 0; b < 0x110; b++)
    if (counts[b]) printf("%05x %u %016llx\n", b << 12, counts[b], h[b]);
  /* Out of range and WEOF: no class, mapped to themselves. */
  unsigned odd[] = {0x110000, 0xffffffffu, 0xd800, 0xdfff};
  for (unsigned i = 0; i < 4; i++) {
    wint_t c = odd[i];
    printf("%x: %d%d%d %x %x\n", c, iswalpha(c) != 0, iswprint(c) != 0, iswspace(c) != 0, towupper(c), towlower(c));
  }
  printf("wctype: %d %d %d\n", iswctype(L'a', wctype("alpha")) != 0, iswctype(L'1', wctype("alpha")) != 0, wctype("nope") == 0);
  printf("wctrans: %x %x %d\n", towctrans(L'a', wctrans("toupper")), towctrans(L'A', wctrans("tolower")), wctrans("x") == 0);
  return 0;
}
""")
open(os.path.join(here, "..", "wctype_all.c"), "w").write("".join(src))
print("wctype_all.c: %d ranges" % len(ranges))
