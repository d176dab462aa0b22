//! Formats generated Rust: parse with syn, print with prettyplease. A parse
//! failure is a generator bug, reported with the offending line.

use crate::diagnostic::{Diagnostic, Kind, Result};

/// Parses and pretty-prints a Rust source file.
pub fn rust(path: &str, text: &str) -> Result<String> {
    match syn::parse_file(text) {
        Ok(file) => Ok(prettyplease::unparse(&file)),
        Err(e) => {
            if std::env::var_os("BINDERY_DUMP_UNPARSED").is_some() {
                let _ = std::fs::write(format!("/tmp/bindery-unparsed-{}", path.replace('/', "_")), text);
            }
            Err(vec![
                Diagnostic::new(Kind::Io, format!("internal error: generated {path} does not parse: {e}"))
                    .hint("this is a bindery bug; run `codegen dump-ir` and report it with the spec"),
            ])
        }
    }
}
