/* The protocol and format headers (arpa/, netinet/, ar.h, tar.h, cpio.h,
 * values.h): layouts of the fixed-size wire structures, their bit fields
 * read from real header bytes, and constants. Expected output: a glibc
 * x86_64 run (tests/c/gen/reference.sh): these layouts do not depend on
 * the word size. */
#include <ar.h>
#include <arpa/ftp.h>
#include <arpa/nameser.h>
#include <arpa/nameser_compat.h>
#include <arpa/telnet.h>
#include <cpio.h>
#include <netinet/icmp6.h>
#include <netinet/igmp.h>
#include <netinet/in_systm.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/ip_icmp.h>
#include <netinet/udp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <tar.h>

#define SZ(t) printf("sizeof %s = %d\n", #t, (int)sizeof(t))
#define OFF(t, f) printf("offsetof %s.%s = %d\n", #t, #f, (int)offsetof(t, f))
#define VAL(x) printf("%s = %ld\n", #x, (long)(x))
#define STR(x) printf("%s = \"%s\"\n", #x, x)

int main(void) {
  SZ(struct ar_hdr); OFF(struct ar_hdr, ar_size); OFF(struct ar_hdr, ar_fmag);
  STR(ARMAG); VAL(SARMAG); STR(ARFMAG);
  STR(TMAGIC); VAL(TMAGLEN); VAL(DIRTYPE); VAL(TOEXEC);
  STR(MAGIC); VAL(C_ISLNK); VAL(C_ISSOCK); VAL(C_ISCTG);
  VAL(PRELIM); VAL(TYPE_I); VAL(MODE_C); VAL(BLK_RESTART);
  VAL(IAC); VAL(SB); VAL(TELOPT_NAWS); VAL(TELOPT_NEW_ENVIRON); VAL(NTELOPTS); VAL(TELQUAL_SEND);

  SZ(HEADER); VAL(NS_PACKETSZ); VAL(NS_MAXDNAME); VAL(ns_t_aaaa); VAL(ns_t_srv);
  VAL(ns_c_in); VAL(ns_r_nxdomain); VAL(T_MX); VAL(C_ANY); VAL(QFIXEDSZ);
  {
    /* A DNS response header: id 0x1234, QR=1 opcode=2 AA=1 RD=1, RA=1 AD=1 rcode=3. */
    unsigned char raw[12] = {0x12, 0x34, 0x80 | (2 << 3) | 0x04 | 0x01, 0x80 | 0x20 | 3, 0, 1, 0, 2, 0, 3, 0, 4};
    HEADER h;
    memcpy(&h, raw, sizeof raw);
    printf("HEADER qr=%u opcode=%u aa=%u tc=%u rd=%u ra=%u ad=%u cd=%u rcode=%u\n",
           h.qr, h.opcode, h.aa, h.tc, h.rd, h.ra, h.ad, h.cd, h.rcode);
    const unsigned char *p = raw + 4;
    unsigned qd, an;
    NS_GET16(qd, p);
    NS_GET16(an, p);
    printf("NS_GET16 %u %u advanced %d\n", qd, an, (int)(p - raw));
    unsigned char out[8];
    unsigned char *q = out;
    NS_PUT32(0xdeadbeefu, q);
    NS_PUT16(0x0102, q);
    printf("NS_PUT %02x%02x%02x%02x %02x%02x advanced %d\n", out[0], out[1], out[2], out[3], out[4], out[5], (int)(q - out));
  }

  SZ(struct iphdr); SZ(struct ip); OFF(struct ip, ip_src); OFF(struct iphdr, daddr);
  {
    unsigned char raw[20] = {0x46, 0x10, 0, 60, 0, 1, 0x40, 0, 64, 17};
    struct iphdr h;
    struct ip b;
    memcpy(&h, raw, sizeof raw);
    memcpy(&b, raw, sizeof raw);
    printf("iphdr version=%u ihl=%u tos=%u ttl=%u protocol=%u\n", h.version, h.ihl, h.tos, h.ttl, h.protocol);
    printf("ip ip_v=%u ip_hl=%u ip_p=%u\n", b.ip_v, b.ip_hl, b.ip_p);
  }
  VAL(IPVERSION); VAL(IP_MAXPACKET); VAL(IPTOS_LOWDELAY); VAL(IPTOS_ECN_CE); VAL(IPOPT_TS); VAL(IP_DF); VAL(MAX_IPOPTLEN);
  SZ(struct ip6_hdr); OFF(struct ip6_hdr, ip6_dst); SZ(struct ip6_frag); SZ(struct ip6_rthdr0);
  SZ(struct udphdr); OFF(struct udphdr, uh_sum); OFF(struct udphdr, check);
  SZ(struct icmphdr); SZ(struct icmp6_hdr); SZ(struct icmp6_filter); SZ(struct nd_neighbor_solicit);
  SZ(struct igmp); SZ(n_long); SZ(n_short);
  VAL(ICMP_ECHO); VAL(ICMP_TIME_EXCEEDED); VAL(ICMP_PORT_UNREACH); VAL(ICMP_MINLEN); VAL(ICMP_INFOTYPE(ICMP_ECHOREPLY));
  VAL(ICMP6_ECHO_REQUEST); VAL(ND_NEIGHBOR_ADVERT); VAL(ICMP6_DST_UNREACH_NOPORT);
  VAL(IGMP_V2_LEAVE_GROUP); VAL(IGMP_MINLEN);
  {
    struct icmp6_filter f;
    ICMP6_FILTER_SETBLOCKALL(&f);
    ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &f);
    printf("filter echo-reply pass=%d echo-request pass=%d\n",
           ICMP6_FILTER_WILLPASS(ICMP6_ECHO_REPLY, &f), ICMP6_FILTER_WILLPASS(ICMP6_ECHO_REQUEST, &f));
  }
  return 0;
}
