/* A small gzip tool over zlib for the real-program benchmark
 * (bench/run.py --real), in the way such tools are written: stdio for the
 * plain side, zlib's gz* file API for the compressed side.
 *   gz c LEVEL IN OUT   compress IN into the gzip file OUT
 *   gz d IN OUT         decompress the gzip file IN into OUT
 * Prints the byte counts and the CRC-32 of the plain data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zlib.h"

#define CHUNK 16384

static int fail(const char *what) {
    fprintf(stderr, "gz: %s\n", what);
    return 1;
}

int main(int argc, char **argv) {
    static unsigned char buf[CHUNK];
    unsigned long crc = crc32(0, Z_NULL, 0);
    unsigned long long plain = 0;
    if (argc == 5 && strcmp(argv[1], "c") == 0) {
        char mode[8];
        snprintf(mode, sizeof mode, "wb%s", argv[2]);
        FILE *in = fopen(argv[3], "rb");
        if (!in) return fail("cannot open input");
        gzFile out = gzopen(argv[4], mode);
        if (!out) return fail("cannot open output");
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
            crc = crc32(crc, buf, (unsigned)n);
            plain += n;
            if (gzwrite(out, buf, (unsigned)n) != (int)n) return fail("gzwrite failed");
        }
        if (ferror(in)) return fail("read error");
        fclose(in);
        if (gzclose(out) != Z_OK) return fail("gzclose failed");
    } else if (argc == 4 && strcmp(argv[1], "d") == 0) {
        gzFile in = gzopen(argv[2], "rb");
        if (!in) return fail("cannot open input");
        FILE *out = fopen(argv[3], "wb");
        if (!out) return fail("cannot open output");
        int n;
        while ((n = gzread(in, buf, sizeof buf)) > 0) {
            crc = crc32(crc, buf, (unsigned)n);
            plain += (unsigned)n;
            if (fwrite(buf, 1, (size_t)n, out) != (size_t)n) return fail("write error");
        }
        if (n < 0) return fail("gzread failed");
        gzclose(in);
        if (fclose(out) != 0) return fail("close failed");
    } else {
        fputs("usage: gz c LEVEL IN OUT | gz d IN OUT\n", stderr);
        return 2;
    }
    printf("plain=%llu crc32=%08lx\n", plain, crc);
    return 0;
}
