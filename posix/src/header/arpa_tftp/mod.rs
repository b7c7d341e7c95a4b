//! `arpa/tftp.h`: the TFTP packet layout (RFC 1350; no functions).
