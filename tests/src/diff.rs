//! A small line diff (longest common subsequence) for test reports.

/// Renders the differences between `expected` and `got` line by line:
/// `-` lines are expected but missing, `+` lines were printed instead, with
/// up to two unchanged lines of context around each change. Each output line
/// starts with `indent`.
pub fn diff(expected: &str, got: &str, indent: &str) -> String {
    let a: Vec<&str> = split(expected);
    let b: Vec<&str> = split(got);
    let ops = match edit_script(&a, &b) {
        Some(ops) => ops,
        None => {
            // Too large for the quadratic table: show both sides whole.
            let mut s = format!("{indent}(outputs too long to diff; expected then got)\n");
            for l in &a {
                s.push_str(&format!("{indent}-{l}\n"));
            }
            for l in &b {
                s.push_str(&format!("{indent}+{l}\n"));
            }
            return s;
        }
    };
    const CONTEXT: usize = 2;
    let changed: Vec<bool> = ops.iter().map(|op| !matches!(op, Op::Same(_))).collect();
    let near_change = |i: usize| {
        let lo = i.saturating_sub(CONTEXT);
        let hi = (i + CONTEXT + 1).min(ops.len());
        changed[lo..hi].iter().any(|c| *c)
    };
    let mut s = String::new();
    let mut skipped = false;
    for (i, op) in ops.iter().enumerate() {
        if !near_change(i) {
            skipped = true;
            continue;
        }
        if skipped {
            s.push_str(&format!("{indent} ...\n"));
            skipped = false;
        }
        let (mark, line) = match op {
            Op::Same(l) => (' ', l),
            Op::Del(l) => ('-', l),
            Op::Add(l) => ('+', l),
        };
        s.push_str(&format!("{indent}{mark}{line}\n"));
    }
    if skipped && !s.is_empty() {
        s.push_str(&format!("{indent} ...\n"));
    }
    s
}

/// Lines, keeping a missing final newline visible.
fn split(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.split('\n').collect();
    if v.last() == Some(&"") {
        v.pop();
    } else {
        // No trailing newline: mark it, as `diff` does.
        v.push("\\ No newline at end");
    }
    v
}

enum Op<'a> {
    Same(&'a str),
    Del(&'a str),
    Add(&'a str),
}

fn edit_script<'a>(a: &[&'a str], b: &[&'a str]) -> Option<Vec<Op<'a>>> {
    let (n, m) = (a.len(), b.len());
    if (n + 1).checked_mul(m + 1)? > 4_000_000 {
        return None;
    }
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if a[i] == b[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(Op::Same(a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
            ops.push(Op::Del(a[i]));
            i += 1;
        } else {
            ops.push(Op::Add(b[j]));
            j += 1;
        }
    }
    Some(ops)
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn shows_changed_lines_with_context() {
        let d = diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nX\ne\nf\ng\n", "");
        assert_eq!(d, " ...\n b\n c\n-d\n+X\n e\n f\n ...\n");
    }

    #[test]
    fn equal_inputs_give_nothing() {
        assert_eq!(diff("a\n", "a\n", "  "), "");
    }

    #[test]
    fn missing_final_newline_is_shown() {
        let d = diff("a\n", "a", "");
        assert!(d.contains("\\ No newline at end"), "{d}");
    }
}
