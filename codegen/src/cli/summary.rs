//! The skip summary `generate` prints after each C target: one line with
//! what was bound and the skipped items counted per reason, and with `-v`
//! every skipped item and field with its reason and header:line.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::ir::{FieldKind, Module, SkipReason};

/// `gst_core: 212 classes, 96 enums, 1929 functions, 503 constants; 2311 skipped: function-like macro 1412, …`
pub fn line(module: &Module) -> String {
    let bound = format!(
        "{}: {} classes, {} enums, {} functions, {} constants",
        module.name,
        module.records.len(),
        module.enums.len(),
        module.functions.len(),
        module.constants.len()
    );
    let counts = count_by_reason(module);
    if counts.is_empty() {
        return format!("{bound}; nothing skipped");
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let parts: Vec<String> = counts.iter().map(|(r, n)| format!("{} {n}", r.label())).collect();
    format!("{bound}; {total} skipped: {}", parts.join(", "))
}

/// Skipped items counted per reason, most frequent first (ties by label).
pub fn count_by_reason(module: &Module) -> Vec<(SkipReason, usize)> {
    let mut counts: BTreeMap<SkipReason, usize> = BTreeMap::new();
    for s in &module.skipped {
        *counts.entry(s.reason).or_default() += 1;
    }
    let mut out: Vec<(SkipReason, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.label().cmp(b.0.label())));
    out
}

/// Every skipped item (grouped by reason) and skipped field, one per line.
pub fn details(module: &Module) -> String {
    let mut out = String::new();
    for (reason, _) in count_by_reason(module) {
        let _ = writeln!(out, "  skipped, {}:", reason.label());
        for s in module.skipped.iter().filter(|s| s.reason == reason) {
            let _ = writeln!(out, "    {} {} ({}): {}", s.item.noun(), s.name, s.loc, s.detail);
        }
    }
    let fields: Vec<String> = module
        .records
        .iter()
        .flat_map(|r| r.fields.iter().map(move |f| (r, f)))
        .filter_map(|(r, f)| match &f.kind {
            FieldKind::Skipped { reason } => Some(format!("    {}.{} ({}): {reason}", r.name, f.name, f.loc)),
            _ => None,
        })
        .collect();
    if !fields.is_empty() {
        let _ = writeln!(out, "  fields skipped in bound structs:\n{}", fields.join("\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{ItemKind, SkipReason, Skipped, SourceLoc};

    fn module(reasons: &[SkipReason]) -> Module {
        let skipped = reasons
            .iter()
            .enumerate()
            .map(|(i, r)| Skipped::new(format!("f{i}"), ItemKind::Function, *r, "why", SourceLoc::default()))
            .collect();
        Module { name: "m".into(), skipped, ..Module::default() }
    }

    #[test]
    fn counts_are_sorted_by_frequency_then_label() {
        let m = module(&[SkipReason::Variadic, SkipReason::FunctionMacro, SkipReason::FunctionMacro, SkipReason::Opaque]);
        assert_eq!(
            line(&m),
            "m: 0 classes, 0 enums, 0 functions, 0 constants; 4 skipped: function-like macro 2, opaque struct 1, variadic 1"
        );
        assert!(details(&m).contains("  skipped, variadic:\n    function f0 (:0): why\n"), "{}", details(&m));
    }

    #[test]
    fn nothing_skipped_says_so() {
        assert_eq!(line(&module(&[])), "m: 0 classes, 0 enums, 0 functions, 0 constants; nothing skipped");
    }
}
