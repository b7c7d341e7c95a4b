//! `netinet/igmp.h`: the IGMP message (RFC 1112, 2236).
