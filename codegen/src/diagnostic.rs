//! The one error type of the generator: a diagnostic with a kind, a location
//! (file, line, column, optional span) and a hint, rendered like a compiler
//! message with the offending source line. Every failure the user can cause
//! (spec, header, I/O) becomes one of these; nothing panics. A diagnostic of
//! [`Severity::Warning`] is printed but does not stop generation (a decision
//! the generator had to guess, such as a result whose lifetime is unknown).

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, as a stable code shown in brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The spec is not valid TOML or has a key/value of the wrong shape.
    SpecSyntax,
    /// The spec names something the headers do not have.
    SpecUnknownItem,
    /// The spec is inconsistent (duplicates, impossible combinations).
    SpecInvalid,
    /// A header failed to parse.
    Header,
    /// A file could not be read or written.
    Io,
    /// Generated output differs from what is committed (check mode).
    Stale,
    /// Annotated Rust source that the Rust frontend cannot read or bind.
    RustSource,
    /// The spec leaves a safety decision to a guess (warning).
    SpecIncomplete,
}

/// Whether a diagnostic stops generation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Severity {
    /// Generation fails.
    #[default]
    Error,
    /// Printed; generation goes on.
    Warning,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::SpecSyntax => "spec-syntax",
            Kind::SpecUnknownItem => "spec-unknown",
            Kind::SpecInvalid => "spec-invalid",
            Kind::Header => "header",
            Kind::Io => "io",
            Kind::Stale => "stale",
            Kind::RustSource => "rust-source",
            Kind::SpecIncomplete => "spec-incomplete",
        }
    }
}

/// A located, hinted error.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// What kind of error.
    pub kind: Kind,
    /// One-line message.
    pub message: String,
    /// File it points at.
    pub file: Option<PathBuf>,
    /// Byte span in that file (preferred), else line/column below.
    pub span: Option<std::ops::Range<usize>>,
    /// 1-based line when no span is known.
    pub line: u32,
    /// 1-based column when no span is known.
    pub column: u32,
    /// How to fix it.
    pub hint: Option<String>,
    /// Error or warning.
    pub severity: Severity,
}

impl Diagnostic {
    /// A diagnostic without location.
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic { kind, message: message.into(), file: None, span: None, line: 0, column: 0, hint: None, severity: Severity::Error }
    }

    /// Makes this a warning: printed, but generation goes on.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether this is a warning.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// Points at a byte span of `file`.
    pub fn at_span(mut self, file: &Path, span: std::ops::Range<usize>) -> Self {
        self.file = Some(file.to_path_buf());
        self.span = Some(span);
        self
    }

    /// Points at a line and column of `file`.
    pub fn at_line(mut self, file: &Path, line: u32, column: u32) -> Self {
        self.file = Some(file.to_path_buf());
        self.line = line;
        self.column = column;
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Renders with the source line (read from disk) and a caret under the span.
    pub fn render(&self) -> String {
        let source = self.file.as_ref().and_then(|f| std::fs::read_to_string(f).ok());
        self.render_with(source.as_deref())
    }

    /// Renders against the given source text of `self.file`.
    pub fn render_with(&self, source: Option<&str>) -> String {
        let label = if self.is_warning() { "warning" } else { "error" };
        let mut out = format!("{label}[{}]: {}\n", self.kind.code(), self.message);
        let (line, col, width) = self.position(source);
        if let Some(file) = &self.file {
            out += &format!("  --> {}:{}:{}\n", display_path(file), line, col);
            if let Some(text) = source.and_then(|s| s.lines().nth(line.saturating_sub(1) as usize)) {
                let gutter = line.to_string().len();
                out += &format!(
                    "{:gutter$} |\n{line} | {text}\n{:gutter$} | {}{}\n",
                    "",
                    "",
                    " ".repeat(col.saturating_sub(1) as usize),
                    "^".repeat(width.max(1))
                );
            }
        }
        if let Some(hint) = &self.hint {
            out += &format!("  = hint: {hint}\n");
        }
        out
    }

    fn position(&self, source: Option<&str>) -> (u32, u32, usize) {
        match (&self.span, source) {
            (Some(span), Some(text)) if span.start <= text.len() => {
                let before = &text[..span.start];
                let line = before.matches('\n').count() as u32 + 1;
                let col = (span.start - before.rfind('\n').map(|i| i + 1).unwrap_or(0)) as u32 + 1;
                let line_end = text[span.start..].find('\n').map(|i| span.start + i).unwrap_or(text.len());
                (line, col, span.end.min(line_end).saturating_sub(span.start))
            }
            _ => (self.line.max(1), self.column.max(1), 1),
        }
    }
}

/// Paths are shown relative to the current directory when possible (stable snapshots).
fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    cwd.and_then(|c| path.strip_prefix(c).ok().map(|p| p.display().to_string())).unwrap_or_else(|| path.display().to_string())
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Diagnostic {}

/// Result of generator steps; several diagnostics may be reported at once.
pub type Result<T> = std::result::Result<T, Vec<Diagnostic>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_line_and_caret_from_span() {
        let src = "[module]\nname = 3\n";
        let d = Diagnostic::new(Kind::SpecSyntax, "bad name").at_span(Path::new("spec.toml"), 16..17).hint("use a string");
        let text = d.render_with(Some(src));
        assert!(text.contains("spec.toml:2:8"), "{text}");
        assert!(text.contains("2 | name = 3"), "{text}");
        assert!(text.contains("= hint: use a string"), "{text}");
    }
}
