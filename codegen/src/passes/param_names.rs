//! Python keyword names of function parameters: the C name, unless Python
//! or Rust cannot use it (`from`, `lambda`, `self` get a `_` suffix), and
//! unique within the function (`f(int arg1, int)` names the second `arg1_2`).
//! PyO3 takes keyword names from the Rust identifiers, so one name serves
//! the wrapper, the stub and the API reference.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::ir::{Function, Module};
use crate::spec::LoadedSpec;

/// Python keywords (not usable as parameter names); kept beside the spec's name checks.
pub use crate::spec::PYTHON_KEYWORDS;

/// Rust words that cannot be raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Runs the pass.
pub fn run(_spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    module.functions.iter_mut().for_each(name_params);
    vec![]
}

fn name_params(f: &mut Function) {
    let names = python_names(f.params.iter().map(|p| p.name.as_str()));
    for (p, name) in f.params.iter_mut().zip(names) {
        p.python_name = name;
    }
}

/// Python-safe names for the C names, in order, made unique by a number.
fn python_names<'a>(c_names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut taken = HashSet::new();
    c_names
        .map(|c| {
            let mut name = python_safe(c);
            let mut n = 2;
            while !taken.insert(name.clone()) {
                name = format!("{}_{n}", python_safe(c));
                n += 1;
            }
            name
        })
        .collect()
}

/// `name`, with `_` appended when it is a Python keyword or a Rust word
/// that cannot be a raw identifier.
pub fn python_safe(name: &str) -> String {
    if PYTHON_KEYWORDS.contains(&name) || NOT_RAW.contains(&name) { format!("{name}_") } else { name.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_get_a_suffix_and_duplicates_a_number() {
        let names = python_names(["from", "self", "py", "box", "arg1", "arg1", "lambda_", "lambda"].into_iter());
        assert_eq!(names, ["from_", "self_", "py", "box", "arg1", "arg1_2", "lambda_", "lambda__2"]);
    }
}
