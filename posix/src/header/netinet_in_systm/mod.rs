//! `netinet/in_systm.h`: network-order integer types of the BSD protocol headers.
