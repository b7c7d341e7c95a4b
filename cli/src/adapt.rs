//! `wasm-libc adapt`: fuses the adapter (crate `wasm-libc-adapter`) into a
//! WASI 0.2 core module, giving one preview1 command module.
//!
//! Layout of the output (docs/adapter.md):
//! - functions: the kept imports (the program's non-WASI-0.2 imports, then
//!   the preview1 imports the used adapter functions need), the program's
//!   functions, the adapter functions reachable from the imports the
//!   program uses, then `_start` (calls `run`, then the adapter's `finish`);
//! - types, globals: the program's, then the adapter's (the adapter's stack
//!   pointer starts at the end of its region);
//! - memory: the program's, grown by [`REGION_PAGES`]; the adapter's region
//!   is those pages, from the old initial size up. The program's allocator
//!   only takes memory with `memory.grow` (ours) or up to its link-time
//!   `__heap_end` (wasi-libc), so the pages are the adapter's alone. Every
//!   `call region` in the adapter becomes an `i32.const` of the base;
//! - exports: the program's, except `wasi:cli/run@…#run` and `_start`,
//!   plus the new `_start`. Custom sections are dropped; a `name` section
//!   is written when the program has function names.

use std::collections::{BTreeSet, HashMap};
use wasm_encoder::reencode::{Error as ReError, Reencode, RoundtripReencoder};
use wasmparser::{ExternalKind, FuncType, Operator, Parser, Payload, TypeRef};

/// The adapter module, built by `build.rs`.
pub const ADAPTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/adapter.wasm"));

/// Pages reserved for the adapter: its state at the start, its stack
/// growing down from the end (`adapter/src/table.rs` checks the state fits).
pub const REGION_PAGES: u64 = 2;

const PAGE: u64 = 65536;

/// The adapter's module of the program's realloc and of its region base.
const MAIN: &str = "__main";
const ADAPTER_MOD: &str = "__adapter";
const FINISH: &str = "wasm-libc-adapter#finish";

struct Import<'a> {
    module: &'a str,
    name: &'a str,
    ty: TypeRef,
}

#[derive(Default)]
struct Module<'a> {
    types: Vec<FuncType>,
    imports: Vec<Import<'a>>,
    funcs: Vec<u32>,
    tables: Vec<wasmparser::Table<'a>>,
    memories: Vec<wasmparser::MemoryType>,
    globals: Vec<wasmparser::Global<'a>>,
    exports: Vec<(&'a str, ExternalKind, u32)>,
    start: Option<u32>,
    elements: Option<wasmparser::ElementSectionReader<'a>>,
    data: Option<&'a [u8]>,
    data_count: Option<u32>,
    bodies: Vec<wasmparser::FunctionBody<'a>>,
    /// Function names from the `name` section.
    names: Vec<(u32, &'a str)>,
}

fn err(e: wasmparser::BinaryReaderError) -> String {
    e.to_string()
}

impl<'a> Module<'a> {
    fn parse(bytes: &'a [u8]) -> Result<Module<'a>, String> {
        let mut m = Module::default();
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(err)? {
                Payload::Version {
                    encoding: wasmparser::Encoding::Component,
                    ..
                } => return Err("a component: expected a core module".into()),
                Payload::TypeSection(r) => {
                    for group in r {
                        let group = group.map_err(err)?;
                        for sub in group.into_types() {
                            match sub.composite_type.inner {
                                wasmparser::CompositeInnerType::Func(f)
                                    if !sub.composite_type.shared =>
                                {
                                    m.types.push(f)
                                }
                                _ => return Err("only function types are supported".into()),
                            }
                        }
                    }
                }
                Payload::ImportSection(r) => {
                    for i in r.into_imports() {
                        let i = i.map_err(err)?;
                        m.imports.push(Import {
                            module: i.module,
                            name: i.name,
                            ty: i.ty,
                        });
                    }
                }
                Payload::FunctionSection(r) => {
                    for f in r {
                        m.funcs.push(f.map_err(err)?);
                    }
                }
                Payload::TableSection(r) => {
                    for t in r {
                        m.tables.push(t.map_err(err)?);
                    }
                }
                Payload::MemorySection(r) => {
                    for t in r {
                        m.memories.push(t.map_err(err)?);
                    }
                }
                Payload::GlobalSection(r) => {
                    for g in r {
                        m.globals.push(g.map_err(err)?);
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.map_err(err)?;
                        m.exports.push((e.name, e.kind, e.index));
                    }
                }
                Payload::StartSection { func, .. } => m.start = Some(func),
                Payload::ElementSection(r) => m.elements = Some(r),
                Payload::DataCountSection { count, .. } => m.data_count = Some(count),
                Payload::DataSection(r) => m.data = Some(&bytes[r.range()]),
                Payload::CodeSectionEntry(b) => m.bodies.push(b),
                Payload::TagSection(_) => return Err("exception tags are not supported".into()),
                Payload::CustomSection(c) => {
                    if let wasmparser::KnownCustom::Name(r) = c.as_known() {
                        for n in r.flatten() {
                            if let wasmparser::Name::Function(map) = n {
                                m.names
                                    .extend(map.into_iter().flatten().map(|n| (n.index, n.name)));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(m)
    }

    fn func_imports(&self) -> impl Iterator<Item = &Import<'a>> {
        self.imports
            .iter()
            .filter(|i| matches!(i.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)))
    }

    fn n_func_imports(&self) -> u32 {
        self.func_imports().count() as u32
    }

    fn n_globals(&self) -> u32 {
        self.imports
            .iter()
            .filter(|i| matches!(i.ty, TypeRef::Global(_)))
            .count() as u32
            + self.globals.len() as u32
    }

    fn export(&self, name: &str, kind: ExternalKind) -> Option<u32> {
        self.exports
            .iter()
            .find(|(n, k, _)| *n == name && *k == kind)
            .map(|e| e.2)
    }

    fn func_type(&self, f: u32) -> Option<&FuncType> {
        let ni = self.n_func_imports();
        let t = if f < ni {
            match self.func_imports().nth(f as usize)?.ty {
                TypeRef::Func(t) | TypeRef::FuncExact(t) => t,
                _ => return None,
            }
        } else {
            *self.funcs.get((f - ni) as usize)?
        };
        self.types.get(t as usize)
    }
}

/// The core module of a component: the one that defines a memory and
/// exports a `wasi:cli/run` function (`wasm-tools component new` adds shim
/// modules for the lowered imports; they define neither).
fn core_module(bytes: &[u8]) -> Result<&[u8], String> {
    let mut is_component = false;
    let mut found = Vec::new();
    let mut depth = 0usize;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(err)? {
            Payload::Version { encoding, .. } => {
                if depth == 0 && encoding == wasmparser::Encoding::Component {
                    is_component = true;
                }
                depth += 1;
            }
            Payload::End(_) => depth = depth.saturating_sub(1),
            Payload::ModuleSection {
                unchecked_range, ..
            } => {
                let m = &bytes[unchecked_range];
                let parsed = Module::parse(m)?;
                let runs = parsed
                    .exports
                    .iter()
                    .any(|(n, k, _)| *k == ExternalKind::Func && is_run(n));
                if !parsed.memories.is_empty() && runs {
                    found.push(m);
                }
            }
            _ => {}
        }
    }
    if !is_component {
        return Ok(bytes);
    }
    match found.as_slice() {
        [m] => Ok(m),
        [] => Err(
            "a component without a core module that defines memory and exports wasi:cli/run".into(),
        ),
        _ => Err(format!(
            "a component with {} core modules exporting wasi:cli/run: expected one",
            found.len()
        )),
    }
}

fn is_run(name: &str) -> bool {
    name.strip_prefix("wasi:cli/run@0.2.")
        .is_some_and(|rest| rest.ends_with("#run"))
}

/// `wasi:io/streams@0.2.3` + `read` → `wasi:io/streams#read`; `None` for
/// imports that are not WASI 0.2.
fn adapter_name(module: &str, name: &str) -> Option<String> {
    let (iface, version) = module.split_once('@')?;
    if !iface.starts_with("wasi:") || !version.starts_with("0.2.") {
        return None;
    }
    Some(format!("{iface}#{name}"))
}

fn same_sig(a: &FuncType, b: &FuncType) -> bool {
    a.params() == b.params() && a.results() == b.results()
}

/// Index remapping for one input module's code.
struct Map {
    types: u32,
    globals: u32,
    funcs: Vec<u32>,
    /// The adapter's `__adapter.region` import, replaced by a constant.
    region: Option<u32>,
}

impl Reencode for Map {
    type Error = String;
    fn type_index(&mut self, ty: u32) -> Result<u32, ReError<String>> {
        Ok(ty + self.types)
    }
    fn global_index(&mut self, g: u32) -> Result<u32, ReError<String>> {
        Ok(g + self.globals)
    }
    fn function_index(&mut self, f: u32) -> Result<u32, ReError<String>> {
        match self.funcs.get(f as usize) {
            Some(&n) if n != u32::MAX => Ok(n),
            _ => Err(ReError::UserError(format!("function {f} is not mapped"))),
        }
    }
}

fn re(e: ReError<String>) -> String {
    match e {
        ReError::UserError(s) => s,
        e => e.to_string(),
    }
}

/// Adapts `program` (a WASI 0.2 core module or a component wrapping one)
/// with the adapter module `adapter_bytes`.
pub fn adapt(program: &[u8], adapter_bytes: &[u8]) -> Result<Vec<u8>, String> {
    let p = Module::parse(core_module(program)?)?;
    let a = Module::parse(adapter_bytes).map_err(|e| format!("adapter: {e}"))?;
    check_adapter(&a)?;

    // The program's run export and memory.
    let run = p
        .exports
        .iter()
        .find(|(n, k, _)| *k == ExternalKind::Func && is_run(n))
        .map(|e| e.2)
        .ok_or("not a WASI 0.2 command: no `wasi:cli/run@0.2.x#run` export")?;
    if p.imports.iter().any(|i| matches!(i.ty, TypeRef::Memory(_))) {
        return Err("the program imports its memory: not supported".into());
    }
    let [mem] = p.memories.as_slice() else {
        return Err(format!(
            "the program defines {} memories: expected one",
            p.memories.len()
        ));
    };
    if mem.memory64 || mem.shared {
        return Err("64-bit or shared memory: not supported".into());
    }
    let region_base = mem.initial * PAGE;
    let new_initial = mem.initial + REGION_PAGES;
    if mem.maximum.is_some_and(|max| max < new_initial) {
        return Err(format!(
            "the memory's maximum ({} pages) leaves no room for the adapter's {REGION_PAGES} pages",
            mem.maximum.unwrap_or(0)
        ));
    }
    if (new_initial * PAGE) > u32::MAX as u64 {
        return Err("memory too large for the adapter's region".into());
    }

    // Which adapter export serves each WASI 0.2 import; unsupported ones.
    let a_exports: HashMap<&str, u32> = a
        .exports
        .iter()
        .filter(|e| e.1 == ExternalKind::Func)
        .map(|e| (e.0, e.2))
        .collect();
    let mut unsupported = Vec::new();
    // Per program function import: Ok(adapter function) or Err(kept).
    let mut p_import_target: Vec<Result<u32, ()>> = Vec::new();
    for (i, imp) in p.func_imports().enumerate() {
        match adapter_name(imp.module, imp.name) {
            None => p_import_target.push(Err(())),
            Some(key) => match a_exports.get(key.as_str()) {
                Some(&f) => {
                    let want = p.func_type(i as u32).ok_or("bad import type")?;
                    let have = a.func_type(f).ok_or("bad adapter export")?;
                    if !same_sig(want, have) {
                        unsupported.push(format!(
                            "{} {} (signature {want} differs from the adapter's {have})",
                            imp.module, imp.name
                        ));
                    }
                    p_import_target.push(Ok(f));
                }
                None => {
                    unsupported.push(format!("{} {}", imp.module, imp.name));
                    p_import_target.push(Err(()));
                }
            },
        }
    }
    if !unsupported.is_empty() {
        return Err(format!(
            "{} WASI 0.2 import(s) the adapter does not provide:\n  {}",
            unsupported.len(),
            unsupported.join("\n  ")
        ));
    }
    let finish = *a_exports.get(FINISH).ok_or("adapter: no `finish` export")?;

    // Adapter functions reachable from the used exports.
    let a_ni = a.n_func_imports();
    let mut roots: Vec<u32> = p_import_target.iter().filter_map(|t| t.ok()).collect();
    roots.push(finish);
    let reach = reachable(&a, &roots)?;

    // Output function imports: the program's kept ones, then the adapter's.
    let mut out_imports: Vec<(String, String, TypeRef)> = Vec::new();
    let mut other_imports: Vec<(String, String, TypeRef)> = Vec::new();
    for imp in &p.imports {
        if !matches!(imp.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
            other_imports.push((imp.module.into(), imp.name.into(), imp.ty));
        }
    }
    let mut p_funcs = vec![u32::MAX; (p.n_func_imports() as usize) + p.funcs.len()];
    for (i, imp) in p.func_imports().enumerate() {
        if p_import_target[i].is_err() {
            p_funcs[i] = out_imports.len() as u32;
            out_imports.push((imp.module.into(), imp.name.into(), imp.ty));
        }
    }
    let n_types_p = p.types.len() as u32;
    let mut a_funcs = vec![u32::MAX; (a_ni as usize) + a.funcs.len()];
    let mut region_import = None;
    let mut realloc_import = None;
    for (i, imp) in a.func_imports().enumerate() {
        if !reach.contains(&(i as u32)) {
            continue;
        }
        match imp.module {
            ADAPTER_MOD if imp.name == "region" => region_import = Some(i as u32),
            MAIN => realloc_import = Some((i as u32, imp.name)),
            "wasi_snapshot_preview1" => {
                let ty = match imp.ty {
                    TypeRef::Func(t) => TypeRef::Func(t + n_types_p),
                    other => other,
                };
                let existing = out_imports
                    .iter()
                    .position(|(m, n, t)| m == imp.module && n == imp.name && *t == ty);
                a_funcs[i] = match existing {
                    Some(k) => k as u32,
                    None => {
                        out_imports.push((imp.module.into(), imp.name.into(), ty));
                        (out_imports.len() - 1) as u32
                    }
                };
            }
            m => return Err(format!("adapter: unexpected import {m} {}", imp.name)),
        }
    }
    let n_imp = out_imports.len() as u32;
    let p_ni = p.n_func_imports();
    for j in 0..p.funcs.len() as u32 {
        p_funcs[(p_ni + j) as usize] = n_imp + j;
    }
    let a_base = n_imp + p.funcs.len() as u32;
    let mut a_order = Vec::new();
    for k in 0..a.funcs.len() as u32 {
        if reach.contains(&(a_ni + k)) {
            a_funcs[(a_ni + k) as usize] = a_base + a_order.len() as u32;
            a_order.push(k);
        }
    }
    let start_fn = a_base + a_order.len() as u32;
    for (i, t) in p_import_target.iter().enumerate() {
        if let Ok(f) = t {
            p_funcs[i] = a_funcs[*f as usize];
        }
    }
    if let Some((i, name)) = realloc_import {
        let target = if name == "cabi_import_realloc" {
            p.export("cabi_import_realloc", ExternalKind::Func)
                .or_else(|| p.export("cabi_realloc", ExternalKind::Func))
        } else {
            p.export(name, ExternalKind::Func)
        };
        let target = target.ok_or(
            "the program exports neither cabi_import_realloc nor cabi_realloc (needed for list results)",
        )?;
        a_funcs[i as usize] = p_funcs[target as usize];
    }
    if let Some(i) = region_import {
        // Never called after rewriting; mapped so the index is valid.
        a_funcs[i as usize] = start_fn;
    }

    // Encode.
    let mut module = wasm_encoder::Module::new();
    let mut types = wasm_encoder::TypeSection::new();
    let mut rt = RoundtripReencoder;
    for t in p.types.iter().chain(a.types.iter()) {
        let params: Vec<_> = t
            .params()
            .iter()
            .map(|v| rt.val_type(*v))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        let results: Vec<_> = t
            .results()
            .iter()
            .map(|v| rt.val_type(*v))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        types.ty().function(params, results);
    }
    let void_type = types.len();
    types.ty().function([], []);
    module.section(&types);

    let mut imports = wasm_encoder::ImportSection::new();
    for (m, n, t) in other_imports.iter().chain(out_imports.iter()) {
        let ty = rt.entity_type(*t).map_err(|e| e.to_string())?;
        imports.import(m, n, ty);
    }
    module.section(&imports);

    let mut functions = wasm_encoder::FunctionSection::new();
    for t in &p.funcs {
        functions.function(*t);
    }
    for k in &a_order {
        functions.function(a.funcs[*k as usize] + n_types_p);
    }
    functions.function(void_type);
    module.section(&functions);

    let mut pm = Map {
        types: 0,
        globals: 0,
        funcs: p_funcs,
        region: None,
    };
    if !p.tables.is_empty() {
        let mut tables = wasm_encoder::TableSection::new();
        for t in &p.tables {
            pm.parse_table(&mut tables, t.clone()).map_err(re)?;
        }
        module.section(&tables);
    }
    let mut memories = wasm_encoder::MemorySection::new();
    let mut grown = *mem;
    grown.initial = new_initial;
    memories.memory(rt.memory_type(grown).map_err(|e| e.to_string())?);
    module.section(&memories);

    let n_globals_p = p.n_globals();
    let mut globals = wasm_encoder::GlobalSection::new();
    for g in &p.globals {
        pm.parse_global(&mut globals, g.clone()).map_err(re)?;
    }
    let region_end = region_base + REGION_PAGES * PAGE;
    let mut am = Map {
        types: n_types_p,
        globals: n_globals_p,
        funcs: a_funcs,
        region: region_import,
    };
    for (i, g) in a.globals.iter().enumerate() {
        let ty = am.global_type(g.ty).map_err(re)?;
        if i == 0 {
            // The adapter's stack pointer: the top of its region.
            globals.global(
                ty,
                &wasm_encoder::ConstExpr::i32_const(region_end as u32 as i32),
            );
        } else {
            let init = am.const_expr(g.init_expr.clone()).map_err(re)?;
            globals.global(ty, &init);
        }
    }
    if !globals.is_empty() {
        module.section(&globals);
    }

    let mut exports = wasm_encoder::ExportSection::new();
    for (name, kind, index) in &p.exports {
        if *name == "_start" || (*kind == ExternalKind::Func && is_run(name)) {
            continue;
        }
        let index = if *kind == ExternalKind::Func {
            pm.funcs[*index as usize]
        } else {
            *index
        };
        exports.export(
            name,
            rt.export_kind(*kind).map_err(|e| e.to_string())?,
            index,
        );
    }
    exports.export("_start", wasm_encoder::ExportKind::Func, start_fn);
    module.section(&exports);

    if let Some(s) = p.start {
        module.section(&wasm_encoder::StartSection {
            function_index: pm.funcs[s as usize],
        });
    }
    if let Some(r) = p.elements.clone() {
        let mut elements = wasm_encoder::ElementSection::new();
        pm.parse_element_section(&mut elements, r).map_err(re)?;
        module.section(&elements);
    }
    if let Some(n) = p.data_count {
        module.section(&wasm_encoder::DataCountSection { count: n });
    }

    let mut code = wasm_encoder::CodeSection::new();
    for b in &p.bodies {
        pm.parse_function_body(&mut code, b.clone()).map_err(re)?;
    }
    for k in &a_order {
        let body = &a.bodies[*k as usize];
        let mut f = am.new_function_with_parsed_locals(body).map_err(re)?;
        let mut ops = body.get_operators_reader().map_err(err)?;
        while !ops.eof() {
            let op = ops.read().map_err(err)?;
            match op {
                Operator::Call { function_index } if Some(function_index) == am.region => {
                    f.instruction(&wasm_encoder::Instruction::I32Const(
                        region_base as u32 as i32,
                    ));
                }
                _ => {
                    let ins = am.instruction(op).map_err(re)?;
                    f.instruction(&ins);
                }
            }
        }
        code.function(&f);
    }
    let mut start = wasm_encoder::Function::new([]);
    start.instruction(&wasm_encoder::Instruction::Call(pm.funcs[run as usize]));
    start.instruction(&wasm_encoder::Instruction::Call(am.funcs[finish as usize]));
    start.instruction(&wasm_encoder::Instruction::End);
    code.function(&start);
    module.section(&code);

    if let Some(d) = p.data {
        module.section(&wasm_encoder::RawSection { id: 11, data: d });
    }
    // Function names (when the program has them), so that a trap names
    // the function: the program's, the adapter's, `_start`.
    if !p.names.is_empty() {
        let mut map = std::collections::BTreeMap::new();
        for (i, n) in &p.names {
            if let Some(&f) = pm.funcs.get(*i as usize)
                && f != u32::MAX
                && (*i >= p_ni || p_import_target[*i as usize].is_err())
            {
                map.insert(f, n.to_string());
            }
        }
        for (i, n) in &a.names {
            if let Some(&f) = am.funcs.get(*i as usize)
                && f != u32::MAX
                && *i >= a_ni
            {
                map.entry(f).or_insert_with(|| n.to_string());
            }
        }
        map.insert(start_fn, "_start".to_string());
        let mut names = wasm_encoder::NameMap::new();
        for (i, n) in &map {
            names.append(*i, n);
        }
        let mut section = wasm_encoder::NameSection::new();
        section.functions(&names);
        module.section(&section);
    }
    let out = module.finish();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&out)
        .map_err(|e| format!("internal error: the output does not validate: {e}"))?;
    Ok(out)
}

/// The adapter keeps the rules its crate documents: no data, no tables
/// in use, memory imported, globals it defines (the first is the stack
/// pointer), no start function.
fn check_adapter(a: &Module) -> Result<(), String> {
    if a.data.is_some() {
        return Err("adapter: has data segments (it must keep its state in the region)".into());
    }
    if a.elements.is_some() {
        return Err("adapter: has element segments (indirect calls are not supported)".into());
    }
    if a.start.is_some() {
        return Err("adapter: has a start function".into());
    }
    if a.imports
        .iter()
        .any(|i| matches!(i.ty, TypeRef::Global(_) | TypeRef::Table(_)))
    {
        return Err("adapter: imports a global or a table".into());
    }
    match a.globals.first() {
        Some(g) if g.ty.mutable && g.ty.content_type == wasmparser::ValType::I32 => {}
        _ => return Err("adapter: its first global is not the stack pointer".into()),
    }
    if a.globals.iter().skip(1).any(|g| g.ty.mutable) {
        return Err("adapter: more than one mutable global".into());
    }
    Ok(())
}

/// Adapter functions (imports included) reachable from `roots` by `call`;
/// any instruction that uses a table is refused.
fn reachable(a: &Module, roots: &[u32]) -> Result<BTreeSet<u32>, String> {
    let ni = a.n_func_imports();
    let mut seen = BTreeSet::new();
    let mut todo: Vec<u32> = roots.to_vec();
    while let Some(f) = todo.pop() {
        if !seen.insert(f) || f < ni {
            continue;
        }
        let body = a
            .bodies
            .get((f - ni) as usize)
            .ok_or("adapter: bad function index")?;
        let mut ops = body.get_operators_reader().map_err(err)?;
        while !ops.eof() {
            match ops.read().map_err(err)? {
                Operator::Call { function_index } | Operator::ReturnCall { function_index } => {
                    todo.push(function_index)
                }
                Operator::CallIndirect { .. }
                | Operator::ReturnCallIndirect { .. }
                | Operator::RefFunc { .. }
                | Operator::TableGet { .. }
                | Operator::TableSet { .. } => {
                    return Err("adapter: uses a table (not supported when fusing)".into());
                }
                _ => {}
            }
        }
    }
    Ok(seen)
}
