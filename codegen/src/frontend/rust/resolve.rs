//! Pass 2 of the Rust frontend: turn collected syntax into IR. Computes each
//! item's public path (following `pub use` re-exports out of private
//! modules), attaches `#[bindery::methods]` blocks to their classes, maps
//! words to method kinds and resolves parameter and return types.

use std::path::Path;

use super::attrs::Word;
use super::collect::{Collected, RawFn, RawImpl, RawMethod, RawType, at};
use super::types::{self, Known};
use crate::diagnostic::Diagnostic;
use crate::ir::{MethodKind, Receiver, RustClass, RustEnum, RustFunction, RustMethod, RustParam, RustVariant, SourceLoc};

/// Where a source file's item is reported: path relative to `base`.
pub fn loc(base: &Path, file: &Path, line: u32) -> SourceLoc {
    let rel = file.strip_prefix(base).unwrap_or(file);
    SourceLoc { file: rel.display().to_string(), line }
}

/// The public path of `ident` defined in `module_path`: climbs out of
/// private modules through `pub use` re-exports in the parent.
pub fn public_path(c: &Collected, module_path: &[String], ident: &str) -> String {
    let mut path = module_path.to_vec();
    while let Some(last) = path.last().cloned() {
        let parent = path[..path.len() - 1].join("::");
        let Some(info) = c.mods.get(&parent) else { break };
        if !info.private_children.contains(&last) {
            break;
        }
        let reexported = info.reexports.iter().any(|(src, name)| name == ident && src.first() == Some(&last));
        if !reexported {
            break;
        }
        path.pop();
    }
    path.push(ident.to_string());
    path.join("::")
}

/// Annotated identifiers with their Python names.
pub fn known_types(c: &Collected) -> Known {
    c.types.iter().map(|t| (t.ident.clone(), (t.word.arg("name").unwrap_or_default().to_string(), t.word.word == "enumeration"))).collect()
}

/// A class with all its methods.
pub fn class(c: &Collected, t: &RawType, base: &Path, known: &Known, errors: &mut Vec<Diagnostic>) -> RustClass {
    let py_name = t.word.arg("name").unwrap_or_default().to_string();
    let mut methods = vec![];
    for imp in c.impls.iter().filter(|i| i.self_ident == t.ident) {
        for m in &imp.methods {
            match method(m, &py_name, base, known) {
                Ok(rm) => methods.push(rm),
                Err(d) => errors.push(d),
            }
        }
    }
    RustClass {
        rust_path: public_path(c, &t.module_path, &t.ident),
        module: t.word.arg("module").unwrap_or_default().to_string(),
        py_name,
        doc: t.doc.clone(),
        loc: loc(base, &t.file, t.word.line),
        derives: t.derives.clone(),
        methods,
    }
}

/// `methods` blocks whose type is not an annotated class.
pub fn orphan_impls(c: &Collected) -> impl Iterator<Item = &RawImpl> {
    c.impls.iter().filter(move |i| !c.types.iter().any(|t| t.ident == i.self_ident && t.word.word == "class"))
}

fn kind_of(words: &[Word]) -> Result<(MethodKind, &Word), String> {
    let has = |w: &str| words.iter().find(|x| x.word == w);
    let kind = match (has("constructor"), has("staticmethod"), has("getter"), has("setter"), has("method")) {
        (Some(w), ..) => (MethodKind::Constructor, w),
        (_, Some(_), Some(g), ..) => (MethodKind::StaticGetter, g),
        (_, Some(s), None, ..) => (MethodKind::StaticMethod, s),
        (_, _, Some(g), ..) => (MethodKind::Getter, g),
        (_, _, _, Some(s), _) => (MethodKind::Setter, s),
        (_, _, _, _, Some(m)) => (MethodKind::Method, m),
        _ => {
            let names: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
            return Err(format!("`bindery::{}` is not valid on a method", names.join("`, `bindery::")));
        }
    };
    Ok(kind)
}

fn method(m: &RawMethod, class_py: &str, base: &Path, known: &Known) -> Result<RustMethod, Diagnostic> {
    let line = m.words.first().map(|w| w.line).unwrap_or(1);
    let (kind, word) = kind_of(&m.words).map_err(|msg| at(&m.file, line, msg))?;
    let receiver = receiver(&m.sig);
    let needs_self = matches!(kind, MethodKind::Method | MethodKind::Getter | MethodKind::Setter);
    if needs_self && receiver == Receiver::None {
        return Err(at(&m.file, line, format!("`{}` is exposed as an instance member but takes no `self`", m.sig.ident))
            .hint("use `bindery::staticmethod` for associated functions"));
    }
    if !needs_self && receiver != Receiver::None {
        return Err(at(&m.file, line, format!("`{}` takes `self` but is exposed as a constructor or static member", m.sig.ident)));
    }
    let (ret, fallible) = types::return_type(&m.sig.output, known, Some(class_py));
    let default_name = if kind == MethodKind::Constructor { "__init__".to_string() } else { m.sig.ident.to_string() };
    Ok(RustMethod {
        rust_name: m.sig.ident.to_string(),
        py_name: word.arg("name").map(str::to_string).unwrap_or(default_name),
        kind,
        receiver,
        params: params(&m.sig, known, Some(class_py)),
        ret,
        fallible,
        doc: m.doc.clone(),
        loc: loc(base, &m.file, line),
    })
}

fn receiver(sig: &syn::Signature) -> Receiver {
    match sig.inputs.first() {
        Some(syn::FnArg::Receiver(r)) => match &r.kind {
            syn::ReceiverKind::Reference(_, _, Some(_)) => Receiver::Mut,
            _ => Receiver::Ref,
        },
        _ => Receiver::None,
    }
}

fn params(sig: &syn::Signature, known: &Known, self_name: Option<&str>) -> Vec<RustParam> {
    sig.inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(t) => Some(RustParam {
                name: match &*t.pat {
                    syn::Pat::Ident(i) => i.ident.to_string(),
                    _ => "_arg".into(),
                },
                ty: types::resolve(&t.ty, known, self_name),
            }),
            _ => None,
        })
        .collect()
}

/// An annotated free function.
pub fn function(c: &Collected, f: &RawFn, base: &Path, known: &Known) -> RustFunction {
    let (ret, fallible) = types::return_type(&f.sig.output, known, None);
    RustFunction {
        rust_path: public_path(c, &f.module_path, &f.sig.ident.to_string()),
        module: f.word.arg("module").unwrap_or_default().to_string(),
        py_name: f.word.arg("name").unwrap_or_default().to_string(),
        params: params(&f.sig, known, None),
        ret,
        fallible,
        doc: f.doc.clone(),
        loc: loc(base, &f.file, f.word.line),
    }
}

/// An enumeration with its exposed variants.
pub fn enumeration(c: &Collected, t: &RawType, base: &Path) -> Result<RustEnum, Diagnostic> {
    let mut variants = vec![];
    let mut next = 0i64;
    for v in t.item_enum.iter().flat_map(|e| e.variants.iter()) {
        let value = match &v.discriminant {
            Some((_, expr)) => int_literal(expr)
                .ok_or_else(|| at(&t.file, t.word.line, format!("variant `{}` needs an integer literal discriminant", v.ident)))?,
            None => next,
        };
        next = value + 1;
        let skipped = super::attrs::words(&v.attrs).map(|w| w.iter().any(|x| x.word == "skip")).unwrap_or(false);
        let name = v.ident.to_string();
        variants.push(RustVariant {
            py_name: (!skipped).then(|| screaming_snake(&name)),
            rust_name: name,
            value,
            doc: super::attrs::doc(&v.attrs),
        });
    }
    Ok(RustEnum {
        rust_path: public_path(c, &t.module_path, &t.ident),
        module: t.word.arg("module").unwrap_or_default().to_string(),
        py_name: t.word.arg("name").unwrap_or_default().to_string(),
        doc: t.doc.clone(),
        loc: loc(base, &t.file, t.word.line),
        variants,
    })
}

fn int_literal(expr: &syn::Expr) -> Option<i64> {
    match expr {
        syn::Expr::Lit(l) => match &l.lit {
            syn::Lit::Int(i) => i.base10_parse().ok(),
            _ => None,
        },
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => int_literal(&u.expr).map(|v| -v),
        _ => None,
    }
}

/// `WaitTillNotFull` → `WAIT_TILL_NOT_FULL`, `Srgb48` → `SRGB48`, `Vec32f1` → `VEC32F1`.
pub fn screaming_snake(name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for ch in name.chars() {
        if ch.is_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = ch.is_lowercase();
        out.extend(ch.to_uppercase());
    }
    out
}
