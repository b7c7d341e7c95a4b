//! `netinet/udp.h`: the UDP header (RFC 768), in its BSD and Linux spellings.
