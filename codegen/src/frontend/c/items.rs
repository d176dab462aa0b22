//! Walks the translation unit's top-level entities and builds IR items:
//! records (with fields and offsets), enums, functions and integer macros,
//! in header order, for entities declared in the bound headers only.

use std::collections::HashSet;

use clang::{Entity, EntityKind};

use super::comments::doc_of;
use super::types::Names;
use super::{HeaderSet, callable, in_headers, is_item, location, macros, top_level};
use crate::ir::{
    Constant, EnumDef, EnumValue, Field, FieldKind, Function, ItemKind, Module, Ownership, Param, ParamKind, Prim, Record, ReturnKind,
    SkipReason, Skipped, TypeRef,
};

/// Collects IR items from one translation unit.
pub struct Walker<'tu> {
    set: HeaderSet,
    root: Entity<'tu>,
    names: Names,
}

impl<'tu> Walker<'tu> {
    /// Prepares a walk (typedef names are collected first so records get them).
    pub fn new(set: &HeaderSet, root: Entity<'tu>) -> Self {
        let mut names = Names::default();
        for e in top_level(&root) {
            if e.get_kind() == EntityKind::TypedefDecl {
                let target = e.get_typedef_underlying_type().map(|t| t.get_canonical_type());
                if let (Some(decl), Some(name)) = (target.and_then(|t| t.get_declaration()), e.get_name())
                    && matches!(decl.get_kind(), EntityKind::StructDecl | EntityKind::UnionDecl | EntityKind::EnumDecl)
                {
                    names.add_typedef(&decl, &name);
                }
            }
        }
        Walker { set: set.clone(), root, names }
    }

    /// Builds the module.
    pub fn module(&self) -> Module {
        let mut module = Module::default();
        let mut seen = HashSet::new();
        let linked = self.set.exports.as_ref().map(|x| callable::Linked::scan(&self.root, x));
        for e in top_level(&self.root) {
            if !is_item(e.get_kind()) || !in_headers(&e, &self.set) {
                continue;
            }
            match e.get_kind() {
                EntityKind::StructDecl | EntityKind::UnionDecl => self.record(&e, &mut module, &mut seen),
                EntityKind::TypedefDecl => self.typedef_target(&e, &mut module, &mut seen),
                EntityKind::EnumDecl => self.enumeration(&e, &mut module, &mut seen),
                EntityKind::FunctionDecl => self.function(&e, linked.as_ref(), &mut module, &mut seen),
                EntityKind::MacroDefinition => self.constant(&e, &mut module, &mut seen),
                _ => {}
            }
        }
        let records: HashSet<&str> = module.records.iter().map(|r| r.name.as_str()).collect();
        module.skipped.retain(|s| !(s.reason == SkipReason::Opaque && records.contains(s.name.as_str())));
        module
    }

    /// `typedef struct {..} X;` declares the record inside the typedef.
    fn typedef_target(&self, e: &Entity<'tu>, module: &mut Module, seen: &mut HashSet<String>) {
        let decl = e.get_typedef_underlying_type().and_then(|t| t.get_canonical_type().get_declaration());
        if let Some(decl) = decl {
            match decl.get_kind() {
                EntityKind::StructDecl | EntityKind::UnionDecl => self.record(&decl, module, seen),
                EntityKind::EnumDecl => self.enumeration(&decl, module, seen),
                _ => {}
            }
        }
    }

    fn record(&self, e: &Entity<'tu>, module: &mut Module, seen: &mut HashSet<String>) {
        let Some(def) = e.get_definition() else { return self.opaque(e, module, seen) };
        let name = self.names.name_of(&def);
        if def.is_anonymous() && name == "anonymous" || !seen.insert(format!("r:{name}")) {
            return;
        }
        let size = def.get_type().and_then(|t| t.get_sizeof().ok()).unwrap_or(0);
        let align = def.get_type().and_then(|t| t.get_alignof().ok()).unwrap_or(0);
        let mut fields = vec![];
        self.fields_of(&def, &[], 0, &mut fields);
        module.records.push(Record {
            python_name: name.clone(),
            python_aliases: vec![],
            name,
            is_union: def.get_kind() == EntityKind::UnionDecl,
            size,
            align,
            doc: doc_of(&def),
            loc: location(&def, &self.set),
            fields,
            numpy: vec![],
            bulk: vec![],
            setters: vec![],
            arrays: vec![],
            constructible: true,
            owned_strings: vec![],
            owned_pointers: vec![],
            buffer_meta_api: None,
        });
    }

    /// `struct X;` without a definition anywhere: Python only sees addresses of it.
    fn opaque(&self, e: &Entity<'tu>, module: &mut Module, seen: &mut HashSet<String>) {
        let name = self.names.name_of(e);
        // A tag first named in a prototype is a different (prototype-scoped) type
        // than a later definition of the same name: the definition wins.
        if name == "anonymous" || seen.contains(&format!("r:{name}")) || !seen.insert(format!("o:{name}")) {
            return;
        }
        let item = if e.get_kind() == EntityKind::UnionDecl { ItemKind::Union } else { ItemKind::Struct };
        let detail = "declared without a definition: its layout is unknown, pointers to it are passed as addresses";
        module.skipped.push(Skipped::new(name, item, SkipReason::Opaque, detail, location(e, &self.set)));
    }

    /// Fields of a record; members of anonymous unions/structs are flattened
    /// into the parent (reached through bindgen's `__bindgen_anon_N` members).
    fn fields_of(&self, def: &Entity<'tu>, via: &[String], base_bits: u64, out: &mut Vec<Field>) {
        let mut anon = 0;
        for c in def.get_children() {
            match c.get_kind() {
                EntityKind::FieldDecl => {
                    let mut f = self.field(&c);
                    f.via = via.to_vec();
                    f.offset_bits += base_bits;
                    out.push(f);
                }
                EntityKind::StructDecl | EntityKind::UnionDecl if c.is_anonymous_record_decl() => {
                    anon += 1;
                    let mut path = via.to_vec();
                    path.push(format!("__bindgen_anon_{anon}"));
                    let first = c.get_children().into_iter().find(|x| x.get_kind() == EntityKind::FieldDecl);
                    let inner = first.and_then(|x| x.get_name()).and_then(|n| def.get_type()?.get_offsetof(n).ok());
                    let own = first.and_then(|x| x.get_offset_of_field().ok()).unwrap_or(0);
                    let bits = inner.map(|o| o as u64 - own as u64).unwrap_or(0);
                    self.fields_of(&c, &path, base_bits + bits, out);
                }
                _ => {}
            }
        }
    }

    fn field(&self, f: &Entity<'tu>) -> Field {
        let name = f.get_name().unwrap_or_default();
        let ty = f.get_type().map(|t| self.names.type_ref(&t)).unwrap_or(TypeRef::Void);
        let anonymous = f.get_type().and_then(|t| t.get_canonical_type().get_declaration()).is_some_and(|d| d.is_anonymous());
        let flexible = f.get_type().is_some_and(|t| t.get_canonical_type().get_kind() == clang::TypeKind::IncompleteArray);
        let kind = if f.is_bit_field() {
            FieldKind::Skipped { reason: "bit-field (no address to view; bindgen's accessors are not bound)".into() }
        } else if flexible {
            FieldKind::Skipped { reason: "flexible array member (its length is known only at run time)".into() }
        } else if anonymous && matches!(ty, TypeRef::Record { .. }) {
            FieldKind::Skipped { reason: "anonymous nested record".into() }
        } else {
            FieldKind::Undecided
        };
        Field {
            python_name: name.clone(),
            python_aliases: vec![],
            offset_bits: f.get_offset_of_field().unwrap_or(0) as u64,
            size: f.get_type().and_then(|t| t.get_sizeof().ok()).unwrap_or(0),
            via: vec![],
            name,
            ty,
            doc: doc_of(f),
            loc: location(f, &self.set),
            readonly: false,
            kind,
            ownership: Ownership::External,
            owns_target: false,
            span: None,
        }
    }

    fn enumeration(&self, e: &Entity<'tu>, module: &mut Module, seen: &mut HashSet<String>) {
        let Some(def) = e.get_definition() else { return };
        let name = self.names.name_of(&def);
        if name == "anonymous" {
            return self.anonymous_enum(&def, module, seen);
        }
        if !seen.insert(format!("e:{name}")) {
            return;
        }
        let (bits, signed) = self.enum_repr(&def);
        let values = def
            .get_children()
            .iter()
            .filter(|c| c.get_kind() == EntityKind::EnumConstantDecl)
            .map(|c| EnumValue {
                name: c.get_name().unwrap_or_default(),
                value: c.get_enum_constant_value().map(|v| if signed { v.0 } else { v.1 as i64 }).unwrap_or(0),
                doc: doc_of(c),
            })
            .collect();
        module.enums.push(EnumDef {
            python_name: name.clone(),
            name,
            bits,
            signed,
            values,
            doc: doc_of(&def),
            loc: location(&def, &self.set),
            export_values: true,
            open: false,
        });
    }

    /// Width in bits and signedness of an enum's underlying type.
    fn enum_repr(&self, def: &Entity<'tu>) -> (u8, bool) {
        match super::types::enum_repr(def) {
            Prim::UInt(bits) => (bits, false),
            Prim::Int(bits) => (bits, true),
            Prim::Char => (8, true),
            _ => (32, true),
        }
    }

    /// `enum { A = 1, B };` names no type: its enumerators are integer constants.
    fn anonymous_enum(&self, def: &Entity<'tu>, module: &mut Module, seen: &mut HashSet<String>) {
        let (_, signed) = self.enum_repr(def);
        for c in def.get_children().iter().filter(|c| c.get_kind() == EntityKind::EnumConstantDecl) {
            let (Some(name), Some((value, unsigned))) = (c.get_name(), c.get_enum_constant_value()) else { continue };
            let value = if signed { value as i128 } else { unsigned as i128 };
            if seen.insert(format!("c:{name}")) {
                module.constants.push(Constant { name, value, loc: location(c, &self.set) });
            }
        }
    }

    fn function(&self, e: &Entity<'tu>, linked: Option<&callable::Linked<'_>>, module: &mut Module, seen: &mut HashSet<String>) {
        let Some(name) = e.get_name() else { return };
        if !seen.insert(format!("f:{name}")) {
            return;
        }
        let loc = location(e, &self.set);
        let reach = match callable::reach(e, linked) {
            Ok(reach) => reach,
            Err((reason, detail)) => return module.skipped.push(Skipped::new(name, ItemKind::Function, reason, detail, loc)),
        };
        module.functions.push(Function {
            python_name: name.clone(),
            name,
            shim: reach == callable::Reach::Shim,
            params: self.params(e),
            ret: e.get_result_type().map(|t| self.names.type_ref(&t)).unwrap_or(TypeRef::Void),
            ret_kind: ReturnKind::Undecided,
            result: Default::default(),
            release_gil: false,
            list_edits: vec![],
            disjoint: vec![],
            doc: doc_of(e),
            loc,
        });
    }

    /// Parameters by their C names (unnamed ones are `arg0`, `arg1`, …).
    fn params(&self, e: &Entity<'tu>) -> Vec<Param> {
        let args = e.get_arguments().unwrap_or_default();
        let param = |(i, a): (usize, &Entity<'tu>)| {
            let name = a.get_name().filter(|n| !n.is_empty()).unwrap_or_else(|| format!("arg{i}"));
            let ty = a.get_type().map(|t| self.names.param_type_ref(&t)).unwrap_or(TypeRef::Void);
            Param {
                python_name: name.clone(),
                name,
                ty,
                kind: ParamKind::Undecided,
                transfer: None,
                python_made: false,
                c_made: false,
                header_nullable: is_nullable(a),
            }
        };
        args.iter().enumerate().map(param).collect()
    }

    fn constant(&self, e: &Entity<'tu>, module: &mut Module, seen: &mut HashSet<String>) {
        let Some(name) = e.get_name() else { return };
        // Reserved names (`_FOO_H_` include guards) are never API.
        if name.starts_with('_') || !seen.insert(format!("c:{name}")) {
            return;
        }
        let loc = location(e, &self.set);
        match macros::integer_value(e) {
            Some(value) => module.constants.push(Constant { name, value, loc }),
            None => module.skipped.push(macros::skip(e, name, loc)),
        }
    }
}

/// Whether a parameter is declared `_Nullable` (libclang drops the
/// attribute from a parameter's type, so its tokens are read).
fn is_nullable(param: &Entity<'_>) -> bool {
    let by_type = param.get_type().and_then(|t| t.get_nullability()) == Some(clang::Nullability::Nullable);
    by_type || param.get_range().is_some_and(|r| r.tokenize().iter().any(|t| t.get_spelling() == "_Nullable"))
}
