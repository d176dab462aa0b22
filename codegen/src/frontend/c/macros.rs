//! Integer `#define`s: a macro whose body is one integer literal, optionally
//! negated and parenthesised (`42`, `(-1)`, `0xFFu`, `(1 << 4)` is not).
//! Other macros are recorded as skipped with the reason.

use clang::Entity;

use crate::ir::{ItemKind, SkipReason, Skipped, SourceLoc};

/// The skip record of a macro that is not an integer constant.
pub fn skip(entity: &Entity<'_>, name: String, loc: SourceLoc) -> Skipped {
    if entity.is_function_like_macro() {
        let detail = "expands at compile time; there is no symbol to call";
        return Skipped::new(name, ItemKind::Macro, SkipReason::FunctionMacro, detail, loc);
    }
    let body = body_tokens(entity).join(" ");
    if body.is_empty() {
        return Skipped::new(name, ItemKind::Macro, SkipReason::EmptyMacro, "no body (a flag or an include guard)", loc);
    }
    let shown = if body.chars().count() > 48 { format!("{}…", body.chars().take(47).collect::<String>()) } else { body };
    Skipped::new(name, ItemKind::Macro, SkipReason::NotIntegerMacro, format!("body `{shown}` is not one integer literal"), loc)
}

fn body_tokens(entity: &Entity<'_>) -> Vec<String> {
    let tokens: Vec<String> = entity.get_range().map(|r| r.tokenize().iter().map(|t| t.get_spelling()).collect()).unwrap_or_default();
    tokens.into_iter().skip(1).collect()
}

/// The value of an object-like integer macro, if it is one.
pub fn integer_value(entity: &Entity<'_>) -> Option<i128> {
    if entity.is_function_like_macro() {
        return None;
    }
    parse_tokens(&body_tokens(entity))
}

fn parse_tokens(body: &[String]) -> Option<i128> {
    let body: Vec<&str> = body.iter().map(String::as_str).filter(|t| *t != "(" && *t != ")").collect();
    match body.as_slice() {
        [lit] => parse_literal(lit),
        ["-", lit] => parse_literal(lit).map(|v| -v),
        _ => None,
    }
}

fn parse_literal(lit: &str) -> Option<i128> {
    let digits = lit.trim_end_matches(['u', 'U', 'l', 'L']);
    if let Some(hex) = digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        i128::from_str_radix(hex, 16).ok()
    } else if digits.len() > 1 && digits.starts_with('0') {
        i128::from_str_radix(&digits[1..], 8).ok()
    } else {
        digits.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &[&str]) -> Vec<String> {
        s.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn literal_forms() {
        assert_eq!(parse_tokens(&toks(&["32"])), Some(32));
        assert_eq!(parse_tokens(&toks(&["(", "-", "1", ")"])), Some(-1));
        assert_eq!(parse_tokens(&toks(&["0xFFFFFFFFFFFFFFFF"])), Some(u64::MAX as i128));
        assert_eq!(parse_tokens(&toks(&["16U"])), Some(16));
        assert_eq!(parse_tokens(&toks(&["1", "<<", "4"])), None);
        assert_eq!(parse_tokens(&toks(&["\"str\""])), None);
    }
}
