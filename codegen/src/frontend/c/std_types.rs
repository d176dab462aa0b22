//! Recognises C++ standard-library types (`std::string`, `std::vector<T>`,
//! `std::unordered_map<K, V>`, `std::map<K, V>`) in headers parsed as C++,
//! so their members become [`TypeRef::Std`] rather than bound records.
//! Only this module looks at namespaces and template arguments.

use clang::{Entity, EntityKind, Type};

use super::types::Names;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{StdType, TypeRef};

/// The std:: type `canonical` (a record type) names, or None when its
/// declaration is outside namespace `std`.
pub fn std_type(names: &Names, canonical: &Type<'_>, decl: &Entity<'_>, spelling: &str) -> Option<TypeRef> {
    if !in_std(decl) {
        return None;
    }
    let args: Vec<Type<'_>> = canonical.get_template_argument_types().unwrap_or_default().into_iter().flatten().collect();
    let arg = |i: usize| args.get(i).map(|t| Box::new(names.type_ref(t)));
    let std = match decl.get_name().as_deref() {
        Some("basic_string") if is_char(args.first()) => StdType::String,
        Some("vector") => arg(0).map(|element| StdType::Vector { element }).unwrap_or(StdType::Other),
        Some("unordered_map" | "map") => match (arg(0), arg(1)) {
            (Some(key), Some(value)) => StdType::Map { key, value },
            _ => StdType::Other,
        },
        _ => StdType::Other,
    };
    Some(TypeRef::Std { std, spelling: spelling.to_string() })
}

/// Whether a declaration sits in namespace `std` (directly or in an inline
/// namespace such as libstdc++'s `std::__cxx11`).
fn in_std(decl: &Entity<'_>) -> bool {
    let mut parent = decl.get_semantic_parent();
    while let Some(p) = parent {
        if p.get_kind() == EntityKind::Namespace && p.get_name().as_deref() == Some("std") {
            return true;
        }
        parent = p.get_semantic_parent();
    }
    false
}

fn is_char(arg: Option<&Type<'_>>) -> bool {
    arg.is_some_and(|t| matches!(t.get_canonical_type().get_kind(), clang::TypeKind::CharS | clang::TypeKind::CharU))
}

/// When a C parse failed: the first header of the set that uses `std::`
/// (or includes a C++ standard header), reported at its first std:: member
/// (else the `#include`) with the spec key that makes it parse as C++.
pub fn unmarked_cxx_header(set: &super::HeaderSet) -> Option<Diagnostic> {
    set.headers.iter().find_map(|h| {
        let text = std::fs::read_to_string(h).ok()?;
        let lines: Vec<&str> = text.lines().collect();
        let member = lines.iter().position(|l| is_cxx_line(l) && l.contains("std::"));
        let line = member.or_else(|| lines.iter().position(|l| is_cxx_line(l)))?;
        let code = lines[line].split("/*").next().unwrap_or("").split("//").next().unwrap_or("");
        let column = code.find("std::").or_else(|| code.find('#')).unwrap_or(0);
        let name = h.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let message = format!("`{name}` is C++ (`{}`) but is parsed as C", code.trim());
        Some(Diagnostic::new(Kind::Header, message).at_line(h, line as u32 + 1, column as u32 + 1).hint(format!(
            "add \"{name}\" (spelled as in [c].headers) to [c].cxx_headers: std:: members are then read through a generated C++ shim"
        )))
    })
}

fn is_cxx_line(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("").trim_start();
    if code.starts_with('*') || code.starts_with("/*") {
        return false;
    }
    let std_include = code.starts_with("#include") && ["<vector>", "<string>", "<unordered_map>", "<map>"].iter().any(|h| code.contains(h));
    std_include || code.contains("std::")
}

#[cfg(test)]
mod tests {
    use super::is_cxx_line;

    #[test]
    fn cxx_lines_are_code_not_comments() {
        assert!(is_cxx_line("  std::vector <std::string> roiStatus;"));
        assert!(is_cxx_line("#include <unordered_map>"));
        assert!(!is_cxx_line(" * holds a std::string"));
        assert!(!is_cxx_line("int x; // like std::vector"));
        assert!(!is_cxx_line("#include <stdint.h>"));
    }
}
