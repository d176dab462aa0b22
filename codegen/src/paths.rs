//! Path handling shared by every stage: absolute and lexically normalised
//! paths, relative paths between two directories, and the workspace root.
//! Owns no policy about what a path means (spec-relative, crate-relative):
//! callers decide that. Must not depend on any other module of the crate.

use std::path::{Component, Path, PathBuf};

/// Absolute, lexically normalised form of a path (relative to the current
/// directory), so `codegen/../tests/x` and `tests/x` print the same.
pub fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().map(|c| c.join(p)).unwrap_or(p.to_path_buf()) };
    normalize(&abs)
}

/// The workspace root (where the runtime crate lives).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// A path as generated code shows it: relative to the workspace root when
/// inside it, so the output is the same on every machine (`codegen check`
/// compares it); else as given.
pub fn shown_from_root(path: &Path) -> String {
    let abs = absolute(path);
    abs.strip_prefix(workspace_root()).map(|p| p.display().to_string()).unwrap_or_else(|_| path.display().to_string())
}

/// `file` as shown in messages and docs: relative to `base` (with `..` when
/// they share a directory below the root's children, as a spec's
/// `../shared/x.h` does), else absolute (system headers).
pub fn shown_from(file: &Path, base: &Path) -> String {
    if let Ok(inside) = file.strip_prefix(base) {
        return inside.display().to_string();
    }
    let common = file.components().zip(base.components()).take_while(|(a, b)| a == b).count();
    if !file.is_absolute() || common < 3 {
        return file.display().to_string();
    }
    let ups = base.components().count() - common;
    let mut shown = PathBuf::new();
    (0..ups).for_each(|_| shown.push(".."));
    file.components().skip(common).for_each(|c| shown.push(c));
    shown.display().to_string()
}

/// Lexically normalises `a/b/../c` to `a/c`.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Relative path from directory `from` to `to` (both absolute).
pub fn relative(from: &Path, to: &Path) -> String {
    let from = normalize(from);
    let to = normalize(to);
    let common = from.components().zip(to.components()).take_while(|(a, b)| a == b).count();
    let ups = from.components().count() - common;
    let mut rel = PathBuf::new();
    for _ in 0..ups {
        rel.push("..");
    }
    for c in to.components().skip(common) {
        rel.push(c);
    }
    rel.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(relative(Path::new("/r/tests/fixture/generated"), Path::new("/r/runtime")), "../../../runtime");
        assert_eq!(relative(Path::new("/r/a"), Path::new("/r/a/b")), "b");
        assert_eq!(normalize(Path::new("/r/a/../b/./c")), PathBuf::from("/r/b/c"));
    }

    #[test]
    fn shown_paths() {
        let base = Path::new("/work/repo/tests/case");
        assert_eq!(shown_from(Path::new("/work/repo/tests/case/a.h"), base), "a.h");
        assert_eq!(shown_from(Path::new("/work/repo/tests/shared/b.h"), base), "../shared/b.h");
        assert_eq!(shown_from(Path::new("/usr/include/glib-2.0/glib.h"), base), "/usr/include/glib-2.0/glib.h");
        assert_eq!(shown_from(Path::new("/work/other.h"), base), "/work/other.h", "sharing only /work is not a project");
    }
}
