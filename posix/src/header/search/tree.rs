//! tsearch, tfind, tdelete, twalk, tdestroy: an AVL tree.

use super::Cmp;
use crate::header::stdlib::{free, malloc};
use crate::platform::{c_int, c_void};

/// `VISIT` (typedef'd in the header).
pub type VISIT = c_int;
const PREORDER: VISIT = 0;
const POSTORDER: VISIT = 1;
const ENDORDER: VISIT = 2;
const LEAF: VISIT = 3;

/// `void (*)(const void *node, VISIT, int depth)`.
pub type Action = Option<unsafe extern "C" fn(*const c_void, VISIT, c_int)>;
/// `void (*)(void *key)`.
pub type FreeFn = Option<unsafe extern "C" fn(*mut c_void)>;

/// A tree node; the key comes first (callers read `*(void **)node`).
#[repr(C)]
struct Node {
    key: *const c_void,
    a: [*mut Node; 2],
    h: c_int,
}

/// Deepest possible path (AVL height bound for a 32-bit address space).
const MAXH: usize = 48;

fn height(n: *mut Node) -> c_int {
    // SAFETY: nodes are live while in a tree.
    if n.is_null() { 0 } else { unsafe { (*n).h } }
}

/// Rotates at `*p`, whose `dir` side is two levels deeper.
///
/// # Safety
/// `*p == x`, a live node whose `dir` child exists.
unsafe fn rot(p: *mut *mut Node, x: *mut Node, dir: usize) {
    // SAFETY: caller contract; the nodes touched exist by the AVL shape.
    unsafe {
        let y = (*x).a[dir];
        let z = (*y).a[1 - dir];
        let hz = height(z);
        let top = if hz > height((*y).a[dir]) {
            // Double rotation: z becomes the root of the subtree.
            (*x).a[dir] = (*z).a[1 - dir];
            (*y).a[1 - dir] = (*z).a[dir];
            (*z).a[1 - dir] = x;
            (*z).a[dir] = y;
            (*x).h = hz;
            (*y).h = hz;
            (*z).h = hz + 1;
            z
        } else {
            (*x).a[dir] = z;
            (*y).a[1 - dir] = x;
            (*x).h = hz + 1;
            (*y).h = hz + 2;
            y
        };
        *p = top;
    }
}

/// Restores the AVL property at `*p`; nonzero if its height changed (or it
/// was rotated), so the caller goes on upwards.
///
/// # Safety
/// `*p` a live node.
unsafe fn balance(p: *mut *mut Node) -> bool {
    // SAFETY: caller contract.
    unsafe {
        let n = *p;
        let h0 = height((*n).a[0]);
        let h1 = height((*n).a[1]);
        if (h0 - h1).abs() < 2 {
            let old = (*n).h;
            (*n).h = h0.max(h1) + 1;
            return (*n).h != old;
        }
        rot(p, n, (h0 < h1) as usize);
        true
    }
}

/// [tsearch](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tsearch.html)
///
/// # Safety
/// `rootp` NULL or points to a tree root (NULL for an empty tree); `cmp`
/// orders the keys.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tsearch(
    key: *const c_void,
    rootp: *mut *mut c_void,
    cmp: Cmp,
) -> *mut c_void {
    let Some(cmp) = cmp else {
        return core::ptr::null_mut();
    };
    if rootp.is_null() {
        return core::ptr::null_mut();
    }
    let mut path: [*mut *mut Node; MAXH + 1] = [core::ptr::null_mut(); MAXH + 1];
    // SAFETY: caller contract: the tree's nodes are ours and live.
    unsafe {
        let mut i = 0;
        path[i] = rootp.cast();
        i += 1;
        let mut n = *rootp as *mut Node;
        while !n.is_null() {
            let c = cmp(key, (*n).key);
            if c == 0 {
                return n.cast();
            }
            let d = (c > 0) as usize;
            path[i] = &raw mut (*n).a[d];
            i += 1;
            n = (*n).a[d];
        }
        let r = malloc(core::mem::size_of::<Node>()) as *mut Node;
        if r.is_null() {
            return core::ptr::null_mut();
        }
        r.write(Node {
            key,
            a: [core::ptr::null_mut(); 2],
            h: 1,
        });
        i -= 1;
        *path[i] = r;
        while i > 0 {
            i -= 1;
            if !balance(path[i]) {
                break;
            }
        }
        r.cast()
    }
}

/// [tfind](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tfind.html)
///
/// # Safety
/// As [`tsearch`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tfind(
    key: *const c_void,
    rootp: *const *mut c_void,
    cmp: Cmp,
) -> *mut c_void {
    let Some(cmp) = cmp else {
        return core::ptr::null_mut();
    };
    if rootp.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: caller contract.
    unsafe {
        let mut n = *rootp as *mut Node;
        while !n.is_null() {
            let c = cmp(key, (*n).key);
            if c == 0 {
                break;
            }
            n = (*n).a[(c > 0) as usize];
        }
        n.cast()
    }
}

/// [tdelete](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tdelete.html):
/// the parent of the deleted node, an unspecified non-NULL pointer when
/// the root was deleted, NULL if `key` is not in the tree.
///
/// # Safety
/// As [`tsearch`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tdelete(
    key: *const c_void,
    rootp: *mut *mut c_void,
    cmp: Cmp,
) -> *mut c_void {
    let Some(cmp) = cmp else {
        return core::ptr::null_mut();
    };
    if rootp.is_null() {
        return core::ptr::null_mut();
    }
    let mut path: [*mut *mut Node; MAXH + 2] = [core::ptr::null_mut(); MAXH + 2];
    // SAFETY: caller contract.
    unsafe {
        let mut i = 0;
        // path[0] is what is returned when the root goes.
        path[0] = rootp.cast();
        path[1] = rootp.cast();
        i += 2;
        let mut n = *rootp as *mut Node;
        loop {
            if n.is_null() {
                return core::ptr::null_mut();
            }
            let c = cmp(key, (*n).key);
            if c == 0 {
                break;
            }
            let d = (c > 0) as usize;
            path[i] = &raw mut (*n).a[d];
            i += 1;
            n = (*n).a[d];
        }
        let parent = *path[i - 2];
        let child;
        if !(*n).a[0].is_null() {
            // Free the in-order predecessor instead, after moving its key.
            let deleted = n;
            path[i] = &raw mut (*n).a[0];
            i += 1;
            n = (*n).a[0];
            while !(*n).a[1].is_null() {
                path[i] = &raw mut (*n).a[1];
                i += 1;
                n = (*n).a[1];
            }
            (*deleted).key = (*n).key;
            child = (*n).a[0];
        } else {
            child = (*n).a[1];
        }
        free(n.cast());
        i -= 1;
        *path[i] = child;
        loop {
            i -= 1;
            if i == 0 || !balance(path[i]) {
                break;
            }
        }
        parent.cast()
    }
}

/// Visits `r` and its subtrees (depth `d`).
///
/// # Safety
/// `r` NULL or a live tree.
unsafe fn walk(
    r: *const Node,
    action: unsafe extern "C" fn(*const c_void, VISIT, c_int),
    d: c_int,
) {
    if r.is_null() {
        return;
    }
    // SAFETY: caller contract.
    unsafe {
        if (*r).h == 1 {
            action(r.cast(), LEAF, d);
        } else {
            action(r.cast(), PREORDER, d);
            walk((*r).a[0], action, d + 1);
            action(r.cast(), POSTORDER, d);
            walk((*r).a[1], action, d + 1);
            action(r.cast(), ENDORDER, d);
        }
    }
}

/// [twalk](https://pubs.opengroup.org/onlinepubs/9799919799/functions/twalk.html)
///
/// # Safety
/// `root` NULL or a tree built by [`tsearch`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn twalk(root: *const c_void, action: Action) {
    if let Some(a) = action {
        // SAFETY: caller contract.
        unsafe { walk(root.cast(), a, 0) }
    }
}

/// [tdestroy](https://man7.org/linux/man-pages/man3/tdestroy.3.html) (GNU):
/// frees every node, calling `freekey` on each key (if not NULL).
///
/// # Safety
/// `root` NULL or a tree built by [`tsearch`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tdestroy(root: *mut c_void, freekey: FreeFn) {
    let r = root as *mut Node;
    if r.is_null() {
        return;
    }
    // SAFETY: caller contract; each node is freed once, after its children.
    unsafe {
        tdestroy((*r).a[0].cast(), freekey);
        tdestroy((*r).a[1].cast(), freekey);
        if let Some(f) = freekey {
            f((*r).key.cast_mut());
        }
        free(r.cast());
    }
}
