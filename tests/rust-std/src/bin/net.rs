//! `std::net` over loopback in one thread: TCP (bind, connect, accept,
//! both directions, shutdown, EOF) and UDP (send_to, recv_from). Prints
//! nothing that depends on the host's port numbers, so the wasm-libc and
//! wasi-libc builds can be compared (tests/rust-std/run.sh, p2 only:
//! preview1 has no sockets).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream, UdpSocket};

fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("local_addr");
    println!("tcp: listening on {} port>0 {}", addr.ip(), addr.port() > 0);
    let mut client = TcpStream::connect(addr).expect("connect");
    let (mut server, peer) = listener.accept().expect("accept");
    println!("tcp: accepted from {}", peer.ip());
    println!(
        "tcp: peer_addr matches {}",
        client.peer_addr().expect("peer_addr") == addr
    );
    client.write_all(b"ping").expect("write");
    let mut buf = [0u8; 4];
    server.read_exact(&mut buf).expect("read");
    println!("tcp: server got {:?}", std::str::from_utf8(&buf).unwrap());
    let big = vec![b'z'; 200_000];
    server.write_all(&big).expect("write big");
    server.shutdown(Shutdown::Write).expect("shutdown");
    let mut got = Vec::new();
    client.read_to_end(&mut got).expect("read_to_end");
    println!(
        "tcp: client got {} bytes, all z {}",
        got.len(),
        got.iter().all(|&b| b == b'z')
    );
    client.set_nodelay(true).expect("nodelay");
    println!("tcp: nodelay {}", client.nodelay().expect("nodelay"));

    let a = UdpSocket::bind("127.0.0.1:0").expect("udp bind");
    let b = UdpSocket::bind("127.0.0.1:0").expect("udp bind");
    a.send_to(b"datagram", b.local_addr().unwrap())
        .expect("send_to");
    let mut buf = [0u8; 64];
    let (n, from) = b.recv_from(&mut buf).expect("recv_from");
    println!(
        "udp: {:?} from the sender {}",
        std::str::from_utf8(&buf[..n]).unwrap(),
        from == a.local_addr().unwrap()
    );
    println!(
        "connect refused: {:?}",
        TcpStream::connect("127.0.0.1:1").map_err(|e| e.kind())
    );
    println!("done");
}
