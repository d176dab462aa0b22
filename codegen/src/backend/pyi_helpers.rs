//! Merges the helpers' stub fragments (`x.pyi` beside `x.rs`) into the generated stub: a
//! fragment's `class NAME:` blocks add members to the generated class `NAME`,
//! everything else at top level (defs, annotations) is appended, and its
//! top-level names join `__all__`. Text only; no Python parsing beyond
//! indentation.

use std::collections::BTreeMap;

/// A parsed fragment.
#[derive(Debug, Default, PartialEq)]
pub struct HelperStubs {
    /// Member lines (indented as in the fragment) per class name.
    pub members: BTreeMap<String, Vec<String>>,
    /// Top-level lines, in order.
    pub top: Vec<String>,
    /// Names defined at top level (`def name`, `name: type`).
    pub names: Vec<String>,
}

/// Splits a fragment into class members and top-level lines.
pub fn parse(text: &str) -> HelperStubs {
    let mut out = HelperStubs::default();
    let mut class: Option<String> = None;
    for line in text.lines() {
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if indented && class.is_some() {
            out.members.entry(class.clone().unwrap_or_default()).or_default().push(line.to_string());
            continue;
        }
        class = line.strip_prefix("class ").map(|rest| rest.trim_end_matches(':').trim().to_string());
        if class.is_some() || line.trim().is_empty() {
            continue;
        }
        if let Some(name) = top_level_name(line) {
            out.names.push(name);
        }
        out.top.push(line.to_string());
    }
    out
}

fn top_level_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix("def ").unwrap_or(line);
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    let name = &rest[..end];
    let defines = line.starts_with("def ") || rest[end..].trim_start().starts_with(':');
    (defines && !name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_classes_and_top_level() {
        let s = parse("class A:\n    def m(self) -> int: ...\n\ndef f(x: int) -> None: ...\n__version__: str\n# note\n");
        assert_eq!(s.members["A"], vec!["    def m(self) -> int: ...".to_string()]);
        assert_eq!(s.names, vec!["f".to_string(), "__version__".to_string()]);
        assert_eq!(s.top.len(), 3);
    }
}
