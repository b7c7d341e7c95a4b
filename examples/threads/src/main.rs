//! Threads on the `#![no_std]` Rust API: N threads x M increments of a
//! counter behind a `Mutex` (the total must be exact), a producer and a
//! consumer handing values over a `Condvar`, a `Once` raced by every
//! thread, and values returned through `join`.
//!
//! On `wasm32-wasip1-threads` (run with `wasmtime run -W
//! threads,shared-memory -S threads`) it uses real threads; on the other
//! targets `spawn` fails with `EAGAIN` and the program checks the same
//! objects on its one thread.
#![no_std]
#![no_main]

use wasm_libc::sync::{Condvar, Mutex, Once};
use wasm_libc::{Errno, println, thread};

wasm_libc::main!(main);

const THREADS: u64 = 4;
const INCREMENTS: u64 = 100_000;
const ITEMS: u64 = 1000;

static COUNTER: Mutex<u64> = Mutex::new(0);
static ONCE: Once = Once::new();
static ONCE_RUNS: Mutex<u32> = Mutex::new(0);

/// A one-slot queue: `Some(v)` waits for the consumer.
static SLOT: Mutex<Option<u64>> = Mutex::new(None);
static CHANGED: Condvar = Condvar::new();

fn work(id: u64) -> u64 {
    ONCE.call_once(|| *ONCE_RUNS.lock() += 1);
    for _ in 0..INCREMENTS {
        *COUNTER.lock() += 1;
    }
    id * 10
}

fn produce() -> u64 {
    for v in 1..=ITEMS {
        let g = CHANGED.wait_while(SLOT.lock(), |s| s.is_some());
        let mut g = g;
        *g = Some(v);
        drop(g);
        CHANGED.notify_all();
    }
    ITEMS
}

fn consume() -> u64 {
    let mut sum = 0;
    for _ in 0..ITEMS {
        let mut g = CHANGED.wait_while(SLOT.lock(), |s| s.is_none());
        sum += g.take().unwrap_or(0);
        drop(g);
        CHANGED.notify_all();
    }
    sum
}

fn main() -> wasm_libc::Result<()> {
    match thread::spawn(|| work(1)) {
        Err(Errno::EAGAIN) => {
            println!("spawn: EAGAIN (no threads on this target)");
            work(1);
            println!("counter {} once {}", *COUNTER.lock(), *ONCE_RUNS.lock());
            return Ok(());
        }
        Err(e) => return Err(e),
        Ok(first) => {
            let mut handles = [Some(first), None, None, None];
            for (i, h) in handles.iter_mut().enumerate().skip(1) {
                let id = i as u64 + 1;
                *h = Some(thread::spawn(move || work(id))?);
            }
            let mut ids = 0;
            for h in handles.into_iter().flatten() {
                ids += h.join()?;
            }
            println!(
                "counter {} (expected {}) once {} ids {}",
                *COUNTER.lock(),
                THREADS * INCREMENTS,
                *ONCE_RUNS.lock(),
                ids
            );
        }
    }
    let consumer = thread::spawn(consume)?;
    let producer = thread::spawn(produce)?;
    let sent = producer.join()?;
    let sum = consumer.join()?;
    println!(
        "queue: {sent} sent, sum {sum} (expected {})",
        ITEMS * (ITEMS + 1) / 2
    );
    // A handle dropped without a join detaches its thread.
    drop(thread::spawn(|| 0u64)?);
    let built = thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(|| thread::current_id() != 1)?;
    println!("builder thread not main: {}", built.join()?);
    Ok(())
}
