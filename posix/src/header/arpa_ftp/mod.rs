//! `arpa/ftp.h`: FTP reply classes and transfer parameters (RFC 959; no functions).
