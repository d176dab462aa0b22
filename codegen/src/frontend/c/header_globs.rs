//! Header patterns of `[expose].headers` (`gst/*.h`, `glib/**`): a pattern
//! matches the trailing components of a header's path (`*` and `?` within
//! one component, `**` across any number of them); a pattern starting with
//! `/` matches from the root. The same patterns become regular expressions
//! for bindgen's `allowlist_file`, so both parsers bind the same files.

use std::path::{Component, Path};

/// Whether `path` matches one of `patterns`.
pub fn matches_any(patterns: &[String], path: &Path) -> bool {
    patterns.iter().any(|p| matches(p, path))
}

/// Whether `path` matches `pattern`.
pub fn matches(pattern: &str, path: &Path) -> bool {
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    let names: Vec<String> = path.components().filter_map(normal).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    if pattern.starts_with('/') {
        return match_parts(&parts, &names);
    }
    (0..=names.len()).any(|start| match_parts(&parts, &names[start..]))
}

fn normal(c: Component<'_>) -> Option<String> {
    match c {
        Component::Normal(s) => Some(s.to_string_lossy().to_string()),
        _ => None,
    }
}

/// Whole-sequence match of pattern components against path components.
fn match_parts(parts: &[&str], names: &[&str]) -> bool {
    match parts.split_first() {
        None => names.is_empty(),
        Some((&"**", rest)) => (0..=names.len()).any(|skip| match_parts(rest, &names[skip..])),
        Some((part, rest)) => {
            names.split_first().is_some_and(|(name, tail)| match_component(part.as_bytes(), name.as_bytes()) && match_parts(rest, tail))
        }
    }
}

/// `*` and `?` wildcards within one component.
fn match_component(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|skip| match_component(rest, &name[skip..])),
        Some((b'?', rest)) => !name.is_empty() && match_component(rest, &name[1..]),
        Some((c, rest)) => name.first() == Some(c) && match_component(rest, &name[1..]),
    }
}

/// The pattern as a regular expression over a whole path (bindgen anchors it).
pub fn to_regex(pattern: &str) -> String {
    let mut out = String::from(if pattern.starts_with('/') { "" } else { "(.*/)?" });
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        out += &match (*part, last) {
            ("**", true) => ".*".to_string(),
            ("**", false) => "(.*/)?".to_string(),
            (p, true) => component_regex(p),
            (p, false) => format!("{}/", component_regex(p)),
        };
    }
    if pattern.starts_with('/') { format!("/{out}") } else { out }
}

fn component_regex(part: &str) -> String {
    part.chars()
        .map(|c| match c {
            '*' => "[^/]*".to_string(),
            '?' => "[^/]".to_string(),
            c if "\\.+()|[]{}^$".contains(c) => format!("\\{c}"),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_trailing_components() {
        let p = Path::new("/usr/include/gstreamer-1.0/gst/gstbuffer.h");
        assert!(matches("gst/*.h", p));
        assert!(matches("gstreamer-1.0/**", p));
        assert!(matches("**/gstbuffer.h", p));
        assert!(matches("gst/gstbuf?er.h", p));
        assert!(!matches("gst/*.c", p));
        assert!(!matches("glib/*.h", p));
        assert!(!matches("/gst/*.h", p), "an absolute pattern matches from the root");
        assert!(matches("/usr/include/**/*.h", p));
        assert!(!matches("gst/*.h", Path::new("/usr/include/gstreamer-1.0/gst/base/gstbasesink.h")), "`*` stays in one component");
        assert!(matches("gst/**", Path::new("/usr/include/gstreamer-1.0/gst/base/gstbasesink.h")));
    }

    #[test]
    fn regexes_follow_the_same_rules() {
        assert_eq!(to_regex("gst/*.h"), "(.*/)?gst/[^/]*\\.h");
        assert_eq!(to_regex("glib/**"), "(.*/)?glib/.*");
        assert_eq!(to_regex("a/**/b.h"), "(.*/)?a/(.*/)?b\\.h");
        assert_eq!(to_regex("/opt/x/*.h"), "/opt/x/[^/]*\\.h");
    }
}
