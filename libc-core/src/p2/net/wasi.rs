//! `wasi:sockets@0.2.0` imports (and the `wasi:io` ones sockets need),
//! lowered by hand per the canonical ABI.
//!
//! Layouts used below (offsets in bytes):
//! - `ip-socket-address` (variant, size 32, align 4): [0] tag (0 = ipv4,
//!   1 = ipv6); ipv4: [4] port u16, [6..10] address; ipv6: [4] port u16,
//!   [8] flow-info u32, [12..28] eight u16 groups, [28] scope-id u32.
//!   Flattened as a parameter: 12 `i32`s: tag, then ipv4 = (port, a, b, c, d,
//!   0 x 6) or ipv6 = (port, flow-info, g0..g7, scope-id).
//! - `result<_, error-code>`: [0] tag, [1] code (u8 enum).
//! - `result<own<T>, error-code>`: [0] tag, [4] handle or code.
//! - `result<ip-socket-address, error-code>`: [0] tag, [4] address or code.
//! - `result<u64, error-code>`: [0] tag, [8] value or code.
//! - `result<tuple<A, B>, error-code>`: [0] tag, [4] A, [8] B; code at [4].
//! - `incoming-datagram` (size 40, align 4): [0] data ptr, [4] data len,
//!   [8] ip-socket-address.
//! - `outgoing-datagram` (size 44, align 4): [0] data ptr, [4] data len,
//!   [8] option tag, [12] ip-socket-address.
//! - `result<option<ip-address>, error-code>` (size 22): [0] tag, [2] option
//!   tag, [4] ip-address tag, ipv4 [6..10], ipv6 [6..22] eight u16; code [2].

macro_rules! imports {
    ($module:literal { $($name:literal => fn $f:ident($($a:ident: $t:ty),*) $(-> $r:ty)?;)* }) => {
        // `abi.rs` (generated from the WIT) declares the same imports with
        // the WIT's integer signedness (`u64` where this says `i64`).
        #[allow(clashing_extern_declarations)]
        #[link(wasm_import_module = $module)]
        unsafe extern "C" {
            $(
                #[link_name = $name]
                pub fn $f($($a: $t),*) $(-> $r)?;
            )*
        }
    };
}

pub mod network {
    imports!("wasi:sockets/instance-network@0.2.0" {
        "instance-network" => fn instance_network() -> i32;
    });
}

pub mod create {
    imports!("wasi:sockets/tcp-create-socket@0.2.0" {
        "create-tcp-socket" => fn create_tcp_socket(af: i32, ret: *mut u8);
    });
    imports!("wasi:sockets/udp-create-socket@0.2.0" {
        "create-udp-socket" => fn create_udp_socket(af: i32, ret: *mut u8);
    });
}

pub mod tcp {
    imports!("wasi:sockets/tcp@0.2.0" {
        "[method]tcp-socket.start-bind" => fn start_bind(h: i32, net: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32, a5: i32, a6: i32, a7: i32, a8: i32, a9: i32, a10: i32, a11: i32, ret: *mut u8);
        "[method]tcp-socket.finish-bind" => fn finish_bind(h: i32, ret: *mut u8);
        "[method]tcp-socket.start-connect" => fn start_connect(h: i32, net: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32, a5: i32, a6: i32, a7: i32, a8: i32, a9: i32, a10: i32, a11: i32, ret: *mut u8);
        "[method]tcp-socket.finish-connect" => fn finish_connect(h: i32, ret: *mut u8);
        "[method]tcp-socket.start-listen" => fn start_listen(h: i32, ret: *mut u8);
        "[method]tcp-socket.finish-listen" => fn finish_listen(h: i32, ret: *mut u8);
        // retptr: result<tuple<tcp-socket, input-stream, output-stream>>:
        // [0] tag, [4] socket, [8] input, [12] output; code at [4].
        "[method]tcp-socket.accept" => fn accept(h: i32, ret: *mut u8);
        "[method]tcp-socket.local-address" => fn local_address(h: i32, ret: *mut u8);
        "[method]tcp-socket.remote-address" => fn remote_address(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-listen-backlog-size" => fn set_listen_backlog_size(h: i32, v: i64, ret: *mut u8);
        // retptr: result<bool>: [0] tag, [1] value or code.
        "[method]tcp-socket.keep-alive-enabled" => fn keep_alive_enabled(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-keep-alive-enabled" => fn set_keep_alive_enabled(h: i32, v: i32, ret: *mut u8);
        "[method]tcp-socket.keep-alive-idle-time" => fn keep_alive_idle_time(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-keep-alive-idle-time" => fn set_keep_alive_idle_time(h: i32, v: i64, ret: *mut u8);
        "[method]tcp-socket.keep-alive-interval" => fn keep_alive_interval(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-keep-alive-interval" => fn set_keep_alive_interval(h: i32, v: i64, ret: *mut u8);
        // retptr: result<u32>: [0] tag, [4] value or code.
        "[method]tcp-socket.keep-alive-count" => fn keep_alive_count(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-keep-alive-count" => fn set_keep_alive_count(h: i32, v: i32, ret: *mut u8);
        // retptr: result<u8>: [0] tag, [1] value or code.
        "[method]tcp-socket.hop-limit" => fn hop_limit(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-hop-limit" => fn set_hop_limit(h: i32, v: i32, ret: *mut u8);
        "[method]tcp-socket.receive-buffer-size" => fn receive_buffer_size(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-receive-buffer-size" => fn set_receive_buffer_size(h: i32, v: i64, ret: *mut u8);
        "[method]tcp-socket.send-buffer-size" => fn send_buffer_size(h: i32, ret: *mut u8);
        "[method]tcp-socket.set-send-buffer-size" => fn set_send_buffer_size(h: i32, v: i64, ret: *mut u8);
        "[method]tcp-socket.subscribe" => fn subscribe(h: i32) -> i32;
        // how: 0 = receive, 1 = send, 2 = both.
        "[method]tcp-socket.shutdown" => fn shutdown(h: i32, how: i32, ret: *mut u8);
        "[resource-drop]tcp-socket" => fn drop_tcp_socket(h: i32);
    });
}

pub mod udp {
    imports!("wasi:sockets/udp@0.2.0" {
        "[method]udp-socket.start-bind" => fn start_bind(h: i32, net: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32, a5: i32, a6: i32, a7: i32, a8: i32, a9: i32, a10: i32, a11: i32, ret: *mut u8);
        "[method]udp-socket.finish-bind" => fn finish_bind(h: i32, ret: *mut u8);
        // (option tag, then the 12 address values); retptr:
        // result<tuple<incoming-datagram-stream, outgoing-datagram-stream>>.
        "[method]udp-socket.stream" => fn stream(h: i32, some: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32, a5: i32, a6: i32, a7: i32, a8: i32, a9: i32, a10: i32, a11: i32, ret: *mut u8);
        "[method]udp-socket.local-address" => fn local_address(h: i32, ret: *mut u8);
        "[method]udp-socket.unicast-hop-limit" => fn unicast_hop_limit(h: i32, ret: *mut u8);
        "[method]udp-socket.set-unicast-hop-limit" => fn set_unicast_hop_limit(h: i32, v: i32, ret: *mut u8);
        "[method]udp-socket.receive-buffer-size" => fn receive_buffer_size(h: i32, ret: *mut u8);
        "[method]udp-socket.set-receive-buffer-size" => fn set_receive_buffer_size(h: i32, v: i64, ret: *mut u8);
        "[method]udp-socket.send-buffer-size" => fn send_buffer_size(h: i32, ret: *mut u8);
        "[method]udp-socket.set-send-buffer-size" => fn set_send_buffer_size(h: i32, v: i64, ret: *mut u8);
        "[method]udp-socket.subscribe" => fn subscribe(h: i32) -> i32;
        // retptr: result<list<incoming-datagram>>: [0] tag, [4] ptr, [8] count.
        "[method]incoming-datagram-stream.receive" => fn receive(h: i32, max: i64, ret: *mut u8);
        "[method]incoming-datagram-stream.subscribe" => fn subscribe_incoming(h: i32) -> i32;
        "[method]outgoing-datagram-stream.check-send" => fn check_send(h: i32, ret: *mut u8);
        "[method]outgoing-datagram-stream.send" => fn send(h: i32, ptr: *const u8, len: usize, ret: *mut u8);
        "[method]outgoing-datagram-stream.subscribe" => fn subscribe_outgoing(h: i32) -> i32;
        "[resource-drop]udp-socket" => fn drop_udp_socket(h: i32);
        "[resource-drop]incoming-datagram-stream" => fn drop_incoming(h: i32);
        "[resource-drop]outgoing-datagram-stream" => fn drop_outgoing(h: i32);
    });
}

pub mod lookup {
    imports!("wasi:sockets/ip-name-lookup@0.2.0" {
        // retptr: result<own<resolve-address-stream>>.
        "resolve-addresses" => fn resolve_addresses(net: i32, name: *const u8, len: usize, ret: *mut u8);
        "[method]resolve-address-stream.resolve-next-address" => fn resolve_next_address(h: i32, ret: *mut u8);
        "[method]resolve-address-stream.subscribe" => fn subscribe(h: i32) -> i32;
        "[resource-drop]resolve-address-stream" => fn drop_stream(h: i32);
    });
}

pub mod streams {
    imports!("wasi:io/streams@0.2.0" {
        // retptr: result<list<u8>, stream-error>; [0] tag, ok: [4] ptr [8] len;
        // err: [4] 0 = last-operation-failed ([8] own<error>), 1 = closed.
        "[method]input-stream.read" => fn read(h: i32, len: i64, ret: *mut u8);
        "[method]input-stream.blocking-read" => fn blocking_read(h: i32, len: i64, ret: *mut u8);
        "[method]input-stream.subscribe" => fn subscribe_input(h: i32) -> i32;
        // retptr: result<u64, stream-error>; [0] tag, [8] value; err: [8]
        // tag, [12] own<error>.
        "[method]output-stream.check-write" => fn check_write(h: i32, ret: *mut u8);
        // retptr: result<_, stream-error>; [0] tag, [4] error tag, [8] handle.
        "[method]output-stream.write" => fn write(h: i32, ptr: *const u8, len: usize, ret: *mut u8);
        "[method]output-stream.blocking-flush" => fn blocking_flush(h: i32, ret: *mut u8);
        "[method]output-stream.subscribe" => fn subscribe_output(h: i32) -> i32;
        "[resource-drop]input-stream" => fn drop_input_stream(h: i32);
        "[resource-drop]output-stream" => fn drop_output_stream(h: i32);
    });
    imports!("wasi:io/error@0.2.0" {
        "[resource-drop]error" => fn drop_error(h: i32);
    });
}

pub mod poll {
    imports!("wasi:io/poll@0.2.0" {
        // (list<borrow<pollable>> as ptr, len); retptr: list<u32> [0] ptr [4] len.
        "poll" => fn poll(list: *const i32, len: usize, ret: *mut u8);
        "[method]pollable.ready" => fn ready(h: i32) -> i32;
        "[method]pollable.block" => fn block(h: i32);
        "[resource-drop]pollable" => fn drop_pollable(h: i32);
    });
    imports!("wasi:clocks/monotonic-clock@0.2.0" {
        "now" => fn now() -> u64;
        "subscribe-duration" => fn subscribe_duration(ns: u64) -> i32;
    });
}
