"""A hostile WASI 0.2 host for a p2 *core* module (wasmtime-py's core API).

It implements every import tests/hostile/guest.c needs, honestly, except the
one import a case targets: that one delivers its list through the guest's
`cabi_import_realloc` in the case's mode (see MODES and docs/hostile.md).
run.py holds the cases and their expected outcomes.
"""
import struct

import wasmtime

MiB = 1 << 20
FUEL = 2_000_000_000
STATIC = 1024  # an address in the guest's static data: never a realloc block
OOB = 0xFFFF_FF00  # beyond any memory the guest has


class Exit(Exception):
    def __init__(self, code):
        super().__init__(f"exit({code})")
        self.code = code


class NoResult:
    """The host writes no result record."""


class Err:
    """The host answers the import's error case (after the mode's reallocs)."""


class Ctx:
    """What a mode sees: the realloc, memory, and what earlier calls did."""

    def __init__(self, host, caller):
        self.h, self.c = host, caller

    def realloc(self, old, old_size, align, size):
        try:
            p = self.h.realloc(self.c, old, old_size, align, size) & 0xFFFF_FFFF
        except (wasmtime.Trap, wasmtime.WasmtimeError) as e:
            # The guest trapped inside its realloc: remembered, so the run
            # reports the guest's trap rather than the host function's error.
            self.h.realloc_trap = e
            raise
        self.h.reallocs.append((old, old_size, align, size, p))
        return p

    def write(self, p, data):
        if data:
            self.h.memory.write(self.c, bytes(data), p)


def pad(data, n):
    return (bytes(data) + b"X" * n)[:n]


# A mode: (ctx, data, cap, k) -> (ptr, len) | NoResult | Err. `data` is what
# an honest host returns, `cap` what the guest asked for (its buffer), `k`
# the call's index in the case.
def honest(x, data, cap, k):
    p = x.realloc(0, 0, 1, len(data))
    x.write(p, data)
    return p, len(data)


def more_by(extra):
    def mode(x, data, cap, k):
        n = cap + extra
        p = x.realloc(0, 0, 1, n)
        x.write(p, pad(data, n))
        x.h.last_block = p
        return p, n

    return mode


def lie_len(x, data, cap, k):
    p, n = honest(x, data, cap, k)
    return p, cap + 100


def lie_len_heap(x, data, cap, k):
    # A block too big for the buffer (from the allocator), reported longer
    # than it is.
    p = x.realloc(0, 0, 1, cap + 2)
    x.write(p, pad(data, cap + 2))
    return p, cap + 50


def huge(align, size):
    def mode(x, data, cap, k):
        p = x.realloc(0, 0, align, size)
        return p, 0

    return mode


def aligned(a):
    def mode(x, data, cap, k):
        p = x.realloc(0, 0, a, len(data))
        x.write(p, data)
        return p, len(data)

    return mode


def twice(use):
    def mode(x, data, cap, k):
        p = x.realloc(0, 0, 1, len(data))
        q = x.realloc(0, 0, 1, len(data))
        r = p if use == 0 else q
        x.write(r, data)
        return r, len(data)

    return mode


def empty_realloc(x, data, cap, k):
    return x.realloc(0, 0, 1, 0), 0


def empty_no_realloc(x, data, cap, k):
    return 0, 0


def pointer(where):
    def mode(x, data, cap, k):
        p, n = honest(x, data, cap, k)
        return {"static": STATIC, "null": 0, "inside": p + 1, "oob": OOB}[where], n

    return mode


def freed(x, data, cap, k):
    # Call 0 makes the guest allocate (and free) a block; call 1 names it.
    if k == 0:
        return more_by(1)(x, data, cap, k)
    honest(x, data, cap, k)
    return x.h.last_block, len(data)


def stale(x, data, cap, k):
    # Call 1 makes no realloc and names call 0's list again.
    if k == 0:
        p, n = honest(x, data, cap, k)
        x.h.last_list = p
        return p, n
    return x.h.last_list, len(data)


def prev_unclaimed(x, data, cap, k):
    # Call 0: the list in the slot, then a block from the allocator that is
    # never returned (the slot was taken first, so the read's fast path
    # decodes it and skips the release). Call 1: no realloc; names that
    # block. slot.rs rule 7 documents this gap: the block is live, ours and
    # long enough, so it may be claimed (memory-safe).
    if k == 0:
        p = x.realloc(0, 0, 1, len(data))
        q = x.realloc(0, 0, 1, len(data))
        x.write(p, data)
        x.write(q, b"Z" * len(data))
        x.h.last_block = q
        return p, len(data)
    return x.h.last_block, len(data)


def error_after(x, data, cap, k):
    honest(x, data, cap, k)
    return Err


def error_after_heap(x, data, cap, k):
    more_by(1)(x, data, cap, k)
    return Err


def no_result(x, data, cap, k):
    return NoResult


def no_result_realloc(x, data, cap, k):
    more_by(1)(x, data, cap, k)
    return NoResult


def grow(old):
    def mode(x, data, cap, k):
        if old == "freed" and k == 0:
            return more_by(1)(x, data, cap, k)
        o = {"foreign": STATIC, "freed": x.h.last_block, "null": 0}[old]
        p = x.realloc(o, 4, 1, len(data) + 16)
        x.write(p, data)
        return p, len(data)

    return mode


def leak(x, data, cap, k):
    # A 4 MiB block the host asks for and never returns, then the list.
    x.realloc(0, 0, 1, 4 * MiB)
    return honest(x, data, cap, k)


def shrink_null(x, data, cap, k):
    p = x.realloc(0, 8, 1, len(data))
    x.write(p, data)
    return p, len(data)


def shrink_freed(x, data, cap, k):
    if k == 0:
        return more_by(1)(x, data, cap, k)
    p = x.realloc(x.h.last_block, cap + 1, 1, 2)
    return p, 0


def shrink_foreign(x, data, cap, k):
    p = x.realloc(STATIC, 8, 1, 2)
    return p, 0


def grow_own(x, data, cap, k):
    p = x.realloc(0, 0, 1, 2)
    x.write(p, data[:2])
    q = x.realloc(p, 2, 1, len(data) + cap)
    x.write(q + 2, data[2:])
    return q, len(data)


def shrink_own(x, data, cap, k):
    p = x.realloc(0, 0, 1, len(data))
    x.write(p, data)
    q = x.realloc(p, len(data), 1, len(data) - 1)
    return q, len(data) - 1


def spine(kind):
    """A mode for the spine of a list of strings (get-arguments,
    get-environment, get-directories); on other imports, honest."""

    def whole(x, elems, size):
        n = len(elems)
        if kind == "align3":
            return x.realloc(0, 0, 3, size * n), n
        if kind == "empty-no-realloc":
            return 0, 0
        if kind == "huge-count":
            return x.realloc(0, 0, 4, size), 0x2000_0000
        p = x.realloc(0, 0, 4, size * n)
        at = p
        for e in elems:
            for v in e:
                if isinstance(v, int):
                    x.h.w32(x.c, at, v)
                    at += 4
                else:
                    s = x.realloc(0, 0, 1, len(v))
                    x.write(s, v)
                    x.h.w32(x.c, at, s)
                    x.h.w32(x.c, at + 4, len(v))
                    at += 8
        return {"static": (STATIC, n), "lie": (p, n + 1000), "inside": (p + 4, n)}[kind]

    def mode(x, data, cap, k):
        return honest(x, data, cap, k)

    mode.spine = whole
    mode.kind = kind
    return mode


MODES = {
    "honest": honest,
    "more+1": more_by(1),
    "more+4MiB": more_by(4 * MiB),
    "lie-len": lie_len,
    "lie-len-heap": lie_len_heap,
    "huge": huge(1, 0xFFFF_FFF0),
    "huge-wrap": huge(8, 0xFFFF_FFF9),
    "align0": aligned(0),
    "align3": aligned(3),
    "align8": aligned(8),
    "align16": aligned(16),
    "twice-first": twice(0),
    "twice-second": twice(1),
    "empty-realloc": empty_realloc,
    "empty-no-realloc": empty_no_realloc,
    "ptr-static": pointer("static"),
    "ptr-null": pointer("null"),
    "ptr-inside": pointer("inside"),
    "ptr-oob": pointer("oob"),
    "ptr-freed": freed,
    "ptr-stale": stale,
    "prev-unclaimed": prev_unclaimed,
    "error-after-realloc": error_after,
    "error-after-heap": error_after_heap,
    "no-result": no_result,
    "no-result-realloc": no_result_realloc,
    "grow-foreign": grow("foreign"),
    "grow-freed": grow("freed"),
    "grow-null": grow("null"),
    "shrink-foreign": shrink_foreign,
    "shrink-null": shrink_null,
    "shrink-freed": shrink_freed,
    "leak-4MiB": leak,
    "grow-own": grow_own,
    "shrink-own": shrink_own,
    "spine-static": spine("static"),
    "spine-lie": spine("lie"),
    "spine-inside": spine("inside"),
    "spine-align3": spine("align3"),
    "spine-empty-no-realloc": spine("empty-no-realloc"),
    "spine-huge-count": spine("huge-count"),
}

OPS = {"read": 1, "pread": 2, "random": 3, "readlink": 4, "readdir": 5,
       "args": 6, "environ": 7, "preopens": 8, "recv": 9, "leak": 10, "tcp": 11, "tcp-nb": 12}

# Handles the honest host hands out.
STDIN, STDOUT, STDERR = 1, 2, 3
PREOPEN, FILE, DIR, DIRSTREAM = 100, 101, 102, 103
FILE_DATA = b"filedata"
STDIN_DATA = b"hello"
LINK = b"tgt"
DIR_ENTRIES = [b"entry1", b"entry2"]
ARGS = [b"prog", b"arg1"]
ENV = [(b"HOSTILE", b"yes"), (b"K", b"v")]
REGULAR, DIRECTORY = 6, 3
E_IO, E_NOENT = 13, 20
NETWORK, UDP, RX, TX, POLLABLE = 200, 300, 301, 302, 400
DATAGRAM = b"udp!"
PEER = (bytes([127, 0, 0, 1]), 4242)
TCP, TCP_RX, TCP_TX = 500, 501, 502
TCP_DATA = b"tcp"
# A host answering every read of a connection with an empty list is a host
# with nothing to say yet: the guest reads again. The case's mode applies to
# the first calls only, so a blocking recv ends.
TCP_MODE_CALLS = 4


_COMPILED = {}


def compiled(wasm):
    """The engine and the module, compiled once per process (a case gets a
    fresh store and instance)."""
    if wasm not in _COMPILED:
        cfg = wasmtime.Config()
        cfg.consume_fuel = True
        engine = wasmtime.Engine(cfg)
        _COMPILED[wasm] = (engine, wasmtime.Module.from_file(engine, wasm))
    return _COMPILED[wasm]


class Host:
    def __init__(self, wasm, op, target, mode):
        self.op, self.target, self.mode = op, target, MODES[mode]
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.calls = {}
        self.reallocs = []
        self.realloc_trap = None
        self.last_block = STATIC
        self.last_list = STATIC
        self.dir_pos = 0
        self.engine, self.module = compiled(wasm)
        self.store = wasmtime.Store(self.engine)
        # A guest looping for ever (a host that keeps saying "nothing yet")
        # ends as a trap instead of hanging the suite.
        self.store.set_fuel(FUEL)
        linker = wasmtime.Linker(self.engine)
        for imp in self.module.imports:
            fn = self.handler(imp.module, imp.name)
            linker.define(self.store, imp.module, imp.name,
                          wasmtime.Func(self.store, imp.type, fn, access_caller=True))
        self.inst = linker.instantiate(self.store, self.module)
        ex = self.inst.exports(self.store)
        self.memory = ex["memory"]
        self.realloc = ex["cabi_import_realloc"]
        self.run_fn = ex["wasi:cli/run@0.2.0#run"]

    # -- plumbing
    def w32(self, c, p, v):
        self.memory.write(c, struct.pack("<I", v & 0xFFFF_FFFF), p)

    def w8(self, c, p, v):
        self.memory.write(c, bytes([v]), p)

    def w64(self, c, p, v):
        self.memory.write(c, struct.pack("<Q", v), p)

    def read(self, c, p, n):
        return bytes(self.memory.read(c, p, p + n))

    def list_result(self, name, c, data, cap):
        """Delivers a list: honestly, or in the case's mode if `name` is the
        target. Returns (ptr, len) | NoResult | Err."""
        k = self.calls.get(name, 0)
        self.calls[name] = k + 1
        mode = self.mode if name == self.target else honest
        return mode(Ctx(self, c), data, cap, k)

    def handler(self, module, name):
        short = name
        f = getattr(self, "i_" + short.replace("[method]", "").replace("[resource-drop]", "drop_")
                    .replace(".", "_").replace("-", "_"), None)
        if f is None:
            def missing(c, *args):
                raise RuntimeError(f"hostile host: unimplemented import {module} {name}")
            return missing
        return f

    def run(self):
        try:
            r = self.run_fn(self.store)
            return ("exit", 0 if r == 0 else 1)
        except Exit as e:
            return ("exit", e.code)
        except (wasmtime.Trap, wasmtime.WasmtimeError) as e:
            cause = e.__cause__ or e.__context__
            if isinstance(cause, Exit):
                return ("exit", cause.code)
            where = "realloc" if self.realloc_trap is not None else "guest"
            msg = str(self.realloc_trap or e)
            # The guest's own trap (`unreachable`: what the library does
            # where nothing else is safe); anything else fails the case.
            if "wasm `unreachable` instruction executed" in msg:
                return ("trap", where)
            if "all fuel consumed" in msg:
                return ("trap", "out of fuel")
            if isinstance(cause, Exception) and self.realloc_trap is None:
                raise cause
            return ("trap", msg.strip().splitlines()[-1])

    # -- the test's own import
    def i_op(self, c):
        return OPS[self.op]

    # -- cli
    def i_exit(self, c, status):
        raise Exit(1 if status else 0)

    def i_get_stdin(self, c):
        return STDIN

    def i_get_stdout(self, c):
        return STDOUT

    def i_get_stderr(self, c):
        return STDERR

    def _none(self, c, ret):
        self.w8(c, ret, 0)

    i_get_terminal_stdin = i_get_terminal_stdout = i_get_terminal_stderr = _none

    def _nothing(self, c, h):
        pass

    i_drop_input_stream = i_drop_output_stream = i_drop_descriptor = _nothing
    i_drop_terminal_input = i_drop_terminal_output = i_drop_directory_entry_stream = _nothing

    def i_drop_error(self, c, h):
        if h != 77:
            raise RuntimeError(f"dropped an error handle the host never gave: {h}")

    def i_output_stream_blocking_write_and_flush(self, c, h, p, n, ret):
        (self.stdout if h == STDOUT else self.stderr).extend(self.read(c, p, n))
        self.w8(c, ret, 0)

    def i_input_stream_blocking_read(self, c, h, n, ret):
        if h == TCP_RX:
            return self.tcp_read("tcp-blocking-read", c, n, ret)
        r = self.list_result("blocking-read", c, STDIN_DATA[:n], n)
        self.put_result(c, ret, r, ok=4, err=lambda: (self.w8(c, ret + 4, 0), self.w32(c, ret + 8, 77)))

    def put_result(self, c, ret, r, ok, err):
        if r is NoResult:
            return
        if r is Err:
            self.w8(c, ret, 1)
            err()
            return
        p, n = r
        self.w8(c, ret, 0)
        self.w32(c, ret + ok, p)
        self.w32(c, ret + ok + 4, n)

    def i_get_random_bytes(self, c, n, ret):
        r = self.list_result("get-random-bytes", c, (b"rnd" * n)[:n], n)
        if r is NoResult or r is Err:
            return
        self.w32(c, ret, r[0])
        self.w32(c, ret + 4, r[1])

    # -- filesystem
    def i_get_directories(self, c, ret):
        self.string_list(c, ret, "get-directories", [(PREOPEN, b".")], 12)

    def i_get_arguments(self, c, ret):
        self.string_list(c, ret, "get-arguments", [(a,) for a in ARGS], 8)

    def i_get_environment(self, c, ret):
        self.string_list(c, ret, "get-environment", ENV, 16)

    def string_list(self, c, ret, name, elems, size):
        """list<string>, list<tuple<string, string>>, list<tuple<own, string>>:
        the spine (align 4) then each string, in the case's mode when `name`
        is the target (see run.py: the string modes, the spine modes)."""
        x = Ctx(self, c)
        target = name == self.target
        mode = self.mode if target else honest
        k = self.calls.get(name, 0)
        self.calls[name] = k + 1
        spine_mode = getattr(mode, "spine", None) if target else None
        if spine_mode:
            r = spine_mode(x, elems, size)
            if r is NoResult:
                return
            p, n = r
            self.w32(c, ret, p)
            self.w32(c, ret + 4, n)
            return
        spine = x.realloc(0, 0, 4, size * len(elems))
        for i, e in enumerate(elems):
            at = spine + i * size
            for j, v in enumerate(e):
                if isinstance(v, int):
                    self.w32(c, at, v)
                    at += 4
                    continue
                r = mode(x, v, len(v), j)
                if r is NoResult:
                    return
                if r is Err:
                    raise RuntimeError("no error case for a string")
                self.w32(c, at, r[0])
                self.w32(c, at + 4, r[1])
                at += 8
        self.w32(c, ret, spine)
        self.w32(c, ret + 4, len(elems))

    def i_descriptor_open_at(self, c, d, pflags, p, n, oflags, dflags, ret):
        path = self.read(c, p, n)
        h = {b"file": FILE, b"dir": DIR}.get(path)
        if d != PREOPEN or h is None:
            self.w8(c, ret, 1)
            self.w8(c, ret + 4, E_NOENT)
            return
        self.w8(c, ret, 0)
        self.w32(c, ret + 4, h)

    def i_descriptor_get_type(self, c, d, ret):
        self.w8(c, ret, 0)
        self.w8(c, ret + 1, REGULAR if d == FILE else DIRECTORY)

    def i_descriptor_stat(self, c, d, ret):
        self.memory.write(c, bytes(104), ret)
        self.w8(c, ret + 8, REGULAR if d == FILE else DIRECTORY)
        self.w64(c, ret + 24, len(FILE_DATA) if d == FILE else 0)

    def i_descriptor_metadata_hash(self, c, d, ret):
        self.w8(c, ret, 0)
        self.w64(c, ret + 8, d)
        self.w64(c, ret + 16, 0)

    def i_descriptor_metadata_hash_at(self, c, d, pflags, p, n, ret):
        self.i_descriptor_metadata_hash(c, d + n, ret)

    def i_descriptor_read(self, c, d, n, off, ret):
        data = FILE_DATA[off:off + n]
        r = self.list_result("descriptor.read", c, data, n)
        if r is not Err and r is not NoResult:
            self.w8(c, ret + 12, int(off + r[1] >= len(FILE_DATA)))
        self.put_result(c, ret, r, ok=4, err=lambda: self.w8(c, ret + 4, E_IO))

    def i_descriptor_write(self, c, d, p, n, off, ret):
        self.w8(c, ret, 1)
        self.w8(c, ret + 8, E_IO)

    def i_descriptor_readlink_at(self, c, d, p, n, ret):
        if self.read(c, p, n) != b"link":
            self.w8(c, ret, 1)
            self.w8(c, ret + 4, E_NOENT)
            return
        r = self.list_result("readlink-at", c, LINK, 8)
        self.put_result(c, ret, r, ok=4, err=lambda: self.w8(c, ret + 4, E_IO))

    def i_descriptor_read_directory(self, c, d, ret):
        self.dir_pos = 0
        self.w8(c, ret, 0)
        self.w32(c, ret + 4, DIRSTREAM)

    def i_directory_entry_stream_read_directory_entry(self, c, s, ret):
        if self.dir_pos >= len(DIR_ENTRIES):
            self.w8(c, ret, 0)
            self.w8(c, ret + 4, 0)
            return
        name = DIR_ENTRIES[self.dir_pos]
        self.dir_pos += 1
        r = self.list_result("read-directory-entry", c, name, 256)
        if r is NoResult:
            return
        if r is Err:
            self.w8(c, ret, 1)
            self.w8(c, ret + 4, E_IO)
            return
        self.w8(c, ret, 0)
        self.w8(c, ret + 4, 1)
        self.w8(c, ret + 8, REGULAR)
        self.w32(c, ret + 12, r[0])
        self.w32(c, ret + 16, r[1])

    # -- sockets (UDP)
    def i_instance_network(self, c):
        return NETWORK

    def i_create_udp_socket(self, c, family, ret):
        self.w8(c, ret, 0)
        self.w32(c, ret + 4, UDP)

    def i_udp_socket_start_bind(self, c, *args):
        self.w8(c, args[-1], 0)

    def i_udp_socket_finish_bind(self, c, h, ret):
        self.w8(c, ret, 0)

    def i_udp_socket_stream(self, c, *args):
        ret = args[-1]
        self.w8(c, ret, 0)
        self.w32(c, ret + 4, RX)
        self.w32(c, ret + 8, TX)

    def _pollable(self, c, h):
        return POLLABLE

    i_udp_socket_subscribe = i_incoming_datagram_stream_subscribe = _pollable
    i_outgoing_datagram_stream_subscribe = _pollable
    i_drop_udp_socket = i_drop_incoming_datagram_stream = _nothing
    i_drop_outgoing_datagram_stream = i_drop_pollable = i_pollable_block = _nothing

    def i_incoming_datagram_stream_receive(self, c, h, n, ret):
        """list<incoming-datagram>: the spine (align 4, 40 bytes a record)
        first, then the payload (align 1), as wasmtime does. The case's mode
        delivers the payload, or the spine for the spine modes."""
        name = "receive"
        x = Ctx(self, c)
        target = name == self.target
        kind = getattr(self.mode, "kind", None) if target else None
        k = self.calls.get(name, 0)
        self.calls[name] = k + 1
        if kind == "align3":
            x.realloc(0, 0, 3, 40)
        if kind == "empty-no-realloc" and k == 0:
            # Nothing arrived (once): the guest waits on the stream, retries.
            self.w8(c, ret, 0)
            self.w32(c, ret + 4, 0)
            self.w32(c, ret + 8, 0)
            return
        spine = x.realloc(0, 0, 4, 40)
        mode = self.mode if target and kind is None else honest
        r = mode(x, DATAGRAM, 8, k)
        if r is NoResult:
            return
        if r is Err:
            self.w8(c, ret, 1)
            self.w8(c, ret + 4, 0)  # error-code unknown
            return
        self.w32(c, spine, r[0])
        self.w32(c, spine + 4, r[1])
        self.memory.write(c, bytes(32), spine + 8)
        self.w8(c, spine + 8, 0)  # ipv4
        self.memory.write(c, struct.pack("<H", PEER[1]) + PEER[0], spine + 12)
        count = 1
        if kind == "static":
            spine = STATIC
        elif kind == "inside":
            spine += 4
        elif kind == "lie":
            count = 2
        elif kind == "huge-count":
            count = 0x2000_0000
        self.w8(c, ret, 0)
        self.w32(c, ret + 4, spine)
        self.w32(c, ret + 8, count)

    # -- sockets (TCP)
    def i_create_tcp_socket(self, c, family, ret):
        self.w8(c, ret, 0)
        self.w32(c, ret + 4, TCP)

    def i_tcp_socket_start_connect(self, c, *args):
        self.w8(c, args[-1], 0)

    def i_tcp_socket_finish_connect(self, c, h, ret):
        self.w8(c, ret, 0)
        self.w32(c, ret + 4, TCP_RX)
        self.w32(c, ret + 8, TCP_TX)

    i_tcp_socket_subscribe = i_input_stream_subscribe = i_output_stream_subscribe = _pollable
    i_drop_tcp_socket = _nothing

    def tcp_read(self, name, c, n, ret):
        k = self.calls.get(name, 0)
        if k >= TCP_MODE_CALLS:
            self.calls[name] = k + 1
            r = honest(Ctx(self, c), TCP_DATA[:n], n, k)
        else:
            r = self.list_result(name, c, TCP_DATA[:n], n)
        self.put_result(c, ret, r, ok=4, err=lambda: (self.w8(c, ret + 4, 0), self.w32(c, ret + 8, 77)))

    def i_input_stream_read(self, c, h, n, ret):
        return self.tcp_read("input-stream.read", c, n, ret)

    def i_output_stream_blocking_flush(self, c, h, ret):
        self.w8(c, ret, 0)
