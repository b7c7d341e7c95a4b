//! `netinet/ip_icmp.h`: ICMP for IPv4 (RFC 792).
