//! The items of a spec with `[c].cxx_headers` that bindgen's C parse does
//! not see, written into `src/ffi.rs` from our frontend's C++ parse (ADR 0016).
//!
//! bindgen parses only the C headers, as C: libstdc++ stays out of its
//! translation unit, which halves its parse and its walk. What only C++ sees
//! (the structs of the C++ headers, a header's `#ifdef __cplusplus` block)
//! comes from the IR, which knows every field's type and offset and the
//! record's size and alignment: std:: members (and base classes, or any other
//! span the IR has no field for) become opaque bytes reaching to the next
//! field, as bindgen's `opaque_type("std::.*")` made them, and a
//! `crate::rt::layout!` line per struct checks size, alignment and every
//! offset against libclang's numbers when the crate compiles. Anything this
//! writer does not handle (unions, bit-fields, anonymous members, functions,
//! a type neither side declares), and a struct whose size or alignment in
//! bindgen's C parse differs from ours in C++ (declared differently for
//! each), is an [`Unhandled`] reason, and the caller falls back to bindgen's
//! C++ parse of the whole set.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::ir::{EnumDef, Field, Module, Prim, Record, TypeRef};

/// Why the IR cannot complete bindgen's layer (the caller then runs bindgen in C++ mode).
#[derive(Debug)]
pub struct Unhandled(pub String);

/// bindgen's C layer followed by the IR's records and enums it lacks; `Err`
/// when one of them (or an IR function it lacks) is beyond this writer.
pub fn complete(bindgen: &str, module: &Module) -> Result<String, Unhandled> {
    let mut names = Declared::scan(bindgen);
    same_layouts(module, &names)?;
    if let Some(f) = module.functions.iter().find(|f| !names.all.contains(&f.name)) {
        return Err(Unhandled(format!("function `{}` is declared only for C++", f.name)));
    }
    let enums: Vec<&EnumDef> = module.enums.iter().filter(|e| !names.all.contains(&e.name)).collect();
    let records: Vec<&Record> = module.records.iter().filter(|r| !names.all.contains(&r.name)).collect();
    if enums.is_empty() && records.is_empty() {
        return Ok(bindgen.to_string());
    }
    names.all.extend(enums.iter().map(|e| e.name.clone()).chain(records.iter().map(|r| r.name.clone())));
    let mut out = bindgen.trim_end().to_string();
    out.push_str("\n// Declared only for C++ (`[c].cxx_headers`): written from bindery's C++ parse.\n");
    for e in enums {
        out.push_str(&enumeration(e)?);
    }
    for r in records {
        let text = record(r, &names)?;
        if !has_std(r) && copyable(r, &names) {
            names.copy.insert(r.name.clone());
        }
        out.push_str(&text);
    }
    Ok(out)
}

/// The names bindgen's layer declares, which of them are `Copy` structs,
/// and the size and alignment of each struct with a layout line.
#[derive(Default)]
struct Declared {
    all: HashSet<String>,
    copy: HashSet<String>,
    /// `pub type A = B;` → (A, B).
    aliases: HashMap<String, String>,
    /// Struct name → (size, alignment), from its `crate::rt::layout!` line.
    layouts: HashMap<String, (usize, usize)>,
}

impl Declared {
    /// Reads prettyplease's output line by line: `pub struct X`, `pub type X
    /// = Y;`, `pub fn x(` and the like, and the `#[derive(Copy, …)]` above a struct.
    fn scan(text: &str) -> Self {
        let mut out = Declared::default();
        let mut derives_copy = false;
        let mut layout_next = false;
        for line in text.lines().map(str::trim_start) {
            if let Some(rest) = line.strip_prefix("crate::rt::layout!(").or(Some(line).filter(|_| layout_next)) {
                layout_next = rest.is_empty();
                out.layout(rest);
                continue;
            }
            if line.starts_with("#[derive(") {
                derives_copy |= line.contains("Copy");
                continue;
            }
            if line.starts_with("#[") || line.starts_with("///") {
                continue;
            }
            let decl = ["pub struct ", "pub union ", "pub type ", "pub const ", "pub static ", "pub fn ", "pub enum "]
                .iter()
                .find_map(|k| line.strip_prefix(k).map(|rest| (*k, rest)));
            if let Some((keyword, rest)) = decl {
                let name = ident(rest.trim_start_matches("mut "));
                let aliased = rest.split_once(" = ").map(|(_, target)| ident(target));
                let copy = match keyword {
                    "pub struct " | "pub union " => derives_copy,
                    "pub type " => aliased.is_some_and(|t| out.copy.contains(t)),
                    _ => false,
                };
                if copy {
                    out.copy.insert(name.to_string());
                }
                if let Some(target) = aliased.filter(|_| keyword == "pub type ") {
                    out.aliases.insert(name.to_string(), target.to_string());
                }
                out.all.insert(name.to_string());
            }
            derives_copy = false;
        }
        out
    }

    /// Records `T, size = S, align = A; …` (the head of a layout line).
    fn layout(&mut self, head: &str) {
        let mut parts = head.split(';').next().unwrap_or("").split(',').map(str::trim);
        let (Some(name), Some(size), Some(align)) = (parts.next(), parts.next(), parts.next()) else { return };
        let number = |part: &str, key: &str| part.strip_prefix(key).and_then(|n| n.trim().parse::<usize>().ok());
        if let (Some(size), Some(align)) = (number(size, "size ="), number(align, "align =")) {
            self.layouts.insert(name.to_string(), (size, align));
        }
    }

    /// The (size, alignment) bindgen's C parse gave `name` (through typedefs).
    fn layout_of(&self, name: &str) -> Option<(usize, usize)> {
        let mut name = name;
        for _ in 0..8 {
            if let Some(layout) = self.layouts.get(name) {
                return Some(*layout);
            }
            name = self.aliases.get(name)?;
        }
        None
    }
}

/// `Err` when a struct both parses declare has another size or alignment
/// in C than in C++ (a header that declares it differently for each): the
/// generated code follows the C++ parse, so bindgen must too.
fn same_layouts(module: &Module, names: &Declared) -> Result<(), Unhandled> {
    for r in module.records.iter().filter(|r| r.align > 0) {
        if let Some((size, align)) = names.layout_of(&r.name).filter(|l| *l != (r.size, r.align)) {
            return Err(Unhandled(format!(
                "struct `{}` is {size} bytes aligned to {align} in C but {} aligned to {} in C++",
                r.name, r.size, r.align
            )));
        }
    }
    Ok(())
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> &str {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    &text[..end]
}

/// `pub type E = <int>;` and one `pub const E_V: E = n;` per value, as bindgen writes C enums.
fn enumeration(e: &EnumDef) -> Result<String, Unhandled> {
    let repr = match (e.bits, e.signed) {
        (32, true) => "::std::os::raw::c_int".to_string(),
        (32, false) => "::std::os::raw::c_uint".to_string(),
        (bits, signed) => super::rust_types::prim_type(if signed { Prim::Int(bits) } else { Prim::UInt(bits) }).to_string(),
    };
    let mut out = doc_lines(&e.doc.full, "");
    let _ = writeln!(out, "pub type {} = {repr};", e.name);
    for v in &e.values {
        if !e.signed && v.value < 0 {
            return Err(Unhandled(format!("enum `{}` has a negative value in an unsigned type", e.name)));
        }
        out += &doc_lines(&v.doc.full, "");
        let _ = writeln!(out, "pub const {}_{}: {} = {};", e.name, v.name, e.name, v.value);
    }
    Ok(out)
}

/// One record: `#[repr(C)]` fields of their Rust types, opaque bytes for
/// std:: members and spans without a field, and its layout line.
fn record(r: &Record, names: &Declared) -> Result<String, Unhandled> {
    writable(r)?;
    let fields = Fields::of(r, names)?;
    // Opaque bytes have alignment 1: the struct's comes from libclang.
    let opaque = fields.pads > 0 || has_std(r);
    let mut out = doc_lines(&r.doc.full, "");
    out += &if opaque { format!("#[repr(C, align({}))]\n", r.align) } else { "#[repr(C)]\n".to_string() };
    if !has_std(r) && copyable(r, names) {
        out += "#[derive(Copy, Clone)]\n";
    }
    let _ = writeln!(out, "pub struct {} {{\n{}}}", r.name, fields.body);
    let layout = format!("crate::rt::layout!({}, size = {}, align = {}; {});", r.name, r.size, r.align, fields.checks.join(", "));
    out += &super::layout_asserts::reflow(&layout);
    out.push('\n');
    Ok(out)
}

/// `Err` for a record this writer leaves to bindgen's C++ parse.
fn writable(r: &Record) -> Result<(), Unhandled> {
    let unhandled = |why: String| Err(Unhandled(format!("struct `{}`: {why}", r.name)));
    if r.is_union {
        return unhandled("a union".into());
    }
    if r.align == 0 || r.size == 0 {
        return unhandled("no size or alignment".into());
    }
    if let Some(f) = r.fields.iter().find(|f| !f.via.is_empty() || f.offset_bits % 8 != 0 || f.size == 0 || is_bit_field(f)) {
        return unhandled(format!("field `{}` is a bit-field, inside an anonymous member or of unknown size", f.name));
    }
    if let Some(f) = r.fields.iter().find(|f| RUST_KEYWORDS.contains(&f.name.as_str())) {
        return unhandled(format!("field `{}` is a Rust keyword (bindgen renames it)", f.name));
    }
    Ok(())
}

/// The member lines of a record and its `field @ offset` checks.
struct Fields {
    body: String,
    checks: Vec<String>,
    /// How many `__bindery_opaque_N` spans were added.
    pads: usize,
}

impl Fields {
    /// Each field at its offset: a span no field covers (padding before
    /// opaque bytes, a base class, the tail) becomes `[u8; N]`.
    fn of(r: &Record, names: &Declared) -> Result<Fields, Unhandled> {
        let unhandled = |why: String| Unhandled(format!("struct `{}`: {why}", r.name));
        let mut out = Fields { body: String::new(), checks: vec![], pads: 0 };
        let mut end = 0;
        for f in &r.fields {
            let at = byte_offset(f);
            let gap = at.checked_sub(end).ok_or_else(|| unhandled(format!("field `{}` overlaps the one before", f.name)))?;
            out.pad(gap);
            let ty = match &f.ty {
                TypeRef::Std { .. } => format!("[u8; {}usize]", f.size),
                ty => rust_type(ty, names).map_err(|t| unhandled(format!("field `{}` has type `{t}`", f.name)))?,
            };
            out.body += &doc_lines(&f.doc.full, "    ");
            let _ = writeln!(out.body, "    pub {}: {ty},", f.name);
            out.checks.push(format!("{} @ {at}", f.name));
            end = at + f.size;
        }
        if end.next_multiple_of(r.align) != r.size {
            out.pad(r.size.checked_sub(end).ok_or_else(|| unhandled("fields past its size".into()))?);
        }
        Ok(out)
    }

    /// `bytes` opaque bytes (none when 0).
    fn pad(&mut self, bytes: usize) {
        if bytes > 0 {
            self.pads += 1;
            let _ = writeln!(self.body, "    pub __bindery_opaque_{}: [u8; {bytes}usize],", self.pads);
        }
    }
}

/// Names bindgen renames when a C field uses them (`type` → `type_`).
const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield", "gen",
];

fn byte_offset(f: &Field) -> usize {
    (f.offset_bits / 8) as usize
}

fn is_bit_field(f: &Field) -> bool {
    matches!(&f.kind, crate::ir::FieldKind::Skipped { reason } if reason.starts_with("bit-field"))
}

fn has_std(r: &Record) -> bool {
    r.fields.iter().any(|f| matches!(f.ty, TypeRef::Std { .. }))
}

/// Whether every struct the record embeds by value is `Copy` (bindgen derives
/// `Copy` for a C struct whose members all are).
fn copyable(r: &Record, names: &Declared) -> bool {
    fn embedded(ty: &TypeRef) -> Option<&str> {
        match ty {
            TypeRef::Record { name } => Some(name),
            TypeRef::Array { element, .. } => embedded(element),
            _ => None,
        }
    }
    r.fields.iter().filter_map(|f| embedded(&f.ty)).all(|name| names.copy.contains(name))
}

/// The Rust type of a field, naming only what `names` declares; `Err` with
/// the C spelling of a type neither bindgen nor this writer declares.
fn rust_type(ty: &TypeRef, names: &Declared) -> Result<String, String> {
    let declared = |name: &str| if names.all.contains(name) { Ok(name.to_string()) } else { Err(name.to_string()) };
    Ok(match ty {
        TypeRef::Void => "::std::os::raw::c_void".into(),
        TypeRef::Prim { prim: Prim::Char, .. } => "::std::os::raw::c_char".into(),
        TypeRef::Prim { spelling, .. } if names.all.contains(spelling) => spelling.clone(),
        TypeRef::Prim { prim, .. } => super::rust_types::prim_type(*prim).into(),
        TypeRef::Record { name } => declared(name)?,
        TypeRef::Enum { name, repr, .. } => declared(name).unwrap_or_else(|_| super::rust_types::prim_type(*repr).into()),
        TypeRef::Pointer { pointee, is_const } => {
            let inner = match &**pointee {
                TypeRef::Opaque { .. } => "::std::os::raw::c_void".to_string(),
                other => rust_type(other, names)?,
            };
            format!("*{} {inner}", if *is_const { "const" } else { "mut" })
        }
        TypeRef::Array { element, len } => format!("[{}; {len}usize]", rust_type(element, names)?),
        TypeRef::FnPtr { ret, params, .. } => {
            let params: Vec<String> = params.iter().map(|p| rust_type(p, names)).collect::<Result<_, _>>()?;
            let ret = match &**ret {
                TypeRef::Void => String::new(),
                other => format!(" -> {}", rust_type(other, names)?),
            };
            format!("::std::option::Option<unsafe extern \"C\" fn({}){ret}>", params.join(", "))
        }
        TypeRef::Opaque { spelling } | TypeRef::Std { spelling, .. } => return Err(spelling.clone()),
    })
}

/// `///` lines of a doc comment, each prefixed by `indent`.
fn doc_lines(doc: &str, indent: &str) -> String {
    let line = |l: &str| if l.trim().is_empty() { format!("{indent}///\n") } else { format!("{indent}/// {}\n", l.trim_end()) };
    doc.trim().lines().map(line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_finds_declarations_and_copy_structs() {
        let text = "#[repr(C)]\n#[derive(Copy, Clone)]\npub struct _A {\n    pub x: u32,\n}\npub type A = _A;\n#[repr(C)]\npub struct B {\n    pub s: [u8; 4usize],\n}\nunsafe extern \"C\" {\n    pub fn f(a: *mut A);\n}\npub const E_X: E = 1;\n";
        let d = Declared::scan(text);
        for name in ["_A", "A", "B", "f", "E_X"] {
            assert!(d.all.contains(name), "{name}");
        }
        assert!(d.copy.contains("_A") && d.copy.contains("A") && !d.copy.contains("B"));
    }

    #[test]
    fn the_scan_reads_layout_lines_on_one_line_or_two_and_follows_typedefs() {
        let text = "crate::rt::layout!(_A, size = 4, align = 4; x @ 0);\npub type A = _A;\ncrate::rt::layout!(\n    B, size = 48, align = 8;\n    a @ 0, b @ 8\n);\n";
        let d = Declared::scan(text);
        assert_eq!(d.layout_of("A"), Some((4, 4)));
        assert_eq!(d.layout_of("B"), Some((48, 8)));
        assert_eq!(d.layout_of("C"), None);
    }
}
