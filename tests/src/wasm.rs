//! What the artifact checks read of a wasm file, over `wasmparser`: the
//! import and export sections of a module, and the symbol table (`linking`
//! custom section) of a relocatable object file as wasm-ld and llvm-nm see it.

use crate::Result;
use wasmparser::{
    ExternalKind, KnownCustom, Linking, Parser, Payload, SymbolFlags, SymbolInfo, TypeRef,
};

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
    /// ... and the import's field name (which an explicit symbol name, such
    /// as a Rust-mangled one, hides).
    pub import_field: Option<String>,
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

/// Parses a core wasm module (linked or relocatable).
pub fn parse(bytes: &[u8]) -> Result<Module> {
    if bytes.get(0..4) != Some(b"\0asm") {
        return Err("not a wasm file".into());
    }
    if bytes.get(4..8) != Some(&[1, 0, 0, 0]) {
        return Err("not a core wasm module (a component?)".into());
    }
    let err = |e: wasmparser::BinaryReaderError| e.to_string();
    let mut m = Module::default();
    let mut linking = None;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(err)? {
            Payload::ImportSection(r) => {
                for i in r.into_imports() {
                    let i = i.map_err(err)?;
                    let kind = match i.ty {
                        TypeRef::Func(_) | TypeRef::FuncExact(_) => KIND_FUNC,
                        TypeRef::Table(_) => KIND_TABLE,
                        TypeRef::Memory(_) => KIND_MEMORY,
                        TypeRef::Global(_) => KIND_GLOBAL,
                        TypeRef::Tag(_) => KIND_TAG,
                    };
                    m.imports.push(Import {
                        module: i.module.to_string(),
                        name: i.name.to_string(),
                        kind,
                    });
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.map_err(err)?;
                    let kind = match e.kind {
                        ExternalKind::Func | ExternalKind::FuncExact => KIND_FUNC,
                        ExternalKind::Table => KIND_TABLE,
                        ExternalKind::Memory => KIND_MEMORY,
                        ExternalKind::Global => KIND_GLOBAL,
                        ExternalKind::Tag => KIND_TAG,
                    };
                    m.exports.push(Export {
                        name: e.name.to_string(),
                        kind,
                    });
                }
            }
            Payload::CustomSection(c) => {
                m.custom_sections.push(c.name().to_string());
                if let KnownCustom::Linking(l) = c.as_known() {
                    linking = Some(l);
                }
            }
            _ => {}
        }
    }
    if let Some(l) = linking {
        for sub in l.subsections() {
            if let Linking::SymbolTable(table) = sub.map_err(err)? {
                for sym in table {
                    m.symbols.push(symbol(sym.map_err(err)?, &m.imports)?);
                }
            }
        }
    }
    Ok(m)
}

/// One entry of the symbol table. An undefined function, global, tag or
/// table symbol without an explicit name takes its import's field name.
fn symbol(info: SymbolInfo<'_>, imports: &[Import]) -> Result<Symbol> {
    let (kind, flags, index, name) = match info {
        SymbolInfo::Func { flags, index, name } => (SYM_FUNCTION, flags, index, name),
        SymbolInfo::Global { flags, index, name } => (SYM_GLOBAL, flags, index, name),
        SymbolInfo::Event { flags, index, name } => (SYM_TAG, flags, index, name),
        SymbolInfo::Table { flags, index, name } => (SYM_TABLE, flags, index, name),
        SymbolInfo::Data { flags, name, .. } => {
            return Ok(Symbol {
                name: name.to_string(),
                kind: SYM_DATA,
                flags: flags.bits(),
                import_module: None,
                import_field: None,
            });
        }
        SymbolInfo::Section { flags, .. } => {
            return Ok(Symbol {
                name: String::new(),
                kind: SYM_SECTION,
                flags: flags.bits(),
                import_module: None,
                import_field: None,
            });
        }
    };
    let import = if flags.contains(SymbolFlags::UNDEFINED) {
        let import_kind = match kind {
            SYM_FUNCTION => KIND_FUNC,
            SYM_GLOBAL => KIND_GLOBAL,
            SYM_TAG => KIND_TAG,
            _ => KIND_TABLE,
        };
        let i = imports
            .iter()
            .filter(|i| i.kind == import_kind)
            .nth(index as usize);
        Some(i.ok_or("undefined symbol without import")?)
    } else {
        None
    };
    let name = match (name, import) {
        (Some(n), _) => n.to_string(),
        (None, Some(i)) => i.name.clone(),
        (None, None) => String::new(),
    };
    Ok(Symbol {
        name,
        kind,
        flags: flags.bits(),
        import_module: import.map(|i| i.module.clone()),
        import_field: import.map(|i| i.name.clone()),
    })
}
