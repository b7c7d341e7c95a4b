//! Syntax tree to a Thompson NFA program. Each node's code is one contiguous
//! range `lo..=hi` whose only exit is its last instruction `hi` (a no-op):
//! the matcher runs a node on its own by treating `hi` as the accepting state.

use super::REG_ESPACE;
use super::buf::Buf;
use super::parse::{ALT, ASSERT, Ast, BACKREF, CAT, GROUP, OPT, SET, STAR};

pub(crate) const I_SET: u8 = 0;
pub(crate) const I_ASSERT: u8 = 1;
pub(crate) const I_NOP: u8 = 2;
pub(crate) const I_SPLIT: u8 = 3;
pub(crate) const I_JMP: u8 = 4;
pub(crate) const I_SAVE: u8 = 5;
pub(crate) const I_LMARK: u8 = 6;
pub(crate) const I_LBACK: u8 = 7;
pub(crate) const I_BREF: u8 = 8;
pub(crate) const I_MATCH: u8 = 9;
pub(crate) const I_LENTER: u8 = 10;
/// In an `I_LBACK`'s slot: the loop follows copies of its body (no empty iteration).
pub(crate) const AFTER_COPIES: u32 = 1 << 31;

const MAX_INSTS: usize = 1 << 18;

#[derive(Clone, Copy)]
pub(crate) struct Inst {
    pub op: u8,
    pub x: u32,
    pub y: u32,
}

pub(crate) struct Prog {
    pub insts: Buf<Inst>,
    /// Epsilon predecessors of each instruction (CSR: `ep[ep_off[pc]..ep_off[pc + 1]]`).
    pub ep_off: Buf<u32>,
    pub ep: Buf<u32>,
}

struct Emit<'a> {
    ast: &'a mut Ast,
    insts: Buf<Inst>,
    loops: u32,
}

impl Emit<'_> {
    fn emit(&mut self, op: u8, x: u32, y: u32) -> Result<u32, i32> {
        if self.insts.len() >= MAX_INSTS {
            return Err(REG_ESPACE);
        }
        let pc = self.insts.len() as u32;
        self.insts.push(Inst { op, x, y })?;
        Ok(pc)
    }

    fn node(&mut self, id: u32) -> Result<(), i32> {
        let n = self.ast.nodes[id as usize];
        let lo = self.insts.len() as u32;
        match n.kind {
            SET => {
                self.emit(I_SET, n.a, 0)?;
            }
            ASSERT => {
                self.emit(I_ASSERT, n.a, 0)?;
            }
            BACKREF => {
                self.emit(I_BREF, n.a, 0)?;
            }
            GROUP => {
                self.emit(I_SAVE, 2 * n.a, 0)?;
                self.node(n.b)?;
                self.emit(I_SAVE, 2 * n.a + 1, 0)?;
            }
            CAT => {
                for k in 0..n.b {
                    let kid = self.ast.kids[(n.a + k) as usize];
                    self.node(kid)?;
                }
            }
            ALT => {
                let mut jumps = Buf::<u32>::new();
                for k in 0..n.b {
                    let kid = self.ast.kids[(n.a + k) as usize];
                    if k + 1 < n.b {
                        let split = self.emit(I_SPLIT, 0, 0)?;
                        self.insts[split as usize].x = split + 1;
                        self.node(kid)?;
                        jumps.push(self.emit(I_JMP, 0, 0)?)?;
                        let next = self.insts.len() as u32;
                        self.insts[split as usize].y = next;
                    } else {
                        self.node(kid)?;
                    }
                }
                let hi = self.insts.len() as u32;
                for &j in jumps.iter() {
                    self.insts[j as usize].x = hi;
                }
            }
            STAR => {
                let slot = self.loops;
                self.loops += 1;
                // Slots 2s (position at loop entry) and 2s + 1 (at the
                // start of the current iteration), for the backtracker.
                self.emit(I_LENTER, 2 * slot, 0)?;
                let split = self.emit(I_SPLIT, lo + 2, 0)?;
                self.emit(I_LMARK, 2 * slot + 1, 0)?;
                self.node(n.a)?;
                let flag = if n.b != 0 { AFTER_COPIES } else { 0 };
                self.emit(I_LBACK, (2 * slot) | flag, split)?;
                let hi = self.insts.len() as u32;
                self.insts[split as usize].y = hi;
            }
            OPT => {
                let split = self.emit(I_SPLIT, lo + 1, 0)?;
                self.node(n.a)?;
                let hi = self.insts.len() as u32;
                self.insts[split as usize].y = hi;
            }
            _ => unreachable!(),
        }
        let hi = self.emit(I_NOP, 0, 0)?;
        let node = &mut self.ast.nodes[id as usize];
        node.lo = lo;
        node.hi = hi;
        Ok(())
    }
}

pub(crate) fn compile(ast: &mut Ast, root: u32) -> Result<Prog, i32> {
    let mut e = Emit {
        ast,
        insts: Buf::new(),
        loops: 0,
    };
    e.node(root)?;
    e.emit(I_MATCH, 0, 0)?;
    let insts = e.insts;
    let n = insts.len();
    // Epsilon edges q -> target, counted then placed.
    let mut ep_off = Buf::filled(n + 1, 0u32)?;
    let each = |f: &mut dyn FnMut(u32, u32)| {
        for (q, i) in insts.iter().enumerate() {
            let q = q as u32;
            match i.op {
                I_ASSERT | I_NOP | I_SAVE | I_LMARK | I_LENTER => f(q, q + 1),
                I_SPLIT => {
                    f(q, i.x);
                    f(q, i.y);
                }
                I_JMP => f(q, i.x),
                I_LBACK => f(q, i.y),
                _ => {}
            }
        }
    };
    each(&mut |_, t| ep_off[t as usize + 1] += 1);
    for k in 0..n {
        ep_off[k + 1] += ep_off[k];
    }
    let mut ep = Buf::filled(ep_off[n] as usize, 0u32)?;
    let mut fill = Buf::filled(n, 0u32)?;
    each(&mut |q, t| {
        let t = t as usize;
        ep[(ep_off[t] + fill[t]) as usize] = q;
        fill[t] += 1;
    });
    Ok(Prog { insts, ep_off, ep })
}
