//! `netinet/icmp6.h`: ICMPv6 (RFC 4443) and neighbour discovery (RFC 4861).
