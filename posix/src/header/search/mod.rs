//! `search.h`: binary search trees (`tsearch` & co., an AVL tree laid out
//! and balanced like wasi-libc's, so `twalk` visits the same shapes), hash
//! tables (`hsearch`, also reentrant `_r` forms; the table grows, so
//! `ENTER` fails only without memory), linear search (`lsearch`, `lfind`)
//! and doubly linked queues (`insque`, `remque`).

mod hash;
mod linear;
mod tree;

pub use hash::*;
pub use linear::*;
pub use tree::*;

use crate::platform::{c_int, c_void};

/// `int (*)(const void *, const void *)`.
pub type Cmp = Option<unsafe extern "C" fn(*const c_void, *const c_void) -> c_int>;
