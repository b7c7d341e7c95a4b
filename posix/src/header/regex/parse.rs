//! Pattern parser: POSIX BRE and ERE (plus the GNU escapes glibc accepts)
//! into an n-ary syntax tree. Repetition counts are expanded into copies.

use super::buf::{Buf, NoMem};
use super::{
    REG_BADBR, REG_BADRPT, REG_EBRACE, REG_EBRACK, REG_ECOLLATE, REG_ECTYPE, REG_EESCAPE,
    REG_EPAREN, REG_ERANGE, REG_ESPACE, REG_ESUBREG, REG_EXTENDED, REG_ICASE, REG_NEWLINE,
};

pub(crate) const SET: u8 = 0;
pub(crate) const ASSERT: u8 = 1;
pub(crate) const BACKREF: u8 = 2;
pub(crate) const GROUP: u8 = 3;
pub(crate) const CAT: u8 = 4;
pub(crate) const ALT: u8 = 5;
pub(crate) const STAR: u8 = 6;
pub(crate) const OPT: u8 = 7;

pub(crate) const A_BOL: u32 = 0;
pub(crate) const A_EOL: u32 = 1;
pub(crate) const A_WORDB: u32 = 2;
pub(crate) const A_NWORDB: u32 = 3;
pub(crate) const A_WBEG: u32 = 4;
pub(crate) const A_WEND: u32 = 5;
pub(crate) const A_BUFBEG: u32 = 6;
pub(crate) const A_BUFEND: u32 = 7;

/// Largest repetition count (`RE_DUP_MAX`).
pub(crate) const DUP_MAX: u32 = 255;
/// Limits against hostile patterns (REG_ESPACE past them).
const MAX_NODES: usize = 1 << 17;
const MAX_DEPTH: u32 = 400;
/// Groups nested deeper than this are refused (the parser and the matcher
/// recurse once per level, and the wasm data stack is small).
const MAX_NEST: u32 = 100;

/// A 256-bit byte set.
pub(crate) type Class = [u32; 8];

#[derive(Clone, Copy)]
pub(crate) struct Node {
    pub kind: u8,
    /// Contains a capturing group.
    pub cap: bool,
    /// SET: class index; ASSERT: kind; BACKREF/GROUP: number; CAT/ALT: first
    /// child in `kids`; STAR/OPT: the child.
    pub a: u32,
    /// GROUP: the child; CAT/ALT: number of children; STAR/OPT: 1 when it
    /// follows copies of its body (`x+`, `x{2,}`, `x{1,3}`): it then takes
    /// no empty iteration.
    pub b: u32,
    pub depth: u32,
    /// First and last (exit) instruction of the node's code.
    pub lo: u32,
    pub hi: u32,
}

pub(crate) struct Ast {
    pub nodes: Buf<Node>,
    pub kids: Buf<u32>,
    pub classes: Buf<Class>,
    pub nsub: u32,
    pub backrefs: bool,
    pub nloops: u32,
}

pub(crate) fn class_has(c: &Class, b: u8) -> bool {
    c[(b >> 5) as usize] & (1 << (b & 31)) != 0
}

fn class_add(c: &mut Class, b: u8) {
    c[(b >> 5) as usize] |= 1 << (b & 31);
}

pub(crate) fn fold(b: u8) -> u8 {
    b.to_ascii_lowercase()
}

pub(crate) fn is_class(name: &[u8], c: u8) -> Option<bool> {
    Some(match name {
        b"alpha" => c.is_ascii_alphabetic(),
        b"digit" => c.is_ascii_digit(),
        b"alnum" => c.is_ascii_alphanumeric(),
        b"upper" => c.is_ascii_uppercase(),
        b"lower" => c.is_ascii_lowercase(),
        b"space" => matches!(c, b' ' | b'\t'..=b'\r'),
        b"blank" => c == b' ' || c == b'\t',
        b"punct" => c.is_ascii_punctuation(),
        b"print" => (0x20..0x7f).contains(&c),
        b"graph" => c.is_ascii_graphic(),
        b"cntrl" => c < 0x20 || c == 0x7f,
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => return None,
    })
}

/// Adds the bytes of a named class; `false` for an unknown name.
pub(crate) fn add_named(c: &mut Class, name: &[u8]) -> bool {
    if is_class(name, b'a').is_none() {
        return false;
    }
    for b in 0..=255u8 {
        if is_class(name, b) == Some(true) {
            class_add(c, b);
        }
    }
    true
}

struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    ere: bool,
    icase: bool,
    newline: bool,
    ast: Ast,
    /// Pieces of the branches being parsed (CAT children before they move to `kids`).
    stack: Buf<u32>,
    /// Groups whose `)` has been seen (for back-references), as a bit set of the first 64.
    closed: u64,
    nest: u32,
}

type R<T> = Result<T, i32>;

impl From<NoMem> for i32 {
    fn from(_: NoMem) -> i32 {
        REG_ESPACE
    }
}

pub(crate) fn parse(p: &[u8], cflags: i32) -> R<(Ast, u32)> {
    let mut ps = Parser {
        p,
        i: 0,
        ere: cflags & REG_EXTENDED != 0,
        icase: cflags & REG_ICASE != 0,
        newline: cflags & REG_NEWLINE != 0,
        ast: Ast {
            nodes: Buf::new(),
            kids: Buf::new(),
            classes: Buf::new(),
            nsub: 0,
            backrefs: false,
            nloops: 0,
        },
        stack: Buf::new(),
        closed: 0,
        nest: 0,
    };
    let root = ps.regex()?;
    if ps.i < p.len() {
        // Only an unmatched `\)` in a BRE stops the top level early.
        return Err(REG_EPAREN);
    }
    Ok((ps.ast, root))
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }
    fn peek2(&self) -> Option<u8> {
        self.p.get(self.i + 1).copied()
    }

    fn node(&mut self, kind: u8, a: u32, b: u32, depth: u32, cap: bool) -> R<u32> {
        if self.ast.nodes.len() >= MAX_NODES || depth > MAX_DEPTH {
            return Err(REG_ESPACE);
        }
        let id = self.ast.nodes.len() as u32;
        self.ast.nodes.push(Node {
            kind,
            cap,
            a,
            b,
            depth,
            lo: 0,
            hi: 0,
        })?;
        Ok(id)
    }

    fn n(&self, id: u32) -> Node {
        self.ast.nodes[id as usize]
    }

    fn class_node(&mut self, mut c: Class) -> R<u32> {
        if self.icase {
            for b in b'a'..=b'z' {
                let u = b.to_ascii_uppercase();
                if class_has(&c, b) || class_has(&c, u) {
                    class_add(&mut c, b);
                    class_add(&mut c, u);
                }
            }
        }
        let idx = self.ast.classes.len() as u32;
        self.ast.classes.push(c)?;
        self.node(SET, idx, 0, 1, false)
    }

    fn lit(&mut self, b: u8) -> R<u32> {
        let mut c = [0u32; 8];
        class_add(&mut c, b);
        self.class_node(c)
    }

    /// An n-ary node over `stack[base..]` (which it pops).
    fn nary(&mut self, kind: u8, base: usize) -> R<u32> {
        let count = self.stack.len() - base;
        if count == 1 {
            let id = self.stack[base];
            self.stack.truncate(base);
            return Ok(id);
        }
        let first = self.ast.kids.len() as u32;
        let (mut depth, mut cap) = (0, false);
        for k in base..self.stack.len() {
            let id = self.stack[k];
            let c = self.n(id);
            depth = depth.max(c.depth);
            cap |= c.cap;
            self.ast.kids.push(id)?;
        }
        self.stack.truncate(base);
        self.node(kind, first, count as u32, depth + 1, cap)
    }

    fn at_alt(&self) -> bool {
        if self.ere {
            self.peek() == Some(b'|')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b'|')
        }
    }

    fn at_close(&self) -> bool {
        if self.ere {
            self.peek() == Some(b')') && self.nest > 0
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b')')
        }
    }

    fn regex(&mut self) -> R<u32> {
        let base = self.stack.len();
        loop {
            let b = self.branch()?;
            self.stack.push(b)?;
            if self.at_alt() {
                self.i += if self.ere { 1 } else { 2 };
                continue;
            }
            break;
        }
        self.nary(ALT, base)
    }

    fn branch(&mut self) -> R<u32> {
        let base = self.stack.len();
        let mut first = true;
        loop {
            if self.i >= self.p.len() || self.at_alt() || self.at_close() {
                break;
            }
            let atom = self.atom(first)?;
            let a = self.n(atom);
            // BRE: `*` right after a leading `^` is still literal.
            let lead = first && !self.ere && a.kind == ASSERT && a.a == A_BOL;
            first = lead;
            let piece = if lead { atom } else { self.postfix(atom)? };
            self.stack.push(piece)?;
        }
        self.nary(CAT, base)
    }

    /// BRE: a `$` is an anchor only at the end of the pattern, of a group or
    /// of a branch.
    fn bre_dollar_is_anchor(&self) -> bool {
        let rest = &self.p[self.i..];
        rest.is_empty() || rest.starts_with(b"\\)") || rest.starts_with(b"\\|")
    }

    fn atom(&mut self, first: bool) -> R<u32> {
        let c = self.p[self.i];
        self.i += 1;
        match c {
            b'(' if self.ere => self.group(b")"),
            b')' if self.ere => self.lit(c),
            b'*' | b'+' | b'?' if self.ere => Err(REG_BADRPT),
            // glibc and TRE: a `{` with nothing to repeat is an error.
            b'{' if self.ere => Err(REG_BADRPT),
            b'*' if first => self.lit(c),
            b'^' if self.ere || (first && self.at_branch_start()) => {
                self.node(ASSERT, A_BOL, 0, 1, false)
            }
            b'$' if self.ere || self.bre_dollar_is_anchor() => {
                self.node(ASSERT, A_EOL, 0, 1, false)
            }
            b'.' => {
                let mut cl = [u32::MAX; 8];
                cl[0] &= !1;
                if self.newline {
                    cl[0] &= !(1 << b'\n');
                }
                self.class_node(cl)
            }
            b'[' => self.bracket(),
            b'\\' => self.escape(first),
            _ => self.lit(c),
        }
    }

    /// BRE: the `^` just read begins its branch (a second `^` is literal).
    fn at_branch_start(&self) -> bool {
        let before = &self.p[..self.i - 1];
        before.is_empty() || before.ends_with(b"\\(") || before.ends_with(b"\\|")
    }

    fn escape(&mut self, first: bool) -> R<u32> {
        let Some(c) = self.peek() else {
            return Err(REG_EESCAPE);
        };
        self.i += 1;
        match c {
            b'(' if !self.ere => self.group(b"\\)"),
            b'{' if !self.ere => {
                if first {
                    Err(REG_BADRPT)
                } else {
                    self.lit(c)
                }
            }
            b'1'..=b'9' => {
                let n = (c - b'0') as u32;
                if n > self.ast.nsub || self.closed & (1 << n) == 0 {
                    return Err(REG_ESUBREG);
                }
                self.ast.backrefs = true;
                self.node(BACKREF, n, 0, 1, false)
            }
            b'<' => self.node(ASSERT, A_WBEG, 0, 1, false),
            b'>' => self.node(ASSERT, A_WEND, 0, 1, false),
            b'b' => self.node(ASSERT, A_WORDB, 0, 1, false),
            b'B' => self.node(ASSERT, A_NWORDB, 0, 1, false),
            b'`' => self.node(ASSERT, A_BUFBEG, 0, 1, false),
            b'\'' => self.node(ASSERT, A_BUFEND, 0, 1, false),
            b'w' | b'W' | b's' | b'S' => {
                let mut cl = [0u32; 8];
                if c == b'w' || c == b'W' {
                    add_named(&mut cl, b"alnum");
                    class_add(&mut cl, b'_');
                } else {
                    add_named(&mut cl, b"space");
                }
                if c.is_ascii_uppercase() {
                    for w in cl.iter_mut() {
                        *w = !*w;
                    }
                    cl[0] &= !1;
                }
                self.class_node(cl)
            }
            _ => self.lit(c),
        }
    }

    fn group(&mut self, close: &[u8]) -> R<u32> {
        self.ast.nsub += 1;
        let n = self.ast.nsub;
        self.nest += 1;
        if self.nest > MAX_NEST {
            return Err(REG_ESPACE);
        }
        let inner = self.regex()?;
        self.nest -= 1;
        if !self.p[self.i..].starts_with(close) {
            return Err(REG_EPAREN);
        }
        self.i += close.len();
        if n < 64 {
            self.closed |= 1 << n;
        }
        let d = self.n(inner).depth;
        self.node(GROUP, n, inner, d + 1, true)
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            v = v.saturating_mul(10).saturating_add((d - b'0') as u32);
            self.i += 1;
        }
        (self.i > start).then_some(v)
    }

    /// After `{` / `\{`: `m`, `m,`, `m,n` (or `,n`) and the closing brace.
    fn interval(&mut self) -> R<(u32, Option<u32>)> {
        let m = self.number();
        let max = if self.peek() == Some(b',') {
            self.i += 1;
            self.number()
        } else {
            Some(m.ok_or(if self.i >= self.p.len() {
                REG_EBRACE
            } else {
                REG_BADBR
            })?)
        };
        let close: &[u8] = if self.ere { b"}" } else { b"\\}" };
        if !self.p[self.i..].starts_with(close) {
            return Err(if self.i >= self.p.len() {
                REG_EBRACE
            } else {
                REG_BADBR
            });
        }
        self.i += close.len();
        let m = m.unwrap_or(0);
        if m > DUP_MAX || max.is_some_and(|x| x > DUP_MAX || x < m) {
            return Err(REG_BADBR);
        }
        Ok((m, max))
    }

    fn postfix(&mut self, mut atom: u32) -> R<u32> {
        loop {
            let (min, max) = match (self.peek(), self.peek2()) {
                (Some(b'*'), _) => {
                    self.i += 1;
                    (0, None)
                }
                (Some(b'+'), _) if self.ere => {
                    self.i += 1;
                    (1, None)
                }
                (Some(b'?'), _) if self.ere => {
                    self.i += 1;
                    (0, Some(1))
                }
                (Some(b'{'), _) if self.ere => {
                    self.i += 1;
                    self.interval()?
                }
                (Some(b'\\'), Some(b'{')) if !self.ere => {
                    self.i += 2;
                    self.interval()?
                }
                (Some(b'\\'), Some(b'+')) if !self.ere => {
                    self.i += 2;
                    (1, None)
                }
                (Some(b'\\'), Some(b'?')) if !self.ere => {
                    self.i += 2;
                    (0, Some(1))
                }
                _ => return Ok(atom),
            };
            atom = self.repeat(atom, min, max)?;
        }
    }

    fn wrap(&mut self, kind: u8, child: u32) -> R<u32> {
        let c = self.n(child);
        if kind == STAR {
            self.ast.nloops += 1;
        }
        self.node(kind, child, 0, c.depth + 1, c.cap)
    }

    fn repeat(&mut self, atom: u32, min: u32, max: Option<u32>) -> R<u32> {
        let a = self.n(atom);
        if a.kind == ASSERT {
            if self.ere {
                return Err(REG_BADRPT);
            }
            return Ok(atom);
        }
        if matches!(a.kind, STAR | OPT) && a.b == 0 && max.is_none_or(|x| x == 1) && min <= 1 {
            // `a**`, `a*?`, `a?*`, `a??`, `a*+`: one loop is the same language.
            return if a.kind == OPT && max.is_none() {
                self.wrap(STAR, a.a)
            } else {
                Ok(atom)
            };
        }
        match (min, max) {
            (0, None) => return self.wrap(STAR, atom),
            (0, Some(1)) => return self.wrap(OPT, atom),
            _ => {}
        }
        let base = self.stack.len();
        for k in 0..min {
            let c = if k == 0 { atom } else { self.clone_tree(atom)? };
            self.stack.push(c)?;
        }
        match max {
            None => {
                let c = if min == 0 {
                    atom
                } else {
                    self.clone_tree(atom)?
                };
                let s = self.wrap(STAR, c)?;
                // After the copies: no extra empty iteration (see exec.rs).
                self.ast.nodes[s as usize].b = (min > 0) as u32;
                self.stack.push(s)?;
            }
            Some(max) if max > min => {
                let first = if min == 0 {
                    atom
                } else {
                    self.clone_tree(atom)?
                };
                let mut t = 0;
                for k in 0..(max - min) {
                    let c = if k == max - min - 1 {
                        first
                    } else {
                        self.clone_tree(atom)?
                    };
                    t = if k == 0 {
                        self.wrap(OPT, c)?
                    } else {
                        let b2 = self.stack.len();
                        self.stack.push(c)?;
                        self.stack.push(t)?;
                        let cat = self.nary(CAT, b2)?;
                        self.wrap(OPT, cat)?
                    };
                    // Only the outermost optional of `x{0,n}` stands alone.
                    if min > 0 || k + 1 < max - min {
                        self.ast.nodes[t as usize].b = 1;
                    }
                }
                self.stack.push(t)?;
            }
            _ => {}
        }
        self.nary(CAT, base)
    }

    fn clone_tree(&mut self, id: u32) -> R<u32> {
        let n = self.n(id);
        match n.kind {
            GROUP => {
                let c = self.clone_tree(n.b)?;
                self.node(GROUP, n.a, c, n.depth, n.cap)
            }
            STAR | OPT => {
                let c = self.clone_tree(n.a)?;
                let w = self.wrap(n.kind, c)?;
                self.ast.nodes[w as usize].b = n.b;
                Ok(w)
            }
            CAT | ALT => {
                let base = self.stack.len();
                for k in 0..n.b {
                    let kid = self.ast.kids[(n.a + k) as usize];
                    let c = self.clone_tree(kid)?;
                    self.stack.push(c)?;
                }
                if n.b == 0 {
                    let first = self.ast.kids.len() as u32;
                    return self.node(n.kind, first, 0, 1, false);
                }
                self.nary(n.kind, base)
            }
            _ => self.node(n.kind, n.a, n.b, n.depth, n.cap),
        }
    }

    fn bracket(&mut self) -> R<u32> {
        let mut cl: Class = [0; 8];
        let neg = self.peek() == Some(b'^');
        if neg {
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(REG_EBRACK);
            };
            if c == b']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let lo = self.bracket_elem(&mut cl)?;
            let Some(lo) = lo else { continue };
            if self.peek() == Some(b'-') && self.peek2().is_some_and(|d| d != b']') {
                self.i += 1;
                let hi = match self.bracket_elem(&mut cl)? {
                    Some(h) => h,
                    None => return Err(REG_ERANGE),
                };
                if hi < lo {
                    return Err(REG_ERANGE);
                }
                for b in lo..=hi {
                    class_add(&mut cl, b);
                }
            } else {
                class_add(&mut cl, lo);
            }
        }
        if neg {
            for w in cl.iter_mut() {
                *w = !*w;
            }
            if self.newline {
                cl[0] &= !(1 << b'\n');
            }
        }
        cl[0] &= !1;
        if self.icase && neg {
            // Fold before negating: [^a] must not match 'A'.
            let mut pos: Class = [0; 8];
            for b in 1..=255u8 {
                let u = b.to_ascii_uppercase();
                let l = b.to_ascii_lowercase();
                if class_has(&cl, u) && class_has(&cl, l) {
                    class_add(&mut pos, b);
                }
            }
            cl = pos;
        }
        self.class_node(cl)
    }

    /// One element: a byte (returned, a range may follow), or a class
    /// (added to `cl`, `None`).
    fn bracket_elem(&mut self, cl: &mut Class) -> R<Option<u8>> {
        let c = self.p[self.i];
        self.i += 1;
        if c == b'['
            && let Some(k @ (b':' | b'.' | b'=')) = self.peek()
        {
            {
                self.i += 1;
                let start = self.i;
                loop {
                    if self.i + 1 >= self.p.len() {
                        return Err(REG_EBRACK);
                    }
                    if self.p[self.i] == k && self.p[self.i + 1] == b']' {
                        break;
                    }
                    self.i += 1;
                }
                let name = &self.p[start..self.i];
                self.i += 2;
                return match k {
                    b':' => {
                        if !add_named(cl, name) {
                            return Err(REG_ECTYPE);
                        }
                        if self.peek() == Some(b'-') && self.peek2().is_some_and(|d| d != b']') {
                            return Err(REG_ERANGE);
                        }
                        Ok(None)
                    }
                    _ => {
                        if name.len() != 1 {
                            return Err(REG_ECOLLATE);
                        }
                        Ok(Some(name[0]))
                    }
                };
            }
        }
        Ok(Some(c))
    }
}
