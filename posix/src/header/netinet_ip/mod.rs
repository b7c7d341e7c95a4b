//! `netinet/ip.h`: the IPv4 header (RFC 791) in its Linux and BSD spellings.
