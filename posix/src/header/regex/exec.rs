//! Matching. Without back-references: a Thompson simulation finds the
//! leftmost-longest match (polynomial time, no recursion), then a descent
//! over the syntax tree places the subexpressions the POSIX way: each
//! element of a concatenation and each iteration of a loop takes the
//! longest span that still lets the rest match, left to right. The spans
//! are decided by forward and backward simulations of the node's own code,
//! so the descent never backtracks; it recurses only as deep as the
//! pattern nests. With back-references: a backtracking search over the same
//! program with an explicit stack and a step budget (REG_ESPACE past it).

use super::buf::{Buf, NoMem};
use super::compile::*;
use super::parse::{
    A_BOL, A_BUFBEG, A_BUFEND, A_EOL, A_NWORDB, A_WBEG, A_WEND, A_WORDB, ALT, CAT, GROUP, OPT,
    STAR, class_has, fold,
};
use super::{REG_ESPACE, Re};

/// Work limit of the back-reference matcher (instructions run).
const BUDGET: u64 = 20_000_000;

struct Set {
    dense: Buf<u32>,
    sparse: Buf<u32>,
    /// Start position of the thread in each state (the search only).
    start: Buf<u32>,
}

impl Set {
    fn new(n: usize) -> Result<Self, NoMem> {
        Ok(Set {
            dense: Buf::new(),
            sparse: Buf::filled(n, 0)?,
            start: Buf::filled(n, 0)?,
        })
    }
    fn has(&self, pc: u32) -> bool {
        let s = self.sparse[pc as usize] as usize;
        s < self.dense.len() && self.dense[s] == pc
    }
    fn insert(&mut self, pc: u32) -> Result<(), NoMem> {
        self.sparse[pc as usize] = self.dense.len() as u32;
        self.dense.push(pc)
    }
    fn clear(&mut self) {
        self.dense.truncate(0);
    }
}

pub(crate) struct Ctx<'a> {
    pub re: &'a Re,
    pub t: &'a [u8],
    pub notbol: bool,
    pub noteol: bool,
    a: Set,
    b: Set,
    stack: Buf<u32>,
    e: Buf<u8>,
    r: Buf<u8>,
}

fn word(b: Option<&u8>) -> bool {
    b.is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(re: &'a Re, t: &'a [u8], notbol: bool, noteol: bool) -> Result<Self, NoMem> {
        let n = re.prog.insts.len();
        Ok(Ctx {
            re,
            t,
            notbol,
            noteol,
            a: Set::new(n)?,
            b: Set::new(n)?,
            stack: Buf::new(),
            e: Buf::filled(t.len() + 1, 0)?,
            r: Buf::filled(t.len() + 1, 0)?,
        })
    }

    fn assert_ok(&self, kind: u32, k: usize) -> bool {
        let t = self.t;
        let nl = self.re.newline;
        let prev = if k > 0 { t.get(k - 1) } else { None };
        let cur = t.get(k);
        match kind {
            A_BOL => (k == 0 && !self.notbol) || (nl && prev == Some(&b'\n')),
            A_EOL => (k == t.len() && !self.noteol) || (nl && cur == Some(&b'\n')),
            A_WORDB => word(prev) != word(cur),
            A_NWORDB => word(prev) == word(cur),
            A_WBEG => !word(prev) && word(cur),
            A_WEND => word(prev) && !word(cur),
            A_BUFBEG => k == 0,
            A_BUFEND => k == t.len(),
            _ => false,
        }
    }

    fn consumes(&self, pc: u32, k: usize) -> bool {
        let i = self.re.prog.insts[pc as usize];
        i.op == I_SET && k < self.t.len() && class_has(&self.re.classes[i.x as usize], self.t[k])
    }

    /// Adds the forward epsilon closure of `pc` at position `k` to set `a`
    /// (or `b`), within `lo..=hi` (`hi` accepts and is not left).
    fn close_fwd(
        &mut self,
        into_b: bool,
        pc: u32,
        k: usize,
        lo: u32,
        hi: u32,
        start: u32,
    ) -> Result<(), NoMem> {
        self.stack.truncate(0);
        self.stack.push(pc)?;
        while let Some(pc) = self.stack.pop() {
            if pc < lo || pc > hi {
                continue;
            }
            let set = if into_b { &mut self.b } else { &mut self.a };
            if set.has(pc) {
                continue;
            }
            set.insert(pc)?;
            set.start[pc as usize] = start;
            if pc == hi {
                continue;
            }
            let i = self.re.prog.insts[pc as usize];
            match i.op {
                I_ASSERT if self.assert_ok(i.x, k) => self.stack.push(pc + 1)?,
                I_NOP | I_SAVE | I_LMARK | I_LENTER => self.stack.push(pc + 1)?,
                I_SPLIT => {
                    self.stack.push(i.y)?;
                    self.stack.push(i.x)?;
                }
                I_JMP => self.stack.push(i.x)?,
                I_LBACK => self.stack.push(i.y)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Leftmost-longest match of the whole program: `(start, end)`.
    pub(crate) fn search(&mut self) -> Result<Option<(usize, usize)>, NoMem> {
        let n = self.t.len();
        let (lo, hi) = (0, self.re.prog.insts.len() as u32 - 1);
        let entry = self.re.nodes[self.re.root as usize].lo;
        let mut best: Option<(usize, usize)> = None;
        self.a.clear();
        for k in 0..=n {
            if best.is_none() {
                self.close_fwd(false, entry, k, lo, hi, k as u32)?;
            }
            if self.a.has(hi) {
                let s = self.a.start[hi as usize] as usize;
                if best.is_none_or(|(bs, be)| s < bs || (s == bs && k > be)) {
                    best = Some((s, k));
                }
            }
            if k == n || self.a.dense.is_empty() {
                break;
            }
            self.b.clear();
            for x in 0..self.a.dense.len() {
                let pc = self.a.dense[x];
                let s = self.a.start[pc as usize];
                if best.is_some_and(|(bs, _)| s as usize > bs) {
                    continue;
                }
                if self.consumes(pc, k) {
                    self.close_fwd(true, pc + 1, k + 1, lo, hi, s)?;
                }
            }
            core::mem::swap(&mut self.a, &mut self.b);
        }
        Ok(best)
    }

    /// `e[k] = 1` for each `k` in `p..=j` where the code `lo..=hi`, entered
    /// at `p`, reaches `hi` at `k`.
    ///
    /// Returns the last position it got to: `e` beyond it is stale (the
    /// simulation died out), so a long subject is not cleared at every call.
    fn fwd(&mut self, lo: u32, hi: u32, p: usize, j: usize) -> Result<usize, NoMem> {
        self.a.clear();
        self.close_fwd(false, lo, p, lo, hi, 0)?;
        let mut k = p;
        loop {
            self.e[k] = self.a.has(hi) as u8;
            if k == j || self.a.dense.is_empty() {
                return Ok(k);
            }
            self.b.clear();
            for x in 0..self.a.dense.len() {
                let pc = self.a.dense[x];
                if self.consumes(pc, k) {
                    self.close_fwd(true, pc + 1, k + 1, lo, hi, 0)?;
                }
            }
            core::mem::swap(&mut self.a, &mut self.b);
            k += 1;
        }
    }

    fn close_bwd(
        &mut self,
        into_b: bool,
        pc: u32,
        k: usize,
        lo: u32,
        hi: u32,
    ) -> Result<(), NoMem> {
        self.stack.truncate(0);
        self.stack.push(pc)?;
        while let Some(pc) = self.stack.pop() {
            let set = if into_b { &mut self.b } else { &mut self.a };
            if set.has(pc) {
                continue;
            }
            set.insert(pc)?;
            let prog = &self.re.prog;
            let (s, e) = (prog.ep_off[pc as usize], prog.ep_off[pc as usize + 1]);
            for x in s..e {
                let q = prog.ep[x as usize];
                if q < lo || q >= hi {
                    continue;
                }
                let i = prog.insts[q as usize];
                if i.op == I_ASSERT && !self.assert_ok(i.x, k) {
                    continue;
                }
                self.stack.push(q)?;
            }
        }
        Ok(())
    }

    /// `r[k] = 1` for each `k` in `p..=j` where `target` at `k` reaches
    /// `hi` at `j` within `lo..=hi`.
    ///
    /// Returns the lowest position it got to (`r` below it is stale).
    fn bwd(&mut self, lo: u32, hi: u32, target: u32, p: usize, j: usize) -> Result<usize, NoMem> {
        self.a.clear();
        self.close_bwd(false, hi, j, lo, hi)?;
        let mut k = j;
        loop {
            self.r[k] = self.a.has(target) as u8;
            if k == p || self.a.dense.is_empty() {
                return Ok(k);
            }
            self.b.clear();
            for x in 0..self.a.dense.len() {
                let pc = self.a.dense[x];
                if pc > lo && self.consumes(pc - 1, k - 1) {
                    self.close_bwd(true, pc - 1, k - 1, lo, hi)?;
                }
            }
            core::mem::swap(&mut self.a, &mut self.b);
            k -= 1;
        }
    }

    /// Places the subexpressions of node `id`, known to match `i..j`.
    pub(crate) fn descend(
        &mut self,
        mut id: u32,
        mut i: usize,
        j: usize,
        caps: &mut [isize],
    ) -> Result<(), NoMem> {
        let re = self.re;
        loop {
            let n = re.nodes[id as usize];
            if !n.cap {
                return Ok(());
            }
            match n.kind {
                GROUP => {
                    let g = n.a as usize;
                    if 2 * g + 1 < caps.len() {
                        caps[2 * g] = i as isize;
                        caps[2 * g + 1] = j as isize;
                    }
                    id = n.b;
                }
                CAT => {
                    let kids = &re.kids[n.a as usize..(n.a + n.b) as usize];
                    let mut p = i;
                    for m in 0..kids.len() - 1 {
                        if !kids[m..].iter().any(|&c| re.nodes[c as usize].cap) {
                            return Ok(());
                        }
                        let c = re.nodes[kids[m] as usize];
                        let last = self.fwd(c.lo, c.hi, p, j)?;
                        let low = self.bwd(n.lo, n.hi, c.hi, p, j)?;
                        let k = (low..=last)
                            .rev()
                            .find(|&k| self.e[k] != 0 && self.r[k] != 0)
                            .unwrap_or(p);
                        self.descend(kids[m], p, k, caps)?;
                        p = k;
                    }
                    id = kids[kids.len() - 1];
                    i = p;
                }
                ALT => {
                    let kids = &re.kids[n.a as usize..(n.a + n.b) as usize];
                    id = kids[kids.len() - 1];
                    for &kid in &kids[..kids.len() - 1] {
                        let c = re.nodes[kid as usize];
                        if self.fwd(c.lo, c.hi, i, j)? == j && self.e[j] != 0 {
                            id = kid;
                            break;
                        }
                    }
                }
                OPT => {
                    let c = re.nodes[n.a as usize];
                    if i == j && n.b != 0 {
                        return Ok(());
                    }
                    if self.fwd(c.lo, c.hi, i, j)? != j || self.e[j] == 0 {
                        return Ok(());
                    }
                    id = n.a;
                }
                STAR => {
                    let c = re.nodes[n.a as usize];
                    // Where an iteration may end: from the body's exit at k the
                    // loop can still reach its own exit at j. Computed once
                    // (the nested descents reuse `r`).
                    let low = self.bwd(n.lo, n.hi, c.hi, i, j)?;
                    let mut r = Buf::filled(j - i + 1, 0u8)?;
                    r[low - i..].copy_from_slice(&self.r[low..=j]);
                    let mut p = i;
                    let mut first = true;
                    loop {
                        let last = self.fwd(c.lo, c.hi, p, j)?;
                        match (p + 1..=last)
                            .rev()
                            .find(|&k| self.e[k] != 0 && r[k - i] != 0)
                        {
                            Some(k) => {
                                self.descend(n.a, p, k, caps)?;
                                p = k;
                                first = false;
                            }
                            None => {
                                // A loop matching nothing still runs its body once
                                // when that can match empty (as glibc reports).
                                if first && n.b == 0 && self.e[p] != 0 {
                                    id = n.a;
                                    i = p;
                                    break;
                                }
                                return Ok(());
                            }
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// Back-reference matcher: leftmost, then longest; the captures of the
    /// first path (in preference order) that reaches the longest end.
    pub(crate) fn backtrack(&mut self, caps: &mut [isize]) -> Result<bool, i32> {
        let n = self.t.len();
        let nslots = 2 * (self.re.nsub as usize + 1);
        let mut cur = Buf::filled(nslots, -1isize)?;
        let mut loops = Buf::filled(2 * self.re.nloops as usize, usize::MAX)?;
        // Frames: (kind, a, b): 0 = try (pc, pos); 1 = restore cap (slot, old);
        // 2 = restore loop mark (slot, old).
        let mut st: Buf<(u8, u32, usize)> = Buf::new();
        let mut steps: u64 = 0;
        let entry = self.re.nodes[self.re.root as usize].lo;
        let icase = self.re.icase;
        for s0 in 0..=n {
            let mut best: Option<usize> = None;
            st.truncate(0);
            st.push((0, entry, s0))?;
            while let Some((kind, a, b)) = st.pop() {
                match kind {
                    1 => {
                        cur[a as usize] = b as isize;
                        continue;
                    }
                    2 => {
                        loops[a as usize] = b;
                        continue;
                    }
                    _ => {}
                }
                let (mut pc, mut pos) = (a, b);
                loop {
                    steps += 1;
                    if steps > BUDGET {
                        return Err(REG_ESPACE);
                    }
                    let i = self.re.prog.insts[pc as usize];
                    match i.op {
                        I_SET => {
                            if self.consumes(pc, pos) {
                                pos += 1;
                                pc += 1;
                            } else {
                                break;
                            }
                        }
                        I_ASSERT => {
                            if !self.assert_ok(i.x, pos) {
                                break;
                            }
                            pc += 1;
                        }
                        I_NOP => pc += 1,
                        I_SPLIT => {
                            st.push((0, i.y, pos))?;
                            pc = i.x;
                        }
                        I_JMP => pc = i.x,
                        I_SAVE => {
                            st.push((1, i.x, cur[i.x as usize] as usize))?;
                            cur[i.x as usize] = pos as isize;
                            pc += 1;
                        }
                        I_LMARK | I_LENTER => {
                            st.push((2, i.x, loops[i.x as usize]))?;
                            loops[i.x as usize] = pos;
                            pc += 1;
                        }
                        I_LBACK => {
                            let s = (i.x & !AFTER_COPIES) as usize;
                            if loops[s + 1] == pos {
                                // An empty iteration: it ends the loop if it is
                                // the first one (`(a*)*` on "b" sets \1 = (0,0),
                                // as glibc and TRE do), else the path fails.
                                if i.x & AFTER_COPIES != 0 || loops[s] != pos {
                                    break;
                                }
                                pc = self.re.prog.insts[i.y as usize].y;
                                continue;
                            }
                            pc = i.y;
                        }
                        I_BREF => {
                            let g = i.x as usize;
                            let (so, eo) = (cur[2 * g], cur[2 * g + 1]);
                            if so < 0 || eo < so {
                                break;
                            }
                            let sub = &self.t[so as usize..eo as usize];
                            let rest = &self.t[pos..];
                            if rest.len() < sub.len()
                                || !sub
                                    .iter()
                                    .zip(rest)
                                    .all(|(&x, &y)| x == y || (icase && fold(x) == fold(y)))
                            {
                                break;
                            }
                            pos += sub.len();
                            pc += 1;
                        }
                        _ => {
                            // I_MATCH
                            if best.is_none_or(|e| pos > e) {
                                best = Some(pos);
                                let m = caps.len().min(nslots);
                                caps[..m].copy_from_slice(&cur[..m]);
                                caps[0] = s0 as isize;
                                if m > 1 {
                                    caps[1] = pos as isize;
                                }
                            }
                            break;
                        }
                    }
                }
                if best == Some(n) {
                    break;
                }
            }
            if best.is_some() {
                return Ok(true);
            }
            // Restore the capture slots for the next start.
            for c in cur.iter_mut() {
                *c = -1;
            }
        }
        Ok(false)
    }
}
