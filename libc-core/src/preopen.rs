//! Resolving a path against the host's pre-opened directories, the way
//! wasi-libc does: the longest pre-open whose name is a component-wise prefix
//! of the path wins; relative paths are looked up under `.` (or under a
//! pre-open named `/` when the path is absolute and nothing longer matches).

/// Splits `path` into (index of the chosen pre-open, the rest of the path).
/// `names[i]` is the name the host gave pre-open `i`.
pub fn resolve<'p>(
    path: &'p [u8],
    names: &mut dyn Iterator<Item = &[u8]>,
) -> Option<(usize, &'p [u8])> {
    let mut best: Option<(usize, usize)> = None; // (index, matched length)
    let relative = !path.starts_with(b"/");
    for (i, name) in names.enumerate() {
        let name = trim_dot_slash(name);
        let m = if relative {
            // "." and "" stand for the current directory.
            if name.is_empty() || name == b"." {
                Some(0)
            } else {
                prefix_len(trim_dot_slash(path), name)
            }
        } else {
            prefix_len(path, name)
        };
        if let Some(len) = m
            && best.is_none_or(|(_, b)| len > b)
        {
            best = Some((i, len));
        }
    }
    let (i, len) = best?;
    let base = if relative { trim_dot_slash(path) } else { path };
    let mut rest = &base[len..];
    while let [b'/', tail @ ..] = rest {
        rest = tail;
    }
    if rest.is_empty() {
        rest = b".";
    }
    Some((i, rest))
}

fn trim_dot_slash(mut p: &[u8]) -> &[u8] {
    while let [b'.', b'/', tail @ ..] = p {
        p = tail;
        while let [b'/', t @ ..] = p {
            p = t;
        }
    }
    p
}

/// Length of `name` as a prefix of `path` ending at a component boundary.
fn prefix_len(path: &[u8], name: &[u8]) -> Option<usize> {
    let name = if name.len() > 1 {
        name.strip_suffix(b"/").unwrap_or(name)
    } else {
        name
    };
    if !path.starts_with(name) {
        return None;
    }
    let n = name.len();
    if name == b"/" || path.len() == n || path[n] == b'/' {
        Some(n)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    fn r<'a>(path: &'a str, names: &[&str]) -> Option<(usize, &'a str)> {
        let mut it = names.iter().map(|s| s.as_bytes());
        resolve(path.as_bytes(), &mut it).map(|(i, rest)| (i, std::str::from_utf8(rest).unwrap()))
    }

    #[test]
    fn relative_paths_use_dot() {
        assert_eq!(r("a/b.txt", &["/tmp", "."]), Some((1, "a/b.txt")));
        assert_eq!(r("./a", &["."]), Some((0, "a")));
        assert_eq!(r(".", &["."]), Some((0, ".")));
        assert_eq!(r("a", &["/tmp"]), None);
    }

    #[test]
    fn absolute_paths_take_the_longest_prefix() {
        assert_eq!(r("/tmp/x", &["/", "/tmp"]), Some((1, "x")));
        assert_eq!(r("/tmpx/y", &["/", "/tmp"]), Some((0, "tmpx/y")));
        assert_eq!(r("/tmp", &["/tmp"]), Some((0, ".")));
        assert_eq!(r("/data/f", &["/tmp"]), None);
        assert_eq!(r("/tmp//f", &["/tmp/"]), Some((0, "f")));
    }
}
