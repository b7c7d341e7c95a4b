/* The configuration expat's configure script would write for a WASI target
 * (and for the native reference build): little-endian, C99 headers,
 * namespaces and DTDs on, as expat's default build has them. */
#define BYTEORDER 1234
#define HAVE_MEMMOVE 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_UNISTD_H 1
#define STDC_HEADERS 1
#define XML_CONTEXT_BYTES 1024
#define XML_DTD 1
#define XML_NS 1
