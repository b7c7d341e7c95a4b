//! The sections of a wasm file, over `wasmparser`.

use std::ops::Range;
use wasmparser::{Parser, Payload};

/// One section: its id and body; for a custom section (id 0) also its name
/// and the contents after the name.
pub struct Section<'a> {
    pub id: u8,
    pub body: &'a [u8],
    pub custom: Option<(&'a str, &'a [u8])>,
}

/// The sections of a wasm module or object, in order; `None` if `wasm` is
/// not wasm or is cut short.
pub fn sections(wasm: &[u8]) -> Option<Vec<Section<'_>>> {
    if wasm.get(..4)? != b"\0asm" {
        return None;
    }
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.ok()?;
        let custom = match &payload {
            Payload::CustomSection(c) => Some((c.name(), c.data())),
            _ => None,
        };
        if let Some((id, range)) = payload.as_section() {
            let body = wasm.get(Range::clone(&range))?;
            out.push(Section { id, body, custom });
        }
    }
    Some(out)
}
