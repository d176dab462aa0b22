//! Spec values that become identifiers or package metadata in the generated
//! crate, checked before they can fail in rustc, Cargo or Python: the module
//! name and every `python_name` must be Python identifiers (not keywords),
//! `version` must be a Cargo (semver) version, `libraries` bare names.

use std::ops::Range;

use super::LoadedSpec;
use crate::diagnostic::{Diagnostic, Kind};

/// Python keywords (not usable as parameter names).
pub const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
];

/// Adds a diagnostic for every bad name or version.
pub fn check(loaded: &LoadedSpec, out: &mut Vec<Diagnostic>) {
    let spec = &loaded.spec;
    let module = &spec.module.name;
    if let Some(why) = not_identifier(module.get_ref()) {
        let fixed: String = module.get_ref().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        out.push(
            loaded.error(Kind::SpecInvalid, module.span(), format!("module name `{}` {why}", module.get_ref())).hint(format!(
                "the name is imported in Python and is the crate's library name: use letters, digits and `_`, e.g. `{fixed}`"
            )),
        );
    }
    let named = spec.structs.iter().map(|(k, v)| (k, v.python_name.as_ref()));
    let named = named.chain(spec.enums.iter().map(|(k, v)| (k, v.python_name.as_ref())));
    let named = named.chain(spec.functions.iter().map(|(k, v)| (k, v.python_name.as_ref())));
    let fields = spec.structs.values().flat_map(|s| s.fields.iter().map(|(k, v)| (k, v.python_name.as_ref())));
    let aliases = spec.structs.iter().flat_map(|(k, v)| v.python_aliases.iter().map(move |a| (k, Some(a.get_ref()))));
    let field_aliases =
        spec.structs.values().flat_map(|s| s.fields.iter()).flat_map(|(k, v)| v.python_aliases.iter().map(move |a| (k, Some(a.get_ref()))));
    let module_aliases = spec.module.aliases.keys().map(|k| (k, Some(k.get_ref())));
    for (table, name) in named.chain(fields).chain(aliases).chain(field_aliases).chain(module_aliases) {
        if let Some(why) = name.and_then(|n| not_identifier(n).map(|w| (n, w))) {
            out.push(
                loaded
                    .error(Kind::SpecInvalid, table.span(), format!("`python_name = \"{}\"` of `{}` {}", why.0, table.get_ref(), why.1))
                    .hint("Python names are identifiers: letters, digits and `_`, not starting with a digit, not a keyword"),
            );
        }
    }
    if !is_semver(&spec.module.version) {
        out.push(
            loaded
                .error(
                    Kind::SpecInvalid,
                    span_of(loaded, &spec.module.version),
                    format!("version `{}` is not a Cargo version", spec.module.version),
                )
                .hint("use MAJOR.MINOR.PATCH (e.g. `1.2.0`), optionally with `-pre` or `+build`"),
        );
    }
    for lib in &spec.c.libraries {
        if lib.starts_with("-l") || lib.starts_with("lib") && lib.contains(".so") || lib.ends_with(".so") || lib.ends_with(".a") {
            out.push(
                loaded
                    .error(Kind::SpecInvalid, span_of(loaded, lib), format!("library `{lib}` is not a bare library name"))
                    .hint("write the name the linker takes after -l: `foo` for libfoo.so"),
            );
        }
    }
}

/// Why `name` is not a Python identifier usable as a name, if it is not.
fn not_identifier(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Some("is not an identifier");
    }
    PYTHON_KEYWORDS.contains(&name).then_some("is a Python keyword")
}

/// `1.2.3`, `1.2.3-rc.1`, `1.2.3+build`.
fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0'));
    parts.len() == 3 && parts.iter().all(numeric) && !v.ends_with(['-', '+'])
}

/// Span of the first quoted `"value"` in the spec text (keys without spans).
fn span_of(loaded: &LoadedSpec, value: &str) -> Range<usize> {
    let text = std::fs::read_to_string(&loaded.path).unwrap_or_default();
    let quoted = format!("\"{value}\"");
    let key = format!("{value} =");
    text.find(&quoted).map(|i| i + 1..i + 1 + value.len()).or_else(|| text.find(&key).map(|i| i..i + value.len())).unwrap_or(0..0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_versions() {
        assert_eq!(not_identifier("gst_core"), None);
        assert_eq!(not_identifier("my-module"), Some("is not an identifier"));
        assert_eq!(not_identifier("1st"), Some("is not an identifier"));
        assert_eq!(not_identifier("lambda"), Some("is a Python keyword"));
        assert!(is_semver("1.2.0") && is_semver("0.1.0-rc.1") && is_semver("1.0.0+x"));
        assert!(!is_semver("1.0") && !is_semver("1.02.0") && !is_semver("v1.0.0") && !is_semver("1.0.0-"));
    }
}
