//! Line diffs for test reports, over the `similar` crate.

use similar::{ChangeTag, TextDiff};

/// Renders the differences between `expected` and `got` line by line:
/// `-` lines are expected but missing, `+` lines were printed instead, with
/// up to two unchanged lines of context around each change (` ...` marks
/// lines left out). Each output line starts with `indent`. A missing final
/// newline shows as `\ No newline at end`, as `diff` prints it.
pub fn diff(expected: &str, got: &str, indent: &str) -> String {
    let (a, b) = (mark_end(expected), mark_end(got));
    let d = TextDiff::configure()
        .timeout(std::time::Duration::from_secs(5))
        .diff_lines(&a, &b);
    let mut s = String::new();
    let groups = d.grouped_ops(2);
    let total = a.lines().count().max(b.lines().count());
    for (gi, group) in groups.iter().enumerate() {
        let first = group.first().map(|op| op.old_range().start).unwrap_or(0);
        if gi > 0 || first > 0 {
            s.push_str(&format!("{indent} ...\n"));
        }
        for op in group {
            for change in d.iter_changes(op) {
                let mark = match change.tag() {
                    ChangeTag::Equal => ' ',
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                };
                let line = change.value().strip_suffix('\n').unwrap_or(change.value());
                s.push_str(&format!("{indent}{mark}{line}\n"));
            }
        }
        if gi + 1 == groups.len() {
            let last = group.last().map(|op| op.old_range().end).unwrap_or(0);
            if last < a.lines().count() && total > 0 {
                s.push_str(&format!("{indent} ...\n"));
            }
        }
    }
    s
}

/// `s` with its lines ended by a newline; a missing final newline becomes a
/// line of its own saying so.
fn mark_end(s: &str) -> String {
    if s.is_empty() || s.ends_with('\n') {
        s.to_string()
    } else {
        format!("{s}\n\\ No newline at end\n")
    }
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

    #[test]
    fn change_at_the_start_has_no_leading_ellipsis() {
        assert_eq!(diff("a\nb\n", "x\nb\n", ""), "-a\n+x\n b\n");
    }
}
