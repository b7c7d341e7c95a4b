//! One module per C header. Each module's `cbindgen.toml` generates the
//! matching file under `include/` (`cargo xtask headers`).

pub mod arpa_inet;
pub mod assert;
pub mod ctype;
pub mod dirent;
pub mod errno;
pub mod fcntl;
pub mod inttypes;
pub mod langinfo;
pub mod limits;
pub mod locale;
pub mod math;
pub mod monetary;
pub mod netdb;
pub mod netinet_in;
pub mod netinet_tcp;
pub mod nl_types;
pub mod poll;
pub mod stdio;
pub mod stdio_ext;
pub mod stdlib;
pub mod string;
pub mod strings;
pub mod sys_random;
pub mod sys_select;
pub mod sys_socket;
pub mod sys_stat;
pub mod sys_time;
pub mod sys_types;
pub mod sys_uio;
pub mod time;
pub mod uchar;
pub mod unistd;
pub mod wasm_libc;
pub mod wchar;
pub mod wctype;
