//! `arpa/telnet.h`: Telnet commands and options (RFC 854, 855 and the option RFCs; no functions).
