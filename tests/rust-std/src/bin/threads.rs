//! `std::thread` and `std::sync` on the threads flavour (wasm32-wasip1-threads,
//! wasi-threads): spawn and join with values, a named `Builder`, scoped
//! threads, a `Mutex` and atomics raced by 4 threads, `mpsc` channels, a
//! `Condvar` hand-off, thread-locals and `OnceLock`. Prints only what any
//! correct libc gives, so the wasm-libc and wasi-libc builds can be compared
//! (tests/rust-std/run.sh).

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, mpsc};
use std::thread;

thread_local! {
    static LOCAL: Cell<u32> = const { Cell::new(0) };
}

fn main() {
    let handles: Vec<_> = (0..4u64)
        .map(|i| thread::spawn(move || (0..=1000u64).sum::<u64>() * (i + 1)))
        .collect();
    let sums: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("join values: {sums:?}");

    let h = thread::Builder::new()
        .name("worker-a".into())
        .spawn(|| thread::current().name().map(str::to_owned))
        .expect("spawn");
    println!("builder name: {:?}", h.join().unwrap());

    let counter = Arc::new(Mutex::new(0u64));
    let atomic = Arc::new(AtomicU64::new(0));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (c, a) = (counter.clone(), atomic.clone());
            thread::spawn(move || {
                for _ in 0..20_000 {
                    *c.lock().unwrap() += 1;
                    a.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    println!(
        "mutex {} atomic {}",
        *counter.lock().unwrap(),
        atomic.load(Ordering::Relaxed)
    );

    let mut data = [1u32, 2, 3, 4, 5, 6, 7, 8];
    thread::scope(|s| {
        for chunk in data.chunks_mut(2) {
            s.spawn(move || chunk.iter_mut().for_each(|x| *x *= 10));
        }
    });
    println!("scoped: {data:?}");

    let (tx, rx) = mpsc::channel();
    for i in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i * 100).unwrap());
    }
    drop(tx);
    let mut got: Vec<i32> = rx.iter().collect();
    got.sort();
    println!("channel: {got:?}");

    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let p2 = pair.clone();
    let t = thread::spawn(move || {
        *p2.0.lock().unwrap() = true;
        p2.1.notify_one();
    });
    let mut ready = pair.0.lock().unwrap();
    while !*ready {
        ready = pair.1.wait(ready).unwrap();
    }
    drop(ready);
    t.join().unwrap();
    println!("condvar: woken");

    LOCAL.with(|l| l.set(1));
    let other = thread::spawn(|| {
        LOCAL.with(|l| l.set(l.get() + 5));
        LOCAL.with(Cell::get)
    })
    .join()
    .unwrap();
    println!("thread-local: main {} other {other}", LOCAL.with(Cell::get));

    static ONCE: OnceLock<u32> = OnceLock::new();
    let inits = Arc::new(AtomicU64::new(0));
    let racers: Vec<_> = (0..4)
        .map(|i| {
            let inits = inits.clone();
            thread::spawn(move || {
                *ONCE.get_or_init(|| {
                    inits.fetch_add(1, Ordering::Relaxed);
                    i
                }) < 4
            })
        })
        .collect();
    let ok = racers.into_iter().all(|r| r.join().unwrap());
    println!(
        "once: initialised {} times, value valid {ok}",
        inits.load(Ordering::Relaxed)
    );
    println!("done");
}
