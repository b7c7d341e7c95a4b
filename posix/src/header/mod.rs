//! One module per C header. Each module's `cbindgen.toml` generates the
//! matching file under `include/` (`cargo xtask headers`).

pub mod assert;
pub mod ctype;
pub mod errno;
pub mod fcntl;
pub mod inttypes;
pub mod limits;
pub mod math;
pub mod stdlib;
pub mod string;
pub mod strings;
pub mod sys_time;
pub mod sys_types;
pub mod sys_uio;
pub mod time;
pub mod unistd;
pub mod wasm_libc;
