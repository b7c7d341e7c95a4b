//! Matching a path against the host's pre-opened directories, the way
//! wasi-libc does (`__wasilibc_find_abspath`).
//!
//! Every path is first made absolute against the emulated working directory
//! ([`crate::path`]) and its leading slashes removed. Pre-open names lose
//! their leading `/` and `./` (so `.`, `./` and `/` all become the empty
//! name, which matches every path). The longest name that is a prefix of the
//! path, ending at a component boundary, wins; on a tie the pre-open the host
//! listed last wins. What follows the match, without leading slashes, is the
//! path relative to that directory (`.` when nothing follows).

/// Splits `path` (absolute, leading slashes already removed) into (index of
/// the chosen pre-open, the rest of the path). `names[i]` is the name the
/// host gave pre-open `i`.
pub fn resolve<'p>(
    path: &'p [u8],
    names: &mut dyn Iterator<Item = &[u8]>,
) -> Option<(usize, &'p [u8])> {
    let mut best: Option<(usize, usize)> = None; // (index, matched length)
    for (i, name) in names.enumerate() {
        let name = strip_prefixes(name);
        if let Some(len) = prefix_len(path, name)
            && best.is_none_or(|(_, b)| len >= b)
        {
            best = Some((i, len));
        }
    }
    let (i, len) = best?;
    let mut rest = &path[len..];
    while let [b'/', tail @ ..] = rest {
        rest = tail;
    }
    if rest.is_empty() {
        rest = b".";
    }
    Some((i, rest))
}

/// wasi-libc's `strip_prefixes`: drops leading `/`, `./` and a lone `.`.
pub fn strip_prefixes(mut p: &[u8]) -> &[u8] {
    loop {
        match p {
            [b'/', tail @ ..] => p = tail,
            [b'.', b'/', tail @ ..] => p = tail,
            [b'.'] => p = &[],
            _ => return p,
        }
    }
}

/// How many bytes of `path` the pre-open `name` matches, if it matches
/// whole components (trailing slashes of `name` are allowed).
fn prefix_len(path: &[u8], name: &[u8]) -> Option<usize> {
    if name.is_empty() {
        return Some(0);
    }
    if !path.starts_with(name) {
        return None;
    }
    let mut i = name.len();
    while i > 0 && name[i - 1] == b'/' {
        i -= 1;
    }
    match path.get(i) {
        None | Some(b'/') => Some(name.len()),
        Some(_) => None,
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
    fn dot_and_root_match_everything() {
        assert_eq!(r("a/b.txt", &["/tmp", "."]), Some((1, "a/b.txt")));
        assert_eq!(r("a", &["./"]), Some((0, "a")));
        assert_eq!(r("a", &["/"]), Some((0, "a")));
        assert_eq!(r("", &["."]), Some((0, ".")));
        assert_eq!(r("a", &["/tmp"]), None);
    }

    #[test]
    fn longest_prefix_on_component_boundaries() {
        assert_eq!(r("tmp/x", &["/", "/tmp"]), Some((1, "x")));
        assert_eq!(r("tmpx/y", &["/", "/tmp"]), Some((0, "tmpx/y")));
        assert_eq!(r("tmp", &["/tmp"]), Some((0, ".")));
        assert_eq!(r("data/f", &["/tmp"]), None);
        assert_eq!(r("tmp//f", &["/tmp/"]), Some((0, "f")));
        assert_eq!(r("a/b/c", &["a", "./a/b", "."]), Some((1, "c")));
    }

    #[test]
    fn ties_go_to_the_last_listed() {
        assert_eq!(r("x", &[".", "/"]), Some((1, "x")));
        assert_eq!(r("d/x", &["d", "/d"]), Some((1, "x")));
    }
}
