//! Rewrites bindgen's layout tests in `ffi.rs` as one `rt::layout!` line per
//! struct. bindgen emits a `const _: () = { … };` block per struct holding
//! one `["Size of T"][size_of::<T>() - N];`-style statement per check, which
//! prettyplease prints on three lines each (a third of pyds's `ffi.rs`). The
//! rewrite keeps every check (size, alignment, each field offset, with the
//! numbers libclang computed); a block of any other shape is left as it is.

use syn::{BinOp, Expr, Item, Lit, Stmt};

/// Replaces each bindgen layout-test block of `file` that has the usual
/// shape (size, alignment, then field offsets of one struct) with its
/// `crate::rt::layout!` line.
pub fn compact(file: &mut syn::File) {
    for item in &mut file.items {
        if let Some(rewritten) = layout_line(item).and_then(|line| syn::parse_str::<Item>(&line).ok()) {
            *item = rewritten;
        }
    }
}

/// One check of a layout-test block: its label and the number it expects.
struct Check {
    label: String,
    value: u64,
}

/// The `crate::rt::layout!` line for a layout-test block, or `None` when
/// `item` is something else or has a shape this rewrite does not know.
fn layout_line(item: &Item) -> Option<String> {
    let Item::Const(c) = item else { return None };
    if c.ident != "_" {
        return None;
    }
    let Expr::Block(block) = &*c.expr else { return None };
    let checks: Option<Vec<Check>> = block.block.stmts.iter().map(check_of).collect();
    render(&checks?)
}

/// `["label"][EXPR - Nusize];` → (label, N).
fn check_of(stmt: &Stmt) -> Option<Check> {
    let Stmt::Expr(Expr::Index(index), Some(_)) = stmt else { return None };
    let Expr::Array(array) = &*index.expr else { return None };
    let [Expr::Lit(label)] = array.elems.iter().collect::<Vec<_>>()[..] else { return None };
    let Lit::Str(label) = &label.lit else { return None };
    let Expr::Binary(difference) = &*index.index else { return None };
    let (BinOp::Sub(_), Expr::Lit(value)) = (&difference.op, &*difference.right) else { return None };
    let Lit::Int(value) = &value.lit else { return None };
    Some(Check { label: label.value(), value: value.base10_parse().ok()? })
}

/// `crate::rt::layout!(T, size = S, align = A; f @ O, …);` from the checks,
/// which must be "Size of T", "Alignment of T", then "Offset of field: T::f".
fn render(checks: &[Check]) -> Option<String> {
    let [size, align, fields @ ..] = checks else { return None };
    let ty = size.label.strip_prefix("Size of ").filter(|t| is_ident(t))?;
    (align.label == format!("Alignment of {ty}")).then_some(())?;
    let prefix = format!("Offset of field: {ty}::");
    let offsets: Option<Vec<String>> =
        fields.iter().map(|f| f.label.strip_prefix(&prefix).filter(|n| is_ident(n)).map(|n| format!("{n} @ {}", f.value))).collect();
    Some(format!("crate::rt::layout!({ty}, size = {}, align = {}; {});", size.value, align.value, offsets?.join(", ")))
}

/// Re-wraps the `crate::rt::layout!` lines of prettyplease's output so that
/// no `field @ offset` pair is split across lines (prettyplease wraps a
/// macro's tokens anywhere): one line when it fits in 100 columns,
/// otherwise the struct on the first line and the fields wrapped below.
pub fn reflow(text: &str) -> String {
    const OPEN: &str = "crate::rt::layout!(";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        let Some(len) = rest[start..].find(");") else { break };
        out.push_str(&rest[..start]);
        let tokens = rest[start + OPEN.len()..start + len].split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&wrapped(&tokens));
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// `crate::rt::layout!(TOKENS);` within 100 columns, breaking only between fields.
fn wrapped(tokens: &str) -> String {
    let one_line = format!("crate::rt::layout!({tokens});");
    let Some((head, fields)) = tokens.split_once("; ").filter(|_| one_line.len() > 100) else { return one_line };
    let mut out = format!("crate::rt::layout!(\n    {head};\n");
    let mut line = String::new();
    for field in fields.split(", ") {
        if !line.is_empty() && line.len() + field.len() + 7 > 100 {
            out.push_str(&format!("    {line},\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(", ");
        }
        line.push_str(field);
    }
    out + &format!("    {line}\n);")
}

fn is_ident(text: &str) -> bool {
    syn::parse_str::<syn::Ident>(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compacted(source: &str) -> String {
        let mut file = syn::parse_file(source).unwrap();
        compact(&mut file);
        prettyplease::unparse(&file)
    }

    #[test]
    fn a_struct_block_becomes_one_layout_line() {
        let out = compacted(
            r#"const _: () = {
                ["Size of P"][::std::mem::size_of::<P>() - 8usize];
                ["Alignment of P"][::std::mem::align_of::<P>() - 4usize];
                ["Offset of field: P::x"][::std::mem::offset_of!(P, x) - 0usize];
                ["Offset of field: P::y"][::std::mem::offset_of!(P, y) - 4usize];
            };"#,
        );
        assert_eq!(out.trim(), "crate::rt::layout!(P, size = 8, align = 4; x @ 0, y @ 4);");
    }

    #[test]
    fn long_lines_break_between_fields_only() {
        let fields: Vec<String> = (0..20).map(|i| format!("field_{i} @ {}", i * 8)).collect();
        let text = format!("crate::rt::layout!(\n    Wide, size = 160, align = 8; {}\n);\nfn after() {{}}", fields.join(",\n "));
        let out = reflow(&text);
        assert!(out.starts_with("crate::rt::layout!(\n    Wide, size = 160, align = 8;\n    field_0 @ 0, field_1 @ 8,"));
        assert!(out.lines().all(|l| l.len() <= 100), "{out}");
        assert!(out.lines().all(|l| !l.trim_end().ends_with('@')), "{out}");
        assert!(out.ends_with("field_19 @ 152\n);\nfn after() {}"), "{out}");
        assert_eq!(
            reflow("crate::rt::layout!(\n    P, size = 8, align = 4; x @\n    0\n);"),
            "crate::rt::layout!(P, size = 8, align = 4; x @ 0);"
        );
    }

    #[test]
    fn other_shapes_are_left_alone() {
        let source = r#"const _: () = {
            ["Size of template specialization: V<i32>"][::std::mem::size_of::<V<i32>>() - 8usize];
            ["Align of template specialization: V<i32>"][::std::mem::align_of::<V<i32>>() - 4usize];
        };"#;
        assert!(compacted(source).contains("template specialization"));
        assert!(compacted("const X: u32 = 1;").contains("const X: u32 = 1;"));
    }
}
