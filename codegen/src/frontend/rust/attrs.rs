//! The `#[bindery::...]` vocabulary as read from source: one [`Word`] per
//! attribute with its `key = "value"` arguments. Anything outside the
//! vocabulary, or an argument that is not a string literal, is an error
//! message for the caller to turn into a diagnostic at the attribute's line.

use syn::{Attribute, Expr, Lit, Meta};

/// The annotation words (see `codegen/annotations`).
pub const WORDS: &[&str] =
    &["class", "enumeration", "methods", "constructor", "method", "staticmethod", "getter", "setter", "function", "skip"];

/// One parsed `#[bindery::WORD(args)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word (`class`, `getter`, ...).
    pub word: String,
    /// `key = "value"` arguments in order.
    pub args: Vec<(String, String)>,
    /// 1-based source line of the attribute.
    pub line: u32,
}

impl Word {
    /// The value of argument `key`.
    pub fn arg(&self, key: &str) -> Option<&str> {
        self.args.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Whether `attr` is in the `bindery::` namespace.
fn is_bindery(attr: &Attribute) -> bool {
    let segs: Vec<String> = attr.path().segments.iter().map(|s| s.ident.to_string()).collect();
    segs.len() == 2 && segs[0] == "bindery"
}

/// Every bindery word on an item; `Err((line, message))` for a malformed one.
pub fn words(attrs: &[Attribute]) -> Result<Vec<Word>, (u32, String)> {
    attrs.iter().filter(|a| is_bindery(a)).map(parse_word).collect()
}

fn parse_word(attr: &Attribute) -> Result<Word, (u32, String)> {
    let path = attr.path();
    let line = path.segments[0].ident.span().start().line as u32;
    let word = path.segments[1].ident.to_string();
    if !WORDS.contains(&word.as_str()) {
        return Err((line, format!("unknown bindery annotation `{word}` (known: {})", WORDS.join(", "))));
    }
    let mut args = vec![];
    if let Meta::List(list) = &attr.meta {
        let parsed = list.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let value: Expr = meta.value()?.parse()?;
            match value {
                Expr::Lit(lit) => match lit.lit {
                    Lit::Str(s) => args.push((key, s.value())),
                    _ => return Err(meta.error("expected a string literal")),
                },
                _ => return Err(meta.error("expected a string literal")),
            }
            Ok(())
        });
        parsed.map_err(|e| (e.span().start().line as u32, format!("bad arguments to `bindery::{word}`: {e}")))?;
    }
    Ok(Word { word, args, line })
}

/// The `///` doc comment of an item, lines joined with newlines.
pub fn doc(attrs: &[Attribute]) -> String {
    let mut lines = vec![];
    for a in attrs {
        if !a.path().is_ident("doc") {
            continue;
        }
        if let Meta::NameValue(nv) = &a.meta
            && let Expr::Lit(lit) = &nv.value
            && let Lit::Str(s) = &lit.lit
        {
            let v = s.value();
            lines.push(v.strip_prefix(' ').unwrap_or(&v).to_string());
        }
    }
    lines.join("\n").trim().to_string()
}

/// The traits named in `#[derive(...)]`.
pub fn derives(attrs: &[Attribute]) -> Vec<String> {
    let mut out = vec![];
    for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = a.parse_nested_meta(|m| {
            if let Some(last) = m.path.segments.last() {
                out.push(last.ident.to_string());
            }
            Ok(())
        });
    }
    out
}

/// Whether the attributes include `#[cfg(test)]`.
pub fn is_cfg_test(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg") && matches!(&a.meta, Meta::List(l) if l.tokens.to_string().trim() == "test"))
}
