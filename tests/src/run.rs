//! Running a program with a given stdin, capturing its output, with a
//! time limit.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// What a finished (or killed) run produced.
#[derive(Debug)]
pub struct Output {
    /// The exit status; `None` when the process died of a signal.
    pub status: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The run was killed after the time limit.
    pub timed_out: bool,
    pub elapsed: Duration,
}

/// Runs `cmd` with `stdin` written to a pipe (then closed), stdout and
/// stderr captured, and kills it after `limit`.
pub fn run(cmd: &mut Command, stdin: &[u8], limit: Duration) -> std::io::Result<Output> {
    let started = Instant::now();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut pipe_in = child.stdin.take().expect("piped stdin");
    let input = stdin.to_vec();
    // A program that stops reading makes this write fail (EPIPE): fine.
    let writer = thread::spawn(move || {
        let _ = pipe_in.write_all(&input);
    });
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_reader = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if started.elapsed() >= limit {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Output {
        status: status.code(),
        stdout,
        stderr,
        timed_out,
        elapsed: started.elapsed(),
    })
}
