//! Just enough of the wasm binary format for the artifact checks: the import
//! and export sections of a module, and the symbol table (`linking` custom
//! section) of a relocatable object file as wasm-ld and llvm-nm see it.

use crate::Result;

pub const KIND_FUNC: u8 = 0;
pub const KIND_TABLE: u8 = 1;
pub const KIND_MEMORY: u8 = 2;
pub const KIND_GLOBAL: u8 = 3;
pub const KIND_TAG: u8 = 4;

/// One entry of the import section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub kind: u8,
}

/// One entry of the export section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub name: String,
    pub kind: u8,
}

/// Symbol kinds of the `linking` section.
pub const SYM_FUNCTION: u8 = 0;
pub const SYM_DATA: u8 = 1;
pub const SYM_GLOBAL: u8 = 2;
pub const SYM_SECTION: u8 = 3;
pub const SYM_TAG: u8 = 4;
pub const SYM_TABLE: u8 = 5;

/// Symbol flags of the `linking` section.
pub const FLAG_WEAK: u32 = 0x1;
pub const FLAG_LOCAL: u32 = 0x2;
pub const FLAG_HIDDEN: u32 = 0x4;
pub const FLAG_UNDEFINED: u32 = 0x10;
pub const FLAG_EXPLICIT_NAME: u32 = 0x40;

/// One symbol of an object file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: u8,
    pub flags: u32,
    /// For an undefined function/global/tag/table symbol: the module of the
    /// import it refers to.
    pub import_module: Option<String>,
}

impl Symbol {
    pub fn defined(&self) -> bool {
        self.flags & FLAG_UNDEFINED == 0
    }
    /// Visible to other objects (global or weak binding).
    pub fn external(&self) -> bool {
        self.flags & FLAG_LOCAL == 0
    }
}

/// The parts of a module or object file the checks look at.
#[derive(Debug, Default)]
pub struct Module {
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
    /// Empty for a linked module (no `linking` section).
    pub symbols: Vec<Symbol>,
    /// Names of the custom sections.
    pub custom_sections: Vec<String>,
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(b: &'a [u8]) -> Self {
        Reader { b, pos: 0 }
    }
    fn done(&self) -> bool {
        self.pos >= self.b.len()
    }
    fn byte(&mut self) -> Result<u8> {
        let v = *self.b.get(self.pos).ok_or("unexpected end of wasm data")?;
        self.pos += 1;
        Ok(v)
    }
    fn leb(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..70).step_by(7) {
            let byte = self.byte()?;
            v |= u64::from(byte & 0x7f) << shift.min(63);
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("LEB128 number too long".into())
    }
    fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.leb()?).map_err(|_| "LEB128 number out of range".to_string())
    }
    fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.b.len());
        let end = end.ok_or("unexpected end of wasm data")?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn name(&mut self) -> Result<String> {
        let n = self.u32()? as usize;
        let b = self.bytes(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "name is not UTF-8".into())
    }
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

/// Parses a core wasm module (linked or relocatable).
pub fn parse(bytes: &[u8]) -> Result<Module> {
    if bytes.get(0..4) != Some(b"\0asm") {
        return Err("not a wasm file".into());
    }
    if bytes.get(4..8) != Some(&[1, 0, 0, 0]) {
        return Err("not a core wasm module (a component?)".into());
    }
    let mut r = Reader::new(&bytes[8..]);
    let mut m = Module::default();
    let mut linking: Option<&[u8]> = None;
    while !r.done() {
        let id = r.byte()?;
        let size = r.u32()? as usize;
        let body = r.bytes(size)?;
        let mut s = Reader::new(body);
        match id {
            0 => {
                let name = s.name()?;
                if name == "linking" {
                    linking = Some(&body[s.pos..]);
                }
                m.custom_sections.push(name);
            }
            2 => {
                for _ in 0..s.u32()? {
                    let module = s.name()?;
                    let name = s.name()?;
                    let kind = s.byte()?;
                    match kind {
                        KIND_FUNC => {
                            s.u32()?;
                        }
                        KIND_TABLE => {
                            s.byte()?;
                            s.limits()?;
                        }
                        KIND_MEMORY => s.limits()?,
                        KIND_GLOBAL => {
                            s.byte()?;
                            s.byte()?;
                        }
                        KIND_TAG => {
                            s.byte()?;
                            s.u32()?;
                        }
                        k => return Err(format!("unknown import kind {k}")),
                    }
                    m.imports.push(Import { module, name, kind });
                }
            }
            7 => {
                for _ in 0..s.u32()? {
                    let name = s.name()?;
                    let kind = s.byte()?;
                    s.u32()?;
                    m.exports.push(Export { name, kind });
                }
            }
            _ => {}
        }
    }
    if let Some(l) = linking {
        m.symbols = symbols(l, &m.imports)?;
    }
    Ok(m)
}

/// The symbol table (subsection 8) of a `linking` section body.
fn symbols(body: &[u8], imports: &[Import]) -> Result<Vec<Symbol>> {
    let mut r = Reader::new(body);
    let version = r.u32()?;
    if version != 2 {
        return Err(format!("linking section version {version}, expected 2"));
    }
    // Imports of one kind, in index order: undefined symbols without an
    // explicit name take the import's field name.
    let of_kind = |k: u8| -> Vec<&Import> { imports.iter().filter(|i| i.kind == k).collect() };
    let (funcs, globals, tags, tables) = (
        of_kind(KIND_FUNC),
        of_kind(KIND_GLOBAL),
        of_kind(KIND_TAG),
        of_kind(KIND_TABLE),
    );
    let mut out = Vec::new();
    while !r.done() {
        let ty = r.byte()?;
        let size = r.u32()? as usize;
        let payload = r.bytes(size)?;
        if ty != 8 {
            continue;
        }
        let mut s = Reader::new(payload);
        for _ in 0..s.u32()? {
            let kind = s.byte()?;
            let flags = s.u32()?;
            let undefined = flags & FLAG_UNDEFINED != 0;
            match kind {
                SYM_FUNCTION | SYM_GLOBAL | SYM_TAG | SYM_TABLE => {
                    let index = s.u32()? as usize;
                    let import = if undefined {
                        let list = match kind {
                            SYM_FUNCTION => &funcs,
                            SYM_GLOBAL => &globals,
                            SYM_TAG => &tags,
                            _ => &tables,
                        };
                        Some(*list.get(index).ok_or("undefined symbol without import")?)
                    } else {
                        None
                    };
                    let name = if !undefined || flags & FLAG_EXPLICIT_NAME != 0 {
                        s.name()?
                    } else {
                        import.map(|i| i.name.clone()).unwrap_or_default()
                    };
                    out.push(Symbol {
                        name,
                        kind,
                        flags,
                        import_module: import.map(|i| i.module.clone()),
                    });
                }
                SYM_DATA => {
                    let name = s.name()?;
                    if !undefined {
                        s.u32()?; // segment
                        s.leb()?; // offset
                        s.leb()?; // size
                    }
                    out.push(Symbol {
                        name,
                        kind,
                        flags,
                        import_module: None,
                    });
                }
                SYM_SECTION => {
                    s.u32()?;
                }
                k => return Err(format!("unknown symbol kind {k}")),
            }
        }
    }
    Ok(out)
}
