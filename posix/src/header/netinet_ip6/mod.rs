//! `netinet/ip6.h`: the IPv6 header and extension headers (RFC 8200).
