//! `TAG:index:name` references and the tag/index collections built from them.
//!
//! Owns the syntax of stream and side-packet references in a node (and
//! MediaPipe's error messages for bad ones) and the mapping between a
//! calculator's `(tag, index)` ports and the names wired to them. It knows
//! nothing about which streams exist in a graph.

use crate::status::{Result, Status};

/// One port of a node: its tag (may be empty), index within the tag and the
/// stream or side-packet name connected to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagIndexName {
    /// Upper-case tag, or `""` for untagged ports.
    pub tag: String,
    /// Index within the tag.
    pub index: usize,
    /// Lower-case stream or side-packet name.
    pub name: String,
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_lowercase())
        && chars.all(|c| c == '_' || c.is_ascii_digit() || c.is_ascii_lowercase())
}

fn is_tag(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_uppercase())
        && chars.all(|c| c == '_' || c.is_ascii_digit() || c.is_ascii_uppercase())
}

/// Parses a decimal without leading zeros that fits a collection index.
fn parse_number(s: &str) -> Option<usize> {
    let well_formed = s == "0" || (!s.is_empty() && !s.starts_with('0'));
    if !well_formed || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse::<usize>().ok().filter(|n| *n <= 10_000)
}

fn bad_tag_index_name(text: &str) -> Status {
    Status::invalid_argument(format!(
        "TAG:index:name is invalid, \"{text}\" does not match \
         \"([A-Z_][A-Z0-9_]*:((0|[1-9][0-9]*):)?)?[a-z_][a-z0-9_]*\" \
         (examples: \"TAG:name\" \"VIDEO:2:name_b\", \"longer_name\")."
    ))
}

/// Parses `name`, `TAG:name` or `TAG:index:name`. The index is `None` when
/// omitted (the next free index of the tag is used).
pub fn parse_tag_index_name(text: &str) -> Result<(String, Option<usize>, String)> {
    let parts: Vec<&str> = text.split(':').collect();
    let parsed = match parts.as_slice() {
        [name] if is_name(name) => Some((String::new(), None, name.to_string())),
        [tag, name] if is_tag(tag) && is_name(name) => Some((tag.to_string(), None, name.to_string())),
        [tag, number, name] if is_tag(tag) && is_name(name) => parse_number(number).map(|n| (tag.to_string(), Some(n), name.to_string())),
        _ => None,
    };
    parsed.ok_or_else(|| bad_tag_index_name(text))
}

/// Parses the `TAG:index` form used by `InputStreamInfo.tag_index`
/// (`"TAG"`, `":2"`, `"VIDEO:1"`, `""`).
pub fn parse_tag_index(text: &str) -> Result<(String, usize)> {
    let bad = || {
        Status::invalid_argument(format!(
            "TAG:index is invalid, \"{text}\" does not match \
             \"([A-Z_][A-Z0-9_]*)?(:(0|[1-9][0-9]*))?\" (examples: \"TAG\" \"VIDEO:2\")."
        ))
    };
    let (tag, index) = match text.split_once(':') {
        None => (text, Some(0)),
        Some((tag, number)) => (tag, parse_number(number)),
    };
    let index = index.ok_or_else(bad)?;
    if !tag.is_empty() && !is_tag(tag) {
        return Err(bad());
    }
    Ok((tag.to_string(), index))
}

/// The ports of one kind (input streams, output streams, input or output
/// side packets) of a node, in declaration order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagMap {
    entries: Vec<TagIndexName>,
}

impl TagMap {
    /// Builds the map from the node's reference strings, assigning omitted
    /// indexes and checking that every tag's indexes are exactly `0..n`.
    pub fn parse(references: &[String]) -> Result<TagMap> {
        let mut entries: Vec<TagIndexName> = Vec::with_capacity(references.len());
        for text in references {
            let (tag, index, name) = parse_tag_index_name(text)?;
            let index = match index {
                Some(i) => i,
                None => entries.iter().filter(|e| e.tag == tag).count(),
            };
            if entries.iter().any(|e| e.tag == tag && e.index == index) {
                return Err(Status::invalid_argument(format!(
                    "tag \"{tag}\" index {index} already had a name \"{}\" but is being reassigned a name \"{name}\"",
                    entries.iter().find(|e| e.tag == tag && e.index == index).map_or("", |e| &e.name)
                )));
            }
            entries.push(TagIndexName { tag, index, name });
        }
        let map = TagMap { entries };
        map.check_dense()?;
        Ok(map)
    }

    fn check_dense(&self) -> Result<()> {
        for tag in self.tags() {
            let count = self.count(&tag);
            if let Some(e) = self.entries.iter().find(|e| e.tag == tag && e.index >= count) {
                return Err(Status::invalid_argument(format!(
                    "Indexes were not contiguous for tag \"{tag}\": index {} used with only {count} entries",
                    e.index
                )));
            }
        }
        Ok(())
    }

    /// All ports in declaration order.
    pub fn entries(&self) -> &[TagIndexName] {
        &self.entries
    }

    /// Number of ports.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no ports.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Distinct tags, in first-use order.
    pub fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for e in &self.entries {
            if !tags.contains(&e.tag) {
                tags.push(e.tag.clone());
            }
        }
        tags
    }

    /// Number of ports with `tag`.
    pub fn count(&self, tag: &str) -> usize {
        self.entries.iter().filter(|e| e.tag == tag).count()
    }

    /// True when at least one port has `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.count(tag) > 0
    }

    /// Position (in declaration order) of port `(tag, index)`.
    pub fn position(&self, tag: &str, index: usize) -> Option<usize> {
        self.entries.iter().position(|e| e.tag == tag && e.index == index)
    }

    /// The name connected to port `(tag, index)`.
    pub fn name(&self, tag: &str, index: usize) -> Option<&str> {
        self.position(tag, index).map(|p| self.entries[p].name.as_str())
    }

    /// The sorted `(tag, index)` pairs, used to compare two maps' shapes.
    pub fn shape(&self) -> Vec<(String, usize)> {
        let mut shape: Vec<(String, usize)> = self.entries.iter().map(|e| (e.tag.clone(), e.index)).collect();
        shape.sort();
        shape
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms() {
        let refs: Vec<String> = ["a", "VIDEO:v0", "VIDEO:1:v1", "b"].map(String::from).to_vec();
        let map = TagMap::parse(&refs).unwrap();
        assert_eq!(map.name("", 1), Some("b"));
        assert_eq!(map.name("VIDEO", 1), Some("v1"));
        assert_eq!(map.count("VIDEO"), 2);
    }

    #[test]
    fn rejects_bad_syntax_and_gaps() {
        for bad in ["In", "A:b:c:d", "TAG:01:x", "tag:x", ""] {
            let err = parse_tag_index_name(bad).unwrap_err();
            assert!(err.message().starts_with("TAG:index:name is invalid"), "{bad}");
        }
        let gap: Vec<String> = vec!["T:2:x".into()];
        assert!(TagMap::parse(&gap).is_err());
        assert_eq!(parse_tag_index(":3").unwrap(), (String::new(), 3));
        assert!(parse_tag_index("x").is_err());
    }
}
