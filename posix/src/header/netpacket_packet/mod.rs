//! `netpacket/packet.h`: link-layer socket addresses (`AF_PACKET`). WASI has no
//! link-layer sockets; the types are here for code that names them.
