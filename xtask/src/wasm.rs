//! Just enough of the wasm binary format for the build tasks: LEB128 and
//! the section list of a module or relocatable object.

/// Reads an unsigned LEB128 `u32`: `(value, bytes used)`.
pub fn leb(b: &[u8]) -> Option<(u32, usize)> {
    let mut v = 0u32;
    for (i, byte) in b.iter().enumerate().take(5) {
        v |= ((byte & 0x7f) as u32) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((v, i + 1));
        }
    }
    None
}

/// Appends `v` as unsigned LEB128.
pub fn put_leb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads a length-prefixed name at the start of `b`: `(name, bytes used)`.
pub fn name(b: &[u8]) -> Option<(&str, usize)> {
    let (len, n) = leb(b)?;
    let s = std::str::from_utf8(b.get(n..n + len as usize)?).ok()?;
    Some((s, n + len as usize))
}

/// One section: its id and body; for a custom section (id 0) also its name
/// and the contents after the name.
pub struct Section<'a> {
    pub id: u8,
    pub body: &'a [u8],
    pub custom: Option<(&'a str, &'a [u8])>,
}

/// The sections of a wasm module or object after the 8-byte header; `None`
/// if `wasm` is not wasm or is cut short.
pub fn sections(wasm: &[u8]) -> Option<Vec<Section<'_>>> {
    if wasm.get(..4)? != b"\0asm" {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 8;
    while i < wasm.len() {
        let id = wasm[i];
        let (size, n) = leb(&wasm[i + 1..])?;
        let start = i + 1 + n;
        let body = wasm.get(start..start + size as usize)?;
        i = start + size as usize;
        let custom = if id == 0 {
            let (name, used) = name(body)?;
            Some((name, &body[used..]))
        } else {
            None
        };
        out.push(Section { id, body, custom });
    }
    Some(out)
}
