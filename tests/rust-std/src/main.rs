//! Exercises the parts of `std` that sit on the C library: arguments,
//! environment, stdin, files and directories, time. Prints only what is
//! the same on every correct libc, so the outputs of the two builds
//! (wasm-libc, wasi-libc) can be compared byte for byte.

use std::fs;
use std::io::{Read, Write};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("args: {:?}", &args[1..]);

    let mut env: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| k.starts_with("RS_"))
        .collect();
    env.sort();
    println!("env: {env:?}");
    println!("RS_MISSING: {:?}", std::env::var("RS_MISSING"));

    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).expect("stdin");
    let text = String::from_utf8_lossy(&input);
    println!(
        "stdin: {} bytes, {} lines, checksum {}",
        input.len(),
        text.lines().count(),
        input
            .iter()
            .fold(0u32, |a, &b| a.wrapping_mul(31).wrapping_add(b as u32))
    );

    files();
    dirs();
    time();
    println!("done");
}

fn files() {
    let path = "rs-file.txt";
    let mut f = fs::File::create(path).expect("create");
    for i in 0..1000 {
        writeln!(f, "line {i}").expect("write");
    }
    drop(f);
    let meta = fs::metadata(path).expect("metadata");
    println!(
        "file: len {} is_file {} is_dir {}",
        meta.len(),
        meta.is_file(),
        meta.is_dir()
    );
    let mut s = String::new();
    fs::File::open(path)
        .expect("open")
        .read_to_string(&mut s)
        .expect("read");
    println!("file: read {} bytes, last {:?}", s.len(), s.lines().last());
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(path)
        .expect("append");
    f.write_all(b"tail\n").expect("append write");
    drop(f);
    println!(
        "file: after append {}",
        fs::read_to_string(path).expect("read").len()
    );
    fs::rename(path, "rs-renamed.txt").expect("rename");
    println!("file: old exists {}", fs::exists(path).expect("exists"));
    fs::copy("rs-renamed.txt", "rs-copy.txt").expect("copy");
    println!(
        "file: copy len {}",
        fs::metadata("rs-copy.txt").expect("metadata").len()
    );
    let e = fs::File::open("rs-no-such-file").unwrap_err();
    println!("file: open missing -> {:?}", e.kind());
    fs::remove_file("rs-renamed.txt").expect("remove");
    fs::remove_file("rs-copy.txt").expect("remove");
}

fn dirs() {
    let _ = fs::remove_dir_all("rs-dir");
    fs::create_dir_all("rs-dir/a/b/c").expect("create_dir_all");
    fs::create_dir_all("rs-dir/a/b").expect("create_dir_all existing");
    fs::write("rs-dir/a/one.txt", "1").expect("write");
    fs::write("rs-dir/a/b/two.txt", "22").expect("write");
    let mut entries: Vec<(String, bool, bool, u64)> = fs::read_dir("rs-dir/a")
        .expect("read_dir")
        .map(|e| {
            let e = e.expect("entry");
            let ty = e.file_type().expect("file_type");
            let len = e.metadata().expect("entry metadata").len();
            let len = if ty.is_dir() { 0 } else { len };
            (
                e.file_name().to_string_lossy().into_owned(),
                ty.is_dir(),
                ty.is_file(),
                len,
            )
        })
        .collect();
    entries.sort();
    println!("read_dir: {entries:?}");
    let meta = fs::metadata("rs-dir/a/b").expect("metadata");
    println!("dir: is_dir {} is_file {}", meta.is_dir(), meta.is_file());
    println!(
        "dir: remove_dir non-empty -> {:?}",
        fs::remove_dir("rs-dir/a").map_err(|e| e.kind())
    );
    fs::remove_dir_all("rs-dir").expect("remove_dir_all");
    println!(
        "dir: exists after remove_dir_all {}",
        fs::exists("rs-dir").expect("exists")
    );
}

fn time() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970");
    println!("time: after 2020 {}", now.as_secs() > 1_577_836_800);
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(20));
    let waited = start.elapsed();
    println!(
        "time: slept at least 20 ms {}",
        waited >= Duration::from_millis(20)
    );
}
